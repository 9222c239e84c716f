"""Pages of programmes and accounts on a 375 px phone: nothing wider than the screen."""

from django.urls import reverse
from playwright.sync_api import Page

from teilhabe.programmes.models import ApplicationStatus
from tests.e2e.helpers import login_as, screenshot
from tests.factories import ApplicationFactory, FacilitatorFactory

PHONE = {"width": 375, "height": 800}


def page_width(page: Page) -> int:
    return page.evaluate("document.documentElement.scrollWidth")


def widest(page: Page) -> list[str]:
    """The elements sticking out on the right, to name in a failure."""
    return page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
            .slice(0, 12)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)"""
    )


def test_facilitators_page_fits_a_phone(page: Page, live_server, office, process):
    # Long addresses as real facilitators have them, and a second one to assign.
    person = process.facilitators.get()
    person.email = "jonas.keller-prozessbegleitung@beratung-integration.example"
    person.save(update_fields=["email"])
    FacilitatorFactory(
        full_name="Aylin Demir-Schwarzenbach",
        email="aylin.demir-schwarzenbach@moderation-und-beteiligung.example",
    )
    page.set_viewport_size(PHONE)
    login_as(page, live_server, office)
    page.goto(live_server.url + reverse("processes:facilitators", args=[process.pk]))
    screenshot(page, "facilitators-375")
    assert page_width(page) <= 375, widest(page)


def test_submitting_an_application_reviews_it_first_also_on_a_phone(
    page: Page, live_server, coordinator, office, round_
):
    draft = ApplicationFactory(
        round=round_,
        municipality=coordinator.municipality,
        status=ApplicationStatus.DRAFT,
        structures="Helferkreis Asyl, Integrationsbeirat, Elterncafé, Sprachpatenschaften",
    )
    page.set_viewport_size(PHONE)
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + draft.get_absolute_url())
    page.get_by_role("link", name="Prüfen und einreichen").or_(
        page.get_by_role("link", name="Review and submit")
    ).click()
    page.wait_for_url(f"**{reverse('programmes:application_submit', args=[draft.pk])}")
    assert draft.motivation in page.content()
    screenshot(page, "application-submit-review-375")
    assert page_width(page) <= 375, widest(page)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**{draft.get_absolute_url()}")
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED


def test_demo_login_page_fits_a_phone_and_logs_in_with_one_click(
    page: Page, live_server, settings, monkeypatch, coordinator
):
    settings.DEMO_MODE = True
    # Without loading the whole demo: the coordinator counts as a demo account.
    only_coordinator = lambda: frozenset({coordinator.email})  # noqa: E731
    monkeypatch.setattr("teilhabe.demo.logins.demo_emails", only_coordinator)
    monkeypatch.setattr("teilhabe.demo.views.demo_emails", only_coordinator)
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + reverse("accounts:login"))
    screenshot(page, "login-demo-375")
    assert page_width(page) <= 375, widest(page)
    page.locator(f"form:has(input[value='{coordinator.email}']) button").click()
    page.wait_for_url(f"**{reverse('dashboards:dashboard')}")
