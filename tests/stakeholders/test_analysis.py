"""Matrix placement and coverage rules (analysis.py) as plain functions."""

from types import SimpleNamespace

import pytest

from teilhabe.stakeholders import analysis
from teilhabe.stakeholders.analysis import Field, field_for
from teilhabe.stakeholders.models import ActorCategory, Involvement
from tests.stakeholders.factories import ActorFactory, PersonFactory


@pytest.mark.parametrize(
    ("influence", "attitude", "expected"),
    [
        # Influence 3 is already high; attitude 4 is the first supportive value.
        (3, 4, Field.PROMOTERS),
        (5, 5, Field.PROMOTERS),
        (3, 3, Field.CRITICS),
        (5, 1, Field.CRITICS),
        (2, 4, Field.ACTIVATE),
        (1, 5, Field.ACTIVATE),
        (2, 3, Field.INFORM),
        (1, 1, Field.INFORM),
    ],
)
def test_field_boundaries(influence, attitude, expected):
    assert field_for(influence, attitude) == expected


@pytest.mark.parametrize(("influence", "attitude"), [(None, None), (3, None), (None, 4)])
def test_unassessed_has_no_field(influence, attitude):
    assert field_for(influence, attitude) is None


def category(key: str, recommended: bool = True) -> SimpleNamespace:
    return SimpleNamespace(pk=key, key=key, recommended=recommended)


def actor(category_key: str, involvement: str) -> SimpleNamespace:
    return SimpleNamespace(category_id=category_key, involvement=involvement)


def test_coverage_counts_per_stage_and_gaps():
    categories = [category("a"), category("b"), category("c"), category("extra", False)]
    actors = [
        actor("a", Involvement.KNOWN),
        actor("a", Involvement.INVITED),
        actor("a", Involvement.ACTIVE),
        actor("b", Involvement.INVITED),
        actor("b", Involvement.KNOWN),
        actor("extra", Involvement.KNOWN),
        actor("unknown-category", Involvement.ACTIVE),
    ]
    result = analysis.coverage(actors, categories)
    rows = {row.category.key: row for row in result.rows}
    assert rows["a"].counts == {"known": 1, "invited": 1, "involved": 0, "active": 1}
    assert (rows["a"].known, rows["a"].invited_or_more, rows["a"].involved) == (3, 2, 1)
    assert (rows["b"].known, rows["b"].invited_or_more, rows["b"].involved) == (2, 1, 0)
    assert rows["c"].known == 0
    # Gaps: only recommended categories with nobody involved or active.
    assert [row.category.key for row in result.gaps] == ["b", "c"]
    assert not rows["extra"].is_gap
    assert result.score == 33


@pytest.mark.parametrize(
    ("covered", "total", "score"),
    [(0, 3, 0), (1, 3, 33), (2, 3, 67), (3, 3, 100), (1, 8, 12), (5, 8, 62), (7, 13, 54)],
)
def test_score_rounding(covered, total, score):
    categories = [category(f"c{index}") for index in range(total)]
    actors = [actor(f"c{index}", Involvement.INVOLVED) for index in range(covered)]
    assert analysis.coverage(actors, categories).score == score


def test_score_without_recommended_categories_is_full():
    assert analysis.coverage([], [category("x", False)]).score == 100


def test_anonymised_persons_still_count(db, municipality):
    from teilhabe.stakeholders import services

    welfare = ActorCategory.objects.get(key="welfare")
    person = PersonFactory(
        municipality=municipality, category=welfare, involvement=Involvement.ACTIVE
    )
    ActorFactory(municipality=municipality, category=welfare)
    before = analysis.coverage(municipality.actors.all(), ActorCategory.objects.all())
    services.delete_actor(person, by=None)
    after = analysis.coverage(municipality.actors.all(), ActorCategory.objects.all())
    assert [row.counts for row in before.rows] == [row.counts for row in after.rows]
    assert after.score == before.score > 0


def test_default_categories_cover_the_method(db):
    keys = set(ActorCategory.objects.values_list("key", flat=True))
    assert {
        "residents",
        "migrant-organisations",
        "integration-council",
        "volunteer-groups",
        "welfare",
        "religious",
        "unions",
        "employment",
        "education",
        "business",
        "civil-society",
        "administration",
    } <= keys
    migrants = ActorCategory.objects.get(key="migrant-organisations")
    assert "Expert" in migrants.suggestion and "experts" in migrants.suggestion_en
