"""Geometry of the radar chart (no database)."""

import math
import re

import pytest
from django.utils import translation

from teilhabe.selfcheck import radar
from teilhabe.selfcheck.radar import CX, CY, RADIUS, SeriesInput, build_radar, series_path

AXES = [("a", "Haltung und Leitbild"), ("b", "Verwaltung"), ("c", "Öffnung"), ("d", "Ressourcen")]


def test_first_axis_points_up_and_the_others_follow_clockwise():
    assert radar.position(0, 4, 100) == pytest.approx((CX, CY - RADIUS))
    assert radar.position(1, 4, 100) == pytest.approx((CX + RADIUS, CY))
    assert radar.position(2, 4, 50) == pytest.approx((CX, CY + RADIUS / 2))
    assert radar.position(3, 4, 0) == pytest.approx((CX, CY))


def test_values_are_clamped_to_the_scale():
    assert radar.position(0, 4, 140) == radar.position(0, 4, 100)
    assert radar.position(0, 4, -5) == pytest.approx((CX, CY))


def test_closed_path_when_every_axis_has_a_value():
    path = series_path([100, 100, 100, 100])
    assert path.startswith(f"M {CX:.1f} {CY - RADIUS:.1f}")
    assert path.endswith("Z")
    assert path.count("L") == 3


def test_missing_value_interrupts_the_line_instead_of_dropping_to_zero():
    path = series_path([100, None, 100, 100])
    assert "Z" not in path
    # c → d → a in one line; nothing is drawn to or from b (and not through the centre).
    assert f"{CX:.1f} {CY:.1f}" not in path
    assert path == (
        f"M {CX:.1f} {CY + RADIUS:.1f} L {CX - RADIUS:.1f} {CY:.1f} L {CX:.1f} {CY - RADIUS:.1f}"
    )
    # Two separate stretches when values are missing on both sides.
    assert series_path([100, 100, None, 100, 100, None]).count("M") == 2
    assert series_path([None, 50, None, None]) == ""


def test_labels_sit_outside_the_rim_and_anchor_away_from_the_chart():
    chart = build_radar(AXES, [SeriesInput("administration", "Verwaltung", [50, 50, 50, 50])])
    top, right, bottom, left = chart.axes
    assert (top.anchor, right.anchor, bottom.anchor, left.anchor) == (
        "middle",
        "start",
        "middle",
        "end",
    )
    assert right.label_x > CX + RADIUS
    assert left.label_x < CX - RADIUS
    assert top.lines[-1].y < CY - RADIUS
    assert bottom.lines[0].y > CY + RADIUS
    # A long label wraps into lines of limited length.
    long = build_radar(
        [("x", "Interkulturelle Öffnung und Antirassismus in der Verwaltung"), *AXES[1:]], []
    )
    assert len(long.axes[0].lines) >= 2
    assert all(len(line.text) <= radar.LABEL_CHARS for line in long.axes[0].lines)


def test_every_attribute_number_uses_a_dot_in_german():
    with translation.override("de"):
        chart = build_radar(
            AXES,
            [
                SeriesInput("administration", "Verwaltung", [12.345, 50, None, 99.99]),
                SeriesInput("benchmark", "Median", [33.3, 66.6, 10.05, 0], kind="benchmark"),
            ],
        )
    attributes = [chart.height_attr, chart.cx, chart.cy]
    for axis in chart.axes:
        attributes += [axis.x_end_attr, axis.y_end_attr, axis.label_x_attr]
        attributes += [line.y_attr for line in axis.lines]
    for series in chart.series:
        attributes += [p.x_attr for p in series.points] + [p.y_attr for p in series.points]
    for attribute in attributes:
        assert re.fullmatch(r"-?\d+\.\d", attribute), attribute
    for series in chart.series:
        assert "," not in series.path
        assert all("," not in p.marker_d for p in series.points)
    for ring in chart.rings:
        assert all(re.fullmatch(r"\d+\.\d,\d+\.\d", pair) for pair in ring.points.split())
    # The summary for screen readers is text, formatted for the reader's language.
    assert (
        "Verwaltung: Haltung und Leitbild 12, Verwaltung 50, Öffnung –, Ressourcen 100."
        in chart.summary
    )


def test_series_differ_by_dash_and_marker_not_only_colour():
    keys = [
        "administration",
        "politics",
        "civil_society",
        "migrant_organisations",
        "residents",
        "baseline",
        "benchmark",
    ]
    styles = [radar.style_for(key) for key in keys]
    assert len({s.dash for s in styles}) == len(keys)
    assert len({s.marker for s in styles}) == len(keys)
    chart = build_radar(AXES, [SeriesInput(key, key, [50] * 4) for key in keys])
    assert len(chart.legend) == len(keys)
    assert chart.height > chart.legend[-1].y


def test_points_only_where_there_is_a_value():
    chart = build_radar(AXES, [SeriesInput("politics", "Politik", [None, 25, None, 75])])
    assert [p.value for p in chart.series[0].points] == [25, 75]
    assert chart.series[0].points[0].axis_label == "Verwaltung"


def test_fewer_than_three_axes_is_not_drawn():
    assert not build_radar(AXES[:2], [SeriesInput("administration", "V", [1, 2])]).drawable
    assert build_radar(AXES[:3], [SeriesInput("administration", "V", [1, 2, 3])]).drawable
    assert not build_radar(AXES, []).drawable


def test_series_need_one_value_per_axis():
    with pytest.raises(ValueError):
        build_radar(AXES, [SeriesInput("administration", "V", [1, 2])])


def test_ring_corners_lie_on_the_axes():
    chart = build_radar(AXES, [])
    ring_50 = next(r for r in chart.rings if r.value == 50)
    first = ring_50.points.split()[0]
    assert first == f"{CX:.1f},{CY - RADIUS / 2:.1f}"
    assert math.isclose(float(ring_50.label_y), CY - RADIUS / 2 - 3)
