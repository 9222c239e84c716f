"""A respondent without an account fills in the self-check; the coordinator sees the radar."""

from playwright.sync_api import Page, expect

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import Instrument, ItemKind, Perspective, RoundStatus, VersionStatus
from tests.e2e.helpers import assert_accessible, collect_console_errors, login_as, screenshot
from tests.factories import TeamMemberFactory
from tests.selfcheck.factories import (
    FieldOfActionFactory,
    InstrumentFactory,
    InstrumentVersionFactory,
    ItemFactory,
)


def _instrument():
    # The default instrument (data migration) may exist; this test brings its own.
    Instrument.objects.filter(key="selbstcheck").update(key="selbstcheck-default")
    instrument = InstrumentFactory(key="selbstcheck", name="Selbstcheck")
    version = InstrumentVersionFactory(
        instrument=instrument, number=1, status=VersionStatus.PUBLISHED
    )
    attitude = FieldOfActionFactory(version=version, key="haltung", name="Haltung und Leitbild")
    language = FieldOfActionFactory(
        version=version, key="sprache", name="Kommunikation und sprachlicher Zugang"
    )
    # The radar needs at least three axes.
    resources = FieldOfActionFactory(
        version=version, key="ressourcen", name="Ressourcen und Zuständigkeiten"
    )
    ItemFactory(
        field=resources,
        key="budget",
        kind=ItemKind.YES_NO,
        required=False,
        text="Es gibt ein eigenes Budget für Integration.",
    )
    items = [
        ItemFactory(
            field=attitude,
            key="leitbild",
            kind=ItemKind.LIKERT,
            text="Der Gemeinderat hat ein Leitbild zu Vielfalt beschlossen.",
        ),
        ItemFactory(
            field=attitude,
            key="stelle",
            kind=ItemKind.YES_NO,
            text="Es gibt eine hauptamtliche Stelle für Integration.",
        ),
        ItemFactory(
            field=language,
            key="formulare",
            kind=ItemKind.LIKERT,
            text="Wichtige Formulare gibt es in mehreren Sprachen.",
        ),
        ItemFactory(
            field=language,
            key="anmerkung",
            kind=ItemKind.TEXT,
            required=False,
            text="Was fehlt in diesem Handlungsfeld?",
        ),
    ]
    return items


def test_respondent_answers_by_link_and_coordinator_sees_radar(
    page: Page, live_server, coordinator, process
):
    leitbild, stelle, formulare, anmerkung = _instrument()
    municipality = coordinator.municipality
    round_ = services.open_round(municipality, by=coordinator, title="Selbstcheck 2026")
    # The administration answers first (a staff member with an account) ...
    staff = services.response_for_member(round_, TeamMemberFactory(municipality=municipality))
    services.save_answers(
        staff,
        {
            leitbild.pk: {"scale": 5},
            stelle.pk: {"yes": True},
            formulare.pk: {"scale": 4},
        },
    )
    services.submit_response(staff)
    services.set_round_status(round_, RoundStatus.PERSPECTIVES, by=coordinator)
    # ... then a migrant organisation answers through a personal link, without an account.
    invitation = services.create_invitation(
        round_,
        perspective=Perspective.MIGRANT_ORGANISATIONS,
        by=coordinator,
        label="Deutsch-Syrischer Kulturverein",
    )
    errors = collect_console_errors(page)

    # Before the first question: how the answers are used; an organisation, not an "Amt".
    page.goto(live_server.url + invitation.get_absolute_url())
    expect(page.locator("h1")).to_contain_text(municipality.name)
    expect(page.locator("input[name^=item_]")).to_have_count(0)
    assert_accessible(page, context="questionnaire introduction")
    page.locator("input[name=department]").fill("Deutsch-Syrischer Kulturverein")
    page.locator("button[name=next]").click()

    # One field of action per step, with progress; each step saves when going on.
    expect(page.locator("progress")).to_have_attribute("value", "1")
    expect(page.locator("legend .section-title")).to_have_text("Haltung und Leitbild")
    assert_accessible(page, context="questionnaire step")
    page.locator(f"input[name=item_{leitbild.pk}][value='2']").check()
    page.locator("button[name=next]").click()
    expect(page.locator("legend .section-title")).to_contain_text("Kommunikation")
    page.locator("button[name=next]").click()
    expect(page.locator("legend .section-title")).to_contain_text("Ressourcen")
    page.locator("button[name=next]").click()

    # Submitting with open questions lists exactly what is missing, nothing is final.
    page.locator("button[name=submit]").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary.locator("li")).to_have_count(2)
    assert_accessible(page, context="questionnaire review")
    screenshot(page, "selfcheck-missing-answers")

    # Leave and come back with the same link: it resumes at the first open question.
    page.goto(live_server.url + invitation.get_absolute_url())
    expect(page.locator(f"input[name=item_{leitbild.pk}][value='2']")).to_be_checked()
    page.locator(f"input[name=item_{stelle.pk}][value='dont_know']").check()
    page.locator("button[name=next]").click()
    page.locator(f"input[name=item_{formulare.pk}][value='1']").check()
    page.locator(f"textarea[name=item_{anmerkung.pk}]").fill("Formulare nur auf Deutsch.")
    page.locator("button[name=next]").click()
    page.locator("button[name=next]").click()
    expect(page.locator("main")).to_contain_text("Formulare nur auf Deutsch.")
    page.locator("button[name=submit]").click()
    expect(page.locator("main")).to_contain_text("Danke")
    screenshot(page, "selfcheck-submitted")

    # The coordinator sees the radar chart with both perspectives and its table.
    login_as(page, live_server, coordinator)
    page.goto(live_server.url + round_.get_absolute_url() + "results/")
    radar = page.locator("svg.radar-svg")
    expect(radar).to_be_visible()
    expect(radar).to_have_attribute("role", "img")
    tables = page.locator("main table")
    expect(tables.first).to_contain_text("Haltung und Leitbild")
    expect(page.locator("main")).to_contain_text("Formulare nur auf Deutsch.")
    screenshot(page, "selfcheck-results")
    assert_accessible(page, context="self-check results")
    assert not [e for e in errors if "Content Security Policy" in e], errors
