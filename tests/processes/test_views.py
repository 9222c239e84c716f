from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.processes.models import (
    Block,
    BlockDocument,
    BlockStatus,
    CatalogueStatus,
    ConsultingEntry,
    LogAction,
    Phase,
)
from tests.factories import (
    BlockFactory,
    ConsultingEntryFactory,
    FacilitatorFactory,
    ProcessFactory,
)
from tests.processes.uploads import PDF_BYTES, pdf, zip_bytes

# (url name, which fixture gives the pk, allowed methods)
VIEWS = [
    ("process_detail", "process", ["GET"]),
    ("process_timeline", "process", ["GET"]),
    ("process_log", "process", ["GET"]),
    ("block_add", "process", ["GET", "POST"]),
    ("budget", "process", ["GET", "POST"]),
    ("facilitators", "process", ["GET", "POST"]),
    ("process_close", "process", ["GET", "POST"]),
    ("block_detail", "block", ["GET"]),
    ("block_edit", "block", ["GET", "POST"]),
    ("block_status", "block", ["POST"]),
    ("block_move", "block", ["POST"]),
    ("document_upload", "block", ["POST"]),
    ("document_download", "document", ["GET"]),
    ("document_delete", "document", ["POST"]),
    ("consulting_edit", "consulting", ["GET", "POST"]),
    ("consulting_delete", "consulting", ["GET", "POST"]),
    ("catalogue_list", "programme", ["GET"]),
    ("catalogue_draft", "programme", ["POST"]),
    ("catalogue_detail", "draft", ["GET"]),
    ("catalogue_publish", "draft", ["POST"]),
    ("block_type_create", "draft", ["GET", "POST"]),
    ("block_type_edit", "draft_type", ["GET", "POST"]),
]
PROCESS_SCOPED = [
    view for view in VIEWS if view[1] in {"process", "block", "document", "consulting"}
]
CATALOGUE_SCOPED = [view for view in VIEWS if view[1] in {"draft", "draft_type"}]


def url_for(request, name: str, source: str) -> str:
    if source == "draft_type":
        draft = request.getfixturevalue("draft")
        return reverse(f"processes:{name}", args=[draft.pk, draft.block_types.first().pk])
    return reverse(f"processes:{name}", args=[request.getfixturevalue(source).pk])


def call(client, method: str, url: str, **extra):
    return getattr(client, method.lower())(url, **extra)


# --- Matrix: anonymous, wrong method, out of scope ------------------------------------


@pytest.mark.parametrize(("name", "source", "methods"), VIEWS)
def test_anonymous_is_sent_to_login(client, request, name, source, methods):
    url = url_for(request, name, source)
    for method in methods:
        response = call(client, method, url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_process_list_anonymous(client, db):
    response = client.get(reverse("processes:process_list"))
    assert response.status_code == 302


@pytest.mark.parametrize(("name", "source", "methods"), VIEWS)
def test_wrong_method(client, request, office, name, source, methods):
    url = url_for(request, name, source)
    client.force_login(office)
    wrong = "DELETE" if methods == ["GET", "POST"] else ("POST" if methods == ["GET"] else "GET")
    response = client.generic(wrong, url)
    assert response.status_code == 405


def test_process_list_wrong_method(client, office):
    client.force_login(office)
    assert client.post(reverse("processes:process_list")).status_code == 405


@pytest.mark.parametrize("who", ["outsider", "other_facilitator", "other_office"])
@pytest.mark.parametrize(("name", "source", "methods"), PROCESS_SCOPED)
def test_out_of_scope_is_404(client, request, who, name, source, methods):
    url = url_for(request, name, source)
    client.force_login(request.getfixturevalue(who))
    for method in methods:
        assert call(client, method, url).status_code == 404


@pytest.mark.parametrize("who", ["outsider", "other_facilitator", "other_office"])
@pytest.mark.parametrize(("name", "source", "methods"), CATALOGUE_SCOPED)
def test_draft_catalogue_is_invisible_outside_the_office(
    client, request, who, name, source, methods
):
    url = url_for(request, name, source)
    client.force_login(request.getfixturevalue(who))
    for method in methods:
        assert call(client, method, url).status_code == 404


@pytest.mark.parametrize("name", ["catalogue_list", "catalogue_draft"])
def test_programme_of_another_office_is_404(client, programme, other_office, name):
    client.force_login(other_office)
    method = "get" if name == "catalogue_list" else "post"
    url = reverse(f"processes:{name}", args=[programme.pk])
    assert getattr(client, method)(url).status_code == 404


# --- Process list ---------------------------------------------------------------------


def test_process_list_shows_only_visible_processes(client, coordinator, process, other_process):
    client.force_login(coordinator)
    response = client.get(reverse("processes:process_list"))
    assert response.status_code == 200
    assert "Neckarbrück" in response.text
    assert "Lindenau" not in response.text


def test_process_list_filters_by_round_and_phase(client, office, process, other_process, programme):
    from tests.factories import RoundFactory

    later = ProcessFactory(round=RoundFactory(programme=programme))
    BlockFactory(process=process, phase=Phase.ANALYSIS, status=BlockStatus.DONE)
    BlockFactory(process=process, phase=Phase.PARTICIPATION)
    BlockFactory(process=other_process, phase=Phase.ANALYSIS)
    client.force_login(office)
    url = reverse("processes:process_list")
    response = client.get(url, {"round": later.round_id})
    assert list(response.context["page"]) == [later]
    response = client.get(url, {"phase": Phase.PARTICIPATION})
    assert list(response.context["page"]) == [process]
    response = client.get(url, {"phase": "completed"})
    assert list(response.context["page"]) == []
    response = client.get(url, {"round": "not-a-round"})
    assert response.status_code == 200
    assert len(response.context["page"]) == 3


def _make_processes(round_, facilitator, count):
    for _ in range(count):
        process = ProcessFactory(round=round_, facilitators=[facilitator])
        BlockFactory(process=process)
        ConsultingEntryFactory(process=process, facilitator=facilitator)


@pytest.mark.parametrize("count", [3, 25])
def test_process_list_query_count_is_constant(
    client, office, round_, facilitator, count, django_assert_max_num_queries
):
    _make_processes(round_, facilitator, count)
    client.force_login(office)
    with django_assert_max_num_queries(10):
        response = client.get(reverse("processes:process_list"), {"phase": Phase.ANALYSIS})
    assert response.status_code == 200
    assert len(response.context["page"]) == min(count, 20)


# --- Process detail, timeline, log ----------------------------------------------------


@pytest.fixture
def planned_blocks(process, team_member):
    today = timezone.localdate()
    done = BlockFactory(
        process=process,
        name="Auftaktgespräch",
        phase=Phase.ANALYSIS,
        status=BlockStatus.DONE,
        planned_start=date(2020, 6, 10),
        planned_end=date(2020, 7, 1),
        actual_start=date(2020, 6, 12),
        actual_end=date(2020, 7, 3),
    )
    overdue = BlockFactory(
        process=process,
        name="Stakeholderanalyse",
        phase=Phase.ANALYSIS,
        planned_start=today - timedelta(days=30),
        planned_end=today - timedelta(days=2),
    )
    overdue.responsible.set([team_member])
    unscheduled = BlockFactory(process=process, name="Zukunftswerkstatt", phase=Phase.PARTICIPATION)
    return done, overdue, unscheduled


def test_process_detail_for_coordinator(client, coordinator, process, planned_blocks):
    done, overdue, _ = planned_blocks
    client.force_login(coordinator)
    response = client.get(reverse("processes:process_detail", args=[process.pk]))
    assert response.status_code == 200
    html = response.text
    assert "Neckarbrück" in html and "Jonas Keller" in html
    for phase in Phase:
        assert str(phase.label) in html
    assert f'id="block-{overdue.pk}"' in html
    assert "badge-overdue" in html
    assert reverse("processes:block_status", args=[done.pk]) in html
    assert reverse("processes:block_move", args=[done.pk]) in html
    assert reverse("processes:block_add", args=[process.pk]) in html
    assert 'id="timeline"' in html and 'id="process-progress"' in html
    assert f'data-block-id="{overdue.pk}" data-status="planned"' in html
    assert html.index("Stakeholderanalyse", html.index("due-heading")) > 0
    assert 'style="' not in html  # CSP: no inline styles


def test_process_detail_for_office_is_read_only(client, office, process, planned_blocks):
    client.force_login(office)
    response = client.get(reverse("processes:process_detail", args=[process.pk]))
    assert response.status_code == 200
    assert reverse("processes:block_status", args=[planned_blocks[0].pk]) not in response.text
    assert reverse("processes:block_add", args=[process.pk]) not in response.text
    assert reverse("processes:facilitators", args=[process.pk]) in response.text


def test_process_detail_team_member_controls_only_own_blocks(
    client, team_member, process, planned_blocks
):
    done, overdue, _ = planned_blocks
    client.force_login(team_member)
    html = client.get(reverse("processes:process_detail", args=[process.pk])).text
    assert reverse("processes:block_status", args=[overdue.pk]) in html
    assert reverse("processes:block_status", args=[done.pk]) not in html
    assert reverse("processes:block_move", args=[overdue.pk]) not in html


@pytest.mark.parametrize("count", [3, 15])
def test_process_detail_query_count_is_constant(
    client, coordinator, process, team_member, count, django_assert_max_num_queries
):
    for index in range(count):
        block = BlockFactory(process=process, phase=Phase.values[index % 3])
        block.responsible.set([team_member])
    client.force_login(coordinator)
    with django_assert_max_num_queries(8):
        response = client.get(reverse("processes:process_detail", args=[process.pk]))
    assert response.status_code == 200


def test_timeline_page(client, facilitator, process, planned_blocks):
    unscheduled = planned_blocks[2]
    client.force_login(facilitator)
    response = client.get(reverse("processes:process_timeline", args=[process.pk]))
    assert response.status_code == 200
    html = response.text
    assert 'class="timeline-bar status-done"' in html
    assert f'data-block-id="{unscheduled.pk}"' in html
    assert "not scheduled" in html or "nicht geplant" in html
    assert 'role="img"' in html and '<table class="kern-table">' in html and "<details" in html
    assert 'style="' not in html
    timeline = response.context["timeline"]
    assert timeline.start == process.started_on


def test_process_log_lists_entries_newest_first(client, coordinator, process, block):
    from teilhabe.processes import services

    services.set_block_status(block, BlockStatus.IN_PROGRESS, by=coordinator)
    services.set_block_status(block, BlockStatus.DONE, by=coordinator, results="Protokoll")
    client.force_login(coordinator)
    response = client.get(reverse("processes:process_log", args=[process.pk]))
    assert response.status_code == 200
    entries = list(response.context["page"])
    assert [e.data["to"] for e in entries] == ["done", "in_progress"]
    assert "Sabine Wolf" in response.text


@pytest.mark.parametrize("count", [3, 25])
def test_process_log_query_count_is_constant(
    client, coordinator, process, block, count, django_assert_max_num_queries
):
    from teilhabe.processes import services

    for _ in range(count):
        services.log(
            process,
            LogAction.BLOCK_CHANGED,
            by=coordinator,
            subject=block.name,
            data={"fields": ["notes"]},
        )
    client.force_login(coordinator)
    with django_assert_max_num_queries(7):
        response = client.get(reverse("processes:process_log", args=[process.pk]))
    assert response.status_code == 200


# --- Block status (with and without htmx) ----------------------------------------------


def test_status_change_without_js_redirects_back(client, coordinator, block):
    client.force_login(coordinator)
    url = reverse("processes:block_status", args=[block.pk])
    back = reverse("processes:process_detail", args=[block.process_id]) + f"#block-{block.pk}"
    response = client.post(url, {"status": "in_progress", "next": back})
    assert response.status_code == 302
    assert response["Location"] == back
    block.refresh_from_db()
    assert block.status == BlockStatus.IN_PROGRESS
    assert block.actual_start is not None
    # An external `next` is ignored.
    response = client.post(
        url, {"status": "done", "results": "Protokoll", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("processes:process_detail", args=[block.process_id])


def test_status_change_with_htmx_returns_partial_and_oob_timeline(client, coordinator, block):
    client.force_login(coordinator)
    response = client.post(
        reverse("processes:block_status", args=[block.pk]),
        {"status": "done", "results": "Zwölf Vereine kamen."},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.text
    assert "<html" not in html
    assert html.lstrip().startswith("<li")
    assert f'id="block-{block.pk}"' in html and 'data-status="done"' in html
    assert 'id="timeline" class="timeline-wrap" hx-swap-oob="true"' in html
    assert 'id="process-progress" class="process-progress" hx-swap-oob="true"' in html
    block.refresh_from_db()
    assert block.status == BlockStatus.DONE


def test_dropping_without_reason_shows_error_and_saves_nothing(client, coordinator, block):
    client.force_login(coordinator)
    url = reverse("processes:block_status", args=[block.pk])
    response = client.post(url, {"status": "dropped"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "<html" not in response.text
    assert "errorlist" in response.text
    assert 'data-status="planned"' in response.text
    response = client.post(url, {"status": "dropped", "drop_reason": "  "})
    assert response.status_code == 200
    assert "<html" in response.text and "errorlist" in response.text
    block.refresh_from_db()
    assert block.status == BlockStatus.PLANNED
    assert not block.process.log_entries.exists()
    response = client.post(url, {"status": "dropped", "drop_reason": "Kein Bedarf"})
    assert response.status_code == 302
    block.refresh_from_db()
    assert (block.status, block.drop_reason) == (BlockStatus.DROPPED, "Kein Bedarf")


def test_status_change_forbidden_for_office_and_foreign_team_member(
    client, office, team_member, block
):
    url = reverse("processes:block_status", args=[block.pk])
    for user in (office, team_member):
        client.force_login(user)
        assert client.post(url, {"status": "done", "results": "Gut"}).status_code == 403
    block.responsible.add(team_member)
    assert client.post(url, {"status": "done", "results": "Gut"}).status_code == 302


# --- Block add, edit, move, detail ------------------------------------------------------


def test_block_add_from_catalogue(client, facilitator, process, catalogue):
    client.force_login(facilitator)
    url = reverse("processes:block_add", args=[process.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert "Auftaktgespräch" in response.text
    block_type = catalogue.block_types.get(key="auftakt")
    response = client.post(url, {"block_type": block_type.pk, "responsible": [facilitator.pk]})
    assert response.status_code == 302
    block = process.blocks.get()
    assert (block.name, block.name_en, block.phase, block.block_type) == (
        "Auftaktgespräch",
        "Kick-off talk",
        Phase.ANALYSIS,
        block_type,
    )
    assert block.description.startswith("Erstes Gespräch")
    assert list(block.responsible.all()) == [facilitator]
    assert process.log_entries.get().action == LogAction.BLOCK_ADDED


def test_block_add_custom_block_needs_name_and_phase(client, coordinator, process, team_member):
    client.force_login(coordinator)
    url = reverse("processes:block_add", args=[process.pk])
    response = client.post(url, {"description": "x"})
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "phase"}
    response = client.post(
        url,
        {
            "name": "Interkulturelles Fest",
            "phase": Phase.PARTICIPATION,
            "planned_start": "2021-05-01",
            "planned_end": "2021-05-02",
            "responsible": [team_member.pk],
            "responsible_others": "Helferkreis",
        },
    )
    assert response.status_code == 302
    block = process.blocks.get()
    assert block.block_type is None and block.responsible_others == "Helferkreis"


def test_block_add_refuses_date_before_process_start(client, coordinator, process):
    client.force_login(coordinator)
    response = client.post(
        reverse("processes:block_add", args=[process.pk]),
        {"name": "Auftakt", "phase": Phase.ANALYSIS, "planned_start": "2020-05-01"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["planned_start"]
    assert "01.06.2020" in response.text or "6/1/2020" in response.text
    assert not process.blocks.exists()


def test_block_add_offers_only_people_of_the_process(
    client, coordinator, process, team_member, outsider
):
    client.force_login(coordinator)
    response = client.get(reverse("processes:block_add", args=[process.pk]))
    choices = set(response.context["form"].fields["responsible"].queryset)
    assert team_member in choices and coordinator in choices
    assert outsider not in choices
    response = client.post(
        reverse("processes:block_add", args=[process.pk]),
        {"name": "X", "phase": Phase.ANALYSIS, "responsible": [outsider.pk]},
    )
    assert "responsible" in response.context["form"].errors


@pytest.mark.parametrize("who", ["team_member", "office"])
def test_block_add_forbidden(client, request, process, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("processes:block_add", args=[process.pk])).status_code == 403


def test_block_detail(client, team_member, block, document):
    client.force_login(team_member)
    response = client.get(reverse("processes:block_detail", args=[block.pk]))
    assert response.status_code == 200
    assert "Protokoll Auftakt" in response.text
    assert reverse("processes:document_download", args=[document.pk]) in response.text
    # Not responsible: no edit link, no upload form.
    assert reverse("processes:block_edit", args=[block.pk]) not in response.text
    assert reverse("processes:document_upload", args=[block.pk]) not in response.text


def test_block_edit(client, coordinator, block, team_member):
    client.force_login(coordinator)
    url = reverse("processes:block_edit", args=[block.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "name": block.name,
            "phase": block.phase,
            "notes": "Termin steht",
            "results": "",
            "responsible": [team_member.pk],
        },
    )
    assert response.status_code == 302
    block.refresh_from_db()
    assert block.notes == "Termin steht"
    assert list(block.responsible.all()) == [team_member]
    entry = block.process.log_entries.get()
    assert entry.data == {"fields": ["notes", "responsible"]}


def test_block_edit_date_before_start_on_the_right_field(client, facilitator, block):
    client.force_login(facilitator)
    response = client.post(
        reverse("processes:block_edit", args=[block.pk]),
        {"name": block.name, "phase": block.phase, "actual_end": "2019-01-01"},
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["actual_end"]


def test_block_edit_forbidden_for_office_and_not_responsible_member(
    client, office, team_member, block
):
    url = reverse("processes:block_edit", args=[block.pk])
    for user in (office, team_member):
        client.force_login(user)
        assert client.get(url).status_code == 403
    block.responsible.add(team_member)
    assert client.get(url).status_code == 200


def test_block_move(client, coordinator, process):
    first = BlockFactory(process=process, position=10)
    second = BlockFactory(process=process, position=20)
    client.force_login(coordinator)
    response = client.post(reverse("processes:block_move", args=[second.pk]), {"direction": "up"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#block-{second.pk}")
    first.refresh_from_db()
    second.refresh_from_db()
    assert second.position < first.position
    bad = client.post(reverse("processes:block_move", args=[second.pk]), {"direction": "left"})
    assert bad.status_code == 400


def test_block_move_forbidden_for_team_member(client, team_member, block):
    block.responsible.add(team_member)
    client.force_login(team_member)
    response = client.post(reverse("processes:block_move", args=[block.pk]), {"direction": "up"})
    assert response.status_code == 403


# --- Documents ----------------------------------------------------------------------------


def test_upload_and_download_pdf(
    client, facilitator, block, coordinator, team_member, office, outsider
):
    client.force_login(facilitator)
    response = client.post(
        reverse("processes:document_upload", args=[block.pk]),
        {"title": "Ergebnisprotokoll", "file": pdf()},
    )
    assert response.status_code == 302
    document = BlockDocument.objects.get()
    assert (document.content_type, document.original_name) == ("application/pdf", "protokoll.pdf")
    url = reverse("processes:document_download", args=[document.pk])
    for user in (coordinator, team_member, office, facilitator):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF_BYTES
        assert response["Content-Disposition"].startswith("attachment")
        assert 'filename="protokoll.pdf"' in response["Content-Disposition"]
        assert response["X-Content-Type-Options"] == "nosniff"
    client.force_login(outsider)
    assert client.get(url).status_code == 404
    assert LogAction.DOCUMENT_ADDED in block.process.log_entries.values_list("action", flat=True)


@pytest.mark.parametrize(
    "upload",
    [
        pdf(name="fake.pdf", content=zip_bytes({"x": b"y"})),
        pdf(name="setup.exe", content=b"MZ\x90\x00"),
    ],
    ids=["fake-pdf", "exe"],
)
def test_upload_rejects_bad_files(client, coordinator, block, upload):
    client.force_login(coordinator)
    response = client.post(
        reverse("processes:document_upload", args=[block.pk]), {"title": "x", "file": upload}
    )
    assert response.status_code == 200
    assert list(response.context["document_form"].errors) == ["file"]
    assert not BlockDocument.objects.exists()


def test_upload_rejects_oversized_file(client, coordinator, block, settings):
    settings.MAX_UPLOAD_MB = 1
    client.force_login(coordinator)
    big = pdf(content=PDF_BYTES + b"0" * (1024 * 1024 + 1))
    response = client.post(reverse("processes:document_upload", args=[block.pk]), {"file": big})
    assert response.status_code == 200
    assert "1 MB" in response.text
    assert not BlockDocument.objects.exists()


def test_upload_forbidden_for_office(client, office, block):
    client.force_login(office)
    response = client.post(reverse("processes:document_upload", args=[block.pk]), {"file": pdf()})
    assert response.status_code == 403


def test_document_delete(client, coordinator, document, team_member):
    client.force_login(team_member)  # neither uploader nor responsible
    url = reverse("processes:document_delete", args=[document.pk])
    assert client.post(url).status_code == 403
    client.force_login(coordinator)
    response = client.post(url)
    assert response.status_code == 302
    assert not BlockDocument.objects.exists()


# --- Budget ---------------------------------------------------------------------------------


def test_budget_page_and_logging(client, facilitator, process):
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=Decimal("1200"))
    client.force_login(facilitator)
    url = reverse("processes:budget", args=[process.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["form"].initial["facilitator"] == facilitator.pk
    assert "38.800,00" in response.text or "38,800.00" in response.text
    response = client.post(
        url,
        {
            "date": "2021-02-01",
            "facilitator": facilitator.pk,
            "quantity": "3",
            "unit": "hours",
            "cost": "450.00",
            "note": "Vorbereitung Zukunftswerkstatt",
        },
        follow=True,
    )
    assert response.status_code == 200
    assert ConsultingEntry.objects.filter(process=process).count() == 2
    assert not any(m.level_tag == "warning" for m in response.context["messages"])


def test_budget_overspend_is_a_form_error(client, office, process, facilitator):
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=Decimal("39500"))
    client.force_login(office)
    data = {"date": "2021-02-01", "facilitator": facilitator.pk, "quantity": "1", "unit": "days"}
    response = client.post(reverse("processes:budget", args=[process.pk]), {**data, "cost": "600"})
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["cost"]
    assert ConsultingEntry.objects.count() == 1
    # Half a day at 500 € fits the remaining 500 € and the day rate (1.200 €).
    response = client.post(
        reverse("processes:budget", args=[process.pk]),
        {**data, "quantity": "0.5", "cost": "500"},
        follow=True,
    )
    assert ConsultingEntry.objects.count() == 2
    assert any(m.level_tag == "warning" for m in response.context["messages"])


@pytest.mark.parametrize("who", ["coordinator", "team_member"])
def test_budget_read_only_for_municipality(client, request, process, facilitator, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("processes:budget", args=[process.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["form"] is None
    data = {
        "date": "2021-02-01",
        "facilitator": facilitator.pk,
        "quantity": "1",
        "unit": "days",
        "cost": "1",
    }
    assert client.post(url, data).status_code == 403


# --- Facilitators -----------------------------------------------------------------------------


def test_facilitators_add_and_remove(client, office, process, facilitator):
    newcomer = FacilitatorFactory(full_name="Nora Neu")
    client.force_login(office)
    url = reverse("processes:facilitators", args=[process.pk])
    response = client.get(url)
    assert response.status_code == 200 and "Jonas Keller" in response.text
    response = client.post(url, {"action": "add", "facilitator": newcomer.pk})
    assert response.status_code == 302
    assert set(process.facilitators.all()) == {facilitator, newcomer}
    response = client.post(url, {"action": "remove", "facilitator": facilitator.pk})
    assert response.status_code == 302
    assert list(process.facilitators.all()) == [newcomer]
    assert client.post(url, {"action": "remove", "facilitator": "x"}).status_code == 400
    actions = list(process.log_entries.values_list("action", flat=True))
    assert actions == [LogAction.FACILITATOR_REMOVED, LogAction.FACILITATOR_ASSIGNED]


@pytest.mark.parametrize("who", ["coordinator", "facilitator", "team_member"])
def test_facilitators_forbidden(client, request, process, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("processes:facilitators", args=[process.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"action": "add", "facilitator": 1}).status_code == 403


@pytest.mark.parametrize("who", ["office", "superuser"])
def test_facilitators_cannot_change_on_a_closed_process(client, request, process, facilitator, who):
    from teilhabe.processes import services

    services.close_process(process, by=facilitator)
    newcomer = FacilitatorFactory(full_name="Nora Neu")
    client.force_login(request.getfixturevalue(who))
    url = reverse("processes:facilitators", args=[process.pk])
    if who == "office":
        assert client.get(url).status_code == 403
    else:
        page = client.get(url).text
        assert 'value="remove"' not in page and 'value="add"' not in page
    assert client.post(url, {"action": "add", "facilitator": newcomer.pk}).status_code == 403
    assert client.post(url, {"action": "remove", "facilitator": facilitator.pk}).status_code == 403
    assert list(process.facilitators.all()) == [facilitator]


# --- Catalogue --------------------------------------------------------------------------------


def test_catalogue_list_and_draft(client, office, programme, catalogue):
    client.force_login(office)
    url = reverse("processes:catalogue_list", args=[programme.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert reverse("processes:catalogue_draft", args=[programme.pk]) in response.text
    response = client.post(reverse("processes:catalogue_draft", args=[programme.pk]))
    draft = programme.catalogues.get(status=CatalogueStatus.DRAFT)
    assert response["Location"] == draft.get_absolute_url()
    assert draft.block_types.count() == 2


def test_catalogue_read_only_for_municipality(client, coordinator, process, catalogue, draft):
    client.force_login(coordinator)
    response = client.get(reverse("processes:catalogue_list", args=[catalogue.programme_id]))
    assert response.status_code == 200
    assert list(response.context["catalogues"]) == [catalogue]  # the draft is hidden
    response = client.get(reverse("processes:catalogue_detail", args=[catalogue.pk]))
    assert response.status_code == 200
    assert "Auftaktgespräch" in response.text
    assert reverse("processes:block_type_create", args=[catalogue.pk]) not in response.text
    draft_url = reverse("processes:catalogue_draft", args=[catalogue.programme_id])
    assert client.post(draft_url).status_code == 403


def test_published_catalogue_cannot_be_edited(client, office, catalogue):
    client.force_login(office)
    block_type = catalogue.block_types.first()
    assert (
        client.get(reverse("processes:block_type_create", args=[catalogue.pk])).status_code == 403
    )
    url = reverse("processes:block_type_edit", args=[catalogue.pk, block_type.pk])
    assert client.post(url, {"name": "Neu"}).status_code == 403
    assert (
        client.post(reverse("processes:catalogue_publish", args=[catalogue.pk])).status_code == 403
    )
    response = client.get(catalogue.get_absolute_url())
    assert "cannot be changed" in response.text or "nicht" in response.text


def test_block_type_create_edit_and_publish(client, office, catalogue, draft):
    client.force_login(office)
    response = client.get(reverse("processes:block_type_create", args=[draft.pk]))
    assert response.status_code == 200
    data = {
        "key": "peer-beratung",
        "name": "Peer-Beratung",
        "name_en": "Peer consultation",
        "phase": Phase.IMPLEMENTATION,
        "position": "90",
        "description": "Austausch unter Entscheider*innen",
        "included_by_default": "",
    }
    response = client.post(reverse("processes:block_type_create", args=[draft.pk]), data)
    assert response.status_code == 302
    created = draft.block_types.get(key="peer-beratung")
    assert not created.included_by_default
    duplicate = client.post(reverse("processes:block_type_create", args=[draft.pk]), data)
    assert list(duplicate.context["form"].errors) == ["key"]
    url = reverse("processes:block_type_edit", args=[draft.pk, created.pk])
    response = client.post(url, {**data, "name": "Peer-Beratung für Bürgermeister*innen"})
    assert response.status_code == 302
    created.refresh_from_db()
    assert created.name == "Peer-Beratung für Bürgermeister*innen"
    response = client.post(reverse("processes:catalogue_publish", args=[draft.pk]))
    assert response.status_code == 302
    draft.refresh_from_db()
    catalogue.refresh_from_db()
    assert draft.status == CatalogueStatus.PUBLISHED
    assert catalogue.status == CatalogueStatus.RETIRED


def test_block_type_of_another_catalogue_is_404(client, office, catalogue, draft):
    client.force_login(office)
    foreign = catalogue.block_types.first()
    url = reverse("processes:block_type_edit", args=[draft.pk, foreign.pk])
    assert client.get(url).status_code == 404


def test_catalogue_forbidden_for_facilitator(client, facilitator, process, catalogue):
    client.force_login(facilitator)
    assert client.get(catalogue.get_absolute_url()).status_code == 200
    response = client.post(reverse("processes:catalogue_draft", args=[catalogue.programme_id]))
    assert response.status_code == 403


def test_blocks_without_type_keep_working(client, coordinator, process):
    Block.objects.create(process=process, name="Frei", phase=Phase.ANALYSIS)
    client.force_login(coordinator)
    assert client.get(process.get_absolute_url()).status_code == 200
