"""The self-check's files: the result report as PDF and the raw answers as XLSX.

The PDF is rendered by WeasyPrint from `selfcheck/report_pdf.html`, with the print
stylesheet `static/selfcheck/report.css` read from the package (no web server
involved) and a URL fetcher that fetches nothing: the report consists only of the
markup we render, so no answer text can make WeasyPrint load a resource.
"""

import io
from pathlib import Path

from django.template.defaultfilters import slugify
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from teilhabe.selfcheck.models import Answer, ItemKind
from teilhabe.selfcheck.radar import radar_for
from teilhabe.selfcheck.results import RoundResults
from teilhabe.selfcheck.scoring import answer_score

REPORT_CSS = Path(__file__).resolve().parent / "static" / "selfcheck" / "report.css"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
UMLAUTS = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}
)


def file_stem(results: RoundResults) -> str:
    round_ = results.round
    slug = slugify(round_.municipality.name.translate(UMLAUTS)) or str(round_.municipality_id)
    return f"selbstcheck-{slug}-{round_.pk}"


def report_pdf(results: RoundResults) -> bytes:
    """The result report as PDF (A4, page numbers, in the active language)."""
    return report_document(results).write_pdf()


def report_document(results: RoundResults):
    """The report laid out by WeasyPrint (a `weasyprint.document.Document`): its pages'
    boxes are what the PDF draws, so tests can check the layout, not only the text."""
    from weasyprint import CSS, HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(
        "selfcheck/report_pdf.html",
        {
            "results": results,
            "round": results.round,
            "radar": radar_for(results),
            "pdf": True,
            "LANGUAGE_CODE": get_language() or "de",
        },
    )
    nothing = URLFetcher(allowed_protocols=())
    document = HTML(string=html, url_fetcher=nothing)
    return document.render(stylesheets=[CSS(filename=str(REPORT_CSS))])


def _text_cell(cell) -> None:
    # Text stays text: an answer starting with "=" must not become a formula.
    if isinstance(cell.value, str):
        cell.data_type = "s"


def answers_xlsx(results: RoundResults) -> bytes:
    """Raw answers (one row per response and item) and the field scores per perspective."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Answers")[:31]
    headers = [
        _("Response"),
        _("Perspective"),
        _("Department or organisation"),
        _("Submitted"),
        _("Field of action"),
        _("Item key"),
        _("Statement"),
        _("Value"),
        _("Score (0–100)"),
        _("Don't know"),
        _("Text"),
    ]
    widths = [10, 22, 26, 18, 32, 18, 60, 12, 12, 12, 60]
    sheet.append(headers)
    numbers = {response.pk: index for index, response in enumerate(results.responses, start=1)}
    fields = {row.field.pk: row.field for row in results.fields}
    order = {
        item.item.pk: index for index, item in enumerate(r for f in results.fields for r in f.items)
    }
    answers: list[Answer] = sorted(
        results.answers, key=lambda a: (numbers.get(a.response_id, 0), order.get(a.item_id, 0))
    )
    yes_no = {True: _("yes"), False: _("no")}
    for answer in answers:
        response, item = answer.response, answer.item
        if item.kind == ItemKind.LIKERT:
            value = answer.scale
        elif item.kind == ItemKind.YES_NO:
            value = yes_no.get(answer.yes) if answer.yes is not None else None
        else:
            value = None
        submitted = response.submitted_at
        sheet.append(
            [
                numbers.get(response.pk),
                response.get_perspective_display(),
                response.department,
                timezone.localtime(submitted).replace(tzinfo=None) if submitted else None,
                fields[item.field_id].display_name if item.field_id in fields else "",
                item.key,
                item.display_text,
                value,
                answer_score(answer),
                yes_no[answer.dont_know] if item.kind != ItemKind.TEXT else "",
                answer.text,
            ]
        )
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            _text_cell(cell)
        row[3].number_format = "yyyy-mm-dd hh:mm"
    _header(sheet, bold, Alignment, widths, get_column_letter)

    scores = workbook.create_sheet(_("Scores")[:31])
    score_headers = [
        _("Field of action"),
        *[p.label for p in results.perspectives],
        _("All perspectives"),
        _("Don't know"),
    ]
    scores.append(score_headers)
    for row in results.fields:
        scores.append(
            [
                row.field.display_name,
                *[_rounded(cell.value) for cell in row.scores],
                _rounded(row.overall),
                row.dont_know,
            ]
        )
    for row in scores.iter_rows(min_row=2):
        for cell in row:
            _text_cell(cell)
    _header(scores, bold, Alignment, [40] + [16] * (len(score_headers) - 1), get_column_letter)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _header(sheet, bold, alignment, widths, column_letter) -> None:
    for cell in sheet[1]:
        cell.font = bold
        cell.alignment = alignment(wrap_text=True, vertical="top")
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[column_letter(index)].width = width
    sheet.freeze_panes = "A2"
