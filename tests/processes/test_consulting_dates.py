"""Consulting is logged for work done: never dated in the future (issue 8)."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from teilhabe.processes import services
from teilhabe.processes.models import ConsultingEntry, ConsultingUnit, ProcessLogEntry


def consult(process, facilitator, on, **kwargs):
    return services.log_consulting(
        process,
        by=facilitator,
        date=on,
        facilitator=facilitator,
        quantity=Decimal("2"),
        unit=ConsultingUnit.HOURS,
        cost=Decimal("180"),
        **kwargs,
    )


@pytest.mark.parametrize("on", [date(2099, 12, 31), "tomorrow"])
def test_a_future_date_is_refused_and_nothing_is_stored(process, facilitator, on):
    if on == "tomorrow":
        on = timezone.localdate() + timedelta(days=1)
    with pytest.raises(ValidationError) as info:
        consult(process, facilitator, on)
    assert list(info.value.message_dict) == ["date"]
    assert not ConsultingEntry.objects.exists()
    assert not ProcessLogEntry.objects.filter(action="consulting_logged").exists()


def test_today_is_allowed(process, facilitator):
    consult(process, facilitator, timezone.localdate())
    assert ConsultingEntry.objects.count() == 1


def test_today_is_the_day_in_berlin(process, facilitator):
    # 23:30 UTC on 2 December is already 3 December in Berlin.
    now = datetime(2025, 12, 2, 23, 30, tzinfo=UTC)
    consult(process, facilitator, date(2025, 12, 3), now=now)
    with pytest.raises(ValidationError):
        consult(process, facilitator, date(2025, 12, 4), now=now)


def test_the_day_of_a_given_moment_bounds_the_date(process, facilitator):
    now = datetime(2021, 3, 3, 10, tzinfo=UTC)
    consult(process, facilitator, date(2021, 3, 3), now=now)
    with pytest.raises(ValidationError):
        consult(process, facilitator, date(2021, 3, 4), now=now)


def test_a_date_before_the_process_start_is_still_refused(process, facilitator):
    with pytest.raises(ValidationError) as info:
        consult(process, facilitator, process.started_on - timedelta(days=1))
    assert list(info.value.message_dict) == ["date"]


def test_the_form_shows_the_future_date_as_a_field_error(client, facilitator, process):
    client.force_login(facilitator)
    response = client.post(
        reverse("processes:budget", args=[process.pk]),
        {
            "date": "2099-01-01",
            "facilitator": facilitator.pk,
            "quantity": "1",
            "unit": "days",
            "cost": "1200",
        },
    )
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["date"]
    assert [e.code for e in response.context["form"].errors.as_data()["date"]] == ["date_in_future"]
    assert not ConsultingEntry.objects.exists()


def test_the_model_refuses_a_future_date_too(process, facilitator):
    # The admin saves through the model's checks, not through log_consulting.
    entry = ConsultingEntry(
        process=process,
        facilitator=facilitator,
        date=timezone.localdate() + timedelta(days=1),
        quantity=Decimal("1"),
        unit=ConsultingUnit.DAYS,
        cost=Decimal("100"),
    )
    with pytest.raises(ValidationError) as info:
        entry.full_clean()
    assert [e.code for e in info.value.error_dict["date"]] == ["date_in_future"]


def test_date_and_cost_errors_are_reported_together(process, facilitator):
    with pytest.raises(ValidationError) as info:
        services.log_consulting(
            process,
            by=facilitator,
            date=process.started_on - timedelta(days=1),
            facilitator=facilitator,
            quantity=Decimal("1"),
            unit=ConsultingUnit.DAYS,
            cost=Decimal("1000000"),
        )
    assert sorted(info.value.message_dict) == ["cost", "date"]
