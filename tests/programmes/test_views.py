from datetime import date

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from teilhabe.core.models import MailStatus, OutgoingMail
from teilhabe.processes.models import Process
from teilhabe.programmes import services
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    MunicipalityKind,
    Round,
    State,
)
from tests.factories import (
    ApplicationFactory,
    BlockTypeFactory,
    CatalogueFactory,
    FacilitatorFactory,
    MunicipalityFactory,
    ProcessFactory,
    ProgrammeFactory,
    RoundFactory,
)
from tests.failing_mail import LOCMEM, REFUSING

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"programmes:{name}", args=args)


def assert_login_redirect(response):
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


# --- Every view: anonymous and wrong method ---------------------------------------------


@pytest.fixture
def view_urls(programme, round_, municipality, draft):
    """(url, allowed methods) for every view of the app."""
    return [
        (url("programme_list"), {"get"}),
        (url("programme_detail", programme.pk), {"get"}),
        (url("round_create", programme.pk), {"get", "post"}),
        (url("round_detail", round_.pk), {"get"}),
        (url("round_edit", round_.pk), {"get", "post"}),
        (url("municipality_list"), {"get"}),
        (url("municipality_create"), {"get", "post"}),
        (url("municipality_detail", municipality.pk), {"get"}),
        (url("municipality_edit", municipality.pk), {"get", "post"}),
        (url("application_list"), {"get"}),
        (url("application_create", round_.pk), {"get", "post"}),
        (url("application_detail", draft.pk), {"get"}),
        (url("application_edit", draft.pk), {"get", "post"}),
        (url("application_submit", draft.pk), {"get", "post"}),
        (url("application_decide", draft.pk), {"get", "post"}),
    ]


def test_anonymous_is_sent_to_login(client, view_urls):
    for path, methods in view_urls:
        method = "get" if "get" in methods else "post"
        assert_login_redirect(getattr(client, method)(path))


def test_wrong_method_is_405(client, view_urls, coordinator):
    client.force_login(coordinator)
    for path, methods in view_urls:
        wrong = "put" if "post" in methods else "post"
        assert getattr(client, wrong)(path).status_code == 405, path
        if "get" not in methods:
            assert client.get(path).status_code == 405, path


# --- Programmes -----------------------------------------------------------------------


def test_programme_list_shows_own_programmes(client, office, programme):
    foreign = ProgrammeFactory(name="Weltoffene Kommune")
    client.force_login(office)
    response = client.get(url("programme_list"))
    assert response.status_code == 200
    assert programme.name in response.text
    assert foreign.name not in response.text
    assert response.context["nav"] == "programmes"


def test_programme_detail_for_office(client, office, programme, round_, process, submitted):
    ApplicationFactory(round=round_, status=ApplicationStatus.DRAFT)  # not counted
    client.force_login(office)
    response = client.get(url("programme_detail", programme.pk))
    assert response.status_code == 200
    assert reverse("processes:catalogue_list", args=[programme.pk]) in response.text
    assert url("round_create", programme.pk) in response.text
    rounds = {r.pk: r for r in response.context["rounds"]}
    assert rounds[round_.pk].process_count == 1
    assert rounds[round_.pk].application_count == 0
    assert rounds[submitted.round_id].application_count == 1


def test_programme_detail_for_coordinator_has_no_round_button(client, coordinator, programme):
    RoundFactory(programme=programme)
    client.force_login(coordinator)
    response = client.get(url("programme_detail", programme.pk))
    assert response.status_code == 200
    assert url("round_create", programme.pk) not in response.text


def test_programme_detail_of_foreign_programme_is_404(client, other_office, programme):
    client.force_login(other_office)
    assert client.get(url("programme_detail", programme.pk)).status_code == 404


# --- Rounds ---------------------------------------------------------------------------


ROUND_DATA = {
    "name": "2022/2023",
    "call_opens": "2021-09-01",
    "call_closes": "2021-11-30",
    "starts_on": "2022-01-01",
    "ends_on": "2023-06-30",
}


def test_round_create(client, office, programme):
    client.force_login(office)
    assert client.get(url("round_create", programme.pk)).status_code == 200
    response = client.post(url("round_create", programme.pk), ROUND_DATA)
    new = Round.objects.get(programme=programme, name="2022/2023")
    assert response.status_code == 302
    assert response["Location"] == new.get_absolute_url()
    assert new.call_closes == date(2021, 11, 30)


def test_round_create_shows_date_errors(client, office, programme):
    client.force_login(office)
    data = {**ROUND_DATA, "call_closes": "2021-08-01", "ends_on": "2021-12-31"}
    response = client.post(url("round_create", programme.pk), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"call_closes", "ends_on"}
    assert 'id="id_call_closes_error"' in response.text
    assert not Round.objects.filter(name="2022/2023").exists()


def test_round_create_forbidden_for_coordinator(client, coordinator, round_):
    programme = round_.programme  # visible to the coordinator through its open round
    client.force_login(coordinator)
    assert client.get(url("round_create", programme.pk)).status_code == 403
    assert client.post(url("round_create", programme.pk), ROUND_DATA).status_code == 403


def test_round_create_in_foreign_programme_is_404(client, other_office, programme):
    client.force_login(other_office)
    assert client.get(url("round_create", programme.pk)).status_code == 404


def test_round_edit(client, office, round_):
    client.force_login(office)
    assert client.get(url("round_edit", round_.pk)).status_code == 200
    response = client.post(url("round_edit", round_.pk), {**ROUND_DATA, "name": "2020/2021"})
    assert response.status_code == 302
    round_.refresh_from_db()
    assert round_.name == "2020/2021"


def test_round_edit_forbidden_and_hidden(client, coordinator, other_office, round_):
    client.force_login(coordinator)
    assert client.get(url("round_edit", round_.pk)).status_code == 403
    client.force_login(other_office)
    assert client.get(url("round_edit", round_.pk)).status_code == 404


def test_round_detail_for_office(client, office, round_, process, other_process):
    ApplicationFactory(round=round_, municipality=process.municipality, status="submitted")
    draft_elsewhere = ApplicationFactory(round=round_, status=ApplicationStatus.DRAFT)
    client.force_login(office)
    response = client.get(url("round_detail", round_.pk))
    assert response.status_code == 200
    assert "Neckarbrück" in response.text and "Lindenau" in response.text
    assert len(response.context["applications"]) == 1
    assert draft_elsewhere.municipality.name not in response.text
    assert url("round_edit", round_.pk) in response.text


def test_round_detail_offers_apply_to_coordinator(client, coordinator, apply_round):
    client.force_login(coordinator)
    response = client.get(url("round_detail", apply_round.pk))
    assert response.status_code == 200
    assert url("application_create", apply_round.pk) in response.text
    assert url("round_edit", apply_round.pk) not in response.text


def test_round_detail_links_existing_application(client, coordinator, draft):
    client.force_login(coordinator)
    response = client.get(url("round_detail", draft.round_id))
    assert draft.get_absolute_url() in response.text
    assert url("application_create", draft.round_id) not in response.text


def test_round_detail_no_apply_for_team_member_or_closed_round(client, team_member, round_):
    programme = round_.programme
    closed = RoundFactory(programme=programme, call_closes=date(2020, 3, 1))
    client.force_login(team_member)
    response = client.get(url("round_detail", closed.pk))
    assert response.status_code == 200
    assert url("application_create", closed.pk) not in response.text


def test_round_detail_shows_municipal_user_only_own_process(
    client, coordinator, process, other_process
):
    client.force_login(coordinator)
    response = client.get(url("round_detail", process.round_id))
    assert list(response.context["processes"]) == [process]
    assert "Lindenau" not in response.text
    assert "applications" not in response.context


def test_round_detail_of_foreign_programme_is_404(client, other_office, round_):
    client.force_login(other_office)
    assert client.get(url("round_detail", round_.pk)).status_code == 404


# --- Municipalities -----------------------------------------------------------------


def test_municipality_list_for_office_in_scope_and_all(client, office, process, submitted):
    unrelated = MunicipalityFactory(name="Fernhausen")
    client.force_login(office)
    response = client.get(url("municipality_list"))
    assert response.status_code == 200
    names = [m.name for m in response.context["page"]]
    assert names == ["Neckarbrück"]
    response = client.get(url("municipality_list"), {"all": "on"})
    assert unrelated.name in [m.name for m in response.context["page"]]


def test_municipality_list_for_coordinator_ignores_all(client, coordinator, outsider):
    client.force_login(coordinator)
    response = client.get(url("municipality_list"), {"all": "on"})
    assert [m.name for m in response.context["page"]] == ["Neckarbrück"]
    assert url("municipality_create") not in response.text


def test_municipality_list_for_facilitator(client, facilitator, process, other_process):
    client.force_login(facilitator)
    response = client.get(url("municipality_list"))
    assert [m.name for m in response.context["page"]] == ["Neckarbrück"]


def test_municipality_list_filters_by_kind_and_state(client, office):
    MunicipalityFactory(name="Landkreis Tübingen", kind=MunicipalityKind.LANDKREIS, ags="08416")
    MunicipalityFactory(
        name="Kempten", kind=MunicipalityKind.KREISFREIE_STADT, state=State.BY, ags="09763000"
    )
    MunicipalityFactory(name="Ulm", kind=MunicipalityKind.KREISFREIE_STADT, ags="08421000")
    client.force_login(office)
    response = client.get(url("municipality_list"), {"all": "on", "kind": "kreisfreie_stadt"})
    assert [m.name for m in response.context["page"]] == ["Kempten", "Ulm"]
    response = client.get(
        url("municipality_list"), {"all": "on", "kind": "kreisfreie_stadt", "state": "08"}
    )
    assert [m.name for m in response.context["page"]] == ["Ulm"]


def test_municipality_list_htmx_returns_partial(client, office):
    client.force_login(office)
    response = client.get(url("municipality_list"), {"all": "on"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    assert 'id="results"' in response.text
    assert "<html" not in response.text


def count_queries(client, path, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path, params or {}).status_code == 200
    return len(queries)


def test_municipality_list_query_count_is_constant(
    client, office, programme, django_assert_max_num_queries
):
    """3 or 25 municipalities (more than a page): the same number of queries."""
    round_ = RoundFactory(programme=programme)
    ApplicationFactory.create_batch(3, round=round_)
    client.force_login(office)
    few = count_queries(client, url("municipality_list"))
    few_all = count_queries(
        client, url("municipality_list"), {"all": "on", "kind": "grosse_kreisstadt"}
    )
    ApplicationFactory.create_batch(22, round=round_)
    with django_assert_max_num_queries(few):
        response = client.get(url("municipality_list"))
    assert len(response.context["page"]) == 20
    assert count_queries(client, url("municipality_list"), {"all": "on", "page": "2"}) == few_all
    assert few <= 6


MUNICIPALITY_DATA = {
    "name": "Reutlingen",
    "kind": MunicipalityKind.GROSSE_KREISSTADT,
    "state": State.BW,
    "ags": "08415061",
    "population": "116000",
    "contact_name": "Frau Beispiel",
    "contact_email": "integration@reutlingen.example",
}


def test_municipality_create(client, office):
    client.force_login(office)
    assert client.get(url("municipality_create")).status_code == 200
    response = client.post(url("municipality_create"), MUNICIPALITY_DATA)
    created = Municipality.objects.get(name="Reutlingen")
    assert response["Location"] == created.get_absolute_url()
    assert created.created_by == office
    # Created by the office, so it is in the office's scope from now on.
    assert created in Municipality.objects.in_scope_of(office)


def test_municipality_create_shows_ags_error(client, office):
    client.force_login(office)
    response = client.post(url("municipality_create"), {**MUNICIPALITY_DATA, "ags": "09415061"})
    assert response.status_code == 200
    assert "beginnt mit 08" in response.text
    assert 'id="id_ags_error"' in response.text
    # The input points screen readers at its help text and its error.
    assert 'aria-describedby="id_ags_helptext id_ags_error"' in response.text
    assert 'aria-invalid="true"' in response.text
    assert not Municipality.objects.filter(name="Reutlingen").exists()


@pytest.mark.parametrize("fixture", ["coordinator", "facilitator"])
def test_municipality_create_forbidden(client, request, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url("municipality_create")).status_code == 403
    assert client.post(url("municipality_create"), MUNICIPALITY_DATA).status_code == 403


def test_municipality_edit_by_coordinator(client, coordinator, municipality):
    client.force_login(coordinator)
    assert client.get(url("municipality_edit", municipality.pk)).status_code == 200
    data = {**MUNICIPALITY_DATA, "name": "Neckarbrück", "ags": municipality.ags}
    response = client.post(url("municipality_edit", municipality.pk), data)
    assert response.status_code == 302
    municipality.refresh_from_db()
    assert municipality.population == 116000


def test_municipality_edit_by_office_in_scope(client, office, process):
    client.force_login(office)
    assert client.get(url("municipality_edit", process.municipality_id)).status_code == 200


@pytest.mark.parametrize("fixture", ["outsider", "team_member", "other_office", "facilitator"])
def test_municipality_edit_forbidden(client, request, municipality, process, fixture):
    # Municipalities are public knowledge: a foreign one answers 403, not 404.
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url("municipality_edit", municipality.pk)).status_code == 403
    assert (
        client.post(url("municipality_edit", municipality.pk), MUNICIPALITY_DATA).status_code == 403
    )


def test_municipality_edit_unknown_is_404(client, office):
    client.force_login(office)
    assert client.get(url("municipality_edit", 999999)).status_code == 404


def test_municipality_detail_for_own_team(client, team_member, municipality, process, coordinator):
    municipality.contact_email = "integration@neckarbrueck.example"
    municipality.save()
    client.force_login(team_member)
    response = client.get(url("municipality_detail", municipality.pk))
    assert response.status_code == 200
    assert response.context["in_scope"]
    assert "integration@neckarbrueck.example" in response.text
    assert coordinator.full_name in response.text
    assert process.get_absolute_url() in response.text
    assert url("municipality_edit", municipality.pk) not in response.text


def test_municipality_detail_for_facilitator(client, facilitator, municipality, process):
    client.force_login(facilitator)
    assert client.get(url("municipality_detail", municipality.pk)).status_code == 200


@pytest.mark.parametrize("fixture", ["outsider", "other_facilitator"])
def test_municipality_detail_of_foreign_municipality_is_403(client, request, municipality, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url("municipality_detail", municipality.pk)).status_code == 403


def test_municipality_detail_office_sees_foreign_base_data_only(client, office):
    foreign = MunicipalityFactory(name="Fernhausen", contact_email="geheim@fernhausen.example")
    client.force_login(office)
    response = client.get(url("municipality_detail", foreign.pk))
    assert response.status_code == 200
    assert not response.context["in_scope"]
    assert "Fernhausen" in response.text
    assert "geheim@fernhausen.example" not in response.text


def test_municipality_detail_unknown_is_404(client, coordinator):
    client.force_login(coordinator)
    assert client.get(url("municipality_detail", 999999)).status_code == 404


# --- Applications: list ------------------------------------------------------------------


def test_application_list_for_office(client, office, round_, submitted):
    hidden_draft = ApplicationFactory(round=round_, status=ApplicationStatus.DRAFT)
    foreign = ApplicationFactory()  # another programme
    client.force_login(office)
    response = client.get(url("application_list"))
    assert response.status_code == 200
    assert list(response.context["page"]) == [submitted]
    assert hidden_draft.municipality.name not in response.text
    assert foreign.municipality.name not in response.text
    assert response.context["nav"] == "applications"


def test_application_list_filters(client, office, round_, submitted):
    admitted = ApplicationFactory(round=round_, status=ApplicationStatus.ADMITTED)
    client.force_login(office)
    response = client.get(url("application_list"), {"status": "admitted"})
    assert list(response.context["page"]) == [admitted]
    response = client.get(url("application_list"), {"round": submitted.round_id})
    assert list(response.context["page"]) == [submitted]
    response = client.get(url("application_list"), {"status": "draft"})  # not offered
    assert response.context["filter_form"].errors


def test_application_list_for_municipality(client, team_member, draft, outsider, round_):
    other = ApplicationFactory(round=round_, municipality=outsider.municipality)
    client.force_login(team_member)
    response = client.get(url("application_list"))
    assert list(response.context["page"]) == [draft]
    assert other.get_absolute_url() not in response.text


def test_application_list_htmx_returns_partial(client, office, submitted):
    client.force_login(office)
    response = client.get(url("application_list"), headers={"HX-Request": "true"})
    assert "<html" not in response.text
    assert submitted.get_absolute_url() in response.text


def test_application_list_query_count_is_constant(
    client, office, round_, django_assert_max_num_queries
):
    def add(count):
        for index in range(count):
            application = ApplicationFactory(round=round_)
            if index % 2:
                ProcessFactory(
                    municipality=application.municipality, round=round_, application=application
                )

    add(3)
    client.force_login(office)
    few = count_queries(client, url("application_list"))
    few_filtered = count_queries(client, url("application_list"), {"status": "submitted"})
    add(22)
    with django_assert_max_num_queries(few):
        response = client.get(url("application_list"))
    assert len(response.context["page"]) == 20
    assert (
        count_queries(client, url("application_list"), {"status": "submitted", "page": "2"})
        == few_filtered
    )
    assert few <= 7


# --- Applications: create and edit -----------------------------------------------------


APPLICATION_DATA = {
    "motivation": "Wir möchten das Engagement von Menschen mit Migrationsgeschichte stärken.",
    "foundations": "Integrationsmanagement seit 2016, Helferkreis.",
    "structures": "Helferkreis Asyl, Integrationsbeirat",
    "topics": "Sprache, Arbeit, Begegnung",
    "contact_name": "Sabine Wolf",
    "contact_email": "sabine.wolf@neckarbrueck.example",
    "contact_phone": "07071 1234",
}


def test_application_create(client, coordinator, apply_round):
    client.force_login(coordinator)
    response = client.get(url("application_create", apply_round.pk))
    assert response.status_code == 200
    assert response.context["form"].initial["contact_email"] == coordinator.email
    response = client.post(url("application_create", apply_round.pk), APPLICATION_DATA)
    application = Application.objects.get(round=apply_round)
    assert response["Location"] == application.get_absolute_url()
    assert application.status == ApplicationStatus.DRAFT
    assert application.municipality == coordinator.municipality
    assert application.created_by == coordinator
    assert mail.outbox == []


def test_application_create_shows_errors(client, coordinator, apply_round):
    client.force_login(coordinator)
    response = client.post(url("application_create", apply_round.pk), {"motivation": "x"})
    assert response.status_code == 200
    assert "foundations" in response.context["form"].errors
    assert not Application.objects.exists()


def test_application_create_redirects_to_existing(client, coordinator, draft):
    client.force_login(coordinator)
    response = client.get(url("application_create", draft.round_id))
    assert response["Location"] == draft.get_absolute_url()
    response = client.post(url("application_create", draft.round_id), APPLICATION_DATA)
    assert response["Location"] == draft.get_absolute_url()
    assert Application.objects.count() == 1


def test_application_create_in_closed_round_is_friendly_403(client, coordinator, round_):
    programme = round_.programme  # round_ is open, so the programme is visible
    closed = RoundFactory(programme=programme, call_closes=date(2020, 3, 1))
    client.force_login(coordinator)
    response = client.get(url("application_create", closed.pk))
    assert response.status_code == 403
    assert "Die Ausschreibung ist beendet" in response.text
    assert client.post(url("application_create", closed.pk), APPLICATION_DATA).status_code == 403
    assert not Application.objects.exists()


@pytest.mark.parametrize("fixture", ["team_member", "office", "facilitator"])
def test_application_create_forbidden_for_others(client, request, process, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url("application_create", process.round_id)).status_code == 403


def test_application_create_in_invisible_round_is_404(client, outsider):
    hidden = RoundFactory(call_closes=date(2020, 3, 1))  # closed, other programme
    client.force_login(outsider)
    assert client.get(url("application_create", hidden.pk)).status_code == 404


def test_application_edit(client, coordinator, draft):
    client.force_login(coordinator)
    assert client.get(url("application_edit", draft.pk)).status_code == 200
    response = client.post(
        url("application_edit", draft.pk), {**APPLICATION_DATA, "topics": "Sport"}
    )
    assert response["Location"] == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.topics == "Sport"
    assert draft.status == ApplicationStatus.DRAFT


def test_application_edit_forbidden(client, coordinator, team_member, draft):
    client.force_login(team_member)
    assert client.get(url("application_edit", draft.pk)).status_code == 403
    draft.status = ApplicationStatus.SUBMITTED
    draft.save()
    client.force_login(coordinator)
    assert client.post(url("application_edit", draft.pk), APPLICATION_DATA).status_code == 403


@pytest.mark.parametrize("fixture", ["outsider", "office", "other_facilitator"])
def test_application_edit_invisible_is_404(client, request, draft, fixture):
    # The office does not see drafts at all.
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url("application_edit", draft.pk)).status_code == 404


# --- Applications: submit ----------------------------------------------------------------


def test_application_submit(client, coordinator, office, draft, django_capture_on_commit_callbacks):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("application_submit", draft.pk))
    assert response["Location"] == draft.get_absolute_url()
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.SUBMITTED
    assert draft.submitted_at is not None
    assert [m.to for m in mail.outbox] == [[office.email]]


def test_application_submit_shows_a_summary_to_confirm_first(client, coordinator, draft):
    client.force_login(coordinator)
    detail = client.get(url("application_detail", draft.pk))
    # The detail page only links to the review step; it has no one-click submit form.
    assert f'action="{url("application_submit", draft.pk)}"' not in detail.text
    assert f'href="{url("application_submit", draft.pk)}"' in detail.text

    response = client.get(url("application_submit", draft.pk))

    assert response.status_code == 200
    for text in (draft.motivation, draft.foundations, draft.structures, draft.topics):
        assert text in response.text
    assert draft.contact_email in response.text
    assert f'href="{url("application_edit", draft.pk)}"' in response.text
    assert f'action="{url("application_submit", draft.pk)}"' in response.text
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert mail.outbox == []


def test_application_submit_review_after_deadline_offers_no_submit(client, coordinator, draft):
    Round.objects.filter(pk=draft.round_id).update(call_closes=date(2021, 1, 1))
    client.force_login(coordinator)
    response = client.get(url("application_submit", draft.pk))
    assert response.status_code == 200
    assert "Bewerbungsfrist dieser Förderrunde ist vorbei" in response.text
    assert f'action="{url("application_submit", draft.pk)}"' not in response.text


def test_application_submit_review_is_refused_like_submitting(client, team_member, outsider, draft):
    client.force_login(team_member)
    assert client.get(url("application_submit", draft.pk)).status_code == 403
    client.force_login(outsider)
    assert client.get(url("application_submit", draft.pk)).status_code == 404


def test_application_submit_after_deadline(client, coordinator, office, draft):
    Round.objects.filter(pk=draft.round_id).update(call_closes=date(2021, 1, 1))
    client.force_login(coordinator)
    response = client.post(url("application_submit", draft.pk), follow=True)
    assert "Bewerbungsfrist dieser Förderrunde ist vorbei" in response.text
    draft.refresh_from_db()
    assert draft.status == ApplicationStatus.DRAFT
    assert mail.outbox == []


def test_application_submit_forbidden(client, team_member, coordinator, draft):
    client.force_login(team_member)
    assert client.post(url("application_submit", draft.pk)).status_code == 403
    draft.status = ApplicationStatus.SUBMITTED
    draft.save()
    client.force_login(coordinator)
    assert client.post(url("application_submit", draft.pk)).status_code == 403


def test_application_submit_invisible_is_404(client, outsider, draft):
    client.force_login(outsider)
    assert client.post(url("application_submit", draft.pk)).status_code == 404


# --- Applications: detail ----------------------------------------------------------------


def test_application_detail_for_coordinator(client, coordinator, draft):
    client.force_login(coordinator)
    response = client.get(url("application_detail", draft.pk))
    assert response.status_code == 200
    assert draft.motivation in response.text
    assert draft.foundations in response.text
    assert url("application_edit", draft.pk) in response.text
    assert url("application_submit", draft.pk) in response.text


def test_application_detail_review_note_only_for_office(client, office, coordinator, submitted):
    client.force_login(office)
    response = client.get(url("application_detail", submitted.pk))
    assert submitted.review_note in response.text
    assert url("application_decide", submitted.pk) in response.text
    client.force_login(coordinator)
    response = client.get(url("application_detail", submitted.pk))
    assert response.status_code == 200
    assert submitted.review_note not in response.text
    assert url("application_decide", submitted.pk) not in response.text
    assert url("application_edit", submitted.pk) not in response.text


def test_application_detail_admitted_links_process(client, team_member, facilitator, submitted):
    submitted.status = ApplicationStatus.ADMITTED
    submitted.decision_note = "Herzlich willkommen!"
    submitted.decided_at = submitted.submitted_at
    submitted.save()
    process = ProcessFactory(
        municipality=submitted.municipality,
        round=submitted.round,
        application=submitted,
        facilitators=[facilitator],
    )
    for user in (team_member, facilitator):
        client.force_login(user)
        response = client.get(url("application_detail", submitted.pk))
        assert response.status_code == 200
        assert process.get_absolute_url() in response.text
        assert "Herzlich willkommen!" in response.text


@pytest.mark.parametrize("fixture", ["outsider", "other_office", "facilitator"])
def test_application_detail_invisible_is_404(client, request, submitted, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url("application_detail", submitted.pk)).status_code == 404


# --- Applications: decide ----------------------------------------------------------------


def test_application_decide_admit(
    client, office, coordinator, submitted, django_capture_on_commit_callbacks
):
    catalogue = CatalogueFactory(programme=submitted.round.programme)
    BlockTypeFactory(catalogue=catalogue, key="auftakt", name="Auftaktgespräch")
    BlockTypeFactory(catalogue=catalogue, key="optional", included_by_default=False)
    helper = FacilitatorFactory(full_name="Lena Begleiterin")
    client.force_login(office)
    response = client.get(url("application_decide", submitted.pk))
    assert response.status_code == 200
    assert response.context["form"].initial["started_on"] == date(2098, 1, 1)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("application_decide", submitted.pk),
            {
                "decision": "admit",
                "started_on": "2098-02-01",
                "facilitators": [helper.pk],
                "decision_note": "Willkommen!",
                "review_note": "Überzeugend.",
            },
        )
    process = Process.objects.get(application=submitted)
    assert response.status_code == 302
    assert response["Location"] == reverse("processes:process_detail", args=[process.pk])
    assert process.started_on == date(2098, 2, 1)
    assert list(process.facilitators.all()) == [helper]
    assert [b.name for b in process.blocks.all()] == ["Auftaktgespräch"]
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.ADMITTED
    assert submitted.decided_by == office
    assert submitted.review_note == "Überzeugend."
    assert {tuple(m.to) for m in mail.outbox} == {(coordinator.email,), (submitted.contact_email,)}


def test_admission_survives_a_failing_mail_server(
    client, settings, office, coordinator, submitted, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("application_decide", submitted.pk),
            {"decision": "admit", "started_on": "2098-02-01", "decision_note": "Willkommen!"},
        )
    process = Process.objects.get(application=submitted)
    assert response.status_code == 302
    assert response["Location"] == reverse("processes:process_detail", args=[process.pk])
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.ADMITTED
    failed = OutgoingMail.objects.undelivered()
    assert {m.recipient for m in failed} == {coordinator.email, submitted.contact_email}
    assert all(m.caused_by == office and "Connection refused" in m.last_error for m in failed)
    assert mail.outbox == []

    # The office sees them on its dashboard, the coordinator (who caused nothing) does not.
    retry = reverse("dashboards:mail_send_again", args=[failed.get(recipient=coordinator.email).pk])
    assert retry in client.get(reverse("dashboards:dashboard")).text
    client.force_login(coordinator)
    assert retry not in client.get(reverse("dashboards:dashboard")).text
    assert client.post(retry).status_code == 404

    settings.EMAIL_BACKEND = LOCMEM
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(retry).status_code == 302
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert message.subject == f"Ihre Bewerbung für {submitted.round} wurde aufgenommen"
    assert OutgoingMail.objects.get(recipient=coordinator.email).status == MailStatus.SENT


def test_application_decide_reject_requires_note(client, office, submitted):
    client.force_login(office)
    response = client.post(url("application_decide", submitted.pk), {"decision": "reject"})
    assert response.status_code == 200
    assert "decision_note" in response.context["form"].errors
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED


def test_application_decide_reject(client, office, submitted, django_capture_on_commit_callbacks):
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("application_decide", submitted.pk),
            {"decision": "reject", "decision_note": "Leider zu viele Bewerbungen."},
        )
    assert response["Location"] == submitted.get_absolute_url()
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.REJECTED
    assert not Process.objects.filter(application=submitted).exists()
    assert len(mail.outbox) == 1
    assert "Leider zu viele Bewerbungen." in mail.outbox[0].body


def test_application_decide_shows_service_error_and_saves_nothing(client, office, submitted):
    # A process for this municipality and round already exists (e.g. entered by hand).
    ProcessFactory(municipality=submitted.municipality, round=submitted.round)
    client.force_login(office)
    response = client.post(url("application_decide", submitted.pk), {"decision": "admit"})
    assert response.status_code == 200
    assert "Diese Kommune hat in dieser Förderrunde schon einen Prozess" in response.text
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.SUBMITTED
    assert submitted.decided_at is None
    assert mail.outbox == []


def test_application_decide_forbidden(client, coordinator, office, submitted):
    client.force_login(coordinator)
    assert client.get(url("application_decide", submitted.pk)).status_code == 403
    assert (
        client.post(url("application_decide", submitted.pk), {"decision": "admit"}).status_code
        == 403
    )
    submitted.status = ApplicationStatus.REJECTED
    submitted.save()
    client.force_login(office)
    assert client.get(url("application_decide", submitted.pk)).status_code == 403


@pytest.mark.parametrize("fixture", ["other_office", "outsider"])
def test_application_decide_invisible_is_404(client, request, submitted, fixture):
    client.force_login(request.getfixturevalue(fixture))
    assert client.get(url("application_decide", submitted.pk)).status_code == 404


def test_application_decide_draft_is_404_for_office(client, office, draft):
    client.force_login(office)
    assert client.get(url("application_decide", draft.pk)).status_code == 404


def test_application_create_shows_a_refusal_of_the_service(
    client, coordinator, apply_round, monkeypatch
):
    # Another coordinator of the municipality applies just before this form is saved:
    # the service refuses, the form says why and no second application is stored.
    create = services.create_application

    def racing(application, *, by):
        ApplicationFactory(
            round=apply_round, municipality=coordinator.municipality, status=ApplicationStatus.DRAFT
        )
        return create(application, by=by)

    monkeypatch.setattr(services, "create_application", racing)
    client.force_login(coordinator)
    response = client.post(url("application_create", apply_round.pk), APPLICATION_DATA)
    assert response.status_code == 200
    assert "schon beworben" in response.text
    assert Application.objects.count() == 1
