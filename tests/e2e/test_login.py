import re

from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.e2e.helpers import fill_login_form, login_as, screenshot


def test_coordinator_logs_in_and_sees_their_municipality(
    page: Page, live_server, coordinator, process
):
    login_as(page, live_server, coordinator)

    expect(page).to_have_url(live_server.url + reverse("dashboards:dashboard"))
    expect(page.locator("h1")).to_have_text("Neckarbrück")
    screenshot(page, "login-coordinator-dashboard")


def test_wrong_password_shows_error(page: Page, live_server, coordinator):
    fill_login_form(page, live_server, coordinator.email, "not-the-password")

    # The message text is translated; the error box and staying on the page are stable.
    expect(page.locator(".form-errors")).to_be_visible()
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:login"))))
    screenshot(page, "login-wrong-password")
