"""Geometry of the four-field matrix, drawn as hand-made inline SVG.

Why no chart library: the ones we looked at either draw in the browser with
JavaScript (nothing to show without JS, nothing for WeasyPrint) or inject inline
styles and scripts that our Content Security Policy blocks. A scatter chart on a
five-by-five grid is a few rectangles and circles, so we compute the positions here and
the template `stakeholders/_matrix_svg.html` writes them as SVG attributes. The same
markup works in the browser and in WeasyPrint's PDF export.

Pure functions without database access. x runs along attitude (1 critical … 5
supportive), y along influence (1 low … 5 high, high at the top). Each scale value
is one cell; the fields follow the boundaries of `analysis.field_for`, so they are not
all the same size. Actors sharing a cell are spread over a small grid inside it, in a
deterministic order, so every one stays visible and clickable.
"""

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from teilhabe.core.svg import svg_number
from teilhabe.stakeholders.analysis import HIGH_INFLUENCE, SUPPORTIVE, Field, field_for

SCALE = (1, 2, 3, 4, 5)

WIDTH = 600
HEIGHT = 560
# The plot area; the margins hold field names, tick labels and axis titles.
PLOT_X = 72
PLOT_Y = 34
PLOT_W = 510
PLOT_H = 440
CELL_W = PLOT_W / len(SCALE)
CELL_H = PLOT_H / len(SCALE)
PLOT_RIGHT = PLOT_X + PLOT_W
PLOT_BOTTOM = PLOT_Y + PLOT_H
# Left of SPLIT_X: attitude below SUPPORTIVE; above SPLIT_Y: influence from HIGH_INFLUENCE.
SPLIT_X = PLOT_X + (SUPPORTIVE - 1) * CELL_W
SPLIT_Y = PLOT_Y + (len(SCALE) - HIGH_INFLUENCE + 1) * CELL_H

MAX_RADIUS = 13.0
MIN_RADIUS = 3.0
# Share of a cell that the points of that cell may use; the rest keeps cells apart.
CELL_FILL = 0.8

# Presentation attributes, so the chart also looks right outside our stylesheet
# (in a PDF); the stylesheet may refine them through the classes.
FIELD_FILL = {
    Field.PROMOTERS: "#e3f3e7",
    Field.CRITICS: "#fde7e8",
    Field.ACTIVATE: "#e5f0f8",
    Field.INFORM: "#f3f5f8",
}


def cell_center(influence: int, attitude: int) -> tuple[float, float]:
    """Centre of the cell for an assessment, in SVG user units."""
    x = PLOT_X + (attitude - 0.5) * CELL_W
    y = PLOT_Y + (len(SCALE) - influence + 0.5) * CELL_H
    return x, y


def spread(count: int) -> tuple[list[tuple[float, float]], float]:
    """Offsets from the cell centre for `count` points, and the radius to draw them.

    Points form a near-square grid (row by row) that fits into the cell, so two
    points of the same cell never overlap.
    """
    if count <= 0:
        return [], MAX_RADIUS
    columns = math.ceil(math.sqrt(count))
    rows = math.ceil(count / columns)
    step = min(CELL_W * CELL_FILL / columns, CELL_H * CELL_FILL / rows)
    radius = max(min(MAX_RADIUS, step * 0.45), MIN_RADIUS)
    if count == 1:
        return [(0.0, 0.0)], radius
    offsets = []
    for index in range(count):
        row, column = divmod(index, columns)
        in_row = min(columns, count - row * columns)
        # A shorter last row is centred too.
        dx = (column - (in_row - 1) / 2) * step
        dy = (row - (rows - 1) / 2) * step
        offsets.append((dx, dy))
    return offsets, radius


@dataclass(frozen=True)
class Point:
    """One assessed actor on the chart; `number` links it to the table row."""

    actor: Any
    number: int
    influence: int
    attitude: int
    field: str
    x: float
    y: float
    r: float

    @property
    def x_attr(self) -> str:
        return svg_number(self.x)

    @property
    def y_attr(self) -> str:
        return svg_number(self.y)

    @property
    def r_attr(self) -> str:
        return svg_number(self.r)

    @property
    def label_y_attr(self) -> str:
        # Baseline of the number so that it sits in the middle of the circle.
        return svg_number(self.y + self.r * 0.38)

    @property
    def font_size_attr(self) -> str:
        return svg_number(max(self.r * 1.05, 6.0))

    @property
    def field_label(self) -> str:
        return Field(self.field).label


@dataclass(frozen=True)
class Quadrant:
    field: str
    x: float
    y: float
    width: float
    height: float
    fill: str
    # Where the field name goes: above the plot for the upper fields, below for the lower.
    label_x: float
    label_y: float
    label_anchor: str

    @property
    def label(self) -> str:
        return Field(self.field).label

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x <= self.x + self.width and self.y <= y <= self.y + self.height

    @property
    def x_attr(self) -> str:
        return svg_number(self.x)

    @property
    def y_attr(self) -> str:
        return svg_number(self.y)

    @property
    def width_attr(self) -> str:
        return svg_number(self.width)

    @property
    def height_attr(self) -> str:
        return svg_number(self.height)

    @property
    def label_x_attr(self) -> str:
        return svg_number(self.label_x)

    @property
    def label_y_attr(self) -> str:
        return svg_number(self.label_y)


@dataclass(frozen=True)
class Tick:
    value: int
    position: float

    @property
    def position_attr(self) -> str:
        return svg_number(self.position)


@dataclass
class Matrix:
    points: list[Point]
    quadrants: list[Quadrant]
    unassessed: list[Any] = field(default_factory=list)
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(Field.values, 0)
        for point in self.points:
            counts[point.field] += 1
        return counts

    @property
    def count_list(self) -> list[tuple[str, str, int]]:
        """(field, label, count) in the order of `Field`."""
        counts = self.counts
        return [(value, str(label), counts[value]) for value, label in Field.choices]

    def quadrant(self, field_value: str) -> Quadrant:
        return next(q for q in self.quadrants if q.field == field_value)

    @property
    def rows(self) -> list[Point]:
        """Points for the table: by field, then by number."""
        order = {value: index for index, value in enumerate(Field.values)}
        return sorted(self.points, key=lambda p: (order[p.field], p.number))

    # Fixed geometry for the template, formatted: the template engine would localise
    # floats ("378,0" in German), which SVG reads as a list of coordinates.
    plot_x = svg_number(PLOT_X)
    plot_y = svg_number(PLOT_Y)
    plot_w = svg_number(PLOT_W)
    plot_h = svg_number(PLOT_H)
    plot_right = svg_number(PLOT_RIGHT)
    plot_bottom = svg_number(PLOT_BOTTOM)
    split_x = svg_number(SPLIT_X)
    split_y = svg_number(SPLIT_Y)
    tick_label_x = svg_number(PLOT_X - 10)
    tick_label_y = svg_number(PLOT_BOTTOM + 18)
    axis_title_x = svg_number(PLOT_X + PLOT_W / 2)
    axis_title_y = svg_number(PLOT_BOTTOM + 72)
    y_title_x = svg_number(20)
    y_title_y = svg_number(PLOT_Y + PLOT_H / 2)
    x_ticks = [Tick(value, PLOT_X + (value - 0.5) * CELL_W) for value in SCALE]
    y_ticks = [Tick(value, PLOT_Y + (len(SCALE) - value + 0.5) * CELL_H) for value in SCALE]


def quadrants() -> list[Quadrant]:
    """The four fields as rectangles, split where `analysis.field_for` splits."""
    split_x, split_y, right, bottom = SPLIT_X, SPLIT_Y, PLOT_RIGHT, PLOT_BOTTOM
    above = PLOT_Y - 10
    below = bottom + 40
    return [
        Quadrant(
            Field.CRITICS,
            PLOT_X,
            PLOT_Y,
            split_x - PLOT_X,
            split_y - PLOT_Y,
            FIELD_FILL[Field.CRITICS],
            PLOT_X + 4,
            above,
            "start",
        ),
        Quadrant(
            Field.PROMOTERS,
            split_x,
            PLOT_Y,
            right - split_x,
            split_y - PLOT_Y,
            FIELD_FILL[Field.PROMOTERS],
            right - 4,
            above,
            "end",
        ),
        Quadrant(
            Field.INFORM,
            PLOT_X,
            split_y,
            split_x - PLOT_X,
            bottom - split_y,
            FIELD_FILL[Field.INFORM],
            PLOT_X + 4,
            below,
            "start",
        ),
        Quadrant(
            Field.ACTIVATE,
            split_x,
            split_y,
            right - split_x,
            bottom - split_y,
            FIELD_FILL[Field.ACTIVATE],
            right - 4,
            below,
            "end",
        ),
    ]


def build_matrix(actors: Iterable[Any]) -> Matrix:
    """Place actors (with .influence, .attitude, .pk and .display_name) on the matrix.

    Actors without a complete assessment go to `unassessed`. Numbers follow the
    order of `actors`, so the caller decides it (e.g. by name); the spread inside a
    cell follows the same order, which keeps the picture stable between requests.
    """
    cells: dict[tuple[int, int], list[tuple[int, Any]]] = defaultdict(list)
    unassessed = []
    number = 0
    for actor in actors:
        influence, attitude = actor.influence, actor.attitude
        if field_for(influence, attitude) is None:
            unassessed.append(actor)
            continue
        number += 1
        cells[(influence, attitude)].append((number, actor))
    points = []
    for (influence, attitude), members in cells.items():
        cx, cy = cell_center(influence, attitude)
        offsets, radius = spread(len(members))
        for (number, actor), (dx, dy) in zip(members, offsets, strict=True):
            points.append(
                Point(
                    actor=actor,
                    number=number,
                    influence=influence,
                    attitude=attitude,
                    field=field_for(influence, attitude) or "",
                    x=cx + dx,
                    y=cy + dy,
                    r=radius,
                )
            )
    points.sort(key=lambda p: p.number)
    return Matrix(points=points, quadrants=quadrants(), unassessed=unassessed)
