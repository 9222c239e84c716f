"""The programme office admits a submitted application; the process starts with blocks."""

from playwright.sync_api import Page, expect

from teilhabe.processes.models import Process
from teilhabe.programmes.models import ApplicationStatus
from tests.e2e.helpers import assert_accessible, login_as, screenshot
from tests.factories import (
    ApplicationFactory,
    BlockTypeFactory,
    CatalogueFactory,
    MunicipalityFactory,
    RoundFactory,
)


def test_office_admits_application(page: Page, live_server, office, programme, facilitator):
    catalogue = CatalogueFactory(programme=programme)
    BlockTypeFactory(catalogue=catalogue, name="Auftaktgespräch", key="kickoff")
    BlockTypeFactory(catalogue=catalogue, name="Stakeholderanalyse", key="stakeholders")
    round_ = RoundFactory(programme=programme, name="2020/2021")
    application = ApplicationFactory(
        round=round_, municipality=MunicipalityFactory(name="Weilerbronn")
    )

    login_as(page, live_server, office)
    page.get_by_role("link", name="Weilerbronn").first.click()
    expect(page.locator("h1")).to_contain_text("Weilerbronn")
    expect(page.get_by_text("Helferkreis Asyl")).to_be_visible()
    assert_accessible(page, context="application detail")

    page.get_by_role("link", name="Entscheiden").click()
    page.get_by_label("Aufnehmen", exact=True).check()
    page.get_by_label(facilitator.full_name).check()
    page.get_by_label("Nachricht an die Kommune").fill("Herzlich willkommen in der Förderrunde!")
    screenshot(page, "admission-form")
    page.get_by_role("button", name="Entscheidung speichern").click()

    process = Process.objects.get(application=application)
    expect(page).to_have_url(live_server.url + process.get_absolute_url())
    expect(page.locator(".block-list")).to_contain_text("Auftaktgespräch")
    expect(page.locator(".block-list")).to_contain_text("Stakeholderanalyse")
    screenshot(page, "admission-new-process")

    application.refresh_from_db()
    assert application.status == ApplicationStatus.ADMITTED
    assert list(process.facilitators.all()) == [facilitator]
