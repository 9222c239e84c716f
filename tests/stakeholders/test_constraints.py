"""The database refuses assessments off the scale and impossible participation dates."""

from datetime import date

import pytest
from django.urls import reverse

from teilhabe.core.dates import MAX_DATE, MIN_DATE
from teilhabe.stakeholders.forms import ParticipationForm
from teilhabe.stakeholders.models import Assessment, Participation
from tests.constraints import violates
from tests.factories import BlockFactory
from tests.stakeholders.factories import AssessmentFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("field", ["influence", "attitude"])
def test_assessment_scale_runs_from_1_to_5(actor, field):
    AssessmentFactory(actor=actor, **{field: 1})
    assessment = AssessmentFactory(actor=actor, **{field: 5})
    assessments = Assessment.objects.filter(pk=assessment.pk)
    with violates(f"stakeholders_assessment_{field}_1_to_5"):
        assessments.update(**{field: 0})
    with violates(f"stakeholders_assessment_{field}_1_to_5"):
        assessments.update(**{field: 6})


@pytest.mark.parametrize("field", ["invited_on", "took_part_on"])
@pytest.mark.parametrize("value", [date(1989, 12, 31), date(2101, 1, 1)])
def test_participation_date_outside_the_range_is_refused(actor, block, field, value):
    participation = ParticipationFactory(actor=actor, block=block)
    with violates(f"stakeholders_participation_{field}_in_range"):
        Participation.objects.filter(pk=participation.pk).update(**{field: value})


def test_participation_dates(actor, process):
    def participation(invited_on, took_part_on):
        block = BlockFactory(process=process)
        return ParticipationFactory(
            actor=actor, block=block, invited_on=invited_on, took_part_on=took_part_on
        )

    participation(MIN_DATE, MIN_DATE)
    participation(MAX_DATE, MAX_DATE)
    participation(None, date(2021, 5, 1))
    participation(date(2021, 5, 1), None)
    participation(None, None)
    with violates("stakeholders_participation_invited_on_before_took_part_on"):
        participation(date(2021, 5, 2), date(2021, 5, 1))


def test_participation_form_refuses_a_far_future_date(block):
    form = ParticipationForm(
        {"block": block.pk, "took_part_on": "9999-12-31"},
        blocks=block.process.blocks.all(),
    )
    assert not form.is_valid()
    assert form.has_error("took_part_on", code="date_out_of_range")


def test_participation_view_answers_with_a_field_error(client, coordinator, person, block):
    client.force_login(coordinator)
    response = client.post(
        reverse("stakeholders:participation_add", args=[person.pk]),
        {"block": block.pk, "invited_on": "9999-12-31"},
    )
    assert response.status_code == 400
    form = response.context["participation_form"]
    assert form.has_error("invited_on", code="date_out_of_range")
    assert not person.participations.exists()
