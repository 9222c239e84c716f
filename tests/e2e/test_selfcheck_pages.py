"""Self-check pages on a phone: results (in-page navigation, focusable scroll regions)
and an instrument version, at 375 px and checked by axe with every impact (issue 9)."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import Perspective, VersionStatus
from tests.e2e.helpers import collect_console_errors, login_as, screenshot
from tests.e2e.test_selfcheck_journey import _instrument
from tests.factories import ProgrammeOfficeFactory
from tests.selfcheck.factories import (
    FieldOfActionFactory,
    InstrumentVersionFactory,
    ItemFactory,
)
from tests.selfcheck.results_fixtures import build_round, build_version, respond

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
WIDE = """() => [...document.querySelectorAll('body *')]
  .filter((el) => el.getBoundingClientRect().right > 376)
  .slice(0, 5).map((el) => el.outerHTML.slice(0, 120))"""


def assert_no_violation(page: Page, *, context: str) -> None:
    """axe finds no WCAG 2.1 A/AA violation of any impact."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG}})
    found = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert not found, f"axe on {context}:\n" + "\n".join(found)


def assert_fits(page: Page, *, context: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{context} is {width} px wide at 375 px: {page.evaluate(WIDE)}"


def test_results_on_a_phone(page: Page, live_server, coordinator, process):
    version, _fields = build_version(1, items_per_field=4)
    baseline = build_round(coordinator.municipality, version, title="Selbstcheck 2021")
    respond(baseline)
    round_ = build_round(coordinator.municipality, version, baseline=baseline)
    for perspective in Perspective.values:
        respond(round_, perspective, values={"haltung-1": 5, "oeffnung-text": "Mehr Räume."})
    page.set_viewport_size({"width": 375, "height": 800})
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + round_.get_absolute_url() + "results/")
    # The contents lead to every section and to every field of action.
    toc = page.get_by_role("navigation", name="Abschnitte der Ergebnisse")
    toc.locator("a[href='#field-oeffnung']").click()
    expect(page.locator("#field-oeffnung")).to_be_in_viewport()
    # Wide tables scroll inside a labelled region a keyboard can reach.
    regions = page.locator("main .table-wrap")
    assert regions.count() >= 3
    for index in range(regions.count()):
        region = regions.nth(index)
        expect(region).to_have_attribute("tabindex", "0")
        expect(region).to_have_attribute("role", "region")
        assert region.get_attribute("aria-labelledby") or region.get_attribute("aria-label")
    assert_fits(page, context="results")
    screenshot(page, "selfcheck-results-375")
    assert_no_violation(page, context="self-check results at 375 px")


def test_instrument_version_on_a_phone(page: Page, live_server, db):
    office = ProgrammeOfficeFactory()
    version = InstrumentVersionFactory(status=VersionStatus.PUBLISHED)
    field = FieldOfActionFactory(
        version=version, name="Zusammenarbeit mit Migrant*innenselbstorganisationen"
    )
    ItemFactory(
        field=field,
        text="Die Kommune fördert Migrant*innenselbstorganisationen institutionell.",
        help="Institutionell: eine Förderung, die nicht an ein einzelnes Projekt gebunden ist.",
    )
    draft = services.succeed_version(version, by=office)
    page.set_viewport_size({"width": 375, "height": 800})
    login_as(page, live_server, office)
    for shown in (version, draft):
        page.goto(live_server.url + reverse("selfcheck:version_detail", args=[shown.pk]))
        expect(page.locator("h1")).to_be_visible()
        for summary in page.locator("details summary").all():
            summary.click()
        assert_fits(page, context=f"version {shown.number}")
        screenshot(page, f"selfcheck-version-{shown.number}-375")
        assert_no_violation(page, context=f"instrument version {shown.number} at 375 px")


def test_stepped_questionnaire_fits_a_phone(page: Page, live_server, coordinator, process):
    leitbild, *_rest = _instrument()
    round_ = services.open_round(coordinator.municipality, by=coordinator, title="Selbstcheck 2026")
    invitation = services.create_invitation(
        round_, perspective=Perspective.ADMINISTRATION, by=coordinator, label="Ordnungsamt"
    )
    page.set_viewport_size({"width": 375, "height": 800})
    url = live_server.url + invitation.get_absolute_url()
    for step in range(5):  # introduction, three fields of action, review
        page.goto(f"{url}?step={step}")
        expect(page.locator("h1")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"step {step} is {width} px wide at 375 px"
        screenshot(page, f"selfcheck-step-{step}-375")
        assert_no_violation(page, context=f"questionnaire step {step} at 375 px")
    page.goto(f"{url}?step=1")
    page.locator(f"input[name=item_{leitbild.pk}][value='3']").check()
    page.locator("button[name=next]").click()
    expect(page.locator("progress")).to_have_attribute("value", "2")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375


def test_coordinator_copies_an_invitation_link(page: Page, live_server, coordinator, process):
    _instrument()
    round_ = services.open_round(coordinator.municipality, by=coordinator, title="Selbstcheck 2026")
    invitation = services.create_invitation(
        round_, perspective=Perspective.POLITICS, by=coordinator, label="Gemeinderat"
    )
    errors = collect_console_errors(page)
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.set_viewport_size({"width": 375, "height": 800})
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + round_.get_absolute_url())
    link = page.get_by_label("Gemeinderat")
    expect(link).to_have_value(live_server.url + invitation.get_absolute_url())
    button = page.locator(f"button[data-copy-target=invitation-link-{invitation.pk}]")
    expect(button).to_be_visible()  # revealed by the script
    button.click()
    expect(page.locator(f"#invitation-copy-{invitation.pk}")).not_to_be_empty()
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == live_server.url + invitation.get_absolute_url()
    # Closing the round is a section of its own, after the links, with a confirmation.
    close = page.locator("section#close")
    expect(close.locator("input[name=confirm]")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    screenshot(page, "selfcheck-round-375")
    assert_no_violation(page, context="self-check round at 375 px")
    assert not [e for e in errors if "Content Security Policy" in e], errors
