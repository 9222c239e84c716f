"""Precomputed self-check scores, and the benchmark read from them.

Submitted answers never change, so a round's scores change only when one of its
responses is submitted. `refresh_round_scores` then aggregates the round's answers in
SQL (one GROUP BY per item and perspective) into `RoundScore` rows: per field of
action and perspective, and overall. The figures are the same as `scoring` computes
from the answers themselves (an item's mean per perspective, a field's score as the
mean of its item means, the overall score with every perspective weighing the same);
tests compare the two.

The benchmark compares a round with the other municipalities of the same type on the
same instrument, each with its latest round that has a submitted response. Reading that
from every answer in the country took minutes at Germany scale; `BenchmarkPool` keeps,
per instrument and type of municipality, each contributing municipality's overall
field scores, so the results page reads one row and takes the median of the others.
A pool is rebuilt in a background task after a response is submitted, a round with
answers changes or is deleted, or a municipality with answers changes its type.
"""

from collections import defaultdict
from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.db.models import Avg, Case, Count, F, FloatField, Q, Value, When
from django_tasks import task

from teilhabe.selfcheck import models, scoring
from teilhabe.selfcheck.models import BenchmarkPool, ItemKind, RoundScore, SelfCheckRound

OVERALL = ""
BATCH = 500

NO_SCORE = Value(None, output_field=FloatField())
# The score of one answer, as `scoring.answer_score` defines it, in SQL.
SCORE = Case(
    When(dont_know=True, then=NO_SCORE),
    When(
        item__kind=ItemKind.LIKERT,
        scale__isnull=False,
        then=(F("scale") - 1) * Value(25.0, output_field=FloatField()),
    ),
    When(item__kind=ItemKind.YES_NO, yes=True, then=Value(100.0, output_field=FloatField())),
    When(item__kind=ItemKind.YES_NO, yes=False, then=Value(0.0, output_field=FloatField())),
    default=NO_SCORE,
    output_field=FloatField(),
)


def _model(apps, name: str):
    """The model itself, or its historical version when a migration calls."""
    return apps.get_model("selfcheck", name) if apps is not None else getattr(models, name)


def _item_means(round_ids: list[int], apps=None):
    """(round, field, perspective, item mean or None, answers with a score, don't know)
    per item and perspective of the rounds' submitted answers."""
    return (
        _model(apps, "Answer")
        .objects.filter(response__round_id__in=round_ids, response__submitted_at__isnull=False)
        .exclude(item__kind=ItemKind.TEXT)
        .values_list("response__round_id", "item__field_id", "response__perspective", "item_id")
        .annotate(
            mean=Avg(SCORE),
            answered=Count(SCORE),
            dont_know=Count("pk", filter=Q(dont_know=True)),
        )
        .order_by()
    )


def _round_scores(rows, field_keys: dict[int, str], apps=None) -> list:
    score_model = _model(apps, "RoundScore")
    # (round, field) -> perspective -> [item means, answered, don't know]
    cells: dict[tuple[int, int], dict[str, list]] = defaultdict(
        lambda: defaultdict(lambda: [[], 0, 0])
    )
    for round_id, field_id, perspective, _item, item_mean, answered, dont_know in rows:
        cell = cells[(round_id, field_id)][perspective]
        if item_mean is not None:
            cell[0].append(item_mean)
        cell[1] += answered
        cell[2] += dont_know
    scores = []
    for (round_id, field_id), per_perspective in cells.items():
        key = field_keys[field_id]
        by_perspective = {}
        for perspective, (means, answered, dont_know) in per_perspective.items():
            value = scoring.mean(means) if means else None
            if value is not None:
                by_perspective[perspective] = value
            scores.append(
                score_model(
                    round_id=round_id,
                    field_id=field_id,
                    field_key=key,
                    perspective=perspective,
                    score=value,
                    answered=answered,
                    dont_know=dont_know,
                )
            )
        scores.append(
            score_model(
                round_id=round_id,
                field_id=field_id,
                field_key=key,
                perspective=OVERALL,
                score=scoring.overall(by_perspective),
                answered=sum(cell[1] for cell in per_perspective.values()),
                dont_know=sum(cell[2] for cell in per_perspective.values()),
            )
        )
    return scores


@transaction.atomic
def refresh_round_scores(round_ids: Iterable[int], *, apps=None) -> None:
    """Recompute the scores and the count of submitted responses of these rounds."""
    score_model, round_model = _model(apps, "RoundScore"), _model(apps, "SelfCheckRound")
    ids = sorted(set(round_ids))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        field_keys = dict(
            _model(apps, "FieldOfAction")
            .objects.filter(version__rounds__in=batch)
            .values_list("pk", "key")
        )
        score_model.objects.filter(round_id__in=batch).delete()
        score_model.objects.bulk_create(
            _round_scores(_item_means(batch, apps), field_keys, apps), batch_size=1000
        )
        counts = dict(
            _model(apps, "Response")
            .objects.filter(round_id__in=batch, submitted_at__isnull=False)
            .values_list("round_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        rounds = list(round_model.objects.filter(pk__in=batch).only("pk"))
        for round_ in rounds:
            round_.submitted_responses = counts.get(round_.pk, 0)
        round_model.objects.bulk_update(rounds, ["submitted_responses"], batch_size=BATCH)


def response_submitted(round_: SelfCheckRound) -> None:
    """Called in the transaction that submitted a response of `round_`: the round's
    scores now, its benchmark pool once the transaction has committed."""
    refresh_round_scores([round_.pk])
    schedule_pool_refresh(round_.version.instrument_id, round_.municipality.kind)


# --- Benchmark pools ----------------------------------------------------------------------


@transaction.atomic
def refresh_benchmark_pool(instrument_id: int, kind: str, *, apps=None) -> BenchmarkPool:
    """Rebuild the pool of one instrument and type of municipality (two queries)."""
    candidates = (
        _model(apps, "SelfCheckRound")
        .objects.filter(
            version__instrument_id=instrument_id,
            municipality__kind=kind,
            submitted_responses__gt=0,
        )
        .values_list("municipality_id", "pk", "opened_on")
        .order_by()
    )
    latest: dict[int, tuple] = {}
    for municipality_id, pk, opened_on in candidates:
        if municipality_id not in latest or (opened_on, pk) > latest[municipality_id]:
            latest[municipality_id] = (opened_on, pk)
    municipality_of = {value[1]: municipality_id for municipality_id, value in latest.items()}
    scores: dict[str, dict[str, float]] = {str(m): {} for m in latest}
    overall = (
        _model(apps, "RoundScore")
        .objects.filter(
            round_id__in=list(municipality_of), perspective=OVERALL, score__isnull=False
        )
        .values_list("round_id", "field_key", "score")
    )
    for round_id, key, value in overall:
        scores[str(municipality_of[round_id])][key] = value
    pool, _created = _model(apps, "BenchmarkPool").objects.update_or_create(
        instrument_id=instrument_id, municipality_kind=kind, defaults={"scores": scores}
    )
    return pool


def refresh_benchmark_pools(instrument_ids: Iterable[int] | None = None, *, apps=None) -> None:
    """Rebuild the pools of these instruments (default: all) for every type of
    municipality that has, or had, rounds on them."""
    rounds = _model(apps, "SelfCheckRound").objects.all()
    pools = _model(apps, "BenchmarkPool").objects.all()
    if instrument_ids is not None:
        ids = list(instrument_ids)
        rounds = rounds.filter(version__instrument_id__in=ids)
        pools = pools.filter(instrument_id__in=ids)
    pairs = set(
        rounds.values_list("version__instrument_id", "municipality__kind").order_by().distinct()
    )
    pairs |= set(pools.values_list("instrument_id", "municipality_kind"))
    for instrument_id, kind in sorted(pairs):
        refresh_benchmark_pool(instrument_id, kind, apps=apps)


@task()
def refresh_benchmark_pool_task(instrument_id: int, kind: str) -> None:
    refresh_benchmark_pool(instrument_id, kind)


@task()
def refresh_benchmark_pools_task(instrument_ids: list[int]) -> None:
    refresh_benchmark_pools(instrument_ids)


def schedule_pool_refresh(instrument_id: int, kind: str | None = None) -> None:
    """Rebuild a pool (every type's, without `kind`) after the current transaction
    commits, in the task worker: the submitting respondent does not wait for it."""
    if kind is None:
        job = partial(refresh_benchmark_pools_task.enqueue, [instrument_id])
    else:
        job = partial(refresh_benchmark_pool_task.enqueue, instrument_id, kind)
    transaction.on_commit(job, robust=True)


def pool_for(instrument_id: int, kind: str) -> BenchmarkPool:
    """The pool, built on first use (for instance right after an upgrade)."""
    pool = BenchmarkPool.objects.filter(instrument_id=instrument_id, municipality_kind=kind).first()
    return pool or refresh_benchmark_pool(instrument_id, kind)


def benchmark_medians(pool: BenchmarkPool, municipality_id: int) -> tuple[int, dict[str, float]]:
    """(number of other contributing municipalities, field key -> their median),
    leaving out `municipality_id` itself; no medians below the minimum group size."""
    own = str(municipality_id)
    others = [scores for municipality, scores in pool.scores.items() if municipality != own]
    if len(others) < scoring.MIN_BENCHMARK_MUNICIPALITIES:
        return len(others), {}
    values: dict[str, dict[int, float]] = defaultdict(dict)
    for index, scores in enumerate(others):
        for key, value in scores.items():
            values[key][index] = value
    medians = {}
    for key, by_municipality in values.items():
        median = scoring.benchmark(by_municipality)
        if median is not None:
            medians[key] = median
    return len(others), medians


def baseline_scores(round_id: int) -> dict[str, float]:
    """Field key -> overall score of a round (one query)."""
    return dict(
        RoundScore.objects.filter(
            round_id=round_id, perspective=OVERALL, score__isnull=False
        ).values_list("field_key", "score")
    )
