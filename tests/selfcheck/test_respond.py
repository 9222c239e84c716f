"""Answering: staff with an account (answer_as_member) and by invitation link (respond)."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from teilhabe.selfcheck.models import Answer, ItemKind, Perspective, Response, RoundStatus
from tests.selfcheck.conftest import complete_post
from tests.selfcheck.factories import InvitationFactory, ItemFactory, ResponseFactory


def answer_url(round_):
    return reverse("selfcheck:answer", args=[round_.pk])


def respond_url(invitation):
    return reverse("selfcheck:respond", args=[invitation.token])


# --- Permissions of answer_as_member ------------------------------------------------------


def test_answer_anonymous_is_sent_to_login(client, selfcheck):
    for method in ("get", "post"):
        response = getattr(client, method)(answer_url(selfcheck))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))


def test_answer_wrong_method(client, coordinator, selfcheck):
    client.force_login(coordinator)
    assert client.delete(answer_url(selfcheck)).status_code == 405


@pytest.mark.parametrize("who", ["outsider", "other_facilitator", "other_office"])
def test_answer_out_of_scope_is_404(client, request, selfcheck, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(answer_url(selfcheck)).status_code == 404
    assert client.post(answer_url(selfcheck), {}).status_code == 404


@pytest.mark.parametrize("who", ["office", "facilitator"])
def test_only_municipal_staff_answer_as_administration(client, request, selfcheck, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(answer_url(selfcheck)).status_code == 403
    assert client.post(answer_url(selfcheck), {}).status_code == 403
    assert not Response.objects.exists()


@pytest.mark.parametrize("who", ["coordinator", "team_member"])
def test_staff_see_the_questionnaire(client, request, selfcheck, items, who):
    client.force_login(request.getfixturevalue(who))
    response = client.get(answer_url(selfcheck))
    assert response.status_code == 200
    # The first visit starts with how the answers are used, before any question.
    assert response.context["step"].kind == "intro"
    step = client.get(answer_url(selfcheck) + "?step=1")
    assert step.status_code == 200
    html = step.text
    assert "Haltung und Leitbild" in html and "Ressourcen und Zuständigkeiten" in html
    assert "<legend" in html and "<fieldset" in html
    # Opening the pages creates nothing yet.
    assert not Response.objects.exists()


def test_answer_in_a_closed_round_is_forbidden(client, team_member, selfcheck):
    selfcheck.status = RoundStatus.CLOSED
    selfcheck.save(update_fields=["status"])
    client.force_login(team_member)
    assert client.get(answer_url(selfcheck)).status_code == 403


# --- The questionnaire's markup -------------------------------------------------------------


def test_questionnaire_markup_is_accessible(client, team_member, selfcheck, items):
    client.force_login(team_member)
    html = "".join(client.get(f"{answer_url(selfcheck)}?step={n}").text for n in (0, 1, 2))
    likert = items["leitbild"]
    yes_no = items["beauftragte"]
    text = items["anmerkungen"]
    # Likert: 1-5 plus a separate "don't know" in one radio group, help text linked.
    for value in ("1", "2", "3", "4", "5", "dont_know"):
        assert f'name="item_{likert.pk}" value="{value}"' in html
    assert 'option-dont-know"' in html
    assert f'aria-describedby="id_item_{likert.pk}_helptext' in html
    assert f'id="id_item_{likert.pk}_helptext"' in html
    assert "Gemeint ist ein schriftliches Dokument." in html
    for value in ("yes", "no", "dont_know"):
        assert f'name="item_{yes_no.pk}" value="{value}"' in html
    assert f'<textarea name="item_{text.pk}"' in html
    assert 'name="department"' in html
    assert 'name="save"' in html and 'name="next"' in html and 'name="back"' in html
    assert 'name="submit"' in client.get(f"{answer_url(selfcheck)}?step=3").text
    # No "required" attribute: saving half the questionnaire must be possible.
    assert " required" not in html.split('class="questionnaire"')[1]


def test_questionnaire_query_count_does_not_grow_with_items(
    client, team_member, selfcheck, version, items
):
    client.force_login(team_member)
    url = answer_url(selfcheck)
    ResponseFactory(round=selfcheck, respondent=team_member)
    client.get(url)  # warm up session and caches
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    field = version.fields.first()
    for index in range(12):
        ItemFactory(field=field, kind=[ItemKind.LIKERT, ItemKind.YES_NO, ItemKind.TEXT][index % 3])
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)
    assert len(small) <= 12


# --- Saving and submitting ------------------------------------------------------------------


def test_save_and_continue_keeps_answers_which_can_still_change(
    client, team_member, selfcheck, items
):
    client.force_login(team_member)
    url = answer_url(selfcheck)
    data = {f"item_{items['leitbild'].pk}": "2", "department": "Ordnungsamt", "save": "1"}
    response = client.post(url, data, follow=True)
    assert response.status_code == 200
    assert "Nothing is final" in response.text or "nicht endgültig" in response.text
    saved = Response.objects.get(respondent=team_member)
    assert saved.perspective == Perspective.ADMINISTRATION
    assert saved.department == "Ordnungsamt"
    assert not saved.is_submitted
    assert saved.answers.get().scale == 2
    # The page shows the stored answer and it can still change.
    assert response.context["form"][f"item_{items['leitbild'].pk}"].value() == "2"
    assert re.search(
        rf'value="2" [^>]*id="id_item_{items["leitbild"].pk}_1" checked', response.text
    )
    client.post(url, {f"item_{items['leitbild'].pk}": "dont_know", "save": "1"})
    answer = Answer.objects.get(response=saved)
    assert answer.dont_know and answer.scale is None
    assert Answer.objects.count() == 1


def test_submit_with_missing_items_lists_exactly_them(client, team_member, selfcheck, items):
    client.force_login(team_member)
    data = {
        f"item_{items['leitbild'].pk}": "5",
        f"item_{items['anmerkungen'].pk}": "Mehr Personal wäre gut.",
        "submit": "1",
    }
    response = client.post(answer_url(selfcheck), data)
    assert response.status_code == 400
    assert [item.key for item, _step in response.context["missing"]] == ["beauftragte", "budget"]
    summary = response.text.split('class="form-errors error-summary"')[1].split("</div>")[0]
    # Each link leads to the question on its step.
    assert f'href="?step=1#id_item_{items["beauftragte"].pk}"' in summary
    assert f'href="?step=2#id_item_{items["budget"].pk}"' in summary
    assert "Haltung und Leitbild: Es gibt eine hauptamtliche" in summary
    assert "Ressourcen und Zuständigkeiten: Für Integration" in summary
    assert f"#id_item_{items['leitbild'].pk}" not in summary
    assert f"#id_item_{items['anmerkungen'].pk}" not in summary
    # Everything typed is kept on the page and saved as a draft, nothing final.
    assert "Mehr Personal wäre gut." in response.text
    saved = Response.objects.get(respondent=team_member)
    assert not saved.is_submitted
    assert saved.answers.count() == 2


def test_dont_know_counts_as_answered(client, team_member, selfcheck, items):
    client.force_login(team_member)
    data = complete_post(items, leitbild="dont_know", beauftragte="dont_know", budget="dont_know")
    data["submit"] = "1"
    response = client.post(answer_url(selfcheck), data)
    assert response.status_code == 302
    saved = Response.objects.get(respondent=team_member)
    assert saved.is_submitted
    assert saved.answers.filter(dont_know=True).count() == 3


def test_submit_makes_answers_final(client, team_member, selfcheck, items):
    client.force_login(team_member)
    url = answer_url(selfcheck)
    data = {**complete_post(items), "submit": "1"}
    assert client.post(url, data).status_code == 302
    saved = Response.objects.get(respondent=team_member)
    assert saved.is_submitted and saved.department == "Personalamt"
    page = client.get(url)
    assert page.status_code == 200
    assert (
        "Thank you, your answers were submitted." in page.text
        or "Danke! Ihre Antworten sind abgesendet." in page.text
    )
    assert 'name="submit"' not in page.text
    # Read-only: the staff member sees the answers given.
    assert "4 – rather applies" in page.text or "trifft eher zu" in page.text
    # A second POST changes nothing.
    again = client.post(url, {**complete_post(items, leitbild="1"), "submit": "1"})
    assert again.status_code == 409
    assert Answer.objects.get(response=saved, item=items["leitbild"]).scale == 4


def test_invalid_choice_is_an_error(client, team_member, selfcheck, items):
    client.force_login(team_member)
    response = client.post(answer_url(selfcheck), {f"item_{items['leitbild'].pk}": "9"})
    assert response.status_code == 400
    assert not Response.objects.exists()


# --- Invitation links ------------------------------------------------------------------------


def test_respond_unknown_token_is_404(client, db):
    url = reverse("selfcheck:respond", args=["no-such-token"])
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404


def test_respond_wrong_method(client, invitation):
    assert client.delete(respond_url(invitation)).status_code == 405


def test_respond_valid_link_works_without_an_account(client, open_selfcheck, items):
    invitation = InvitationFactory(round=open_selfcheck, perspective=Perspective.POLITICS)
    response = client.get(respond_url(invitation))
    assert response.status_code == 200
    html = response.text
    assert "Neckarbrück" in html and "Selbstcheck 2021" in html
    assert "Politics" in html or "Politik" in html
    # Nothing internal leaks: no label, no other invitation, no staff names, no navigation.
    assert "Integrationsbeirat" not in html
    assert "Sabine Wolf" not in html
    assert reverse("selfcheck:round_detail", args=[open_selfcheck.pk]) not in html
    assert 'aria-label="Main navigation"' not in html and "Hauptnavigation" not in html


def test_respond_save_continue_and_submit(client, open_selfcheck, items):
    invitation = InvitationFactory(round=open_selfcheck, perspective=Perspective.POLITICS)
    url = respond_url(invitation)
    client.post(url, {f"item_{items['budget'].pk}": "1", "department": "Gemeinderat", "save": "1"})
    response = Response.objects.get(invitation=invitation)
    assert response.perspective == Perspective.POLITICS
    assert response.answers.get().scale == 1
    # Coming back with the same link (another browser) shows the saved answers.
    other_browser = client.__class__()
    page = other_browser.get(url)
    assert page.status_code == 200
    assert page.context["step"].number == 1  # the first step with an open question
    assert "Gemeinderat" in other_browser.get(url + "?step=0").text
    page = other_browser.get(url + "?step=2")
    assert page.context["form"][f"item_{items['budget'].pk}"].value() == "1"
    assert client.post(url, {**complete_post(items), "submit": "1"}).status_code == 302
    response.refresh_from_db()
    assert response.is_submitted
    assert response.answers.get(item=items["budget"]).dont_know


def test_respond_used_link_is_a_friendly_thank_you(client, open_selfcheck, items):
    invitation = InvitationFactory(round=open_selfcheck, perspective=Perspective.POLITICS)
    client.post(respond_url(invitation), {**complete_post(items), "submit": "1"})
    page = client.get(respond_url(invitation))
    assert page.status_code == 200
    assert page.context["kind"] == "submitted"
    assert 'name="submit"' not in page.text
    again = client.post(respond_url(invitation), {**complete_post(items, leitbild="1")})
    assert again.status_code == 409
    assert Answer.objects.get(item=items["leitbild"]).scale == 4


def test_respond_expired_link_is_410(client, open_selfcheck):
    invitation = InvitationFactory(
        round=open_selfcheck, expires_at=timezone.now() - timedelta(minutes=1)
    )
    for method in ("get", "post"):
        page = getattr(client, method)(respond_url(invitation))
        assert page.status_code == 410
        assert page.context["kind"] == "expired"
        assert "ask the person who invited you" in page.text or "eingeladen" in page.text
    assert not Response.objects.exists()


def test_respond_closed_round(client, selfcheck):
    invitation = InvitationFactory(round=selfcheck, perspective=Perspective.ADMINISTRATION)
    selfcheck.status = RoundStatus.CLOSED
    selfcheck.save(update_fields=["status"])
    page = client.get(respond_url(invitation))
    assert page.status_code == 200
    assert page.context["kind"] == "closed"
    assert 'name="submit"' not in page.text
    assert client.post(respond_url(invitation), {"save": "1"}).context["kind"] == "closed"
    assert not Response.objects.exists()


def test_respond_perspective_not_open_yet(client, invitation, items):
    # The round is still in the administration phase: civil society waits.
    page = client.get(respond_url(invitation))
    assert page.status_code == 200
    assert page.context["kind"] == "not_yet_open"
    client.post(respond_url(invitation), {**complete_post(items), "submit": "1"})
    assert not Response.objects.exists()


def test_administration_invitation_works_in_the_administration_phase(
    client, admin_invitation, items
):
    url = respond_url(admin_invitation)
    assert client.get(url).status_code == 200
    assert client.post(url, {**complete_post(items), "submit": "1"}).status_code == 302
    response = Response.objects.get(invitation=admin_invitation)
    assert response.is_submitted and response.perspective == Perspective.ADMINISTRATION
    assert response.respondent is None


def test_respond_query_count_does_not_grow_with_items(client, open_selfcheck, version, items):
    invitation = InvitationFactory(round=open_selfcheck, perspective=Perspective.POLITICS)
    url = respond_url(invitation)
    client.post(url, {f"item_{items['budget'].pk}": "1", "save": "1"})
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    for _index in range(10):
        ItemFactory(field=version.fields.last())
    with CaptureQueriesContext(connection) as large:
        assert client.get(url).status_code == 200
    assert len(large) == len(small)
