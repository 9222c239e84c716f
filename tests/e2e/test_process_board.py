"""The process board in a browser: long names, moving blocks, in-page navigation, axe."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from teilhabe.processes import services
from teilhabe.processes.models import BlockStatus, LogAction, Phase
from tests.e2e.helpers import login_as, screenshot
from tests.factories import BlockFactory, BlockTypeFactory, ConsultingEntryFactory

# Longer than the 150 characters a form accepts: data from the admin or an import
# must not break the page either. (SQLite, where the browser tests run, stores it.)
LONG_NAME = "Beteiligungswerkstatt" * 10  # 210 characters, no space


def _overlaps(a: dict, b: dict) -> bool:
    return (
        a["x"] < b["x"] + b["width"] - 1
        and b["x"] < a["x"] + a["width"] - 1
        and a["y"] < b["y"] + b["height"] - 1
        and b["y"] < a["y"] + a["height"] - 1
    )


def _too_wide(page: Page, width: int) -> list[str]:
    """The innermost elements reaching beyond the viewport, for the failure message."""
    return page.evaluate(
        """width => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > width + 1)
          .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
          .slice(0, 8)
          .map(e => e.tagName + '.' + e.className + '#' + e.id)""",
        width,
    )


def _axe_violations(page: Page) -> list[str]:
    """Every axe violation of any impact (WCAG 2.1 A/AA) on the page."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:5]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [375, 1280])
def test_long_block_name_neither_widens_the_page_nor_hides_cards(
    page: Page, live_server, coordinator, process, width
):
    today = timezone.localdate()
    process.started_on = today - timedelta(days=30)
    process.save()
    long_block = BlockFactory(
        process=process,
        name=LONG_NAME,
        name_en=LONG_NAME,
        responsible_others="Helferkreis" * 20,
        phase=Phase.ANALYSIS,
        planned_start=today + timedelta(days=3),
        planned_end=today + timedelta(days=5),
    )
    for name, phase in [
        ("Auftaktgespräch", Phase.ANALYSIS),
        ("Zukunftswerkstatt", Phase.PARTICIPATION),
        ("Umsetzungsbegleitung", Phase.IMPLEMENTATION),
    ]:
        BlockFactory(process=process, name=name, phase=phase)
    page.set_viewport_size({"width": width, "height": 900})
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + process.get_absolute_url())
    expect(page.locator(f"#block-{long_block.pk}")).to_be_visible()
    screenshot(page, f"process-long-name-{width}")

    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"page is {scroll_width}px wide at {width}px: " + ", ".join(
        _too_wide(page, width)
    )
    boxes = [
        item.bounding_box() for item in page.locator(".block-item, .phase, .cards > .card").all()
    ]
    for box in boxes:
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, box
    cards = page.locator(".block-item").all()
    card_boxes = [c.bounding_box() for c in cards]
    for i, a in enumerate(card_boxes):
        for b in card_boxes[i + 1 :]:
            assert not _overlaps(a, b), (a, b)
    phase_boxes = [p.bounding_box() for p in page.locator(".phase").all()]
    for i, a in enumerate(phase_boxes):
        for b in phase_boxes[i + 1 :]:
            assert not _overlaps(a, b), (a, b)

    # The block's own page, the timeline and the log (whose entries name the block), too.
    services.log(process, LogAction.BLOCK_ADDED, by=coordinator, subject=LONG_NAME)
    for url in (
        long_block.get_absolute_url(),
        reverse("processes:process_timeline", args=[process.pk]),
        reverse("processes:process_log", args=[process.pk]),
    ):
        page.goto(live_server.url + url)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= width, f"{url} is {scroll_width}px wide: " + ", ".join(
            _too_wide(page, width)
        )
    screenshot(page, f"timeline-long-name-{width}")


def test_process_page_has_no_axe_violation_of_any_impact(
    page: Page, live_server, coordinator, process
):
    """Every status a block can show, overdue and due blocks, a note, open controls."""
    today = timezone.localdate()
    process.started_on = today - timedelta(days=60)
    process.save()
    ConsultingEntryFactory(process=process, cost=process.budget * Decimal("0.95"))
    BlockFactory(
        process=process,
        name="Auftaktgespräch",
        phase=Phase.ANALYSIS,
        status=BlockStatus.DONE,
        actual_start=today - timedelta(days=50),
        actual_end=today - timedelta(days=49),
        results="Protokoll",
    )
    BlockFactory(
        process=process,
        name="Stakeholderanalyse",
        phase=Phase.ANALYSIS,
        status=BlockStatus.IN_PROGRESS,
        planned_start=today - timedelta(days=10),
        planned_end=today - timedelta(days=2),
        actual_start=today - timedelta(days=9),
    )
    BlockFactory(
        process=process,
        name="Online-Beteiligung",
        phase=Phase.PARTICIPATION,
        status=BlockStatus.DROPPED,
        drop_reason="Erreicht die Zielgruppen kaum",
    )
    BlockFactory(
        process=process,
        name="1. Netzwerktreffen",
        phase=Phase.PARTICIPATION,
        block_type=BlockTypeFactory(key="network-meeting", phase=Phase.PARTICIPATION),
        planned_start=today + timedelta(days=5),
        planned_end=today + timedelta(days=5),
    )
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + process.get_absolute_url())
    for summary in page.locator("details > summary").all():
        summary.click()
    screenshot(page, "process-axe-all-states")
    violations = _axe_violations(page)
    assert not violations, "\n".join(violations)


def test_close_page_has_no_axe_violation(page: Page, live_server, facilitator, process):
    BlockFactory(process=process, name="Stakeholderanalyse", phase=Phase.ANALYSIS)
    login_as(page, live_server, facilitator)
    page.goto(live_server.url + reverse("processes:process_close", args=[process.pk]))
    expect(page.locator("h1")).to_be_visible()
    screenshot(page, "process-close-confirmation")
    violations = _axe_violations(page)
    assert not violations, "\n".join(violations)


def test_block_moves_to_a_place_in_one_step_by_keyboard_without_javascript(
    browser, live_server, coordinator, process
):
    names = ["Auftaktgespräch", "Stakeholderanalyse", "Selbstcheck", "Steuerungsgruppe"]
    blocks = [BlockFactory(process=process, name=n, phase=Phase.ANALYSIS) for n in names]
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + process.get_absolute_url())
    last = page.locator(f"#block-{blocks[3].pk}")
    select = last.locator("select[name=place]")
    expect(select).to_have_value("4")
    select.focus()
    page.keyboard.press("Home")  # the first place
    expect(select).to_have_value("1")
    page.keyboard.press("Tab")  # to the button next to it
    page.keyboard.press("Enter")
    phase = page.locator(".phase").first
    expect(phase.locator(".block-item .block-head a")).to_have_text(
        ["Steuerungsgruppe", "Auftaktgespräch", "Stakeholderanalyse", "Selbstcheck"]
    )
    screenshot(page, "process-moved-in-one-step")
    context.close()


def test_completing_a_block_planned_for_next_year_asks_first(
    page: Page, live_server, coordinator, process
):
    today = timezone.localdate()
    block = BlockFactory(
        process=process,
        name="Integrationskonzept",
        phase=Phase.IMPLEMENTATION,
        planned_start=today + timedelta(days=365),
        planned_end=today + timedelta(days=400),
    )
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + process.get_absolute_url())
    item = page.locator(f"#block-{block.pk}")
    item.locator("summary").click()
    # With JavaScript, the form shows only the fields the chosen status needs.
    expect(item.locator("textarea[name=results]")).to_be_hidden()
    expect(item.locator("input[name=drop_reason]")).to_be_hidden()
    item.locator("select[name=status]").select_option(BlockStatus.DONE)
    expect(item.locator("textarea[name=results]")).to_be_visible()
    expect(item.locator("input[name=completed_on]")).to_be_visible()
    item.get_by_role("button", name="Status speichern").click()
    # Nothing is saved: the form asks for the results and names the planned date.
    item = page.locator(f"#block-{block.pk}")
    expect(item.locator(f"#id_block{block.pk}_results_error")).to_be_visible()
    expect(item.locator("input[type=checkbox][name=confirm_early]")).to_be_visible()
    expect(item).to_contain_text(block.planned_start.strftime("%d.%m.%Y"))
    expect(item).to_have_attribute("data-status", "planned")
    screenshot(page, "process-complete-early-asks")
    item.locator("textarea[name=results]").fill("Entwurf liegt vor.")
    item.get_by_role("button", name="Status speichern").click()
    # Still not done: the early completion is not confirmed yet. (Wait for the swap:
    # the results error goes, the confirmation stays.)
    item = page.locator(f"#block-{block.pk}")
    expect(item.locator(f"#id_block{block.pk}_results_error")).to_have_count(0)
    expect(item.locator(f"#id_block{block.pk}_confirm_early_error")).to_be_visible()
    expect(item).to_have_attribute("data-status", "planned")
    item.locator("input[name=confirm_early]").check()
    item.get_by_role("button", name="Status speichern").click()
    expect(page.locator(f"#block-{block.pk}")).to_have_attribute("data-status", "done")


def test_block_moves_in_place_with_javascript_and_keeps_the_focus(
    page: Page, live_server, coordinator, process
):
    names = ["Auftaktgespräch", "Stakeholderanalyse", "Selbstcheck"]
    blocks = [BlockFactory(process=process, name=n, phase=Phase.ANALYSIS) for n in names]
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + process.get_absolute_url())
    page.evaluate("window.__noReload = true")
    select = page.locator(f"#block-{blocks[0].pk} select[name=place]")
    select.select_option("3")
    select.focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    phase = page.locator(".phase").first
    expect(phase.locator(".block-item .block-head a")).to_have_text(
        ["Stakeholderanalyse", "Selbstcheck", "Auftaktgespräch"]
    )
    moved = page.locator(f"#block-{blocks[0].pk}")
    expect(moved.locator("button.kern-btn--secondary")).to_be_focused()
    expect(moved.locator("[role=status]")).to_be_visible()
    expect(page.locator("#timeline tr[data-block-id]").first).to_have_attribute(
        "data-block-id", str(blocks[1].pk)
    )
    assert page.evaluate("window.__noReload") is True
