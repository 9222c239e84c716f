"""A coordinator finishes a building block and sees the timeline change in place."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from teilhabe.processes.models import BlockStatus, Phase
from tests.e2e.helpers import assert_accessible, collect_console_errors, login_as, screenshot
from tests.factories import BlockFactory


def test_coordinator_moves_block_to_done_and_timeline_changes(
    page: Page, live_server, coordinator, process
):
    today = timezone.localdate()
    process.started_on = today - timedelta(days=60)
    process.save()
    kickoff = BlockFactory(
        process=process,
        name="Auftaktgespräch",
        phase=Phase.ANALYSIS,
        status=BlockStatus.DONE,
        planned_start=today - timedelta(days=55),
        planned_end=today - timedelta(days=50),
        actual_start=today - timedelta(days=55),
        actual_end=today - timedelta(days=50),
    )
    analysis = BlockFactory(
        process=process,
        name="Stakeholderanalyse",
        phase=Phase.ANALYSIS,
        status=BlockStatus.IN_PROGRESS,
        planned_start=today - timedelta(days=30),
        planned_end=today + timedelta(days=10),
        actual_start=today - timedelta(days=28),
    )
    BlockFactory(
        process=process,
        name="Zukunftswerkstatt",
        phase=Phase.PARTICIPATION,
        planned_start=today + timedelta(days=20),
        planned_end=today + timedelta(days=21),
    )
    errors = collect_console_errors(page)

    login_as(page, live_server, coordinator)
    page.get_by_role("link", name="Unser Prozess", exact=False).first.click()
    expect(page.locator("h1")).to_contain_text("Neckarbrück")

    timeline_row = page.locator(f"#timeline .timeline-row[data-block-id='{analysis.pk}']")
    table_row = page.locator(f"#timeline tr[data-block-id='{analysis.pk}']")
    expect(timeline_row).to_have_attribute("data-status", "in_progress")
    expect(page.locator("#process-progress")).to_contain_text("1")
    screenshot(page, "process-before-done")
    assert_accessible(page, context="process page")

    item = page.locator(f"#block-{analysis.pk}")
    item.locator("summary").click()
    item.locator("select[name=status]").select_option(BlockStatus.DONE)
    # Completing asks for the results; the day it was done is today unless changed.
    expect(item.locator("input[name=completed_on]")).to_have_value(today.isoformat())
    item.locator("textarea[name=results]").fill("Zwölf Vereine und drei Ämter kartiert.")
    # Mark the document so a full reload would be noticed: htmx must swap in place.
    page.evaluate("window.__noReload = true")
    item.get_by_role("button", name="Status speichern").click()

    expect(page.locator(f"#block-{analysis.pk}")).to_have_attribute("data-status", "done")
    expect(timeline_row).to_have_attribute("data-status", "done")
    expect(table_row).to_have_attribute("data-status", "done")
    expect(timeline_row.locator("g.timeline-bar")).to_have_class("timeline-bar status-done")
    assert page.evaluate("window.__noReload") is True
    screenshot(page, "process-after-done")

    analysis.refresh_from_db()
    assert analysis.status == BlockStatus.DONE
    assert analysis.actual_end == today
    assert analysis.results == "Zwölf Vereine und drei Ämter kartiert."
    assert kickoff.process.log_entries.filter(subject="Stakeholderanalyse").exists()
    assert not [e for e in errors if "Content Security Policy" in e], errors


def test_status_change_works_without_javascript(browser, live_server, coordinator, process):
    """The same journey with JavaScript switched off: a plain form post and reload."""
    block = BlockFactory(process=process, name="Selbstcheck", phase=Phase.ANALYSIS)
    context = browser.new_context(java_script_enabled=False, locale="de-DE")
    page = context.new_page()
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + process.get_absolute_url())
    item = page.locator(f"#block-{block.pk}")
    item.locator("summary").click()
    item.locator("select[name=status]").select_option(BlockStatus.IN_PROGRESS)
    item.get_by_role("button", name="Status speichern").click()
    expect(page.locator(f"#timeline tr[data-block-id='{block.pk}']")).to_have_attribute(
        "data-status", "in_progress"
    )
    screenshot(page, "process-status-without-js")
    context.close()
