"""The board of building blocks: completing, placing and moving blocks (issue 9)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import escape

from teilhabe.processes import services
from teilhabe.processes.kinds import TODAY_NOTES
from teilhabe.processes.models import Block, BlockStatus, LogAction, Phase
from tests.factories import BlockFactory, BlockTypeFactory, CatalogueFactory

BERLIN = ZoneInfo("Europe/Berlin")
# The process fixture starts on 1 June 2020; "now" is a fixed day well after it.
NOW = datetime(2021, 3, 10, 12, 0, tzinfo=BERLIN)
TODAY = date(2021, 3, 10)


def stored(block: Block) -> Block:
    return Block.objects.get(pk=block.pk)


def codes(error: ValidationError) -> dict[str, list[str]]:
    return {key: [e.code for e in errors] for key, errors in error.error_dict.items()}


# --- Completing a block asks for results and the actual date ---------------------------


def test_completing_needs_results(block, coordinator):
    with pytest.raises(ValidationError) as info:
        services.set_block_status(block, BlockStatus.DONE, by=coordinator, now=NOW)
    assert codes(info.value) == {"results": ["results_missing"]}
    assert stored(block).status == BlockStatus.PLANNED
    assert not block.process.log_entries.exists()
    with pytest.raises(ValidationError):
        services.set_block_status(block, BlockStatus.DONE, by=coordinator, results="  ", now=NOW)


def test_completing_records_results_and_the_chosen_day(block, coordinator):
    services.set_block_status(
        block,
        BlockStatus.DONE,
        by=coordinator,
        results=" 40 Teilnehmende ",
        on=date(2021, 3, 1),
        now=NOW,
    )
    block = stored(block)
    assert block.status == BlockStatus.DONE
    assert block.results == "40 Teilnehmende"
    assert (block.actual_start, block.actual_end) == (date(2021, 3, 1), date(2021, 3, 1))


def test_results_already_on_the_block_are_enough(block, coordinator):
    block.results = "Protokoll liegt vor"
    block.save()
    services.set_block_status(block, BlockStatus.DONE, by=coordinator, now=NOW)
    assert stored(block).actual_end == TODAY


@pytest.mark.parametrize(
    "day, code",
    [
        (TODAY + timedelta(days=1), "done_in_future"),
        (date(2020, 5, 31), "done_before_process"),
    ],
)
def test_completion_day_must_lie_between_process_start_and_today(block, coordinator, day, code):
    with pytest.raises(ValidationError) as info:
        services.set_block_status(
            block, BlockStatus.DONE, by=coordinator, results="x", on=day, now=NOW
        )
    assert codes(info.value) == {"completed_on": [code]}
    assert stored(block).status == BlockStatus.PLANNED


def test_completion_day_cannot_precede_the_actual_start(block, coordinator):
    services.set_block_status(
        block, BlockStatus.IN_PROGRESS, by=coordinator, on=date(2021, 3, 5), now=NOW
    )
    with pytest.raises(ValidationError) as info:
        services.set_block_status(
            block, BlockStatus.DONE, by=coordinator, results="x", on=date(2021, 3, 4), now=NOW
        )
    assert codes(info.value) == {"completed_on": ["done_before_start"]}


def test_a_block_planned_for_next_year_needs_a_confirmation(block, coordinator):
    block.planned_start = date(2022, 2, 1)
    block.planned_end = date(2022, 2, 1)
    block.save()
    with pytest.raises(ValidationError) as info:
        services.set_block_status(block, BlockStatus.DONE, by=coordinator, results="x", now=NOW)
    assert codes(info.value) == {"confirm_early": ["done_early"]}
    assert "01.02.2022" in str(info.value)
    assert stored(block).status == BlockStatus.PLANNED
    services.set_block_status(
        block, BlockStatus.DONE, by=coordinator, results="x", confirm_early=True, now=NOW
    )
    assert stored(block).status == BlockStatus.DONE


def test_a_block_planned_for_next_week_needs_no_confirmation(block, coordinator):
    block.planned_start = TODAY + timedelta(days=services.EARLY_COMPLETION_DAYS)
    block.save()
    services.set_block_status(block, BlockStatus.DONE, by=coordinator, results="x", now=NOW)
    assert stored(block).status == BlockStatus.DONE


def test_status_form_asks_for_results_then_confirmation(client, coordinator, block):
    today = date.today()
    block.planned_start = today + timedelta(days=300)
    block.save()
    client.force_login(coordinator)
    url = reverse("processes:block_status", args=[block.pk])
    response = client.post(url, {"status": "done"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert 'data-status="planned"' in response.text
    assert f'id="id_block{block.pk}_results_error"' in response.text
    # With results, the planned date is named and a confirmation offered.
    response = client.post(url, {"status": "done", "results": "Ergebnis"}, HTTP_HX_REQUEST="true")
    assert 'data-status="planned"' in response.text
    assert 'type="checkbox" name="confirm_early"' in response.text
    assert block.planned_start.strftime("%d.%m.%Y") in response.text
    response = client.post(
        url,
        {"status": "done", "results": "Ergebnis", "confirm_early": "on"},
        HTTP_HX_REQUEST="true",
    )
    assert 'data-status="done"' in response.text
    assert stored(block).results == "Ergebnis"


def test_status_form_offers_today_as_completion_day(client, coordinator, block):
    client.force_login(coordinator)
    page = client.get(block.process.get_absolute_url()).content.decode()
    assert f'name="completed_on" value="{date.today().isoformat()}"' in page
    assert 'name="results"' in page


# --- A block from the catalogue lands by its planned date ------------------------------


def _plan(process, name, day, phase=Phase.ANALYSIS):
    return BlockFactory(process=process, name=name, phase=phase, planned_start=day)


def _names(process, phase=Phase.ANALYSIS) -> list[str]:
    return list(
        process.blocks.filter(phase=phase).order_by("position", "pk").values_list("name", flat=True)
    )


def test_added_block_lands_by_its_planned_date(process, coordinator, programme):
    _plan(process, "März", date(2021, 3, 1))
    _plan(process, "Mai", date(2021, 5, 1))
    _plan(process, "Andere Phase", date(2021, 1, 1), phase=Phase.PARTICIPATION)
    block_type = BlockTypeFactory(
        catalogue=CatalogueFactory(programme=programme, version=1),
        key="auftakt",
        name="April",
        phase=Phase.ANALYSIS,
    )
    services.add_block(
        process, by=coordinator, block_type=block_type, planned_start=date(2021, 4, 1)
    )
    assert _names(process) == ["März", "April", "Mai"]
    assert _names(process, Phase.PARTICIPATION) == ["Andere Phase"]


def test_added_block_without_date_or_latest_goes_to_the_end(process, coordinator):
    _plan(process, "März", date(2021, 3, 1))
    services.add_block(process, by=coordinator, name="Ohne Datum", phase=Phase.ANALYSIS)
    services.add_block(
        process,
        by=coordinator,
        name="Dezember",
        phase=Phase.ANALYSIS,
        planned_start=date(2021, 12, 1),
    )
    services.add_block(
        process,
        by=coordinator,
        name="Januar",
        phase=Phase.ANALYSIS,
        planned_end=date(2021, 1, 31),
    )
    assert _names(process) == ["Januar", "März", "Ohne Datum", "Dezember"]


# --- Moving a block to a place in one step ---------------------------------------------


def test_move_block_to_a_place_in_one_step(process, coordinator):
    blocks = [BlockFactory(process=process, name=n, phase=Phase.ANALYSIS) for n in "ABCD"]
    other = BlockFactory(process=process, name="X", phase=Phase.PARTICIPATION, position=5)
    services.move_block_to(blocks[3], 1, by=coordinator)
    assert _names(process) == ["D", "A", "B", "C"]
    services.move_block_to(blocks[3], 3, by=coordinator)
    assert _names(process) == ["A", "B", "D", "C"]
    other.refresh_from_db()
    assert other.position == 5
    entries = process.log_entries.filter(action=LogAction.BLOCK_MOVED)
    assert entries.count() == 2
    assert "3" in entries.first().detail_display
    services.move_block_to(blocks[3], 3, by=coordinator)  # already there: nothing logged
    assert entries.count() == 2


@pytest.mark.parametrize("place", [0, 3])
def test_move_block_to_refuses_a_place_outside_the_phase(process, coordinator, place):
    first, second = (BlockFactory(process=process, phase=Phase.ANALYSIS) for _ in range(2))
    with pytest.raises(ValidationError):
        services.move_block_to(first, place, by=coordinator)
    assert _names(process) == [first.name, second.name]


def test_move_form_moves_in_one_post_without_javascript(client, coordinator, process):
    blocks = [BlockFactory(process=process, name=n, phase=Phase.ANALYSIS) for n in "ABC"]
    client.force_login(coordinator)
    page = client.get(process.get_absolute_url()).content.decode()
    assert f'<select name="place" id="id_block{blocks[2].pk}_place">' in page
    url = reverse("processes:block_move", args=[blocks[2].pk])
    response = client.post(url, {"place": "1"})
    assert response.status_code == 302
    assert response["Location"].endswith(f"#block-{blocks[2].pk}")
    assert _names(process) == ["C", "A", "B"]
    assert client.post(url, {"place": "9"}).status_code == 400
    assert _names(process) == ["C", "A", "B"]


def test_a_block_alone_in_its_phase_has_no_move_form(client, coordinator, block):
    client.force_login(coordinator)
    page = client.get(block.process.get_absolute_url()).content.decode()
    assert 'name="place"' not in page


# --- Kinds served by later capabilities say what they hold today -----------------------


@pytest.mark.parametrize("key", sorted(TODAY_NOTES))
def test_blocks_of_later_kinds_say_what_they_hold_today(client, coordinator, process, key):
    block_type = BlockTypeFactory(key=key, phase=Phase.PARTICIPATION)
    block = BlockFactory(process=process, block_type=block_type, phase=Phase.PARTICIPATION)
    plain = BlockFactory(process=process, phase=Phase.ANALYSIS)
    client.force_login(coordinator)
    detail = client.get(block.get_absolute_url()).content.decode()
    assert "block-today-note" in detail
    assert escape(block.today_note) in detail
    assert block.today_note  # every kind has a text, in the language in use
    assert "block-today-note" not in client.get(plain.get_absolute_url()).content.decode()
    page = client.get(process.get_absolute_url()).content.decode()
    assert page.count('class="block-note"') == 1


# --- The process page has in-page navigation -------------------------------------------


def test_process_page_has_a_table_of_contents(client, coordinator, process, block):
    client.force_login(coordinator)
    page = client.get(process.get_absolute_url()).content.decode()
    for anchor in ("facts-heading", "due-heading", "blocks-heading", "timeline-heading"):
        assert f'href="#{anchor}"' in page
        assert f'id="{anchor}"' in page
    for phase in Phase.values:
        assert f'href="#phase-{phase}-heading"' in page


# --- Names are bounded -----------------------------------------------------------------


def test_names_are_bounded_in_every_form(client, coordinator, block, process):
    """Block and catalogue names stop at 150 characters, process titles at 200."""
    from teilhabe.processes.models import BlockType, Process

    assert Block._meta.get_field("name").max_length == 150
    assert Block._meta.get_field("name_en").max_length == 150
    assert BlockType._meta.get_field("name").max_length == 150
    assert Process._meta.get_field("title").max_length == 200
    client.force_login(coordinator)
    edit = reverse("processes:block_edit", args=[block.pk])
    assert 'maxlength="150"' in client.get(edit).content.decode()
    response = client.post(edit, {"name": "x" * 151, "phase": Phase.ANALYSIS})
    assert response.status_code == 200
    assert stored(block).name == block.name


def test_move_with_htmx_returns_the_phase_and_the_timeline(client, coordinator, process):
    blocks = [BlockFactory(process=process, name=n, phase=Phase.ANALYSIS) for n in "ABC"]
    client.force_login(coordinator)
    url = reverse("processes:block_move", args=[blocks[2].pk])
    response = client.post(url, {"place": "1"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html
    assert html.lstrip().startswith('<section class="phase" id="phase-analysis"')
    assert html.index(f'id="block-{blocks[2].pk}"') < html.index(f'id="block-{blocks[0].pk}"')
    assert 'id="timeline" class="timeline-wrap" hx-swap-oob="true"' in html
    assert html.count("data-focus-after-swap") == 1
    assert _names(process) == ["C", "A", "B"]
