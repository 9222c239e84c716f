"""Self-check pages on a phone: results (in-page navigation, focusable scroll regions)
and an instrument version, at 375 px and checked by axe with every impact (issue 9)."""

from django.urls import reverse
from playwright.sync_api import Page, expect

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import Perspective, VersionStatus
from tests.e2e.helpers import login_as, screenshot
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
