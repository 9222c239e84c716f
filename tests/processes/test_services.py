from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.processes import services
from teilhabe.processes.models import (
    Block,
    BlockStatus,
    CatalogueStatus,
    ConsultingUnit,
    LogAction,
    Phase,
    Process,
    ProcessLogEntry,
)
from teilhabe.processes.uploads import check_upload
from tests.factories import (
    BlockFactory,
    BlockTypeFactory,
    CatalogueFactory,
    ConsultingEntryFactory,
    FacilitatorFactory,
)
from tests.processes.uploads import pdf


def actions(process) -> list[str]:
    return list(process.log_entries.values_list("action", flat=True))


def test_block_date_before_process_start_is_refused(process, coordinator):
    with pytest.raises(ValidationError) as info:
        services.add_block(
            process,
            by=coordinator,
            name="Auftaktgespräch",
            phase=Phase.ANALYSIS,
            planned_start=date(2020, 5, 31),
        )
    assert "planned_start" in info.value.message_dict
    assert not process.blocks.exists()


def test_add_block_from_catalogue_copies_texts_and_logs(process, coordinator, facilitator):
    block_type = BlockTypeFactory(
        name="Stakeholderanalyse", description="Wer ist beteiligt?", phase=Phase.ANALYSIS
    )
    block = services.add_block(
        process, by=coordinator, block_type=block_type, responsible=[facilitator]
    )
    assert (block.name, block.description, block.phase) == (
        "Stakeholderanalyse",
        "Wer ist beteiligt?",
        Phase.ANALYSIS,
    )
    assert list(block.responsible.all()) == [facilitator]
    assert actions(process) == [LogAction.BLOCK_ADDED]


def test_set_block_status_fills_actual_dates(block, coordinator):
    services.set_block_status(block, BlockStatus.IN_PROGRESS, by=coordinator, on=date(2021, 3, 1))
    block.refresh_from_db()
    assert block.actual_start == date(2021, 3, 1)
    assert block.actual_end is None
    services.set_block_status(
        block, BlockStatus.DONE, by=coordinator, on=date(2021, 4, 1), results="Ergebnis"
    )
    block.refresh_from_db()
    assert (block.actual_start, block.actual_end) == (date(2021, 3, 1), date(2021, 4, 1))
    services.set_block_status(block, BlockStatus.PLANNED, by=coordinator)
    block.refresh_from_db()
    assert block.actual_start is None and block.actual_end is None
    entry = block.process.log_entries.first()
    assert entry.action == LogAction.BLOCK_STATUS
    assert entry.data == {"from": "done", "to": "planned"}


def test_dropping_needs_a_reason(block, coordinator):
    with pytest.raises(ValidationError):
        services.set_block_status(block, BlockStatus.DROPPED, by=coordinator)
    block.refresh_from_db()
    assert block.status == BlockStatus.PLANNED
    assert not block.process.log_entries.exists()


def test_move_block_swaps_neighbours_within_the_phase(process, coordinator):
    first = BlockFactory(process=process, phase=Phase.ANALYSIS, position=10)
    second = BlockFactory(process=process, phase=Phase.ANALYSIS, position=10)
    other_phase = BlockFactory(process=process, phase=Phase.PARTICIPATION, position=5)
    services.move_block(second, "up", by=coordinator)
    ordered = list(process.blocks.filter(phase=Phase.ANALYSIS).order_by("position"))
    assert ordered == [second, first]
    services.move_block(second, "up", by=coordinator)  # already first: no change
    assert list(process.blocks.filter(phase=Phase.ANALYSIS).order_by("position")) == ordered
    other_phase.refresh_from_db()
    assert other_phase.position == 5
    assert actions(process).count(LogAction.BLOCK_MOVED) == 1


def test_update_block_logs_changed_fields(block, coordinator, team_member):
    block.notes = "Termin mit Bürgermeisterin"
    services.update_block(block, by=coordinator, changed=["notes"], responsible=[team_member])
    entry = block.process.log_entries.get()
    assert entry.action == LogAction.BLOCK_CHANGED
    assert entry.data == {"fields": ["notes", "responsible"]}
    assert entry.detail_display == "Notizen, Verantwortliche"


def _consult(process, facilitator, cost):
    return services.log_consulting(
        process,
        by=facilitator,
        date=date(2021, 1, 15),
        facilitator=facilitator,
        quantity=Decimal("1"),
        unit=ConsultingUnit.DAYS,
        cost=Decimal(cost),
    )


def test_consulting_that_would_overspend_is_refused(process, facilitator):
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=Decimal("39000"))
    with pytest.raises(ValidationError) as info:
        _consult(process, facilitator, "1000.01")
    assert "1.000,00" in info.value.message_dict["cost"][0] or "1,000.00" in str(info.value)
    assert process.consulting_entries.count() == 1
    # Exactly what remains is allowed.
    _consult(process, facilitator, "1000.00")
    process = Process.objects.get(pk=process.pk)
    assert process.remaining_budget == Decimal("0")
    assert actions(process) == [LogAction.CONSULTING_LOGGED]


def test_budget_warning_below_the_warning_share(process, facilitator, settings):
    settings.BUDGET_WARNING_SHARE = 0.15
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=Decimal("32800"))
    _consult(process, facilitator, "1200")
    assert not Process.objects.get(pk=process.pk).budget_is_low
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=Decimal("0.01"))
    assert Process.objects.get(pk=process.pk).budget_is_low


def test_facilitator_assignment_is_logged(process, office):
    person = FacilitatorFactory()
    services.assign_facilitator(process, person, by=office)
    services.assign_facilitator(process, person, by=office)  # idempotent
    services.remove_facilitator(process, person, by=office)
    assert actions(process) == [
        LogAction.FACILITATOR_REMOVED,
        LogAction.FACILITATOR_ASSIGNED,
    ]


def test_documents_are_stored_and_removed_with_log(
    block, coordinator, django_capture_on_commit_callbacks
):
    upload = pdf()
    check_upload(upload)
    document = services.add_document(block, upload=upload, title="", by=coordinator)
    assert document.content_type == "application/pdf"
    assert document.title == "protokoll.pdf"
    assert document.file.name.startswith(f"documents/{block.process_id}/")
    storage, name = document.file.storage, document.file.name
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_document(document, by=coordinator)
    assert not storage.exists(name)
    assert actions(block.process) == [LogAction.DOCUMENT_REMOVED, LogAction.DOCUMENT_ADDED]


def test_catalogue_draft_copies_published_types_and_publish_retires_old(programme, office):
    published = CatalogueFactory(programme=programme, version=1)
    BlockTypeFactory(catalogue=published, key="auftakt", name="Auftaktgespräch")
    BlockTypeFactory(catalogue=published, key="selbstcheck", name="Selbstcheck")
    draft = services.create_catalogue_draft(programme, by=office)
    assert (draft.version, draft.status) == (2, CatalogueStatus.DRAFT)
    assert sorted(draft.block_types.values_list("key", flat=True)) == ["auftakt", "selbstcheck"]
    assert services.create_catalogue_draft(programme, by=office) == draft
    services.publish_catalogue(draft, by=office)
    published.refresh_from_db()
    assert published.status == CatalogueStatus.RETIRED
    assert services.current_catalogue(programme) == draft


def test_published_catalogue_is_not_editable(programme, office):
    published = CatalogueFactory(programme=programme, version=1)
    block_type = BlockTypeFactory(catalogue=published)
    block_type.name = "Anders"
    with pytest.raises(ValueError):
        services.save_block_type(block_type, by=office)
    with pytest.raises(ValueError):
        services.publish_catalogue(published, by=office)
    assert not office.has_perm("processes.change_catalogue", published)


def test_create_process_starts_with_default_blocks_and_logs(
    programme, round_, municipality, office
):
    catalogue = CatalogueFactory(programme=programme)
    BlockTypeFactory(catalogue=catalogue, key="a", included_by_default=True)
    BlockTypeFactory(catalogue=catalogue, key="b", included_by_default=False)
    process = services.create_process(
        municipality=municipality, round=round_, started_on=date(2021, 1, 1), by=office
    )
    assert Block.objects.filter(process=process).count() == 1
    assert actions(process) == [LogAction.PROCESS_CREATED]


@pytest.mark.parametrize(
    ("statuses", "expected"),
    [
        ([], None),
        ([(Phase.ANALYSIS, "done"), (Phase.PARTICIPATION, "planned")], Phase.PARTICIPATION),
        ([(Phase.ANALYSIS, "in_progress"), (Phase.PARTICIPATION, "planned")], Phase.ANALYSIS),
        ([(Phase.ANALYSIS, "done"), (Phase.IMPLEMENTATION, "dropped")], "completed"),
    ],
)
def test_in_phase_matches_current_phase(process, statuses, expected):
    for phase, status in statuses:
        BlockFactory(process=process, phase=phase, status=status)
    process = Process.objects.with_blocks().get(pk=process.pk)
    current = process.current_phase
    if expected == "completed":
        assert current is None
        assert list(Process.objects.in_phase(None)) == [process]
        return
    assert current == expected
    for phase in Phase.values:
        assert (process in Process.objects.in_phase(phase)) == (phase == expected)
    if expected is None:
        assert not Process.objects.in_phase(None).exists()


# --- The moment as an argument --------------------------------------------------------------

PAST = timezone.make_aware(datetime(2021, 3, 4, 10, 15))


def log_times(process) -> set:
    return set(process.log_entries.values_list("at", flat=True))


def test_log_takes_the_moment(process, coordinator):
    entry = services.log(process, LogAction.PROCESS_CHANGED, by=coordinator, now=PAST)
    entry.refresh_from_db()
    assert entry.at == PAST
    assert services.log(process, LogAction.PROCESS_CHANGED, by=coordinator).at > PAST


def test_create_process_logs_at_the_given_moment(programme, round_, municipality, office):
    catalogue = CatalogueFactory(programme=programme)
    BlockTypeFactory(catalogue=catalogue, key="a", included_by_default=True)
    person = FacilitatorFactory()
    process = services.create_process(
        municipality=municipality,
        round=round_,
        started_on=date(2021, 3, 1),
        by=office,
        facilitators=[person],
        now=PAST,
    )
    assert sorted(actions(process)) == [LogAction.FACILITATOR_ASSIGNED, LogAction.PROCESS_CREATED]
    assert log_times(process) == {PAST}
    process.refresh_from_db()
    assert process.created_at == process.updated_at == PAST
    assert list(process.blocks.values_list("created_at", "updated_at")) == [(PAST, PAST)]


def test_close_and_reopen_at_a_past_moment(process, coordinator):
    services.close_process(process, by=coordinator, now=PAST)
    process.refresh_from_db()
    assert process.closed_on == date(2021, 3, 4)  # the day of `now`
    # "In the future" is measured from `now`, not from the real today.
    with pytest.raises(ValidationError):
        services.close_process(process, by=coordinator, on=date(2021, 3, 5), now=PAST)
    assert process.updated_at == PAST
    later = PAST + timedelta(days=30)
    services.reopen_process(process, by=coordinator, now=later)
    assert process.log_entries.get(action=LogAction.PROCESS_CLOSED).at == PAST
    assert process.log_entries.get(action=LogAction.PROCESS_REOPENED).at == later
    process.refresh_from_db()
    assert process.updated_at == later


def test_block_status_dates_and_log_follow_the_moment(block, coordinator):
    services.set_block_status(block, BlockStatus.IN_PROGRESS, by=coordinator, now=PAST)
    finished = PAST + timedelta(days=40)
    services.set_block_status(
        block, BlockStatus.DONE, by=coordinator, now=finished, results="Ergebnis"
    )
    block.refresh_from_db()
    assert (block.actual_start, block.actual_end) == (date(2021, 3, 4), date(2021, 4, 13))
    assert log_times(block.process) == {PAST, finished}
    assert block.updated_at == finished


def test_block_status_day_can_differ_from_the_moment(block, coordinator):
    services.set_block_status(
        block, BlockStatus.IN_PROGRESS, by=coordinator, on=date(2021, 2, 1), now=PAST
    )
    block.refresh_from_db()
    assert block.actual_start == date(2021, 2, 1)
    assert log_times(block.process) == {PAST}


def test_every_block_action_logs_at_the_given_moment(
    process, coordinator, facilitator, django_capture_on_commit_callbacks
):
    block = services.add_block(
        process, by=coordinator, name="Auftakt", phase=Phase.ANALYSIS, now=PAST
    )
    services.add_block(process, by=coordinator, name="Analyse", phase=Phase.ANALYSIS, now=PAST)
    block.notes = "Mit Bürgermeisterin"
    services.update_block(block, by=coordinator, changed=["notes"], now=PAST)
    services.move_block(block, "down", by=coordinator, now=PAST)
    upload = pdf()
    check_upload(upload)
    document = services.add_document(block, upload=upload, title="", by=coordinator, now=PAST)
    with django_capture_on_commit_callbacks(execute=True):
        services.remove_document(document, by=coordinator, now=PAST)
    services.log_consulting(
        process,
        by=facilitator,
        now=PAST,
        date=date(2021, 3, 3),
        facilitator=facilitator,
        quantity=Decimal("2"),
        unit=ConsultingUnit.HOURS,
        cost=Decimal("180"),
    )
    services.remove_facilitator(process, facilitator, by=coordinator, now=PAST)
    services.assign_facilitator(process, facilitator, by=coordinator, now=PAST)
    assert len(actions(process)) == 9
    assert log_times(process) == {PAST}


def test_blocks_documents_and_consulting_are_created_at_the_given_moment(
    process, coordinator, facilitator
):
    later = PAST + timedelta(days=5)
    block = services.add_block(
        process, by=coordinator, name="Auftakt", phase=Phase.ANALYSIS, now=PAST
    )
    block.refresh_from_db()
    assert block.created_at == block.updated_at == PAST
    block.notes = "Mit Bürgermeisterin"
    services.update_block(block, by=coordinator, changed=["notes"], now=later)
    block.refresh_from_db()
    assert (block.created_at, block.updated_at) == (PAST, later)

    upload = pdf()
    check_upload(upload)
    document = services.add_document(block, upload=upload, title="", by=coordinator, now=PAST)
    document.refresh_from_db()
    assert document.uploaded_at == PAST

    entry = services.log_consulting(
        process,
        by=facilitator,
        now=later,
        date=date(2021, 3, 3),
        facilitator=facilitator,
        quantity=Decimal("2"),
        unit=ConsultingUnit.HOURS,
        cost=Decimal("180"),
    )
    entry.refresh_from_db()
    assert entry.created_at == entry.updated_at == later


def test_publish_catalogue_at_the_given_moment(programme, office):
    draft = services.create_catalogue_draft(programme, by=office, now=PAST)
    later = PAST + timedelta(days=7)
    services.publish_catalogue(draft, by=office, now=later)
    draft.refresh_from_db()
    assert draft.published_at == later
    assert (draft.created_at, draft.updated_at) == (PAST, later)


def test_set_block_status_refuses_an_unknown_status_before_touching_the_block(block, coordinator):
    with pytest.raises(ValidationError):
        services.set_block_status(block, "\x00", by=coordinator)
    assert block.status != "\x00"
    assert not ProcessLogEntry.objects.filter(action=LogAction.BLOCK_STATUS).exists()
