"""Helpers for browser tests; import them explicitly."""

import re
from pathlib import Path

from django.urls import reverse
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def screenshot(page: Page, name: str) -> Path:
    """Save a full-page screenshot as test-artifacts/screenshots/<name>.png."""
    path = SCREENSHOT_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '-', name)}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=path, full_page=True)
    return path


def fill_login_form(page: Page, live_server, email: str, password: str) -> None:
    """Open the login page and submit the form as a person would."""
    page.goto(live_server.url + reverse("accounts:login"))
    # The header has a language form with its own submit button; pick the login form.
    form = page.locator("form:has(input[name=password])")
    form.locator("input[name=username]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()


def login_as(page: Page, live_server, user, password: str = PASSWORD) -> None:
    """Log `user` in through the real login form and wait until it has left it."""
    fill_login_form(page, live_server, user.email, password)
    expect(page).not_to_have_url(re.compile(re.escape(reverse("accounts:login"))))


def assert_accessible(page: Page, *, context: str) -> None:
    """Run axe-core on the page; fail on any WCAG 2.1 A/AA violation, whatever its impact."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    problems = [
        f"{v['id']} ({v['impact']}): {v['help']} – {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert not problems, f"Accessibility problems on {context}:\n" + "\n".join(problems)


def collect_console_errors(page: Page) -> list[str]:
    """Start collecting console errors (CSP violations show up here)."""
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return errors
