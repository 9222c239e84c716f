"""The result report as PDF and the raw answers as XLSX, opened and read back."""

import io
import re
import subprocess

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import Perspective
from tests.conftest import login
from tests.selfcheck.results_fixtures import build_round, build_version, respond


@pytest.fixture
def checked(process, municipality, db):
    version, fields = build_version(1)
    round_ = build_round(municipality, version, title="Selbstcheck 2024")
    respond(
        round_,
        Perspective.ADMINISTRATION,
        values={"haltung-1": 5, "verwaltung-1": "?", "oeffnung-text": '=HYPERLINK("x")'},
        department="Personalamt",
    )
    respond(round_, Perspective.POLITICS, values={"haltung-1": 1})
    services.save_workshop_note(
        round_, fields["haltung"], potentials="Leitbild gemeinsam erneuern", recommendations=""
    )
    services.add_first_step(round_, fields["haltung"], text="Beirat einladen", by=None)
    return round_


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "report.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_pdf_report_holds_municipality_fields_and_workshop_record(
    client, coordinator, checked, tmp_path
):
    login(client, coordinator)
    response = client.get(reverse("selfcheck:report_pdf", args=[checked.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="selbstcheck-neckarbrueck-{checked.pk}.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content, tmp_path)
    flat = " ".join(text.split())
    assert "Neckarbrück" in flat
    assert "Selbstcheck 2024" in flat
    # German by default: field names and headings in German.
    for name in ("Haltung und Leitbild", "Kultur und Struktur der Verwaltung"):
        assert name in flat
    assert "Leitbild gemeinsam erneuern" in flat
    assert "Beirat einladen" in flat
    assert re.search(r"\b1 ?/ ?\d", flat)  # page numbers


def test_pdf_of_a_round_without_answers(client, office, process, municipality, tmp_path):
    version, _fields = build_version(1)
    round_ = build_round(municipality, version)
    login(client, office)
    response = client.get(reverse("selfcheck:report_pdf", args=[round_.pk]))
    assert response.status_code == 200
    assert "Neckarbrück" in pdf_text(response.content, tmp_path)


def test_xlsx_holds_raw_answers_and_scores(client, office, checked, django_assert_max_num_queries):
    login(client, office)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("selfcheck:answers_xlsx", args=[checked.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    workbook = load_workbook(io.BytesIO(response.content))
    answers, scores = workbook.worksheets
    assert answers.freeze_panes == "A2"
    header = [cell.value for cell in answers[1]]
    assert len(header) == 11
    assert all(cell.font.b for cell in answers[1])
    rows = [[cell.value for cell in row] for row in answers.iter_rows(min_row=2)]
    # 2 responses × 8 items, minus the free text the second one left empty
    assert len(rows) == 15
    first = rows[0]
    assert first[0] == 1
    assert first[2] == "Personalamt"
    assert first[5] == "haltung-1"
    assert (first[7], first[8]) == (5, 100.0)
    dont_know = next(row for row in rows if row[5] == "verwaltung-1" and row[0] == 1)
    assert dont_know[7] is None and dont_know[8] is None
    text = next(row for row in rows if row[5] == "oeffnung-text")
    assert text[10] == '=HYPERLINK("x")'
    text_cell = next(c for c in answers["K"] if c.value == '=HYPERLINK("x")')
    assert text_cell.data_type == "s"  # stays text, never a formula
    assert scores["A1"].value in ("Handlungsfeld", "Field of action")
    haltung = next(
        row
        for row in scores.iter_rows(min_row=2, values_only=True)
        if row[0] == "Haltung und Leitbild"
    )
    # Administration: (100 + 50 + 100) / 3; politics: (0 + 50 + 100) / 3
    assert haltung[1:4] == (83.3, 50.0, 66.7)


def test_xlsx_headers_in_english(client, coordinator, checked):
    coordinator.preferred_language = "en"
    coordinator.save()
    login(client, coordinator)
    response = client.get(reverse("selfcheck:answers_xlsx", args=[checked.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames[0] == "Answers"
    assert [cell.value for cell in workbook.active[1]][:4] == [
        "Response",
        "Perspective",
        "Department or organisation",
        "Submitted",
    ]
