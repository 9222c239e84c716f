"""Aggregation of a round's results: exact numbers, baseline and benchmark."""

import pytest
from django.utils import translation

from teilhabe.programmes.models import MunicipalityKind
from teilhabe.selfcheck.models import BenchmarkPool, Perspective
from teilhabe.selfcheck.results import results_round_queryset, round_results
from tests.factories import MunicipalityFactory
from tests.selfcheck.results_fixtures import (
    build_round,
    build_version,
    municipality_with_round,
    respond,
)

ADMIN = Perspective.ADMINISTRATION
CIVIL = Perspective.CIVIL_SOCIETY


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def v1(db):
    return build_version(1)[0]


@pytest.fixture
def answered(municipality, v1):
    """Two administration responses, one civil-society response and one unsubmitted."""
    round_ = build_round(municipality, v1)
    respond(
        round_,
        ADMIN,
        values={
            "haltung-1": 5,
            "haltung-2": 4,
            "haltung-yn": True,
            "verwaltung-1": "?",
            "verwaltung-2": 2,
            "oeffnung-1": 3,
            "oeffnung-2": None,  # missing
            "oeffnung-text": "Mehr Sprachkurse",
        },
    )
    respond(
        round_,
        ADMIN,
        values={
            "haltung-1": 3,
            "haltung-2": 4,
            "haltung-yn": False,
            "verwaltung-1": 4,
            "verwaltung-2": "?",
            "oeffnung-1": 1,
            "oeffnung-2": 5,
        },
    )
    respond(
        round_,
        CIVIL,
        values={
            "haltung-1": 1,
            "haltung-2": 2,
            "haltung-yn": False,
            "verwaltung-1": "?",
            "verwaltung-2": "?",
            "oeffnung-1": 5,
            "oeffnung-2": 5,
            "oeffnung-text": "Beirat einbeziehen",
        },
    )
    # Saved but not submitted: never counts.
    respond(round_, CIVIL, values={"haltung-1": 5, "oeffnung-text": "Entwurf"}, submitted=False)
    return round_


def load(round_):
    return round_results(results_round_queryset().get(pk=round_.pk))


def by_key(results):
    return {row.field.key: row for row in results.fields}


def test_respondents_per_perspective_count_only_submitted(answered):
    results = load(answered)
    assert [(p.value, p.respondents) for p in results.perspectives] == [(ADMIN, 2), (CIVIL, 1)]
    assert results.respondents == 3


def test_field_scores_per_perspective_and_overall(answered):
    fields = by_key(load(answered))
    haltung = fields["haltung"].score_by_perspective
    assert haltung[ADMIN] == pytest.approx((75 + 75 + 50) / 3)
    assert haltung[CIVIL] == pytest.approx((0 + 25 + 0) / 3)
    # Each perspective weighs the same: not the mean of all nine answers (which is 47.2).
    assert fields["haltung"].overall == pytest.approx(37.5)
    assert fields["oeffnung"].score_by_perspective == {ADMIN: 62.5, CIVIL: 100.0}
    assert fields["oeffnung"].overall == pytest.approx(81.25)


def test_dont_know_and_missing_answers_are_left_out_and_counted(answered):
    fields = by_key(load(answered))
    verwaltung = fields["verwaltung"]
    # Civil society only answered "don't know": no score, not 0.
    assert verwaltung.score_by_perspective == {ADMIN: 50.0, CIVIL: None}
    assert verwaltung.overall == 50.0
    assert verwaltung.dont_know == 4
    assert [(cell.perspective, cell.dont_know) for cell in verwaltung.scores] == [
        (ADMIN, 2),
        (CIVIL, 2),
    ]
    items = {row.item.key: row for row in verwaltung.items}
    assert items["verwaltung-1"].means[0].value == 75.0
    assert items["verwaltung-1"].dont_know == 2
    # The missing answer of the first administration response leaves B's 100 alone.
    oeffnung_2 = next(r for r in fields["oeffnung"].items if r.item.key == "oeffnung-2")
    assert [cell.value for cell in oeffnung_2.means] == [100.0, 100.0]
    assert oeffnung_2.answered == 2


def test_largest_gaps_are_the_discussion_points(answered):
    gaps = load(answered).gaps
    assert {row.item.key for row in gaps[:2]} == {"haltung-1", "oeffnung-1"}
    assert {row.item.key for row in gaps[2:]} == {"haltung-2", "haltung-yn"}
    assert [row.gap for row in gaps] == [75.0, 75.0, 50.0, 50.0]  # a gap of 0 is no point
    first = next(row for row in gaps if row.item.key == "haltung-1")
    assert (first.highest.perspective, first.lowest.perspective) == (ADMIN, CIVIL)


def test_free_text_grouped_per_item_with_perspective_without_names(answered):
    results = load(answered)
    assert [(row.item.key, row.texts) for row in results.text_items] == [
        (
            "oeffnung-text",
            [("Administration", "Mehr Sprachkurse"), ("Civil society", "Beirat einbeziehen")],
        )
    ]


def test_round_without_submitted_responses(municipality, v1):
    round_ = build_round(municipality, v1)
    respond(round_, submitted=False)
    results = load(round_)
    assert not results.has_results
    assert results.perspectives == []
    assert all(row.overall is None for row in results.fields)
    assert results.gaps == []


def test_workshop_record_is_attached_per_field(answered):
    from teilhabe.selfcheck import services

    fields = by_key(load(answered))
    services.save_workshop_note(
        answered, fields["haltung"].field, potentials="Leitbild erneuern", recommendations=""
    )
    services.add_first_step(answered, fields["haltung"].field, text="AG gründen", by=None)
    results = load(answered)
    row = by_key(results)["haltung"]
    assert row.note.potentials == "Leitbild erneuern"
    assert [step.text for step in row.steps] == ["AG gründen"]
    assert results.has_workshop_record


# --- Baseline ------------------------------------------------------------------------------


def test_baseline_comparison_matches_fields_by_key_across_versions(municipality, v1):
    baseline = build_round(municipality, v1, title="Erster Check")
    respond(baseline, ADMIN)  # every scale 3 (50), yes/no yes (100)
    # Version 2: fields reordered and renamed, one new field.
    fields = [
        ("oeffnung", "Öffnung (neu formuliert)", "Opening"),
        ("haltung", "Haltung", "Attitude"),
        ("verwaltung", "Verwaltung", "Administration culture"),
        ("neu", "Neues Feld", "New field"),
    ]
    v2, _fields = build_version(2, fields=fields, text_item=False)
    later = build_round(municipality, v2, title="Zweiter Check", baseline=baseline)
    respond(later, ADMIN, values={"oeffnung-1": 5, "oeffnung-2": 5, "verwaltung-1": 1})
    results = load(later)
    rows = by_key(results)
    assert results.baseline.has_results
    assert rows["oeffnung"].baseline == 50.0
    assert rows["oeffnung"].overall == 100.0
    assert rows["oeffnung"].change == 50.0
    assert rows["haltung"].baseline == pytest.approx(200 / 3)
    assert rows["verwaltung"].change == pytest.approx(25.0 - 50.0)
    assert rows["neu"].baseline is None
    assert rows["neu"].change is None


def test_baseline_without_submitted_responses(municipality, v1):
    baseline = build_round(municipality, v1, title="Erster Check")
    respond(baseline, submitted=False)
    later = build_round(municipality, v1, baseline=baseline)
    respond(later)
    results = load(later)
    assert results.baseline is not None
    assert not results.baseline.has_results
    assert all(row.baseline is None for row in results.fields)


# --- Benchmark -------------------------------------------------------------------------------

KIND = MunicipalityKind.GROSSE_KREISSTADT


@pytest.fixture
def own_round(municipality, v1):
    round_ = build_round(municipality, v1)
    respond(round_, values={"verwaltung-1": 5, "verwaltung-2": 5})  # own verwaltung: 100
    return round_


def test_four_other_municipalities_give_no_benchmark(own_round, v1):
    for score in (1, 2, 3, 4):
        municipality_with_round(v1, KIND, score=score)
    # Another type and the own municipality's further rounds do not count.
    municipality_with_round(v1, MunicipalityKind.LANDKREIS, score=5)
    second = build_round(own_round.municipality, v1, title="Noch einer")
    respond(second)
    benchmark = load(own_round).benchmark
    assert benchmark.contributors == 4
    assert not benchmark.available
    assert benchmark.medians == {}
    assert all(row.benchmark is None for row in load(own_round).fields)


def test_five_other_municipalities_give_the_median(own_round, v1):
    for score in (1, 2, 3, 4, 5):
        municipality_with_round(v1, KIND, score=score)
    municipality_with_round(v1, MunicipalityKind.LANDKREIS, score=1)
    results = load(own_round)
    assert results.benchmark.available
    assert results.benchmark.contributors == 5
    rows = by_key(results)
    # Verwaltung: the others' scores are 0, 25, 50, 75, 100; the own 100 is not in it.
    assert rows["verwaltung"].benchmark == 50.0
    assert rows["verwaltung"].overall == 100.0
    # Haltung adds the yes/no item (yes = 100): (level + level + 100) / 3.
    assert rows["haltung"].benchmark == pytest.approx((50 + 50 + 100) / 3)


def test_own_score_is_never_in_the_benchmark(own_round, v1):
    for score in (1, 1, 1, 1, 1):
        municipality_with_round(v1, KIND, score=score)
    results = load(own_round)
    assert by_key(results)["verwaltung"].benchmark == 0.0


def test_benchmark_uses_the_latest_round_with_submitted_answers(own_round, v1):
    from datetime import date

    for score in (1, 1, 1, 1):
        municipality_with_round(v1, KIND, score=score)
    municipality, _old = municipality_with_round(v1, KIND, score=1)
    newer = build_round(municipality, v1, opened_on=date(2025, 1, 1))
    respond(newer, values={"verwaltung-1": 5, "verwaltung-2": 5})
    newest_unsubmitted = build_round(municipality, v1, opened_on=date(2026, 1, 1))
    respond(newest_unsubmitted, submitted=False)
    pool = BenchmarkPool.objects.get(municipality_kind=KIND)
    # The newer round (every Likert item at 5 = 100) stands for the municipality.
    assert pool.scores[str(municipality.pk)]["verwaltung"] == 100.0
    # Four at 0 and one at 100: the median stays 0, and the municipality counts once.
    results = load(own_round)
    assert results.benchmark.contributors == 5
    assert by_key(results)["verwaltung"].benchmark == 0.0


def test_benchmark_ignores_another_instrument(own_round, v1):
    from teilhabe.selfcheck.models import Instrument

    for score in (1, 2, 3, 4):
        municipality_with_round(v1, KIND, score=score)
    other = Instrument.objects.create(key="anderes", name="Anderes")
    other_version, _fields = build_version(1, instrument=other)
    municipality_with_round(other_version, KIND, score=5)
    assert load(own_round).benchmark.contributors == 4


def test_benchmark_query_count_does_not_grow_with_municipalities(
    own_round, v1, django_assert_max_num_queries
):
    for score in (1, 2, 3, 4, 5, 1, 2, 3):
        municipality_with_round(v1, KIND, score=score)
    round_ = results_round_queryset().get(pk=own_round.pk)
    # fields with items, responses, answers, notes, steps, the benchmark pool
    with django_assert_max_num_queries(6):
        round_results(round_)


def test_other_kind_municipality_alone_never_counts(own_round, v1):
    MunicipalityFactory(kind=KIND)  # without any round
    for score in (1, 2, 3, 4, 5):
        municipality_with_round(v1, MunicipalityKind.LANDKREIS, score=score)
    assert load(own_round).benchmark.contributors == 0
