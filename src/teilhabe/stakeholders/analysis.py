"""The four-field matrix and the coverage check, as plain functions.

Scales run from 1 to 5. An influence of 3 or more counts as high: an actor of
medium influence can already carry or block the process. An attitude of 4 or more
counts as supportive; neutral (3) actors are not won yet and sit with the critics,
because they still need attention.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Count, FilteredRelation, Q
from django.utils.translation import gettext_lazy as _

from teilhabe.stakeholders.models import INVOLVEMENT_ORDER, Actor, ActorCategory, Involvement

HIGH_INFLUENCE = 3
SUPPORTIVE = 4


class Field(models.TextChoices):
    PROMOTERS = "promoters", _("Promoters")
    CRITICS = "critics", _("Critics with influence")
    ACTIVATE = "activate", _("Supporters to activate")
    INFORM = "inform", _("Keep informed")


FIELD_HINTS = {
    Field.PROMOTERS: _("Influential and supportive: involve them in steering and as door-openers."),
    Field.CRITICS: _(
        "Influential but critical or undecided: talk with them early, take concerns seriously."
    ),
    Field.ACTIVATE: _("Supportive but with little influence so far: strengthen and connect them."),
    Field.INFORM: _("Little influence, not yet supportive: keep them informed and invite them."),
}


def field_for(influence: int | None, attitude: int | None) -> str | None:
    """The matrix field for an assessment, or None when the actor is not assessed."""
    if influence is None or attitude is None:
        return None
    high = influence >= HIGH_INFLUENCE
    supportive = attitude >= SUPPORTIVE
    if high:
        return Field.PROMOTERS if supportive else Field.CRITICS
    return Field.ACTIVATE if supportive else Field.INFORM


@dataclass
class CategoryCoverage:
    category: ActorCategory
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Involvement.values, 0))

    @property
    def known(self) -> int:
        return sum(self.counts.values())

    @property
    def involved(self) -> int:
        """Actors involved or active (the ones that really take part)."""
        return self.counts[Involvement.INVOLVED] + self.counts[Involvement.ACTIVE]

    @property
    def invited_or_more(self) -> int:
        return self.involved + self.counts[Involvement.INVITED]

    @property
    def is_gap(self) -> bool:
        return self.category.recommended and self.involved == 0


@dataclass
class Coverage:
    rows: list[CategoryCoverage]

    @property
    def recommended(self) -> list[CategoryCoverage]:
        return [row for row in self.rows if row.category.recommended]

    @property
    def gaps(self) -> list[CategoryCoverage]:
        return [row for row in self.rows if row.is_gap]

    @property
    def score(self) -> int:
        """Share (0 to 100) of recommended categories with someone involved or active."""
        recommended = self.recommended
        if not recommended:
            return 100
        covered = sum(1 for row in recommended if row.involved)
        return round(100 * covered / len(recommended))


def coverage(actors: Iterable[Actor], categories: Iterable[ActorCategory]) -> Coverage:
    """Count actors per category and involvement stage (anonymised ones included)."""
    rows = {category.pk: CategoryCoverage(category) for category in categories}
    for actor in actors:
        row = rows.get(actor.category_id)
        if row is not None:
            row.counts[actor.involvement] += 1
    return Coverage(list(rows.values()))


def coverage_of(municipality_id: int) -> Coverage:
    """`coverage` of a municipality's actors, counted in the database: one query over
    the categories, whatever the number of actors."""
    stages = {f"n_{index}": stage for index, stage in enumerate(Involvement.values)}
    # The condition is part of the join (FilteredRelation), so the index on
    # (municipality, category) finds each category's actors of this municipality only.
    categories = ActorCategory.objects.annotate(
        local=FilteredRelation("actors", condition=Q(actors__municipality_id=municipality_id))
    ).annotate(
        **{
            name: Count("local", filter=Q(local__involvement=stage))
            for name, stage in stages.items()
        }
    )
    rows = []
    for category in categories:
        row = CategoryCoverage(category)
        for name, stage in stages.items():
            count = getattr(category, name)
            if count:
                row.counts[stage] += count
        rows.append(row)
    return Coverage(rows)


def involvement_rank(value: str) -> int:
    return INVOLVEMENT_ORDER[value]
