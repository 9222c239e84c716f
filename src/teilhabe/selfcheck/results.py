"""A round's results, assembled from the database with a constant number of queries.

`round_results(round_)` loads fields and items, the round's submitted answers and
the workshop record, each in one query, and hands the answers to the plain functions
of `scoring`. The comparisons come precomputed (`scores`): the baseline round's
field scores and the benchmark pool of the municipality's type, one query each.
Nothing here depends on how many municipalities answered, and the round's own part
only on its own respondents, so the results page, the PDF and the XLSX export stay
fast with a whole country's answers in the database.

The benchmark never reveals a single municipality: it carries only the median per
field and the number of contributing municipalities, and only from
`scoring.MIN_BENCHMARK_MUNICIPALITIES` on.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from teilhabe.selfcheck import scores, scoring
from teilhabe.selfcheck.models import (
    Answer,
    FieldOfAction,
    FirstStep,
    Item,
    ItemKind,
    Perspective,
    Response,
    SelfCheckRound,
    WorkshopNote,
)

PERSPECTIVE_ORDER = list(Perspective.values)

# Short names for the column headers of the PDF report, explained in a legend below
# the table: A4 has no room for "Migrant*innenorganisationen" beside four others.
# Translators: abbreviations of the self-check perspectives, as short as possible.
PERSPECTIVE_ABBREVIATIONS = {
    Perspective.ADMINISTRATION: _("Adm."),
    Perspective.POLITICS: _("Pol."),
    Perspective.CIVIL_SOCIETY: _("Civ."),
    Perspective.MIGRANT_ORGANISATIONS: _("MO"),
    Perspective.RESIDENTS: _("Res."),
}


@dataclass
class PerspectiveInfo:
    value: str
    label: str
    respondents: int

    @property
    def short_label(self) -> str:
        return str(PERSPECTIVE_ABBREVIATIONS.get(self.value, self.label))


@dataclass
class PerspectiveValue:
    """One cell of a table: a perspective's figure (None when nobody could judge it)."""

    perspective: str
    label: str
    value: float | None
    dont_know: int = 0

    @property
    def short_label(self) -> str:
        return str(PERSPECTIVE_ABBREVIATIONS.get(self.perspective, self.label))


@dataclass
class ItemRow:
    item: Item
    field: FieldOfAction
    means: list[PerspectiveValue]
    dont_know: int
    answered: int
    gap: float | None
    texts: list[tuple[str, str]]  # (perspective label, text), no names

    @property
    def is_text(self) -> bool:
        return self.item.kind == ItemKind.TEXT

    @property
    def highest(self) -> PerspectiveValue | None:
        present = [m for m in self.means if m.value is not None]
        return max(present, key=lambda m: m.value) if present else None

    @property
    def lowest(self) -> PerspectiveValue | None:
        present = [m for m in self.means if m.value is not None]
        return min(present, key=lambda m: m.value) if present else None


@dataclass
class FieldRow:
    field: FieldOfAction
    scores: list[PerspectiveValue]
    overall: float | None
    dont_know: int
    items: list[ItemRow]
    baseline: float | None = None
    benchmark: float | None = None
    note: WorkshopNote | None = None
    steps: list[FirstStep] = field(default_factory=list)

    @property
    def change(self) -> float | None:
        if self.baseline is None or self.overall is None:
            return None
        return self.overall - self.baseline

    @property
    def score_by_perspective(self) -> dict[str, float | None]:
        return {cell.perspective: cell.value for cell in self.scores}

    @property
    def text_items(self) -> list[ItemRow]:
        return [row for row in self.items if row.texts]

    @property
    def scored_items(self) -> list[ItemRow]:
        return [row for row in self.items if not row.is_text]


@dataclass
class Baseline:
    round: SelfCheckRound
    has_results: bool
    # field key -> overall score of the baseline round
    scores: dict[str, float]


@dataclass
class Benchmark:
    kind_label: str
    contributors: int
    minimum: int = scoring.MIN_BENCHMARK_MUNICIPALITIES
    # field key -> median of the other municipalities' overall field scores
    medians: dict[str, float] = field(default_factory=dict)

    @property
    def available(self) -> bool:
        return self.contributors >= self.minimum


@dataclass
class RoundResults:
    round: SelfCheckRound
    perspectives: list[PerspectiveInfo]
    responses: list[Response]
    fields: list[FieldRow]
    gaps: list[ItemRow]
    baseline: Baseline | None
    benchmark: Benchmark
    answers: list[Answer] = field(default_factory=list)

    @property
    def respondents(self) -> int:
        return sum(p.respondents for p in self.perspectives)

    @property
    def has_results(self) -> bool:
        return bool(self.responses)

    @property
    def overall(self) -> float | None:
        values = [row.overall for row in self.fields if row.overall is not None]
        return sum(values) / len(values) if values else None

    @property
    def text_items(self) -> list[ItemRow]:
        return [row for f in self.fields for row in f.text_items]

    @property
    def has_workshop_record(self) -> bool:
        return any(
            row.steps or (row.note and (row.note.potentials or row.note.recommendations))
            for row in self.fields
        )


# --- Loading -----------------------------------------------------------------------------


def _fields(round_: SelfCheckRound) -> tuple[list[FieldOfAction], dict[int, list[Item]]]:
    """The version's fields in order, and their items (one query: a field without
    items has nothing to show here)."""
    items = Item.objects.filter(field__version_id=round_.version_id).select_related("field")
    fields: dict[int, FieldOfAction] = {}
    items_of: dict[int, list[Item]] = defaultdict(list)
    for item in items.order_by("field__position", "field_id", "position", "pk"):
        fields.setdefault(item.field_id, item.field)
        items_of[item.field_id].append(item)
    return list(fields.values()), items_of


def _round_answers(responses: list[Response], items_of) -> list[Answer]:
    """The submitted answers of the round, with their item and response attached from
    what is loaded already (one query, no joins)."""
    items = {item.pk: item for field_items in items_of.values() for item in field_items}
    by_pk = {response.pk: response for response in responses}
    if not by_pk:
        return []
    answers = list(
        Answer.objects.filter(response_id__in=list(by_pk)).order_by("response_id", "item_id")
    )
    for answer in answers:
        answer.response = by_pk[answer.response_id]
        if answer.item_id in items:
            answer.item = items[answer.item_id]
    return [a for a in answers if a.item_id in items]


def load_benchmark(round_: SelfCheckRound) -> Benchmark:
    """Median per field key of the other municipalities of the same type (one query:
    the precomputed pool, see `scores`)."""
    pool = scores.pool_for(round_.version.instrument_id, round_.municipality.kind)
    contributors, medians = scores.benchmark_medians(pool, round_.municipality_id)
    return Benchmark(
        kind_label=str(round_.municipality.get_kind_display()),
        contributors=contributors,
        medians=medians,
    )


def load_baseline(round_: SelfCheckRound) -> Baseline | None:
    baseline = round_.baseline
    if baseline is None:
        return None
    by_key = scores.baseline_scores(baseline.pk)
    return Baseline(round=baseline, has_results=bool(by_key), scores=by_key)


def round_results(
    round_: SelfCheckRound, *, gap_limit: int = 5, comparisons: bool = True
) -> RoundResults:
    """Everything the results page, the PDF and the export show about one round.

    Expects `round_` with municipality, version (and its instrument) and baseline
    loaded, as `results_round_queryset` does. Without `comparisons` the baseline and
    the benchmark are not loaded (the raw-answer export does not show them).
    """
    fields, items_of = _fields(round_)
    responses = list(
        Response.objects.filter(round=round_, submitted_at__isnull=False).order_by(
            "submitted_at", "pk"
        )
    )
    # In the order of submission, as the raw-answer export lists them.
    position = {response.pk: index for index, response in enumerate(responses)}
    answers = sorted(
        _round_answers(responses, items_of),
        key=lambda a: (position[a.response_id], a.item_id),
    )
    labels = dict(Perspective.choices)
    counts: dict[str, int] = defaultdict(int)
    for response in responses:
        counts[response.perspective] += 1
    perspectives = [
        PerspectiveInfo(value, str(labels[value]), counts[value])
        for value in PERSPECTIVE_ORDER
        if counts[value]
    ]
    results = scoring.item_results(answers)
    items_by_field = {f.pk: [item.pk for item in items_of[f.pk]] for f in fields}
    field_scores = scoring.field_scores(items_by_field, results)
    notes = {note.field_id: note for note in WorkshopNote.objects.filter(round=round_)}
    steps: dict[int, list[FirstStep]] = defaultdict(list)
    for step in FirstStep.objects.filter(round=round_).order_by("due_on", "pk"):
        steps[step.field_id].append(step)

    item_rows: dict[int, ItemRow] = {}
    field_rows = []
    for field_ in fields:
        rows = []
        for item in items_of[field_.pk]:
            result = results.get(item.pk)
            row = _item_row(item, field_, result, perspectives)
            item_rows[item.pk] = row
            rows.append(row)
        field_score = field_scores.get(field_.pk, {})
        field_rows.append(
            FieldRow(
                field=field_,
                scores=[
                    PerspectiveValue(
                        p.value,
                        p.label,
                        field_score.get(p.value),
                        sum(r.means[i].dont_know for r in rows),
                    )
                    for i, p in enumerate(perspectives)
                ],
                overall=scoring.overall(field_score),
                dont_know=sum(row.dont_know for row in rows),
                items=rows,
                note=notes.get(field_.pk),
                steps=steps.get(field_.pk, []),
            )
        )
    gaps = [item_rows[r.item_id] for r in scoring.largest_gaps(results, gap_limit)]

    baseline = load_baseline(round_) if comparisons else None
    if baseline:
        for row in field_rows:
            row.baseline = baseline.scores.get(row.field.key)
    benchmark = (
        load_benchmark(round_)
        if comparisons
        else Benchmark(kind_label=str(round_.municipality.get_kind_display()), contributors=0)
    )
    for row in field_rows:
        row.benchmark = benchmark.medians.get(row.field.key)
    return RoundResults(
        round=round_,
        perspectives=perspectives,
        responses=responses,
        fields=field_rows,
        gaps=gaps,
        baseline=baseline,
        benchmark=benchmark,
        answers=answers,
    )


def _item_row(item, field_, result, perspectives) -> ItemRow:
    labels = dict(Perspective.choices)
    if result is None:
        result = scoring.ItemResult(item.pk)
    means = [
        PerspectiveValue(p.value, p.label, result.mean(p.value), result.dont_know.get(p.value, 0))
        for p in perspectives
    ]
    return ItemRow(
        item=item,
        field=field_,
        means=means,
        dont_know=sum(result.dont_know.values()),
        answered=sum(len(v) for v in result.scores.values()),
        gap=result.gap,
        texts=[
            (str(labels[p]), text)
            for p, text in sorted(result.texts, key=lambda t: PERSPECTIVE_ORDER.index(t[0]))
        ],
    )


def results_round_queryset():
    """Rounds with what `round_results` reads from the round itself."""
    return SelfCheckRound.objects.select_related(
        "municipality", "version__instrument", "baseline__version"
    )
