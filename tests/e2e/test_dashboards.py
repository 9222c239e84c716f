"""Every role's dashboard in the browser: the next step is a link that works, at 1280
and 375 px, no page wider than the phone, and axe finds nothing of any impact."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from teilhabe.programmes.models import ApplicationStatus
from tests.e2e.helpers import login_as, screenshot
from tests.factories import (
    ApplicationFactory,
    BlockFactory,
    CoordinatorFactory,
    FacilitatorFactory,
    MunicipalityFactory,
    ProcessFactory,
    RoundFactory,
    UserFactory,
)

WIDTHS = (1280, 375)


def _assert_no_violation(page: Page, context: str) -> None:
    """axe, WCAG 2.1 A/AA, every impact (the helper in helpers.py stops at serious)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}
        },
    )
    found = [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]
    assert not found, f"Accessibility problems on {context}:\n" + "\n".join(found)


def _check_both_widths(page: Page, live_server, name: str) -> None:
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(live_server.url + reverse("dashboards:dashboard"))
        assert page.evaluate("document.documentElement.scrollWidth") <= width, name
        _assert_no_violation(page, f"{name} dashboard at {width} px")
        screenshot(page, f"dashboard-{name}-{width}")


@pytest.fixture
def world(programme, round_, office, process, facilitator, coordinator):
    """An open call with a draft, a submitted application, a new process with due blocks."""
    today = timezone.localdate()
    open_round = RoundFactory(
        programme=programme,
        name="2027/2028",
        call_opens=today - timedelta(days=10),
        call_closes=today + timedelta(days=30),
        starts_on=today + timedelta(days=60),
        ends_on=today + timedelta(days=700),
    )
    applicant = CoordinatorFactory(municipality=MunicipalityFactory(name="Sommerau"))
    draft = ApplicationFactory(
        round=open_round,
        municipality=applicant.municipality,
        status=ApplicationStatus.DRAFT,
        submitted_at=None,
    )
    ApplicationFactory(round=open_round, municipality=MunicipalityFactory(name="Haselbrunn"))
    BlockFactory(
        process=process,
        name="Auftaktgespräch_mit_einem_sehr_langen_Namen_ohne_Leerzeichen_der_umbrechen_muss",
        planned_end=today - timedelta(days=2),
    )
    BlockFactory(process=process, name="Stakeholderanalyse", planned_end=today + timedelta(days=5))
    ProcessFactory(round=round_, municipality=MunicipalityFactory(name="Ohne Begleitung"))
    return {"applicant": applicant, "draft": draft}


def test_coordinator_continues_the_draft_from_the_dashboard(page: Page, live_server, world):
    login_as(page, live_server, world["applicant"])
    _check_both_widths(page, live_server, "coordinator-without-process")
    page.get_by_role("link", name="Continue your draft").or_(
        page.get_by_role("link", name="Entwurf fortsetzen")
    ).click()
    expect(page).to_have_url(
        live_server.url + reverse("programmes:application_edit", args=[world["draft"].pk])
    )


def test_coordinator_of_a_new_process_sees_its_first_steps(
    page: Page, live_server, world, coordinator
):
    login_as(page, live_server, coordinator)
    _check_both_widths(page, live_server, "coordinator-new-process")
    expect(page.locator("ol.checklist > li")).to_have_count(4)


def test_facilitator_sees_what_is_due(page: Page, live_server, world, facilitator):
    login_as(page, live_server, facilitator)
    _check_both_widths(page, live_server, "facilitator")
    expect(page.locator("table.tasks")).to_contain_text("Neckarbrück")


def test_office_sees_decisions_waiting(page: Page, live_server, world, office):
    login_as(page, live_server, office)
    _check_both_widths(page, live_server, "office")
    expect(page.locator("main")).to_contain_text("Haselbrunn")


@pytest.mark.parametrize("factory", [UserFactory, FacilitatorFactory])
def test_people_without_scope_are_told_whom_to_ask(page: Page, live_server, db, factory):
    login_as(page, live_server, factory())
    _check_both_widths(page, live_server, f"no-scope-{factory.__name__}")
