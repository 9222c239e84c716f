"""The database refuses impossible funding rounds and budgets."""

from datetime import date
from decimal import Decimal

import pytest

from teilhabe.core.dates import MAX_DATE, MIN_DATE
from teilhabe.programmes.forms import DecisionForm, RoundForm
from teilhabe.programmes.models import Programme, Round
from tests.constraints import violates
from tests.factories import ProgrammeFactory, RoundFactory

pytestmark = pytest.mark.django_db

ROUND_DATES = ["call_opens", "call_closes", "starts_on", "ends_on"]


# Starts too early and ends too late: a start after the range would also be after
# its end, and PostgreSQL may then name the order constraint instead.
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("call_opens", date(1989, 12, 31)),
        ("call_closes", date(2101, 1, 1)),
        ("call_closes", date(9999, 12, 31)),
        ("starts_on", date(1989, 12, 31)),
        ("ends_on", date(2101, 1, 1)),
        ("ends_on", date(9999, 12, 31)),
    ],
)
def test_round_date_outside_the_range_is_refused(round_, field, value):
    with violates(f"programmes_round_{field}_in_range"):
        Round.objects.filter(pk=round_.pk).update(**{field: value})


def test_round_date_bounds_and_one_day_periods_are_accepted(programme):
    RoundFactory(programme=programme, **dict.fromkeys(ROUND_DATES, MIN_DATE))
    RoundFactory(programme=programme, **dict.fromkeys(ROUND_DATES, MAX_DATE))


@pytest.mark.parametrize(
    ("start", "end"), [("call_opens", "call_closes"), ("starts_on", "ends_on")]
)
def test_round_end_before_start_is_refused(round_, start, end):
    with violates(f"programmes_round_{start}_before_{end}"):
        Round.objects.filter(pk=round_.pk).update(
            **{start: date(2021, 5, 2), end: date(2021, 5, 1)}
        )


def test_programme_default_budget_is_not_negative():
    programme = ProgrammeFactory(default_budget=Decimal("0"))
    with violates("programmes_programme_default_budget_not_negative"):
        Programme.objects.filter(pk=programme.pk).update(default_budget=Decimal("-0.01"))


def test_round_form_refuses_a_far_future_date_with_a_field_error(programme):
    data = {
        "name": "2030",
        "call_opens": "2029-01-01",
        "call_closes": "2029-03-31",
        "starts_on": "2030-01-01",
        "ends_on": "9999-12-31",
    }
    form = RoundForm(data, instance=Round(programme=programme))
    assert not form.is_valid()
    assert form.has_error("ends_on", code="date_out_of_range")
    assert list(form.errors) == ["ends_on"]
    assert 'max="2100-12-31"' in str(form["ends_on"])


def test_decision_form_refuses_a_start_outside_the_range(submitted):
    form = DecisionForm({"decision": "admit", "started_on": "1900-01-01"}, application=submitted)
    assert not form.is_valid()
    assert form.has_error("started_on", code="date_out_of_range")
