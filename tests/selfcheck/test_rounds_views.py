"""Round pages: list, open, detail, status and invitations."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from teilhabe.core.models import MailStatus, OutgoingMail
from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import (
    Invitation,
    Perspective,
    RoundStatus,
    SelfCheckRound,
)
from tests.failing_mail import LOCMEM, REFUSING
from tests.selfcheck.conftest import complete_post
from tests.selfcheck.factories import (
    InvitationFactory,
    ResponseFactory,
    SelfCheckRoundFactory,
)

# (url name, which fixture gives the pk, allowed methods, runs the round)
VIEWS = [
    ("round_list", "municipality", ["GET"], False),
    ("round_create", "municipality", ["GET", "POST"], True),
    ("round_detail", "selfcheck", ["GET"], False),
    ("round_status", "selfcheck", ["POST"], True),
    ("invitation_create", "selfcheck", ["POST"], True),
]
READ_VIEWS = [view[:3] for view in VIEWS if not view[3]]
RUN_VIEWS = [view[:3] for view in VIEWS if view[3]]


def url_for(request, name: str, source: str) -> str:
    return reverse(f"selfcheck:{name}", args=[request.getfixturevalue(source).pk])


def call(client, method: str, url: str, **extra):
    return getattr(client, method.lower())(url, **extra)


def wrong_method(methods: list[str]) -> str:
    if methods == ["GET", "POST"]:
        return "DELETE"
    return "POST" if methods == ["GET"] else "GET"


def submit_administration(round_, user, items):
    response = services.response_for_member(round_, user)
    services.save_answers(
        response,
        {
            items["leitbild"].pk: {"scale": 4},
            items["beauftragte"].pk: {"yes": True},
            items["budget"].pk: {"dont_know": True},
        },
    )
    return services.submit_response(response)


# --- Matrix: anonymous, wrong method, out of scope, forbidden -------------------------


@pytest.mark.parametrize(("name", "source", "methods"), [v[:3] for v in VIEWS])
def test_anonymous_is_sent_to_login(client, request, selfcheck, name, source, methods):
    url = url_for(request, name, source)
    for method in methods:
        response = call(client, method, url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize(("name", "source", "methods"), [v[:3] for v in VIEWS])
def test_wrong_method(client, request, coordinator, selfcheck, name, source, methods):
    client.force_login(coordinator)
    url = url_for(request, name, source)
    assert client.generic(wrong_method(methods), url).status_code == 405


@pytest.mark.parametrize("who", ["outsider", "other_facilitator", "other_office"])
@pytest.mark.parametrize(("name", "source", "methods"), [v[:3] for v in VIEWS])
def test_out_of_scope_is_404(client, request, selfcheck, who, name, source, methods):
    url = url_for(request, name, source)
    client.force_login(request.getfixturevalue(who))
    for method in methods:
        assert call(client, method, url).status_code == 404


@pytest.mark.parametrize(("name", "source", "methods"), READ_VIEWS)
@pytest.mark.parametrize("who", ["office", "facilitator", "coordinator", "team_member"])
def test_everyone_in_scope_may_read(client, request, selfcheck, who, name, source, methods):
    client.force_login(request.getfixturevalue(who))
    assert client.get(url_for(request, name, source)).status_code == 200


@pytest.mark.parametrize(("name", "source", "methods"), RUN_VIEWS)
@pytest.mark.parametrize("who", ["office", "team_member"])
def test_office_and_team_may_not_run_rounds(client, request, selfcheck, who, name, source, methods):
    client.force_login(request.getfixturevalue(who))
    url = url_for(request, name, source)
    for method in methods:
        data = {"status": RoundStatus.CLOSED, "perspective": Perspective.POLITICS}
        kwargs = {"data": data} if method == "POST" else {}
        assert call(client, method, url, **kwargs).status_code == 403
    selfcheck.refresh_from_db()
    assert selfcheck.status == RoundStatus.ADMINISTRATION
    assert not Invitation.objects.exists()
    assert SelfCheckRound.objects.count() == 1


def test_foreign_round_is_404_for_a_neighbour(client, coordinator, foreign_selfcheck):
    client.force_login(coordinator)
    assert client.get(foreign_selfcheck.get_absolute_url()).status_code == 404


# --- List --------------------------------------------------------------------------------


def test_round_list_shows_rounds_with_counts(
    client, coordinator, municipality, selfcheck, version, foreign_selfcheck
):
    ResponseFactory(round=selfcheck, submitted_at=timezone.now())
    ResponseFactory(round=selfcheck, submitted_at=timezone.now())
    ResponseFactory(round=selfcheck, perspective=Perspective.POLITICS, submitted_at=timezone.now())
    ResponseFactory(round=selfcheck, perspective=Perspective.POLITICS)  # only saved
    client.force_login(coordinator)
    response = client.get(reverse("selfcheck:round_list", args=[municipality.pk]))
    html = response.text
    assert "Selbstcheck 2021" in html
    assert foreign_selfcheck.title not in html
    assert reverse("selfcheck:round_create", args=[municipality.pk]) in html
    assert reverse("selfcheck:results", args=[selfcheck.pk]) in html
    (row,) = response.context["rounds"]
    assert [(value, count) for value, _label, count in row.perspective_counts] == [
        (Perspective.ADMINISTRATION, 2),
        (Perspective.POLITICS, 1),
    ]


def test_round_list_hides_the_new_button_from_office_and_team(
    client, office, team_member, municipality, selfcheck
):
    for user in (office, team_member):
        client.force_login(user)
        response = client.get(reverse("selfcheck:round_list", args=[municipality.pk]))
        assert reverse("selfcheck:round_create", args=[municipality.pk]) not in response.text


def test_round_list_query_count(
    client, coordinator, municipality, selfcheck, version, django_assert_max_num_queries
):
    for index in range(6):
        round_ = SelfCheckRoundFactory(
            municipality=municipality, version=version, baseline=selfcheck
        )
        ResponseFactory(round=round_, submitted_at=timezone.now())
    client.force_login(coordinator)
    with django_assert_max_num_queries(10):
        assert (
            client.get(reverse("selfcheck:round_list", args=[municipality.pk])).status_code == 200
        )


# --- Open a round ------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["coordinator", "facilitator"])
def test_round_create(client, request, municipality, version, selfcheck, who):
    client.force_login(request.getfixturevalue(who))
    url = reverse("selfcheck:round_create", args=[municipality.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert list(page.context["form"].fields["baseline"].queryset) == [selfcheck]
    response = client.post(url, {"title": "Selbstcheck 2023", "baseline": selfcheck.pk})
    round_ = SelfCheckRound.objects.get(title="Selbstcheck 2023")
    assert response.status_code == 302 and response["Location"] == round_.get_absolute_url()
    assert (round_.version, round_.baseline, round_.status) == (
        version,
        selfcheck,
        RoundStatus.ADMINISTRATION,
    )


def test_round_create_refuses_a_foreign_baseline(
    client, coordinator, municipality, version, foreign_selfcheck
):
    client.force_login(coordinator)
    url = reverse("selfcheck:round_create", args=[municipality.pk])
    response = client.post(url, {"title": "X", "baseline": foreign_selfcheck.pk})
    assert response.status_code == 200
    assert "baseline" in response.context["form"].errors
    assert not SelfCheckRound.objects.filter(municipality=municipality).exists()


def test_round_create_without_instrument_explains(client, coordinator, municipality, db):
    client.force_login(coordinator)
    url = reverse("selfcheck:round_create", args=[municipality.pk])
    from teilhabe.selfcheck.models import Instrument

    Instrument.objects.filter(key="selbstcheck").update(key="selbstcheck-default")
    response = client.post(url, {"title": "Selbstcheck"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not SelfCheckRound.objects.exists()


# --- Detail --------------------------------------------------------------------------------


def test_round_detail_for_the_coordinator(client, coordinator, selfcheck, invitation, items):
    ResponseFactory(round=selfcheck, department="Ordnungsamt", submitted_at=timezone.now())
    client.force_login(coordinator)
    response = client.get(selfcheck.get_absolute_url())
    html = response.text
    assert response.status_code == 200
    assert "Ordnungsamt" in html
    assert "http://testserver" + invitation.get_absolute_url() in html
    assert reverse("selfcheck:answer", args=[selfcheck.pk]) in html
    assert reverse("selfcheck:round_status", args=[selfcheck.pk]) in html
    assert reverse("selfcheck:invitation_create", args=[selfcheck.pk]) in html
    assert reverse("selfcheck:results", args=[selfcheck.pk]) in html
    assert reverse("selfcheck:workshop", args=[selfcheck.pk]) in html
    (row,) = response.context["invitations"]
    assert row["state"] == "planned"  # civil society waits for the administration
    assert [value for value, _label in response.context["statuses"]] == [
        RoundStatus.PERSPECTIVES,
        RoundStatus.CLOSED,
    ]


def test_round_detail_for_the_office_reads_only(client, office, selfcheck, invitation):
    client.force_login(office)
    html = client.get(selfcheck.get_absolute_url()).text
    assert reverse("selfcheck:round_status", args=[selfcheck.pk]) not in html
    assert reverse("selfcheck:invitation_create", args=[selfcheck.pk]) not in html
    assert reverse("selfcheck:answer", args=[selfcheck.pk]) not in html
    # A link lets anybody answer in the invited person's name: only for who runs the round.
    assert invitation.token not in html


def test_round_detail_for_a_team_member_offers_answering(client, team_member, selfcheck):
    client.force_login(team_member)
    html = client.get(selfcheck.get_absolute_url()).text
    assert reverse("selfcheck:answer", args=[selfcheck.pk]) in html
    assert reverse("selfcheck:round_status", args=[selfcheck.pk]) not in html


def test_invitation_states(client, coordinator, open_selfcheck, items):
    used = InvitationFactory(round=open_selfcheck, label="Benutzt")
    client.post(used.get_absolute_url(), {**complete_post(items), "submit": "1"})
    InvitationFactory(round=open_selfcheck, expires_at=timezone.now() - timedelta(days=1))
    started = InvitationFactory(round=open_selfcheck)
    client.post(started.get_absolute_url(), {"save": "1", **complete_post(items)})
    InvitationFactory(round=open_selfcheck)
    client.force_login(coordinator)
    response = client.get(open_selfcheck.get_absolute_url())
    assert [row["state"] for row in response.context["invitations"]] == [
        "done",
        "overdue",
        "in_progress",
        "draft",
    ]


# --- Status ----------------------------------------------------------------------------------


def test_status_refuses_perspectives_before_the_administration_answered(
    client, coordinator, selfcheck
):
    client.force_login(coordinator)
    url = reverse("selfcheck:round_status", args=[selfcheck.pk])
    response = client.post(url, {"status": RoundStatus.PERSPECTIVES}, follow=True)
    assert response.status_code == 200
    selfcheck.refresh_from_db()
    assert selfcheck.status == RoundStatus.ADMINISTRATION
    texts = [str(message) for message in response.context["messages"]]
    assert any("administration" in text.lower() or "verwaltung" in text.lower() for text in texts)


def test_status_moves_on_after_the_administration_answered(
    client, coordinator, team_member, selfcheck, invitation, items
):
    # The prepared civil-society link waits until the round moves on.
    assert client.get(invitation.get_absolute_url()).context["kind"] == "not_yet_open"
    submit_administration(selfcheck, team_member, items)
    client.force_login(coordinator)
    url = reverse("selfcheck:round_status", args=[selfcheck.pk])
    response = client.post(url, {"status": RoundStatus.PERSPECTIVES})
    assert response.status_code == 302
    selfcheck.refresh_from_db()
    assert selfcheck.status == RoundStatus.PERSPECTIVES
    client.logout()
    assert "form" in client.get(invitation.get_absolute_url()).context
    client.force_login(coordinator)
    client.post(url, {"status": RoundStatus.CLOSED, "confirm": "on"})
    selfcheck.refresh_from_db()
    assert selfcheck.status == RoundStatus.CLOSED and selfcheck.closed_on
    # Closed is final: no more status changes, no more invitations.
    assert client.post(url, {"status": RoundStatus.PERSPECTIVES}).status_code == 403


def test_status_refuses_going_back(client, coordinator, open_selfcheck):
    client.force_login(coordinator)
    url = reverse("selfcheck:round_status", args=[open_selfcheck.pk])
    client.post(url, {"status": RoundStatus.ADMINISTRATION})
    open_selfcheck.refresh_from_db()
    assert open_selfcheck.status == RoundStatus.PERSPECTIVES


def test_closing_needs_a_confirmation(client, coordinator, open_selfcheck):
    client.force_login(coordinator)
    url = reverse("selfcheck:round_status", args=[open_selfcheck.pk])
    response = client.post(url, {"status": RoundStatus.CLOSED})
    assert response.status_code == 400
    open_selfcheck.refresh_from_db()
    assert open_selfcheck.status == RoundStatus.PERSPECTIVES
    assert response.context["close_form"].errors["confirm"]
    # The error stands at the checkbox, linked to it.
    assert 'id="id_close_confirm_error"' in response.text
    response = client.post(url, {"status": RoundStatus.CLOSED, "confirm": "on"})
    assert response.status_code == 302
    open_selfcheck.refresh_from_db()
    assert open_selfcheck.status == RoundStatus.CLOSED


def test_closing_is_a_section_of_its_own_away_from_the_links(
    client, coordinator, selfcheck, invitation
):
    client.force_login(coordinator)
    html = client.get(selfcheck.get_absolute_url()).text
    status_url = reverse("selfcheck:round_status", args=[selfcheck.pk])
    invitations = html.split('<section id="invitations"')[1].split("</section>")[0]
    assert status_url not in invitations
    next_steps = html.split('aria-labelledby="next-heading"')[1].split("</section>")[0]
    assert 'value="closed"' not in next_steps  # not beside the everyday steps
    assert 'value="perspectives"' in next_steps
    close = html.split('<section id="close"')[1].split("</section>")[0]
    assert status_url in close
    assert 'name="confirm"' in close and 'value="closed"' in close
    assert html.index('<section id="close"') > html.index('<section id="invitations"')


def test_a_closed_round_offers_no_closing(client, coordinator, selfcheck):
    selfcheck.status = RoundStatus.CLOSED
    selfcheck.save(update_fields=["status"])
    client.force_login(coordinator)
    html = client.get(selfcheck.get_absolute_url()).text
    assert '<section id="close"' not in html


# --- Invitations ----------------------------------------------------------------------------


def test_each_link_says_whom_it_is_for_and_can_be_copied(client, coordinator, selfcheck):
    InvitationFactory(round=selfcheck, perspective="politics", label="Gemeinderat")
    plain = InvitationFactory(round=selfcheck, perspective="residents", label="")
    client.force_login(coordinator)
    html = client.get(selfcheck.get_absolute_url()).text
    invitations = html.split('<section id="invitations"')[1].split("</section>")[0]
    for invitation in Invitation.objects.all():
        field_id = f"invitation-link-{invitation.pk}"
        label = invitations.split(f'<label for="{field_id}">')[1].split("</label>")[0]
        assert invitation.get_perspective_display() in label
        assert invitation.label in label
        field = invitations.split(f'id="{field_id}"')[1].split(">")[0]
        assert "readonly" in field
        assert invitation.token in field
        # The copy button is there for JavaScript to reveal; hidden without it.
        button = invitations.split(f'data-copy-target="{field_id}"')[0].rsplit("<button", 1)[1]
        assert "hidden" in button and 'type="button"' in button
    assert "Einwohner*innen" in invitations and plain.token in invitations
    assert 'src="/static/selfcheck/invitations.js"' in html
    assert "<script>" not in html  # the CSP forbids inline scripts


def test_invitation_create_without_email(client, coordinator, selfcheck):
    client.force_login(coordinator)
    url = reverse("selfcheck:invitation_create", args=[selfcheck.pk])
    response = client.post(url, {"perspective": Perspective.ADMINISTRATION, "label": "Bauamt"})
    assert response.status_code == 302
    assert response["Location"].endswith("#invitations")
    invitation = Invitation.objects.get()
    assert (invitation.perspective, invitation.label, invitation.created_by) == (
        Perspective.ADMINISTRATION,
        "Bauamt",
        coordinator,
    )
    assert len(invitation.token) >= 32
    assert mail.outbox == []


def test_invitation_create_sends_the_link_by_mail(
    client, facilitator, selfcheck, django_capture_on_commit_callbacks
):
    client.force_login(facilitator)
    url = reverse("selfcheck:invitation_create", args=[selfcheck.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url,
            {
                "perspective": Perspective.MIGRANT_ORGANISATIONS,
                "label": "Türkischer Elternverein",
                "email": "verein@example.org",
            },
        )
    invitation = Invitation.objects.get()
    (message,) = mail.outbox
    assert message.to == ["verein@example.org"]
    assert f"http://testserver{invitation.get_absolute_url()}" in message.body
    assert "Neckarbrück" in message.body
    assert "&#x27;" not in message.body and "&quot;" not in message.body


def test_invitation_link_survives_a_failing_mail_server(
    client, settings, facilitator, selfcheck, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    client.force_login(facilitator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("selfcheck:invitation_create", args=[selfcheck.pk]),
            {"perspective": Perspective.POLITICS, "email": "rat@example.org"},
        )
    assert response.status_code == 302
    assert response["Location"] == f"{selfcheck.get_absolute_url()}#invitations"
    invitation = Invitation.objects.get()
    outgoing = OutgoingMail.objects.get()
    assert outgoing.status == MailStatus.FAILED
    assert outgoing.caused_by == facilitator
    assert "Connection refused" in outgoing.last_error

    settings.EMAIL_BACKEND = LOCMEM
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("dashboards:mail_send_again", args=[outgoing.pk]))
    (message,) = mail.outbox
    assert message.to == ["rat@example.org"]
    assert f"http://testserver{invitation.get_absolute_url()}" in message.body


def test_invitation_create_invalid(client, coordinator, selfcheck):
    client.force_login(coordinator)
    url = reverse("selfcheck:invitation_create", args=[selfcheck.pk])
    response = client.post(url, {"perspective": "nobody", "email": "no-address"})
    assert response.status_code == 400
    assert set(response.context["invitation_form"].errors) == {"perspective", "email"}
    assert not Invitation.objects.exists()


def test_invitation_create_htmx_returns_the_section(client, coordinator, selfcheck):
    client.force_login(coordinator)
    url = reverse("selfcheck:invitation_create", args=[selfcheck.pk])
    response = client.post(
        url, {"perspective": Perspective.POLITICS, "label": "Gemeinderat"}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert "<html" not in response.text
    assert '<section id="invitations"' in response.text
    assert "Gemeinderat" in response.text
    assert Invitation.objects.get().get_absolute_url() in response.text
    invalid = client.post(url, {"perspective": "nobody"}, HTTP_HX_REQUEST="true")
    assert '<section id="invitations"' in invalid.text
    assert invalid.context["invitation_form"].errors


# --- Links from other pages ----------------------------------------------------------------


def test_links_to_the_self_check(client, coordinator, office, municipality, process):
    url = reverse("selfcheck:round_list", args=[municipality.pk])
    client.force_login(coordinator)
    assert url in client.get(reverse("dashboards:dashboard")).text
    assert url in client.get(process.get_absolute_url()).text
    assert url in client.get(municipality.get_absolute_url()).text
    assert (
        reverse("selfcheck:instrument_list") not in client.get(reverse("dashboards:dashboard")).text
    )
    client.force_login(office)
    assert reverse("selfcheck:instrument_list") in client.get(reverse("dashboards:dashboard")).text


def test_round_detail_query_count(
    client, coordinator, open_selfcheck, items, django_assert_max_num_queries
):
    for index in range(8):
        invitation = InvitationFactory(round=open_selfcheck, label=f"Verein {index}")
        ResponseFactory(round=open_selfcheck, invitation=invitation, perspective="civil_society")
    client.force_login(coordinator)
    with django_assert_max_num_queries(12):
        assert client.get(open_selfcheck.get_absolute_url()).status_code == 200
