"""Precomputed scores and benchmark pools: the same figures as from the answers, and
kept right when answers are submitted, rounds change or go, and municipalities change
their type."""

import importlib
import random
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.utils import translation

from teilhabe.programmes.models import MunicipalityKind
from teilhabe.selfcheck import scores, scoring, services
from teilhabe.selfcheck.models import (
    BenchmarkPool,
    Item,
    ItemKind,
    Perspective,
    RoundScore,
)
from teilhabe.selfcheck.results import results_round_queryset, round_results
from tests.factories import MunicipalityFactory, UserFactory
from tests.selfcheck.results_fixtures import (
    build_round,
    build_version,
    municipality_with_round,
    respond,
)

KIND = MunicipalityKind.GEMEINDE


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Neckarbrück", kind=KIND)


@pytest.fixture
def v1(db):
    return build_version(1, items_per_field=4)[0]


def load(round_):
    return round_results(results_round_queryset().get(pk=round_.pk))


def random_values(version, rng):
    values = {}
    for item in Item.objects.filter(field__version=version):
        if item.kind == ItemKind.TEXT:
            values[item.key] = rng.choice(["", "Mehr Austausch"])
        elif rng.random() < 0.15:
            values[item.key] = "?"
        elif rng.random() < 0.1:
            values[item.key] = None
        elif item.kind == ItemKind.YES_NO:
            values[item.key] = rng.random() < 0.5
        else:
            values[item.key] = rng.randint(1, 5)
    return values


def test_precomputed_scores_equal_the_scores_from_the_answers(municipality, v1):
    rng = random.Random(7)
    round_ = build_round(municipality, v1)
    for _index in range(12):
        respond(round_, rng.choice(list(Perspective.values)), values=random_values(v1, rng))
    respond(round_, values=random_values(v1, rng), submitted=False)
    live = load(round_)
    stored = {
        (row.field_key, row.perspective): row for row in RoundScore.objects.filter(round=round_)
    }
    assert live.fields
    for field_row in live.fields:
        key = field_row.field.key
        overall = stored[(key, "")]
        assert overall.score == field_row.overall
        assert overall.dont_know == field_row.dont_know
        for cell in field_row.scores:
            assert stored[(key, cell.perspective)].score == cell.value
            assert stored[(key, cell.perspective)].dont_know == cell.dont_know
    round_.refresh_from_db()
    assert round_.submitted_responses == 12


def _answer_everything(round_, perspective=Perspective.ADMINISTRATION, scale=4):
    values = {}
    for item in Item.objects.filter(field__version=round_.version_id):
        if item.kind == ItemKind.LIKERT:
            values[item.pk] = {"scale": scale}
        elif item.kind == ItemKind.YES_NO:
            values[item.pk] = {"yes": True}
    return values


def test_submitting_keeps_the_scores_and_the_pool(
    municipality, v1, django_capture_on_commit_callbacks
):
    round_ = build_round(municipality, v1)
    user = UserFactory(municipality=municipality)
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.answer_questionnaire(
            round_, _answer_everything(round_, scale=4), by=user, submit=True
        )
    assert outcome.submitted
    round_.refresh_from_db()
    assert round_.submitted_responses == 1
    verwaltung = RoundScore.objects.get(round=round_, field_key="verwaltung", perspective="")
    assert verwaltung.score == 75.0
    # The pool of the type now holds this municipality (in the task after the commit).
    pool = BenchmarkPool.objects.get(instrument=v1.instrument, municipality_kind=KIND)
    assert pool.scores[str(municipality.pk)]["verwaltung"] == 75.0


def test_submit_response_keeps_the_scores(municipality, v1, django_capture_on_commit_callbacks):
    round_ = build_round(municipality, v1)
    user = UserFactory(municipality=municipality)
    services.answer_questionnaire(round_, _answer_everything(round_, scale=2), by=user)
    assert not RoundScore.objects.filter(round=round_).exists()
    response = round_.responses.get()
    with django_capture_on_commit_callbacks(execute=True):
        services.submit_response(response)
    assert RoundScore.objects.get(round=round_, field_key="verwaltung", perspective="").score == 25


@pytest.fixture
def five_others(v1):
    return [municipality_with_round(v1, KIND, score=score) for score in (1, 2, 3, 4, 5)]


def test_a_municipality_changing_its_type_leaves_the_pool(
    municipality, v1, five_others, django_capture_on_commit_callbacks
):
    own = build_round(municipality, v1)
    respond(own)
    assert load(own).benchmark.contributors == 5
    moved, _round = five_others[4]
    with django_capture_on_commit_callbacks(execute=True):
        moved.kind = MunicipalityKind.LANDKREIS
        moved.save()
    results = load(own)
    assert results.benchmark.contributors == 4
    assert not results.benchmark.available
    landkreise = BenchmarkPool.objects.get(municipality_kind=MunicipalityKind.LANDKREIS)
    assert list(landkreise.scores) == [str(moved.pk)]


def test_a_deleted_round_leaves_the_pool(
    municipality, v1, five_others, django_capture_on_commit_callbacks
):
    municipality_with_round(v1, KIND, score=5)
    own = build_round(municipality, v1)
    respond(own)
    assert load(own).benchmark.contributors == 6
    with django_capture_on_commit_callbacks(execute=True):
        five_others[0][1].delete()
    results = load(own)
    assert results.benchmark.contributors == 5
    # 25, 50, 75, 100, 100: the deleted round's 0 no longer pulls the median down.
    assert {row.field.key: row.benchmark for row in results.fields}["verwaltung"] == 75.0


def test_moving_a_round_back_in_time_makes_the_other_round_the_latest(
    municipality, v1, five_others, django_capture_on_commit_callbacks
):
    own = build_round(municipality, v1)
    respond(own)
    other, _first = five_others[0]  # every item at 1: 0 points
    second = build_round(other, v1, opened_on=date(2025, 1, 1))
    respond(second, values={f"verwaltung-{n}": 5 for n in range(1, 5)})
    pool = BenchmarkPool.objects.get(municipality_kind=KIND)
    assert pool.scores[str(other.pk)]["verwaltung"] == 100.0
    with django_capture_on_commit_callbacks(execute=True):
        second.opened_on = date(2023, 1, 1)
        second.save()
    pool.refresh_from_db()
    assert pool.scores[str(other.pk)]["verwaltung"] == 0.0


def test_pool_is_built_on_first_use(municipality, v1, five_others):
    BenchmarkPool.objects.all().delete()
    own = build_round(municipality, v1)
    respond(own)
    BenchmarkPool.objects.all().delete()
    assert load(own).benchmark.contributors == 5
    assert BenchmarkPool.objects.filter(municipality_kind=KIND).exists()


def test_the_migration_computes_what_was_answered_before(municipality, v1, five_others):
    own = build_round(municipality, v1)
    respond(own, values={"verwaltung-1": 4})
    expected = {row.field.key: (row.overall, row.benchmark) for row in load(own).fields}
    RoundScore.objects.all().delete()
    BenchmarkPool.objects.all().delete()
    own.__class__.objects.update(submitted_responses=0)
    migration = importlib.import_module(
        "teilhabe.selfcheck.migrations.0005_round_scores_and_benchmark_pools"
    )
    migration.compute_existing(django_apps, None)
    assert {row.field.key: (row.overall, row.benchmark) for row in load(own).fields} == expected
    own.refresh_from_db()
    assert own.submitted_responses == 1


def test_benchmark_median_leaves_out_the_own_municipality(v1):
    pool = BenchmarkPool(
        instrument=v1.instrument,
        municipality_kind=KIND,
        scores={str(n): {"a": float(n * 10)} for n in range(1, 7)},
    )
    contributors, medians = scores.benchmark_medians(pool, 6)
    assert contributors == 5
    assert medians == {"a": 30.0}
    assert scores.benchmark_medians(pool, 99) == (6, {"a": 35.0})
    few = BenchmarkPool(scores={str(n): {"a": 1.0} for n in range(1, 6)})
    assert scores.benchmark_medians(few, 1) == (4, {})
    assert scoring.MIN_BENCHMARK_MUNICIPALITIES == 5


def test_results_query_count_is_flat_with_many_municipalities(
    municipality, v1, django_assert_max_num_queries
):
    own = build_round(municipality, v1)
    respond(own)
    for score in (1, 2, 3, 4, 5, 1, 2, 3, 4, 5, 1, 2):
        other = MunicipalityFactory(kind=KIND)
        respond(build_round(other, v1), values={"verwaltung-1": score})
    round_ = results_round_queryset().get(pk=own.pk)
    with django_assert_max_num_queries(6):
        results = round_results(round_)
    assert results.benchmark.contributors == 12
