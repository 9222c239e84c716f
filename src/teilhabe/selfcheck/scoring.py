"""Scores of a self-check round, as plain functions over answers.

Every closed answer becomes a score from 0 to 100: the scale 1 to 5 maps to 0, 25, 50,
75, 100; yes is 100 and no is 0. "Don't know", missing answers and free text carry
no score and are left out of every mean (they are counted separately, so a field
that many people could not judge is visible as such). Only submitted responses
count.

A field's score for a perspective is the mean of its item means for that
perspective, so a field is not dominated by the perspective with the most people.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from math import fsum
from statistics import median

from teilhabe.selfcheck.models import Answer, ItemKind

MIN_BENCHMARK_MUNICIPALITIES = 5


def mean(values) -> float:
    """The arithmetic mean, correctly rounded sum divided by the count.

    `statistics.mean` computes with fractions and was the larger part of a results
    page; for scores (multiples of 25 and their means) both give the same figures.
    """
    values = list(values)
    return fsum(values) / len(values)


def answer_score(answer: Answer) -> float | None:
    if answer.dont_know:
        return None
    if answer.item.kind == ItemKind.LIKERT and answer.scale is not None:
        return (answer.scale - 1) * 25.0
    if answer.item.kind == ItemKind.YES_NO and answer.yes is not None:
        return 100.0 if answer.yes else 0.0
    return None


@dataclass
class ItemResult:
    item_id: int
    # perspective -> scores of the individual answers
    scores: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    dont_know: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    texts: list[tuple[str, str]] = field(default_factory=list)  # (perspective, text)

    def mean(self, perspective: str) -> float | None:
        return self.perspective_means.get(perspective)

    @cached_property
    def perspective_means(self) -> dict[str, float]:
        # Read only after all answers were added (item_results), so it may be kept.
        return {p: mean(v) for p, v in self.scores.items() if v}

    @property
    def gap(self) -> float | None:
        """Largest difference between two perspectives' means; None with fewer than two."""
        means = list(self.perspective_means.values())
        return max(means) - min(means) if len(means) >= 2 else None


def item_results(answers: Iterable[Answer]) -> dict[int, ItemResult]:
    """Group answers (with item and response loaded) by item."""
    results: dict[int, ItemResult] = {}
    for answer in answers:
        result = results.setdefault(answer.item_id, ItemResult(answer.item_id))
        perspective = answer.response.perspective
        if answer.item.kind == ItemKind.TEXT:
            if answer.text.strip():
                result.texts.append((perspective, answer.text.strip()))
            continue
        if answer.dont_know:
            result.dont_know[perspective] += 1
        score = answer_score(answer)
        if score is not None:
            result.scores[perspective].append(score)
    return results


def field_scores(
    items_by_field: dict[int, list[int]], results: dict[int, ItemResult]
) -> dict[int, dict[str, float]]:
    """field id -> perspective -> mean of the item means (items without answers skipped)."""
    scores: dict[int, dict[str, float]] = {}
    for field_id, item_ids in items_by_field.items():
        per_perspective: dict[str, list[float]] = defaultdict(list)
        for item_id in item_ids:
            result = results.get(item_id)
            if result is None:
                continue
            for perspective, value in result.perspective_means.items():
                per_perspective[perspective].append(value)
        scores[field_id] = {p: mean(v) for p, v in per_perspective.items()}
    return scores


def overall(scores: dict[str, float]) -> float | None:
    """All perspectives together, each weighing the same."""
    return mean(scores.values()) if scores else None


def largest_gaps(results: dict[int, ItemResult], limit: int = 5) -> list[ItemResult]:
    """Items where perspectives disagree most: the workshop's discussion points."""
    with_gap = [r for r in results.values() if r.gap is not None and r.gap > 0]
    return sorted(with_gap, key=lambda r: r.gap, reverse=True)[:limit]


def benchmark(values_by_municipality: dict[int, float]) -> float | None:
    """Median of other municipalities' scores, or None below the minimum group size.

    Only a median is returned, never a single municipality's value.
    """
    if len(values_by_municipality) < MIN_BENCHMARK_MUNICIPALITIES:
        return None
    return median(values_by_municipality.values())
