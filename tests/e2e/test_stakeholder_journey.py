"""A coordinator adds an actor, assesses it, finds it in the matrix and closes a gap."""

from importlib import import_module

from django.apps import apps
from django.urls import reverse
from playwright.sync_api import Page, expect

from teilhabe.stakeholders.models import Actor, ActorCategory, Involvement
from tests.e2e.helpers import assert_accessible, collect_console_errors, login_as, screenshot
from tests.stakeholders.factories import ActorFactory

GAP = "migrant-organisations"


def _default_categories() -> None:
    # live_server tests flush the database, so the migration's categories may be gone.
    migration = import_module("teilhabe.stakeholders.migrations.0002_default_categories")
    migration.create_categories(apps, None)


def test_coordinator_runs_a_stakeholder_analysis(page: Page, live_server, coordinator, process):
    _default_categories()
    municipality = coordinator.municipality
    for category in ActorCategory.objects.exclude(key=GAP):
        ActorFactory(municipality=municipality, category=category, involvement=Involvement.INVOLVED)
    errors = collect_console_errors(page)
    login_as(page, live_server, coordinator)

    coverage_url = live_server.url + reverse("stakeholders:coverage", args=[municipality.pk])
    page.goto(coverage_url)
    expect(page.locator(f".gap[data-category='{GAP}']")).to_be_visible()
    assert_accessible(page, context="coverage page")

    page.goto(live_server.url + reverse("stakeholders:actor_create", args=[municipality.pk]))
    page.locator("input[name=kind][value=organisation]").check()
    page.locator("input[name=name]").fill("Deutsch-Syrischer Kulturverein")
    page.locator("select[name=category]").select_option(str(ActorCategory.objects.get(key=GAP).pk))
    page.locator("select[name=involvement]").select_option(Involvement.INVOLVED)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("h1")).to_have_text("Deutsch-Syrischer Kulturverein")
    actor = Actor.objects.get(name="Deutsch-Syrischer Kulturverein")

    assessment = page.locator("#assessment")
    assessment.locator("#id_assess_influence_4").check()
    assessment.locator("#id_assess_attitude_4").check()
    page.evaluate("window.__noReload = true")
    assessment.locator("button[type=submit]").click()
    expect(page.locator("#assessment .saved-note")).to_be_visible()
    assert page.evaluate("window.__noReload") is True

    page.goto(live_server.url + reverse("stakeholders:matrix", args=[municipality.pk]))
    point = page.locator(f"a.matrix-point[data-actor-id='{actor.pk}']")
    expect(point).to_have_attribute("data-field", "promoters")
    expect(page.locator(f"tr[data-actor-id='{actor.pk}']")).to_have_attribute(
        "data-field", "promoters"
    )
    screenshot(page, "stakeholder-matrix")
    assert_accessible(page, context="matrix page")
    point.locator("circle").click()
    expect(page).to_have_url(live_server.url + actor.get_absolute_url())

    page.goto(coverage_url)
    expect(page.locator(f".gap[data-category='{GAP}']")).to_have_count(0)
    screenshot(page, "stakeholder-coverage")
    assert not [e for e in errors if "Content Security Policy" in e], errors
