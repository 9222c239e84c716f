"""The database refuses scale answers off the scale and impossible round dates."""

from datetime import date

import pytest

from teilhabe.core.dates import MAX_DATE, MIN_DATE
from teilhabe.selfcheck.models import Answer, FirstStep
from teilhabe.selfcheck.results_forms import WorkshopFieldForm
from tests.constraints import violates
from tests.selfcheck.factories import (
    AnswerFactory,
    FieldOfActionFactory,
    ItemFactory,
    ResponseFactory,
    SelfCheckRoundFactory,
)

pytestmark = pytest.mark.django_db


def test_answer_scale_runs_from_1_to_5():
    response = ResponseFactory()
    for scale in (None, 1, 5):
        AnswerFactory(response=response, scale=scale)
    answers = Answer.objects.filter(pk=AnswerFactory(response=response).pk)
    with violates("selfcheck_answer_scale_1_to_5"):
        answers.update(scale=0)
    with violates("selfcheck_answer_scale_1_to_5"):
        answers.update(scale=6)


def test_round_dates():
    SelfCheckRoundFactory(opened_on=MIN_DATE, closed_on=MIN_DATE)
    SelfCheckRoundFactory(opened_on=MAX_DATE, closed_on=None)
    with violates("selfcheck_selfcheckround_opened_on_in_range"):
        SelfCheckRoundFactory(opened_on=date(1989, 12, 31))
    with violates("selfcheck_selfcheckround_closed_on_in_range"):
        SelfCheckRoundFactory(opened_on=MAX_DATE, closed_on=date(2101, 1, 1))
    with violates("selfcheck_selfcheckround_opened_on_before_closed_on"):
        SelfCheckRoundFactory(opened_on=date(2021, 5, 2), closed_on=date(2021, 5, 1))


def test_first_step_due_date():
    round_ = SelfCheckRoundFactory()
    field = FieldOfActionFactory(version=round_.version)
    step = FirstStep.objects.create(round=round_, field=field, text="Leitbild", due_on=None)
    steps = FirstStep.objects.filter(pk=step.pk)
    steps.update(due_on=MIN_DATE)
    steps.update(due_on=MAX_DATE)
    with violates("selfcheck_firststep_due_on_in_range"):
        steps.update(due_on=date(9999, 12, 31))


def test_workshop_form_refuses_a_far_future_due_date():
    field = ItemFactory().field
    form = WorkshopFieldForm(
        {f"field-{field.pk}-step_text": "Leitbild", f"field-{field.pk}-step_due_on": "9999-12-31"},
        field=field,
    )
    assert not form.is_valid()
    assert form.has_error("step_due_on", code="date_out_of_range")
