"""Where each building block sits on the process timeline.

Pure functions without database access: positions are percentages of the whole date
range, computed here and written into SVG attributes by the template (the Content
Security Policy forbids inline style attributes, SVG geometry attributes are fine).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from teilhabe.core.dates import is_usable

# A one-day block in a two-year process would be invisible without a minimum width.
MIN_WIDTH = 0.6
MAX_TICKS = 12


def span(start: date, end: date, range_start: date, range_end: date) -> tuple[float, float]:
    """(x, width) of the days start..end in percent of range_start..range_end.

    Both ranges include their last day. Dates outside the range are clipped; an end
    before the start is treated as a one-day block.
    """
    total = (range_end - range_start).days + 1
    if total <= 0:
        raise ValueError("The range ends before it starts.")
    start = min(max(start, range_start), range_end)
    end = min(max(end, start), range_end)
    x = 100 * (start - range_start).days / total
    width = max(100 * ((end - start).days + 1) / total, MIN_WIDTH)
    x = max(min(x, 100 - width), 0.0)
    return round(x, 2), round(width, 2)


def point(day: date, range_start: date, range_end: date) -> float | None:
    """Position of the middle of `day` in percent, or None when outside the range."""
    if day < range_start or day > range_end:
        return None
    total = (range_end - range_start).days + 1
    return round(100 * ((day - range_start).days + 0.5) / total, 2)


def month_ticks(range_start: date, range_end: date, max_ticks: int = MAX_TICKS) -> list[date]:
    """First days of months inside the range, thinned out to at most `max_ticks`.

    Counts months instead of walking them, so any pair of dates works, up to
    date.max: the walk used to run past year 9999 and fail.
    """
    months = (range_end.year - range_start.year) * 12 + range_end.month - range_start.month
    step = max(1, -(-(months + 1) // max_ticks))
    # Months as numbers (year * 12 + month - 1); the first tick is the first month
    # that starts inside the range.
    first = range_start.year * 12 + range_start.month - 1 + (range_start.day > 1)
    last = range_end.year * 12 + range_end.month - 1
    return [date(index // 12, index % 12 + 1, 1) for index in range(first, last + 1, step)]


def _pct(value: float) -> str:
    # Always a dot as decimal separator, whatever the active language formats.
    return f"{value:.2f}%"


@dataclass(frozen=True)
class Bar:
    """One block as a row: a bar when it has dates, otherwise "not scheduled"."""

    block: Any
    start: date | None
    end: date | None
    x: float = 0.0
    width: float = 0.0

    @property
    def scheduled(self) -> bool:
        return self.start is not None

    @property
    def x_attr(self) -> str:
        return _pct(self.x)

    @property
    def width_attr(self) -> str:
        return _pct(self.width)


@dataclass(frozen=True)
class Tick:
    day: date
    x: float

    @property
    def show_label(self) -> bool:
        # A label starting near the right edge would run out of the chart.
        return self.x <= 92

    @property
    def x_attr(self) -> str:
        return _pct(self.x)


@dataclass
class PhaseRows:
    phase: str
    label: str
    bars: list[Bar] = field(default_factory=list)


@dataclass
class Timeline:
    start: date | None
    end: date | None
    phases: list[PhaseRows]
    today: date
    today_x: float | None = None
    ticks: list[Tick] = field(default_factory=list)

    @property
    def has_bars(self) -> bool:
        return any(bar.scheduled for rows in self.phases for bar in rows.bars)

    @property
    def has_blocks(self) -> bool:
        return any(rows.bars for rows in self.phases)

    @property
    def today_attr(self) -> str:
        return _pct(self.today_x or 0)

    @property
    def unscheduled(self) -> list[Bar]:
        return [bar for rows in self.phases for bar in rows.bars if not bar.scheduled]


def _usable(day: date | None) -> date | None:
    # A date outside the accepted range (see core.dates) is a typing error that
    # slipped in; drawn, it would squeeze every other bar into a line.
    return day if is_usable(day) else None


def build_timeline(
    blocks: Iterable[Any],
    *,
    process_start: date,
    today: date,
    phases: Sequence[tuple[str, str]],
) -> Timeline:
    """Lay out `blocks` (with .phase, .start and .end) by phase.

    The range runs from the process start (or an earlier block date) to the latest
    block date. A block with only a start or only an end shows as a one-day mark;
    dates outside core.dates' range count as missing.
    `blocks` must already be in display order.
    """
    rows = {value: PhaseRows(value, str(label)) for value, label in phases}
    dated: list[tuple[Any, tuple[date, date] | None]] = []
    for block in blocks:
        start = _usable(block.start) or _usable(block.end)
        end = _usable(block.end) or start
        dated.append((block, (start, max(start, end)) if start and end else None))
    days = [day for _, dates in dated if dates for day in dates]
    if not days:
        for block, _ in dated:
            rows[block.phase].bars.append(Bar(block, None, None))
        return Timeline(None, None, list(rows.values()), today)
    range_start = min([process_start, *days] if is_usable(process_start) else days)
    range_end = max(days)
    for block, dates in dated:
        if dates is None:
            rows[block.phase].bars.append(Bar(block, None, None))
            continue
        x, width = span(*dates, range_start, range_end)
        rows[block.phase].bars.append(Bar(block, *dates, x, width))
    ticks = [
        Tick(day, point(day, range_start, range_end) or 0.0)
        for day in month_ticks(range_start, range_end)
    ]
    return Timeline(
        range_start,
        range_end,
        list(rows.values()),
        today,
        today_x=point(today, range_start, range_end),
        ticks=ticks,
    )
