from dataclasses import dataclass
from datetime import date

import pytest

from teilhabe.processes.models import Phase
from teilhabe.processes.timeline import MIN_WIDTH, build_timeline, month_ticks, point, span


@dataclass
class FakeBlock:
    pk: int
    phase: str
    start: date | None = None
    end: date | None = None
    status: str = "planned"


def test_span_whole_range_is_full_width():
    assert span(date(2021, 1, 1), date(2021, 1, 10), date(2021, 1, 1), date(2021, 1, 10)) == (
        0.0,
        100.0,
    )


def test_span_second_half():
    # Ten days; days 6..10 are the second half.
    assert span(date(2021, 1, 6), date(2021, 1, 10), date(2021, 1, 1), date(2021, 1, 10)) == (
        50.0,
        50.0,
    )


def test_span_clips_to_range_and_keeps_minimum_width():
    x, width = span(date(2020, 1, 1), date(2020, 1, 1), date(2021, 1, 1), date(2022, 12, 31))
    assert x == 0.0
    assert width == MIN_WIDTH
    x, width = span(date(2022, 12, 31), date(2023, 5, 1), date(2021, 1, 1), date(2022, 12, 31))
    assert x + width == pytest.approx(100.0)


def test_span_end_before_start_is_one_day():
    assert span(date(2021, 1, 5), date(2021, 1, 2), date(2021, 1, 1), date(2021, 1, 10)) == (
        40.0,
        10.0,
    )


def test_span_refuses_inverted_range():
    with pytest.raises(ValueError):
        span(date(2021, 1, 1), date(2021, 1, 2), date(2021, 2, 1), date(2021, 1, 1))


def test_point_inside_and_outside():
    assert point(date(2021, 1, 1), date(2021, 1, 1), date(2021, 1, 10)) == 5.0
    assert point(date(2020, 12, 31), date(2021, 1, 1), date(2021, 1, 10)) is None
    assert point(date(2021, 1, 11), date(2021, 1, 1), date(2021, 1, 10)) is None


def test_month_ticks_are_thinned_out():
    assert month_ticks(date(2021, 1, 15), date(2021, 4, 20)) == [
        date(2021, 2, 1),
        date(2021, 3, 1),
        date(2021, 4, 1),
    ]
    ticks = month_ticks(date(2020, 1, 1), date(2023, 12, 31))
    assert len(ticks) <= 12
    assert ticks[0] == date(2020, 1, 1)


def test_build_timeline_positions_blocks_by_phase():
    blocks = [
        FakeBlock(1, Phase.ANALYSIS, date(2021, 1, 1), date(2021, 1, 10)),
        FakeBlock(2, Phase.PARTICIPATION, date(2021, 1, 11), date(2021, 1, 20)),
        FakeBlock(3, Phase.PARTICIPATION),
        FakeBlock(4, Phase.IMPLEMENTATION, None, date(2021, 1, 20)),
    ]
    timeline = build_timeline(
        blocks, process_start=date(2021, 1, 1), today=date(2021, 1, 15), phases=Phase.choices
    )
    assert (timeline.start, timeline.end) == (date(2021, 1, 1), date(2021, 1, 20))
    analysis, participation, implementation = timeline.phases
    assert [bar.block.pk for bar in participation.bars] == [2, 3]
    assert (analysis.bars[0].x, analysis.bars[0].width) == (0.0, 50.0)
    assert participation.bars[0].x_attr == "50.00%"
    assert not participation.bars[1].scheduled
    assert [bar.block.pk for bar in timeline.unscheduled] == [3]
    # Only an end date: a one-day mark on that day.
    assert implementation.bars[0].start == implementation.bars[0].end == date(2021, 1, 20)
    assert timeline.today_x == 72.5
    assert timeline.has_bars and timeline.has_blocks


def test_build_timeline_starts_at_process_start_and_hides_today_outside():
    blocks = [FakeBlock(1, Phase.ANALYSIS, date(2021, 3, 1), date(2021, 3, 31))]
    timeline = build_timeline(
        blocks, process_start=date(2021, 1, 1), today=date(2030, 1, 1), phases=Phase.choices
    )
    assert timeline.start == date(2021, 1, 1)
    assert timeline.today_x is None
    assert timeline.phases[0].bars[0].x > 0


def test_build_timeline_without_dates():
    timeline = build_timeline(
        [FakeBlock(1, Phase.ANALYSIS)],
        process_start=date(2021, 1, 1),
        today=date(2021, 1, 1),
        phases=Phase.choices,
    )
    assert not timeline.has_bars
    assert timeline.has_blocks
    assert timeline.start is None


def test_month_ticks_reach_the_last_representable_date():
    ticks = month_ticks(date(2021, 1, 1), date.max)
    assert len(ticks) <= 12
    assert ticks[0] == date(2021, 1, 1)
    assert ticks[-1] <= date.max
    assert month_ticks(date.min, date(1, 3, 31)) == [date(1, 1, 1), date(1, 2, 1), date(1, 3, 1)]
    assert month_ticks(date(9999, 12, 2), date.max) == []


def test_build_timeline_ignores_dates_outside_the_accepted_range():
    # Such dates cannot be saved any more, but an old row or a bulk update may hold one.
    blocks = [
        FakeBlock(1, Phase.ANALYSIS, date(2021, 1, 1), date.max),
        FakeBlock(2, Phase.PARTICIPATION, date.min, date(2021, 1, 20)),
        FakeBlock(3, Phase.IMPLEMENTATION, date(9999, 12, 31), date(9999, 12, 31)),
    ]
    timeline = build_timeline(
        blocks, process_start=date(2021, 1, 1), today=date(2021, 1, 15), phases=Phase.choices
    )
    assert (timeline.start, timeline.end) == (date(2021, 1, 1), date(2021, 1, 20))
    analysis, participation, implementation = timeline.phases
    assert analysis.bars[0].start == analysis.bars[0].end == date(2021, 1, 1)
    assert participation.bars[0].start == participation.bars[0].end == date(2021, 1, 20)
    assert not implementation.bars[0].scheduled


def test_build_timeline_ignores_an_implausible_process_start():
    blocks = [FakeBlock(1, Phase.ANALYSIS, date(2021, 3, 1), date(2021, 3, 31))]
    timeline = build_timeline(
        blocks, process_start=date.min, today=date(2021, 3, 1), phases=Phase.choices
    )
    assert timeline.start == date(2021, 3, 1)
