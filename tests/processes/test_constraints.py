"""The database refuses impossible process data, even when it bypasses the forms."""

from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from teilhabe.core.dates import MAX_DATE, MIN_DATE
from teilhabe.processes.forms import CloseProcessForm
from teilhabe.processes.models import Block, ConsultingEntry, Phase, Process
from teilhabe.processes.timeline import build_timeline
from tests.constraints import violates
from tests.factories import BlockFactory, ConsultingEntryFactory, ProcessFactory

pytestmark = pytest.mark.django_db

TOO_EARLY = date(1989, 12, 31)
TOO_LATE = date(2101, 1, 1)
BLOCK_DATES = ["planned_start", "planned_end", "actual_start", "actual_end"]


@pytest.mark.parametrize("field", BLOCK_DATES)
@pytest.mark.parametrize("value", [TOO_EARLY, TOO_LATE, date(9999, 12, 31)])
def test_block_date_outside_the_range_is_refused(block, field, value):
    with violates(f"processes_block_{field}_in_range"):
        Block.objects.filter(pk=block.pk).update(**{field: value})


def test_block_date_bounds_are_accepted(process):
    # Starting and ending on the same day is fine too.
    BlockFactory(process=process, **dict.fromkeys(BLOCK_DATES, MIN_DATE))
    BlockFactory(process=process, **dict.fromkeys(BLOCK_DATES, MAX_DATE))


@pytest.mark.parametrize(
    ("start", "end"), [("planned_start", "planned_end"), ("actual_start", "actual_end")]
)
def test_block_end_before_start_is_refused(process, start, end):
    BlockFactory(process=process, **{start: date(2021, 5, 1), end: date(2021, 5, 1)})
    BlockFactory(process=process, **{start: date(2021, 5, 1)})  # no end yet
    BlockFactory(process=process, **{end: date(2021, 5, 1)})  # no start recorded
    with violates(f"processes_block_{start}_before_{end}"):
        BlockFactory(process=process, **{start: date(2021, 5, 2), end: date(2021, 5, 1)})


def test_process_dates():
    ProcessFactory(started_on=MIN_DATE, closed_on=MIN_DATE)
    ProcessFactory(started_on=MAX_DATE, closed_on=None)
    with violates("processes_process_started_on_in_range"):
        ProcessFactory(started_on=TOO_EARLY)
    with violates("processes_process_closed_on_in_range"):
        ProcessFactory(started_on=MAX_DATE, closed_on=TOO_LATE)
    with violates("processes_process_started_on_before_closed_on"):
        ProcessFactory(started_on=date(2021, 5, 2), closed_on=date(2021, 5, 1))


def test_process_budget_is_not_negative(process):
    Process.objects.filter(pk=process.pk).update(budget=Decimal("0"))
    with violates("processes_process_budget_not_negative"):
        Process.objects.filter(pk=process.pk).update(budget=Decimal("-0.01"))


def test_consulting_entry(process, facilitator):
    entry = ConsultingEntryFactory(
        process=process, facilitator=facilitator, quantity=Decimal("0"), cost=Decimal("0")
    )
    entries = ConsultingEntry.objects.filter(pk=entry.pk)
    entries.update(date=MIN_DATE)
    entries.update(date=MAX_DATE)
    with violates("processes_consultingentry_date_in_range"):
        entries.update(date=TOO_EARLY)
    with violates("processes_consultingentry_quantity_not_negative"):
        entries.update(quantity=Decimal("-0.25"))
    with violates("processes_consultingentry_cost_not_negative"):
        entries.update(cost=Decimal("-1"))


def test_block_form_refuses_a_far_future_date_with_a_field_error(client, coordinator, block):
    client.force_login(coordinator)
    url = reverse("processes:block_edit", args=[block.pk])
    response = client.post(
        url, {"name": block.name, "phase": block.phase, "planned_end": "9999-12-31"}
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("planned_end", code="date_out_of_range")
    assert "31.12.2100" in form.errors["planned_end"][0]
    block.refresh_from_db()
    assert block.planned_end is None
    # The date picker already stops at the bounds.
    assert 'min="1990-01-01"' in response.text
    assert 'max="2100-12-31"' in response.text
    process_page = client.get(reverse("processes:process_detail", args=[block.process_id]))
    assert process_page.status_code == 200


def test_block_add_refuses_a_date_before_the_range(client, coordinator, process):
    client.force_login(coordinator)
    response = client.post(
        reverse("processes:block_add", args=[process.pk]),
        {"name": "Workshop", "phase": Phase.ANALYSIS, "planned_start": "0202-03-01"},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("planned_start", code="date_out_of_range")
    assert not process.blocks.exists()


def test_close_form_refuses_a_date_outside_the_range():
    form = CloseProcessForm({"closed_on": "9999-12-31"})
    assert not form.is_valid()
    assert form.has_error("closed_on", code="date_out_of_range")


def test_timeline_of_real_blocks_with_extreme_dates():
    """What the process page draws if such a date is in the database after all."""
    blocks = [
        Block(pk=1, phase=Phase.ANALYSIS, planned_start=date(2021, 1, 1), planned_end=date.max),
        Block(pk=2, phase=Phase.ANALYSIS, planned_start=date.min, actual_end=date(2021, 2, 1)),
    ]
    timeline = build_timeline(
        blocks, process_start=date(2021, 1, 1), today=timezone.localdate(), phases=Phase.choices
    )
    assert (timeline.start, timeline.end) == (date(2021, 1, 1), date(2021, 2, 1))
    assert all(bar.scheduled for bar in timeline.phases[0].bars)
