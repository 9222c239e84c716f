"""Geometry of the self-check radar chart, drawn as hand-made inline SVG.

Same reasoning as `stakeholders/matrix.py`: no chart library, because the chart must
render without JavaScript, under a CSP without inline styles, and in WeasyPrint's
PDF. Pure functions without database access.

One axis per field of action, 0 at the centre and 100 at the rim; the first axis
points up and the others follow clockwise. One line per series (each perspective,
plus the baseline and the benchmark median when present). Series differ by colour,
dash pattern *and* point marker, so they stay apart in greyscale print and for
people who do not tell the colours apart; a legend names them. A series without a
value on an axis (nobody of that perspective could judge the field) is interrupted
there rather than drawn to 0, which would claim a score nobody gave.

Every number written into an SVG attribute goes through `_fmt`: the template engine
would localise floats ("12,5" in German), which SVG reads as two numbers.
"""

import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from teilhabe.core.svg import svg_number

WIDTH = 720
CX = 360.0
RADIUS = 165.0
LABEL_GAP = 16.0
LINE_HEIGHT = 15.0
LABEL_CHARS = 24
MAX_LABEL_LINES = 3
# Room above the rim for labels of up to MAX_LABEL_LINES lines.
CY = RADIUS + LABEL_GAP + MAX_LABEL_LINES * LINE_HEIGHT + 12
RINGS = (25, 50, 75, 100)
MARKER_SIZE = 4.5
LEGEND_ROW = 24.0
LEGEND_COLUMNS = 2
MIN_AXES = 3


@dataclass(frozen=True)
class Style:
    stroke: str
    dash: str  # stroke-dasharray; "" for a solid line
    marker: str  # circle, square, triangle, diamond, triangle-down, cross, plus


# Fixed per series key, so a perspective looks the same on every page and in the PDF.
STYLES: dict[str, Style] = {
    "administration": Style("#0b5c8c", "", "circle"),
    "politics": Style("#a4161a", "9 4", "square"),
    "civil_society": Style("#1d6b34", "3 3", "triangle"),
    "migrant_organisations": Style("#8a4b00", "12 3 2 3", "diamond"),
    "residents": Style("#5b3f8c", "2 5", "cross"),
    "baseline": Style("#4a5563", "6 3 1 3", "triangle-down"),
    "benchmark": Style("#1d2530", "14 5", "plus"),
}
FALLBACK_STYLES = [Style("#006d77", "5 2", "circle"), Style("#7a3e00", "1 3", "square")]


def _value_text(value: float | None) -> str:
    return "–" if value is None else number_format(round(value), decimal_pos=0)


def style_for(key: str, index: int = 0) -> Style:
    return STYLES.get(key) or FALLBACK_STYLES[index % len(FALLBACK_STYLES)]


def marker_path(shape: str, x: float, y: float, size: float = MARKER_SIZE) -> str:
    """SVG path data for a point marker centred on (x, y)."""
    s = size
    if shape == "circle":
        # Two arcs make a circle, so every marker is a <path> with the same attributes.
        return (
            f"M {svg_number(x - s)} {svg_number(y)} A {svg_number(s)} {svg_number(s)} 0 1 0 {svg_number(x + s)} {svg_number(y)} "
            f"A {svg_number(s)} {svg_number(s)} 0 1 0 {svg_number(x - s)} {svg_number(y)} Z"
        )
    if shape == "square":
        return f"M {svg_number(x - s)} {svg_number(y - s)} H {svg_number(x + s)} V {svg_number(y + s)} H {svg_number(x - s)} Z"
    if shape == "triangle":
        return f"M {svg_number(x)} {svg_number(y - s * 1.2)} L {svg_number(x + s * 1.1)} {svg_number(y + s * 0.8)} L {svg_number(x - s * 1.1)} {svg_number(y + s * 0.8)} Z"
    if shape == "triangle-down":
        return f"M {svg_number(x)} {svg_number(y + s * 1.2)} L {svg_number(x + s * 1.1)} {svg_number(y - s * 0.8)} L {svg_number(x - s * 1.1)} {svg_number(y - s * 0.8)} Z"
    if shape == "diamond":
        return f"M {svg_number(x)} {svg_number(y - s * 1.3)} L {svg_number(x + s * 1.3)} {svg_number(y)} L {svg_number(x)} {svg_number(y + s * 1.3)} L {svg_number(x - s * 1.3)} {svg_number(y)} Z"
    if shape == "cross":
        return (
            f"M {svg_number(x - s)} {svg_number(y - s)} L {svg_number(x + s)} {svg_number(y + s)} "
            f"M {svg_number(x - s)} {svg_number(y + s)} L {svg_number(x + s)} {svg_number(y - s)}"
        )
    # plus
    return (
        f"M {svg_number(x - s * 1.2)} {svg_number(y)} L {svg_number(x + s * 1.2)} {svg_number(y)} "
        f"M {svg_number(x)} {svg_number(y - s * 1.2)} L {svg_number(x)} {svg_number(y + s * 1.2)}"
    )


def is_open_marker(shape: str) -> bool:
    """Cross and plus are lines: drawn with a stroke, not filled."""
    return shape in ("cross", "plus")


def angle(index: int, count: int) -> float:
    """Angle of axis `index` in radians: the first points up, then clockwise."""
    return -math.pi / 2 + 2 * math.pi * index / count


def position(index: int, count: int, value: float, radius: float = RADIUS) -> tuple[float, float]:
    """Where `value` (0 to 100, clamped) lies on axis `index`."""
    share = max(0.0, min(100.0, value)) / 100
    theta = angle(index, count)
    return CX + radius * share * math.cos(theta), CY + radius * share * math.sin(theta)


@dataclass(frozen=True)
class TextLine:
    text: str
    y: float

    @property
    def y_attr(self) -> str:
        return svg_number(self.y)


@dataclass(frozen=True)
class Axis:
    key: str
    label: str
    x_end: float
    y_end: float
    label_x: float
    anchor: str
    lines: tuple[TextLine, ...]

    @property
    def x_end_attr(self) -> str:
        return svg_number(self.x_end)

    @property
    def y_end_attr(self) -> str:
        return svg_number(self.y_end)

    @property
    def label_x_attr(self) -> str:
        return svg_number(self.label_x)


def axis_label(index: int, count: int, label: str) -> tuple[float, str, tuple[TextLine, ...]]:
    """x, text-anchor and lines of an axis label placed just outside the rim.

    Labels right of the centre start at the point, labels left of it end there, and
    labels near the top or bottom are centred; a label above the chart grows
    upwards, one below it downwards, so no label runs into the chart.
    """
    theta = angle(index, count)
    cos, sin = math.cos(theta), math.sin(theta)
    x = CX + (RADIUS + LABEL_GAP) * cos
    y = CY + (RADIUS + LABEL_GAP) * sin
    anchor = "start" if cos > 0.2 else "end" if cos < -0.2 else "middle"
    # Long compound words (Migrant*innenselbstorganisationen) stay whole: a line may
    # run longer rather than break a word in the middle.
    wrapped = textwrap.wrap(label, LABEL_CHARS, break_long_words=False) or [""]
    if len(wrapped) > MAX_LABEL_LINES:
        wrapped = [*wrapped[: MAX_LABEL_LINES - 1], " ".join(wrapped[MAX_LABEL_LINES - 1 :])]
        wrapped[-1] = textwrap.shorten(wrapped[-1], LABEL_CHARS, placeholder="…")
    n = len(wrapped)
    if sin < -0.3:
        first = y - (n - 1) * LINE_HEIGHT  # above: the last line sits at the rim
    elif sin > 0.3:
        first = y + 11  # below: the first line hangs from the rim
    else:
        first = y - (n - 1) * LINE_HEIGHT / 2 + 4
    lines = tuple(TextLine(text, first + i * LINE_HEIGHT) for i, text in enumerate(wrapped))
    return x, anchor, lines


@dataclass(frozen=True)
class SeriesInput:
    key: str
    label: str
    values: Sequence[float | None]
    kind: str = "perspective"  # perspective, baseline, benchmark


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    value: float
    axis_label: str
    marker: str

    @property
    def x_attr(self) -> str:
        return svg_number(self.x)

    @property
    def y_attr(self) -> str:
        return svg_number(self.y)

    @property
    def value_text(self) -> str:
        return _value_text(self.value)

    @property
    def marker_d(self) -> str:
        return marker_path(self.marker, self.x, self.y)


@dataclass(frozen=True)
class Series:
    key: str
    label: str
    kind: str
    style: Style
    path: str
    points: tuple[Point, ...]

    @property
    def marker_fill(self) -> str:
        return "none" if is_open_marker(self.style.marker) else self.style.stroke


@dataclass(frozen=True)
class LegendEntry:
    series: Series
    x: float
    y: float

    @property
    def line_x1(self) -> str:
        return svg_number(self.x)

    @property
    def line_x2(self) -> str:
        return svg_number(self.x + 44)

    @property
    def line_y(self) -> str:
        return svg_number(self.y)

    @property
    def text_x(self) -> str:
        return svg_number(self.x + 54)

    @property
    def text_y(self) -> str:
        return svg_number(self.y + 4.5)

    @property
    def marker(self) -> str:
        return marker_path(self.series.style.marker, self.x + 22, self.y)


@dataclass(frozen=True)
class Ring:
    value: int
    points: str
    label_x: str
    label_y: str


def series_path(values: Sequence[float | None]) -> str:
    """Path data through the values; interrupted where a value is missing.

    Closed (Z) only when every axis has a value; otherwise the segments between
    neighbouring values are drawn, including the one from the last axis back to the
    first.
    """
    count = len(values)
    points = [
        position(i, count, value) if value is not None else None for i, value in enumerate(values)
    ]
    if all(p is not None for p in points) and count:
        head, *rest = points
        return " ".join(
            [f"M {svg_number(head[0])} {svg_number(head[1])}"]  # type: ignore[index]
            + [f"L {svg_number(p[0])} {svg_number(p[1])}" for p in rest]  # type: ignore[index]
            + ["Z"]
        )
    commands = []
    last_end = None
    for i in range(count):
        j = (i + 1) % count
        start, end = points[i], points[j]
        if start is None or end is None or (count < 3 and j == 0):
            continue
        if last_end != i:
            commands.append(f"M {svg_number(start[0])} {svg_number(start[1])}")
        commands.append(f"L {svg_number(end[0])} {svg_number(end[1])}")
        last_end = j
    return " ".join(commands)


@dataclass
class Radar:
    axes: list[Axis]
    series: list[Series]
    rings: list[Ring]
    legend: list[LegendEntry]
    height: float
    summary: str
    width: int = WIDTH
    cx: str = svg_number(CX)
    cy: str = svg_number(CY)
    rings_label_x: str = svg_number(CX + 4)

    @property
    def drawable(self) -> bool:
        """A radar needs at least three axes; with fewer only the table is shown."""
        return len(self.axes) >= MIN_AXES and bool(self.series)

    @property
    def height_attr(self) -> str:
        return svg_number(self.height)


def _ring(value: int, count: int) -> Ring:
    corners = [position(i, count, value) for i in range(count)]
    return Ring(
        value=value,
        points=" ".join(f"{svg_number(x)},{svg_number(y)}" for x, y in corners),
        label_x=svg_number(CX + 4),
        label_y=svg_number(CY - RADIUS * value / 100 - 3),
    )


def summary_text(axes: Sequence[tuple[str, str]], series: Sequence[SeriesInput]) -> str:
    """Text for aria-label: what the chart shows, and every series' figures."""
    parts = [
        _(
            "Radar chart of %(fields)s fields of action, scores from 0 to 100. The table "
            "next to it lists the same figures."
        )
        % {"fields": len(axes)}
    ]
    for item in series:
        figures = ", ".join(
            f"{label} {_value_text(value)}"
            for (_key, label), value in zip(axes, item.values, strict=True)
        )
        parts.append(f"{item.label}: {figures}.")
    return " ".join(parts)


def build_radar(axes: Sequence[tuple[str, str]], series: Sequence[SeriesInput]) -> Radar:
    """Lay out axes (key, label) and series whose values follow the order of `axes`."""
    count = len(axes)
    axis_list = []
    for index, (key, label) in enumerate(axes):
        x_end, y_end = position(index, count, 100)
        label_x, anchor, lines = axis_label(index, count, label)
        axis_list.append(Axis(key, label, x_end, y_end, label_x, anchor, lines))
    series_list = []
    for index, item in enumerate(series):
        if len(item.values) != count:
            raise ValueError("A series needs one value per axis.")
        style = style_for(item.key, index)
        points = tuple(
            Point(*position(i, count, value), value, axes[i][1], style.marker)
            for i, value in enumerate(item.values)
            if value is not None
        )
        series_list.append(
            Series(item.key, item.label, item.kind, style, series_path(item.values), points)
        )
    legend_top = CY + RADIUS + LABEL_GAP + MAX_LABEL_LINES * LINE_HEIGHT + 24
    legend = [
        LegendEntry(
            s,
            40 + (i % LEGEND_COLUMNS) * (WIDTH - 80) / LEGEND_COLUMNS,
            legend_top + (i // LEGEND_COLUMNS) * LEGEND_ROW,
        )
        for i, s in enumerate(series_list)
    ]
    rows = math.ceil(len(series_list) / LEGEND_COLUMNS)
    height = legend_top + max(rows - 1, 0) * LEGEND_ROW + 20
    rings = [_ring(value, count) for value in RINGS] if count >= MIN_AXES else []
    return Radar(
        axes=axis_list,
        series=series_list,
        rings=rings,
        legend=legend,
        height=height,
        summary=summary_text(axes, series),
    )


def radar_for(results) -> Radar:
    """The radar of a round's results: perspectives, then baseline and benchmark."""
    axes = [(row.field.key, row.field.display_name) for row in results.fields]
    series = [
        SeriesInput(
            p.value, p.label, [row.score_by_perspective.get(p.value) for row in results.fields]
        )
        for p in results.perspectives
    ]
    if results.baseline and results.baseline.has_results:
        series.append(
            SeriesInput(
                "baseline",
                _("Baseline: %(title)s")
                % {"title": textwrap.shorten(results.baseline.round.title, 30, placeholder="…")},
                [row.baseline for row in results.fields],
                kind="baseline",
            )
        )
    if results.benchmark.available and results.benchmark.medians:
        series.append(
            SeriesInput(
                "benchmark",
                _("Median of comparable municipalities"),
                [row.benchmark for row in results.fields],
                kind="benchmark",
            )
        )
    return build_radar(axes, series)
