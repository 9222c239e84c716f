"""Geometry of the four-field matrix (stakeholders/matrix.py): no database needed."""

import itertools
import math
from types import SimpleNamespace

import pytest

from teilhabe.stakeholders import matrix
from teilhabe.stakeholders.analysis import Field, field_for


def actor(pk: int, influence: int | None, attitude: int | None) -> SimpleNamespace:
    return SimpleNamespace(pk=pk, influence=influence, attitude=attitude, display_name=f"A{pk}")


def test_quadrants_tile_the_plot():
    quadrants = matrix.quadrants()
    area = sum(q.width * q.height for q in quadrants)
    assert math.isclose(area, matrix.PLOT_W * matrix.PLOT_H)
    assert {q.field for q in quadrants} == set(Field.values)


@pytest.mark.parametrize(("influence", "attitude"), list(itertools.product(range(1, 6), repeat=2)))
def test_every_cell_lies_in_its_field(influence, attitude):
    built = matrix.build_matrix([actor(1, influence, attitude)])
    (point,) = built.points
    assert point.field == field_for(influence, attitude)
    quadrant = built.quadrant(point.field)
    assert quadrant.contains(point.x - point.r, point.y - point.r)
    assert quadrant.contains(point.x + point.r, point.y + point.r)


def test_axes_run_the_right_way():
    low_critical = matrix.cell_center(1, 1)
    high_supportive = matrix.cell_center(5, 5)
    # Supportive to the right, high influence at the top (SVG y grows downwards).
    assert high_supportive[0] > low_critical[0]
    assert high_supportive[1] < low_critical[1]


@pytest.mark.parametrize("count", [2, 3, 5, 9, 17, 40])
def test_points_sharing_a_cell_do_not_overlap_and_stay_in_the_field(count):
    built = matrix.build_matrix([actor(pk, 3, 4) for pk in range(count)])
    assert len(built.points) == count
    quadrant = built.quadrant(Field.PROMOTERS)
    for point in built.points:
        assert quadrant.contains(point.x - point.r, point.y - point.r)
        assert quadrant.contains(point.x + point.r, point.y + point.r)
    for a, b in itertools.combinations(built.points, 2):
        assert math.dist((a.x, a.y), (b.x, b.y)) >= a.r + b.r


def test_layout_is_deterministic_and_numbers_follow_the_order():
    actors = [actor(7, 4, 4), actor(3, 1, 1), actor(5, 4, 4)]
    first = matrix.build_matrix(actors)
    second = matrix.build_matrix(actors)
    assert [(p.x, p.y) for p in first.points] == [(p.x, p.y) for p in second.points]
    assert [(p.number, p.actor.pk) for p in first.points] == [(1, 7), (2, 3), (3, 5)]


def test_unassessed_and_counts():
    built = matrix.build_matrix(
        [actor(1, 5, 5), actor(2, None, None), actor(3, 1, 2), actor(4, 2, 5), actor(5, 4, 1)]
    )
    assert [a.pk for a in built.unassessed] == [2]
    assert built.counts == {"promoters": 1, "critics": 1, "activate": 1, "inform": 1}
    assert [p.field for p in built.rows] == ["promoters", "critics", "activate", "inform"]


def test_attributes_use_a_dot_whatever_the_language():
    from django.utils import translation

    with translation.override("de"):
        point = matrix.build_matrix([actor(1, 3, 3)]).points[0]
        assert "," not in point.x_attr and "." in point.x_attr
