"""A facilitator logs consulting at the day rate, corrects the entry and deletes it."""

from datetime import timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from teilhabe.processes.models import ConsultingEntry, LogAction
from tests.e2e.helpers import assert_accessible, collect_console_errors, login_as, screenshot
from tests.factories import BlockFactory


def test_facilitator_logs_corrects_and_deletes_consulting(
    page: Page, live_server, facilitator, process
):
    block = BlockFactory(process=process, name="Zukunftswerkstatt")
    errors = collect_console_errors(page)
    login_as(page, live_server, facilitator)
    page.goto(live_server.url + reverse("processes:budget", args=[process.pk]))

    # The cost follows the amount at the round's day rate (1.200 €) while typing.
    form = page.locator("form:has(input[name=quantity])")
    yesterday = timezone.localdate() - timedelta(days=1)
    form.locator("input[name=date]").fill(yesterday.isoformat())
    form.locator("select[name=unit]").select_option("days")
    form.locator("input[name=quantity]").fill("2")
    expect(form.locator("input[name=cost]")).to_have_value("2400.00")
    form.locator("input[name=note]").fill("Vorbereitung Zukunftswerkstatt")
    assert_accessible(page, context="budget page with the consulting form")
    form.locator("button[type=submit]").click()
    expect(page.locator("table").first).to_contain_text("2.400,00")
    entry = ConsultingEntry.objects.get()

    # Correct it: one day, for the workshop; the cost follows again.
    page.locator(f"a[href='{reverse('processes:consulting_edit', args=[entry.pk])}']").click()
    form = page.locator("form:has(input[name=quantity])")
    expect(form.locator("input[name=cost]")).to_have_value("2400.00")
    form.locator("input[name=quantity]").fill("1")
    expect(form.locator("input[name=cost]")).to_have_value("1200.00")
    form.locator("select[name=block]").select_option(str(block.pk))
    screenshot(page, "consulting-correct")
    assert_accessible(page, context="correcting a consulting entry")
    form.locator("button[type=submit]").click()
    expect(page.locator("table").first).to_contain_text("Zukunftswerkstatt")
    expect(page.locator("table").first).to_contain_text("1.200,00")

    # Delete it with a reason; it stays listed as deleted and leaves the budget.
    page.locator(f"a[href='{reverse('processes:consulting_delete', args=[entry.pk])}']").click()
    form = page.locator("form:has(input[name=reason])")
    form.locator("button[type=submit]").click()
    expect(page.locator("#id_reason_error")).to_be_visible()
    form = page.locator("form:has(input[name=reason])")
    form.locator("input[name=reason]").fill("Doppelt erfasst")
    form.locator("button[type=submit]").click()
    details = page.locator("details.deleted-entries")
    details.locator("summary").click()
    expect(details).to_contain_text("Doppelt erfasst")
    expect(page.locator(".facts")).to_contain_text("0,00")
    screenshot(page, "consulting-after-delete")
    assert_accessible(page, context="budget page with a deleted entry")

    entry.refresh_from_db()
    assert entry.is_deleted and entry.cost == Decimal("1200.00") and entry.block == block
    assert set(process.log_entries.values_list("action", flat=True)) == {
        LogAction.CONSULTING_LOGGED,
        LogAction.CONSULTING_CHANGED,
        LogAction.CONSULTING_DELETED,
    }
    assert not errors, errors
