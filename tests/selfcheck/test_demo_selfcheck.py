"""The demo's self-check rounds: benchmark group, change over time, dates, workshop."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from teilhabe.processes.models import Process
from teilhabe.programmes.models import MunicipalityKind
from teilhabe.selfcheck import scoring
from teilhabe.selfcheck.models import (
    Answer,
    FirstStep,
    Invitation,
    ItemKind,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
)

pytestmark = pytest.mark.django_db


def field_scores(round_: SelfCheckRound) -> dict[str, dict[str, float]]:
    """field key -> perspective -> score, from the submitted answers."""
    answers = Answer.objects.filter(
        response__round=round_, response__submitted_at__isnull=False
    ).select_related("item", "response")
    results = scoring.item_results(answers)
    fields = list(round_.version.fields.prefetch_related("items"))
    scores = scoring.field_scores({f.pk: [i.pk for i in f.items.all()] for f in fields}, results)
    return {f.key: scores[f.pk] for f in fields}


def overall(round_: SelfCheckRound) -> dict[str, float]:
    return {key: scoring.overall(values) for key, values in field_scores(round_).items()}


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=StringIO())


def test_benchmark_is_reachable_for_the_gemeinden(demo):
    closed = SelfCheckRound.objects.filter(
        status=RoundStatus.CLOSED, municipality__kind=MunicipalityKind.GEMEINDE
    )
    lindenau = SelfCheckRound.objects.get(municipality__name="Lindenau")
    others = {r.municipality_id: r for r in closed.exclude(municipality=lindenau.municipality)}
    assert len(others) >= scoring.MIN_BENCHMARK_MUNICIPALITIES
    field_values = {m: overall(r)["communication"] for m, r in others.items()}
    median = scoring.benchmark(field_values)
    assert median is not None
    # Fewer than five others: no benchmark.
    assert scoring.benchmark(dict(list(field_values.items())[:4])) is None


def test_follow_up_shows_progress_in_some_fields(demo):
    follow_up = SelfCheckRound.objects.get(municipality__name="Neckarbrück", baseline__isnull=False)
    before, after = overall(follow_up.baseline), overall(follow_up)
    assert before.keys() == after.keys()
    improved = {key for key in before if after[key] - before[key] >= 10}
    assert {"communication", "opening", "migrant-organisations"} <= improved
    assert len(improved) <= 4
    # The baseline's largest gap between perspectives is in communication.
    baseline = field_scores(follow_up.baseline)["communication"]
    follow = field_scores(follow_up)["communication"]
    gap = baseline[Perspective.ADMINISTRATION] - baseline[Perspective.MIGRANT_ORGANISATIONS]
    assert gap >= 20
    assert follow[Perspective.ADMINISTRATION] - follow[Perspective.MIGRANT_ORGANISATIONS] < gap


def test_answer_patterns_look_real(demo):
    for round_ in SelfCheckRound.objects.filter(status=RoundStatus.CLOSED):
        scores = field_scores(round_)
        administration = [s[Perspective.ADMINISTRATION] for s in scores.values()]
        migrants = [
            s[Perspective.MIGRANT_ORGANISATIONS]
            for s in scores.values()
            if Perspective.MIGRANT_ORGANISATIONS in s
        ]
        assert sum(administration) / len(administration) > sum(migrants) / len(migrants), round_
        answers = Answer.objects.filter(response__round=round_)
        assert answers.filter(dont_know=True).exists(), round_
        assert answers.filter(item__kind=ItemKind.TEXT).exclude(text="").exists(), round_
        perspectives = set(round_.responses.values_list("perspective", flat=True))
        assert len(perspectives) >= 4, round_
        departments = round_.responses.filter(perspective=Perspective.ADMINISTRATION)
        assert departments.exclude(department="").count() >= 2, round_


def test_dates_and_workshop_record(demo):
    today, now = timezone.localdate(), timezone.now()
    assert not SelfCheckRound.objects.filter(opened_on__gt=today).exists()
    assert not SelfCheckRound.objects.filter(closed_on__gt=today).exists()
    assert not SelfCheckRound.objects.filter(closed_on__lt=F("opened_on")).exists()
    assert not Response.objects.filter(submitted_at__gt=now).exists()
    assert not Response.objects.filter(submitted_at__date__lt=F("round__opened_on")).exists()
    assert not Invitation.objects.filter(created_at__gt=now).exists()
    for round_ in SelfCheckRound.objects.select_related("municipality"):
        first = (
            Process.objects.filter(municipality=round_.municipality).order_by("started_on").first()
        )
        if first is not None:
            assert round_.opened_on >= first.started_on, round_
        # The administration answered before the other perspectives.
        responses = round_.responses.submitted()
        last_admin = max(
            r.submitted_at for r in responses if r.perspective == Perspective.ADMINISTRATION
        )
        assert all(
            r.submitted_at > last_admin
            for r in responses
            if r.perspective != Perspective.ADMINISTRATION
        ), round_
        fields = round_.version.fields.count()
        if round_.status == RoundStatus.CLOSED:
            assert round_.closed_on is not None
            assert round_.workshop_notes.exclude(potentials="").count() == fields, round_
            assert round_.workshop_notes.exclude(recommendations="").count() == fields
            for field in round_.version.fields.all():
                assert 1 <= round_.first_steps.filter(field=field).count() <= 3
        else:
            assert not round_.workshop_notes.exists()
    assert not FirstStep.objects.filter(due_on__lt=F("round__closed_on")).exists()
