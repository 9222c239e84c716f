from datetime import date

import pytest

from teilhabe.programmes.forms import DecisionForm, MunicipalityForm, RoundForm
from teilhabe.programmes.models import MunicipalityKind, Round, State
from tests.factories import (
    FacilitatorFactory,
    MunicipalityFactory,
    ProgrammeFactory,
    RoundFactory,
)

pytestmark = pytest.mark.django_db


def municipality_form(instance=None, **data):
    base = {"name": "Tübingen", "kind": MunicipalityKind.GROSSE_KREISSTADT, "state": State.BW}
    return MunicipalityForm({**base, **data}, instance=instance)


@pytest.mark.parametrize(
    ("kind", "ags"),
    [
        (MunicipalityKind.GROSSE_KREISSTADT, "08416041"),
        (MunicipalityKind.LANDKREIS, "08416"),
        (MunicipalityKind.LANDKREIS, "08416000"),
        (MunicipalityKind.VERWALTUNGSVERBAND, ""),
    ],
)
def test_valid_ags(kind, ags):
    form = municipality_form(kind=kind, ags=ags)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("kind", "ags", "message"),
    [
        (MunicipalityKind.GEMEINDE, "09416041", "beginnt mit 08"),  # Bavarian key, BW state
        (MunicipalityKind.GEMEINDE, "0841604", "8 Ziffern"),  # wrong length
        (MunicipalityKind.GEMEINDE, "084160411", "8"),  # too long: Django's max_length message
        (MunicipalityKind.GEMEINDE, "08A16041", "8 Ziffern"),  # not only digits
        (MunicipalityKind.GEMEINDE, "08416", "Nur ein Landkreis"),
        (MunicipalityKind.LANDKREIS, "08416041", "5 Ziffern (oder 8 Ziffern mit 000 am Ende)"),
    ],
)
def test_invalid_ags(kind, ags, message):
    form = municipality_form(kind=kind, ags=ags)
    assert not form.is_valid()
    assert any(message in error for error in form.errors["ags"]), form.errors


def test_duplicate_ags_names_the_other_municipality():
    MunicipalityFactory(name="Rottenburg", ags="08416036")
    form = municipality_form(ags="08416036")
    assert not form.is_valid()
    assert form.errors["ags"] == ["Rottenburg hat schon diesen Amtlichen Gemeindeschlüssel."]


def test_empty_ags_may_repeat_and_own_ags_is_no_duplicate():
    MunicipalityFactory(kind=MunicipalityKind.VERWALTUNGSVERBAND, ags="")
    assert municipality_form(kind=MunicipalityKind.VERWALTUNGSVERBAND, ags="").is_valid()
    own = MunicipalityFactory(name="Tübingen", ags="08416041")
    form = municipality_form(instance=own, ags="08416041", population="91000")
    assert form.is_valid(), form.errors
    assert form.save().population == 91000


ROUND = {
    "name": "2020/2021",
    "call_opens": "2019-10-01",
    "call_closes": "2019-12-15",
    "starts_on": "2020-01-01",
    "ends_on": "2021-06-30",
}


def test_round_dates_valid():
    form = RoundForm(ROUND, instance=Round(programme=ProgrammeFactory()))
    assert form.is_valid(), form.errors


def test_round_deadline_before_opening():
    form = RoundForm(
        {**ROUND, "call_closes": "2019-09-30"}, instance=Round(programme=ProgrammeFactory())
    )
    assert not form.is_valid()
    assert form.errors["call_closes"] == [
        "Der Bewerbungsschluss kann nicht vor dem Beginn der Ausschreibung liegen."
    ]


def test_round_end_before_start():
    form = RoundForm(
        {**ROUND, "ends_on": "2019-12-31"}, instance=Round(programme=ProgrammeFactory())
    )
    assert not form.is_valid()
    assert form.errors["ends_on"] == ["Die Förderrunde kann nicht enden, bevor sie beginnt."]


def test_round_name_unique_within_programme():
    existing = RoundFactory(name="2020/2021")
    form = RoundForm(ROUND, instance=Round(programme=existing.programme))
    assert not form.is_valid()
    assert "name" in form.errors
    # The same name in another programme is fine, and so is keeping one's own name.
    assert RoundForm(ROUND, instance=Round(programme=ProgrammeFactory())).is_valid()
    assert RoundForm(ROUND, instance=existing).is_valid()


def test_decision_reject_needs_note(submitted):
    form = DecisionForm({"decision": "reject"}, application=submitted)
    assert not form.is_valid()
    assert "decision_note" in form.errors
    assert DecisionForm(
        {"decision": "reject", "decision_note": "Zu spät."}, application=submitted
    ).is_valid()


def test_decision_admit_needs_no_note_but_start_within_round(submitted):
    assert DecisionForm({"decision": "admit"}, application=submitted).is_valid()
    form = DecisionForm({"decision": "admit", "started_on": "2100-01-01"}, application=submitted)
    assert not form.is_valid()
    assert "started_on" in form.errors


def test_decision_offers_only_active_facilitators(submitted, facilitator, coordinator):
    retired = FacilitatorFactory(is_active=False)
    choices = DecisionForm(application=submitted).fields["facilitators"].queryset
    assert facilitator in choices
    assert retired not in choices
    assert coordinator not in choices
    # The round starts in the future, so the process starts with the round.
    assert DecisionForm(application=submitted).initial["started_on"] == date(2098, 1, 1)
