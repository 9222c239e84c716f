"""A facilitator sets up two-factor login in the browser and then needs a code to log in."""

import re
from base64 import b32decode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from tests.e2e.helpers import assert_accessible, collect_console_errors, login_as, screenshot

pytestmark = pytest.mark.two_factor


def app_code(secret: str, *, steps_ahead: int = 0) -> str:
    """What an authenticator app shows for the secret typed in from the page."""
    plain = secret.replace(" ", "")
    key = b32decode(plain + "=" * (-len(plain) % 8))
    return f"{totp(key, drift=steps_ahead):06d}"


def test_facilitator_sets_up_two_factor_and_needs_a_code_next_time(
    page: Page, live_server, facilitator, process
):
    errors = collect_console_errors(page)
    login_as(page, live_server, facilitator)

    # No device yet: every page leads to the setup first.
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:two_factor_setup"))))
    page.goto(live_server.url + reverse("dashboards:dashboard"))
    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:two_factor_setup"))))
    expect(page.locator(".qr-code svg")).to_be_visible()
    assert_accessible(page, context="two-factor setup")
    screenshot(page, "two-factor-setup")

    secret = page.locator("#totp-secret").inner_text()
    form = page.locator("form:has(input[name=code])")
    form.locator("input[name=code]").fill(app_code(secret))
    form.locator("button[type=submit]").click()

    codes = page.locator(".recovery-codes li")
    expect(codes).to_have_count(10)
    screenshot(page, "two-factor-recovery-codes")
    page.locator("main a.kern-btn").click()
    expect(page).to_have_url(live_server.url + reverse("dashboards:dashboard"))

    page.locator("form[action$='/logout/'] button").first.click()
    login_as(page, live_server, facilitator)

    expect(page).to_have_url(re.compile(re.escape(reverse("accounts:two_factor_verify"))))
    form = page.locator("form:has(input[name=code])")
    form.locator("input[name=code]").fill("000000" if app_code(secret) != "000000" else "111111")
    form.locator("button[type=submit]").click()
    expect(page.locator("#id_code_error")).to_be_visible()
    screenshot(page, "two-factor-wrong-code")

    # A wrong code makes the device wait a second (django-otp's throttling), and the
    # code used for the setup is spent; the app's next code is accepted.
    page.wait_for_timeout(1500)
    form = page.locator("form:has(input[name=code])")
    form.locator("input[name=code]").fill(app_code(secret, steps_ahead=1))
    form.locator("button[type=submit]").click()
    expect(page).to_have_url(live_server.url + reverse("dashboards:dashboard"))
    assert not [e for e in errors if "Content Security Policy" in e]
