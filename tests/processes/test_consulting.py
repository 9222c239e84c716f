"""Consulting entries as a newcomer met them (issue 9): a day rate, plausible values,
dates within the round, a building block, corrections and deletions with a trace, and
messages in German numbers and budget language."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation

from teilhabe.processes import services
from teilhabe.processes.forms import ConsultingEntryForm
from teilhabe.processes.models import (
    ConsultingEntry,
    ConsultingUnit,
    LogAction,
    Process,
    consulting_cost,
)
from teilhabe.programmes.forms import RoundForm
from tests.factories import BlockFactory, ConsultingEntryFactory, ProcessFactory, RoundFactory

NOW = datetime(2021, 6, 1, 10, tzinfo=UTC)


def consult(process, facilitator, *, now=NOW, **fields):
    values = {
        "date": date(2021, 3, 3),
        "facilitator": facilitator,
        "quantity": Decimal("1"),
        "unit": ConsultingUnit.DAYS,
    }
    return services.log_consulting(process, by=facilitator, now=now, **{**values, **fields})


def codes(exc: ValidationError, field: str) -> list[str]:
    return [error.code for error in exc.error_dict[field]]


@pytest.fixture
def short_round(programme):
    """A round of 2021 (365 days) at 1.000 € a day."""
    return RoundFactory(
        programme=programme,
        starts_on=date(2021, 1, 1),
        ends_on=date(2021, 12, 31),
        day_rate=Decimal("1000"),
    )


@pytest.fixture
def short_process(municipality, short_round, facilitator):
    return ProcessFactory(
        municipality=municipality,
        round=short_round,
        started_on=date(2021, 1, 1),
        facilitators=[facilitator],
    )


# --- Day rate ---------------------------------------------------------------------------


def test_a_new_round_takes_the_default_day_rate(programme, settings):
    assert RoundFactory(programme=programme).day_rate == Decimal(
        settings.DEFAULT_CONSULTING_DAY_RATE
    )


def test_a_round_without_a_positive_day_rate_is_refused_by_the_database(round_):
    round_.day_rate = Decimal("0")
    with pytest.raises(IntegrityError), transaction.atomic():
        round_.save()


def test_cost_is_days_times_rate_and_hours_a_days_share():
    assert consulting_cost(Decimal("2"), ConsultingUnit.DAYS, Decimal("1000")) == Decimal("2000")
    assert consulting_cost(Decimal("4"), ConsultingUnit.HOURS, Decimal("1000")) == Decimal("500")
    assert consulting_cost(Decimal("1"), ConsultingUnit.HOURS, Decimal("1000")) == Decimal("125.00")


@pytest.mark.parametrize(
    ("quantity", "unit", "cost"),
    [("2", ConsultingUnit.DAYS, "2000.00"), ("3", ConsultingUnit.HOURS, "375.00")],
)
def test_without_a_cost_the_entry_is_priced_at_the_rounds_day_rate(
    short_process, facilitator, quantity, unit, cost
):
    entry = consult(short_process, facilitator, quantity=Decimal(quantity), unit=unit)
    assert entry.cost == Decimal(cost)


def test_the_cost_can_differ_from_the_rate_per_entry(short_process, facilitator):
    entry = consult(short_process, facilitator, cost=Decimal("900"))
    assert entry.cost == Decimal("900")


def test_the_office_sets_the_day_rate_on_the_round_form(round_):
    data = {
        "name": "2021/2022",
        "call_opens": "2020-01-01",
        "call_closes": "2020-03-01",
        "starts_on": "2020-06-01",
        "ends_on": "2022-05-31",
        "day_rate": "950",
    }
    form = RoundForm(data, instance=round_)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day_rate"] == Decimal("950")
    form = RoundForm({**data, "day_rate": ""}, instance=round_)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["day_rate"] == round_.day_rate
    with translation.override("de"):
        form = RoundForm({**data, "day_rate": "123456789"}, instance=round_)
        assert not form.is_valid()
        assert "99.999,99\xa0€" in form.errors["day_rate"][0]


# --- Plausibility -------------------------------------------------------------------------


def test_500_days_for_1200_euros_is_refused(short_process, facilitator):
    with pytest.raises(ValidationError) as info:
        consult(short_process, facilitator, quantity=Decimal("500"), cost=Decimal("1200"))
    assert codes(info.value, "quantity") == ["beyond_round"]
    assert not ConsultingEntry.objects.exists()


def test_a_cost_far_from_the_day_rate_is_refused(short_process, facilitator):
    with pytest.raises(ValidationError) as info:
        consult(short_process, facilitator, quantity=Decimal("20"), cost=Decimal("1200"))
    assert codes(info.value, "cost") == ["implausible_rate"]
    with translation.override("de"):
        message = info.value.error_dict["cost"][0].message
    # Numbers as a German reader writes them.
    assert "1.000,00\xa0€" in message and "20.000,00\xa0€" in message
    with pytest.raises(ValidationError) as info:
        consult(short_process, facilitator, cost=Decimal("12000"))
    assert codes(info.value, "cost") == ["implausible_rate"]


@pytest.mark.parametrize("cost", ["500.00", "2000.00"])
def test_half_to_double_the_day_rate_is_plausible(short_process, facilitator, cost):
    assert consult(short_process, facilitator, cost=Decimal(cost)).cost == Decimal(cost)


@pytest.mark.parametrize(
    ("on", "code"),
    [
        (date(2020, 12, 31), "before_round"),
        (date(2022, 1, 1), "after_round"),
    ],
)
def test_dates_outside_the_round_are_refused(short_process, facilitator, on, code):
    with pytest.raises(ValidationError) as info:
        consult(short_process, facilitator, date=on, now=datetime(2023, 1, 1, tzinfo=UTC))
    assert codes(info.value, "date") == [code]
    assert not ConsultingEntry.objects.exists()


def test_the_round_bounds_are_included(short_process, facilitator):
    later = datetime(2023, 1, 1, tzinfo=UTC)
    consult(short_process, facilitator, date=date(2021, 1, 1), now=later)
    consult(short_process, facilitator, date=date(2021, 12, 31), now=later)
    assert ConsultingEntry.objects.count() == 2


# --- Building block -------------------------------------------------------------------------


def test_an_entry_can_name_a_block_of_its_process(process, facilitator, block):
    entry = consult(process, facilitator, block=block, cost=Decimal("1200"))
    assert entry.block == block
    assert list(block.consulting_entries.all()) == [entry]


def test_a_block_of_another_process_is_refused(process, facilitator, other_process):
    with pytest.raises(ValidationError) as info:
        consult(process, facilitator, block=BlockFactory(process=other_process))
    assert codes(info.value, "block") == ["other_process"]


def test_the_form_offers_only_blocks_of_the_process(process, block, other_process):
    BlockFactory(process=other_process)
    form = ConsultingEntryForm(instance=ConsultingEntry(process=process))
    assert list(form.fields["block"].queryset) == [block]
    assert not form.fields["block"].required


# --- Corrections ---------------------------------------------------------------------------


def test_a_correction_is_saved_and_the_log_keeps_old_and_new(process, facilitator, block):
    entry = consult(process, facilitator, cost=Decimal("1200"))
    later = datetime(2021, 7, 1, tzinfo=UTC)
    services.change_consulting(
        entry,
        by=facilitator,
        now=later,
        quantity=Decimal("0.5"),
        cost=None,
        block=block,
    )
    entry.refresh_from_db()
    assert (entry.quantity, entry.cost, entry.block) == (Decimal("0.5"), Decimal("600"), block)
    assert entry.updated_at == later
    log = process.log_entries.get(action=LogAction.CONSULTING_CHANGED)
    assert set(log.data["changes"]) == {"amount", "cost", "block"}
    with translation.override("de"):
        detail = log.detail_display
    assert "1 Tag → 0,50 Tage" in detail
    assert "1.200,00\xa0€ → 600,00\xa0€" in detail
    assert f"– → {block.name}" in detail


def test_a_correction_without_change_is_not_logged(process, facilitator):
    entry = consult(process, facilitator, cost=Decimal("1200"))
    services.change_consulting(entry, by=facilitator, cost=Decimal("1200.00"), note="")
    assert not process.log_entries.filter(action=LogAction.CONSULTING_CHANGED).exists()


def test_a_correction_follows_the_same_rules(process, facilitator):
    entry = consult(process, facilitator, cost=Decimal("1200"))
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=Decimal("38000"))
    with pytest.raises(ValidationError) as info:
        services.change_consulting(
            entry, by=facilitator, quantity=Decimal("2"), cost=Decimal("2400")
        )
    assert codes(info.value, "cost") == ["overspent"]
    entry.refresh_from_db()
    assert entry.cost == Decimal("1200")
    assert not process.log_entries.filter(action=LogAction.CONSULTING_CHANGED).exists()


# --- Deletions ------------------------------------------------------------------------------


def test_a_deletion_needs_a_reason(process, facilitator):
    entry = consult(process, facilitator, cost=Decimal("1200"))
    with pytest.raises(ValidationError) as info:
        services.delete_consulting(entry, by=facilitator, reason="  ")
    assert list(info.value.message_dict) == ["reason"]
    entry.refresh_from_db()
    assert not entry.is_deleted


def test_a_deleted_entry_keeps_its_trace_and_leaves_the_budget(process, facilitator, office):
    kept = consult(process, facilitator, cost=Decimal("1200"))
    gone = consult(process, facilitator, cost=Decimal("1000"))
    moment = datetime(2021, 8, 1, 9, tzinfo=UTC)
    services.delete_consulting(gone, by=office, reason="Doppelt erfasst", now=moment)
    gone.refresh_from_db()
    assert (gone.deleted_at, gone.deleted_by, gone.deletion_reason) == (
        moment,
        office,
        "Doppelt erfasst",
    )
    assert list(ConsultingEntry.objects.current()) == [kept]
    assert Process.objects.get(pk=process.pk).spent_amount == Decimal("1200")
    assert Process.objects.with_overview().get(pk=process.pk).spent == Decimal("1200")
    assert Process.objects.with_blocks().get(pk=process.pk).spent == Decimal("1200")
    log = process.log_entries.get(action=LogAction.CONSULTING_DELETED)
    assert log.actor == office and log.at == moment
    with translation.override("de"):
        assert (
            log.detail_display == "1 Tag, 1.000,00\xa0€ am 03.03.2021; Begründung: Doppelt erfasst"
        )


def test_a_deleted_entry_frees_its_budget(process, facilitator):
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=Decimal("38800"))
    entry = consult(process, facilitator, cost=Decimal("1200"))
    with pytest.raises(ValidationError):
        consult(process, facilitator, cost=Decimal("1200"))
    services.delete_consulting(entry, by=facilitator, reason="Falscher Prozess")
    consult(process, facilitator, cost=Decimal("1200"))


def test_a_deleted_entry_is_neither_deleted_again_nor_corrected(process, facilitator):
    entry = consult(process, facilitator, cost=Decimal("1200"))
    services.delete_consulting(entry, by=facilitator, reason="Doppelt")
    with pytest.raises(ValidationError):
        services.delete_consulting(entry, by=facilitator, reason="Nochmal")
    with pytest.raises(ValidationError):
        services.change_consulting(entry, by=facilitator, note="zu spät")


def test_the_database_wants_a_reason_for_a_deletion(process, facilitator):
    entry = ConsultingEntryFactory(process=process, facilitator=facilitator)
    entry.deleted_at = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        entry.save()


# --- Views -----------------------------------------------------------------------------------


def form_data(facilitator, **extra):
    return {
        "date": "2021-02-01",
        "facilitator": facilitator.pk,
        "quantity": "1",
        "unit": "days",
        "cost": "1200",
        **extra,
    }


def test_an_empty_cost_is_priced_at_the_day_rate(client, facilitator, process):
    client.force_login(facilitator)
    url = reverse("processes:budget", args=[process.pk])
    response = client.get(url)
    assert 'data-day-rate="1200.00"' in response.text
    assert "processes/consulting.js" in response.text
    # The date picker offers the round's days up to today.
    date_input = response.context["form"]["date"].field.widget.attrs
    assert date_input["min"] == process.round.starts_on.isoformat()
    assert date_input["max"] == timezone.localdate().isoformat()
    response = client.post(url, form_data(facilitator, quantity="2", unit="hours", cost=""))
    assert response.status_code == 302
    assert ConsultingEntry.objects.get().cost == Decimal("300.00")


@pytest.mark.parametrize(
    ("field", "value", "expected", "unexpected"),
    [
        ("quantity", "0.1", "0,25", "0.25"),
        ("quantity", "0.125", "0,25", "decimal point"),
        ("quantity", "123456", "9.999,99", "digits"),
        ("cost", "123456789012", "99.999.999,99\xa0€", "digits"),
        ("cost", "12.345", "1.200,50", "decimal point"),
        ("cost", "-5", "0,00\xa0€", "0.00"),
    ],
)
def test_number_errors_speak_german_numbers_and_budget_language(
    client, facilitator, process, field, value, expected, unexpected
):
    client.force_login(facilitator)
    with translation.override("de"):
        response = client.post(
            reverse("processes:budget", args=[process.pk]),
            form_data(facilitator, **{field: value}),
            HTTP_ACCEPT_LANGUAGE="de",
        )
    assert response.status_code == 200
    errors = response.context["form"].errors[field]
    assert any(expected in error for error in errors), errors
    assert not any(unexpected in error for error in errors), errors
    assert not ConsultingEntry.objects.exists()


def test_correcting_an_entry(client, facilitator, process, block, consulting):
    client.force_login(facilitator)
    url = reverse("processes:consulting_edit", args=[consulting.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert response.context["form"].initial["cost"] == consulting.cost
    response = client.post(
        url,
        form_data(facilitator, date="2020-07-01", quantity="0.5", cost="", block=block.pk),
    )
    assert response.status_code == 302
    consulting.refresh_from_db()
    assert (consulting.cost, consulting.block) == (Decimal("600.00"), block)
    assert process.log_entries.filter(action=LogAction.CONSULTING_CHANGED).exists()


def test_a_correction_shows_field_errors_and_saves_nothing(client, facilitator, consulting):
    client.force_login(facilitator)
    response = client.post(
        reverse("processes:consulting_edit", args=[consulting.pk]),
        form_data(facilitator, date="2100-01-01", quantity="500", cost="1200"),
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"date", "cost"}
    consulting.refresh_from_db()
    assert consulting.quantity == Decimal("1")


def test_deleting_an_entry(client, office, process, consulting):
    client.force_login(office)
    url = reverse("processes:consulting_delete", args=[consulting.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    response = client.post(url, {"reason": "Doppelt erfasst"})
    assert response.status_code == 302
    consulting.refresh_from_db()
    assert consulting.is_deleted
    page = client.get(reverse("processes:budget", args=[process.pk]))
    assert list(page.context["entries"]) == []
    assert list(page.context["deleted_entries"]) == [consulting]
    assert "Doppelt erfasst" in page.text
    # Gone for every further action.
    assert client.get(url).status_code == 404
    edit = reverse("processes:consulting_edit", args=[consulting.pk])
    assert client.get(edit).status_code == 404


@pytest.mark.parametrize("who", ["coordinator", "team_member"])
def test_the_municipality_neither_corrects_nor_deletes(client, request, consulting, who):
    client.force_login(request.getfixturevalue(who))
    for name in ("consulting_edit", "consulting_delete"):
        url = reverse(f"processes:{name}", args=[consulting.pk])
        assert client.get(url).status_code == 403
        assert client.post(url, {"reason": "x"}).status_code == 403
    consulting.refresh_from_db()
    assert not consulting.is_deleted


def test_a_closed_process_keeps_its_entries(client, office, process, consulting):
    services.close_process(process, by=office, on=timezone.localdate())
    client.force_login(office)
    url = reverse("processes:consulting_delete", args=[consulting.pk])
    assert client.post(url, {"reason": "x"}).status_code == 403
    page = client.get(reverse("processes:budget", args=[process.pk]))
    assert reverse("processes:consulting_edit", args=[consulting.pk]) not in page.text


def test_the_admin_lists_entries_but_leaves_deleting_to_the_budget_page(
    client, superuser, consulting
):
    client.force_login(superuser)
    changelist = reverse("admin:processes_consultingentry_changelist")
    assert client.get(changelist).status_code == 200
    assert client.get(changelist, {"deleted_at__isempty": "1"}).status_code == 200
    change = reverse("admin:processes_consultingentry_change", args=[consulting.pk])
    assert client.get(change).status_code == 200
    delete = reverse("admin:processes_consultingentry_delete", args=[consulting.pk])
    assert client.get(delete).status_code == 403


def test_an_entry_of_a_facilitator_who_left_can_still_be_corrected(
    client, office, process, facilitator, consulting
):
    services.remove_facilitator(process, facilitator, by=office)
    client.force_login(office)
    response = client.post(
        reverse("processes:consulting_edit", args=[consulting.pk]),
        form_data(facilitator, date="2020-07-01", note="Nachgetragen"),
    )
    assert response.status_code == 302
    consulting.refresh_from_db()
    assert consulting.note == "Nachgetragen"


def test_the_office_sees_the_day_rate_on_the_round_page(client, office, coordinator, round_):
    url = reverse("programmes:round_detail", args=[round_.pk])
    client.force_login(office)
    assert "1.200,00\xa0€" in client.get(url, HTTP_ACCEPT_LANGUAGE="de").text
    client.force_login(coordinator)
    assert "1.200,00\xa0€" not in client.get(url, HTTP_ACCEPT_LANGUAGE="de").text
