"""Pages reached through a token in the URL are never stored by a browser or proxy.

The link is the credential: a shared computer's cache or a proxy that kept the page
would hand the questionnaire (and its answers) to the next person (issue 8).
"""

from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from teilhabe.accounts.services import password_set_url
from teilhabe.selfcheck.models import RoundStatus
from tests.selfcheck.conftest import complete_post
from tests.selfcheck.factories import ResponseFactory

# Every URL pattern whose route carries a token, and the test below that checks it.
TOKEN_PAGES = {"accounts:password_reset_confirm", "selfcheck:respond"}


def _token_routes(resolver=None, namespace=""):
    for entry in (resolver or get_resolver()).url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _token_routes(entry, inner)
        elif isinstance(entry, URLPattern) and "token" in entry.pattern.converters:
            yield f"{namespace}{entry.name}"


def test_every_url_with_a_token_is_checked_here():
    assert set(_token_routes()) == TOKEN_PAGES


def assert_not_stored(response):
    assert "no-store" in response.get("Cache-Control", ""), response.get("Cache-Control")


def respond_url(invitation):
    return reverse("selfcheck:respond", args=[invitation.token])


def test_questionnaire_by_link_is_not_stored(client, invitation, open_selfcheck, items):
    assert_not_stored(client.get(respond_url(invitation)))
    post = client.post(respond_url(invitation), complete_post(items))
    assert post.status_code == 302
    assert_not_stored(post)
    # The thank-you page of a submitted response shows no answers, but is the same URL.
    client.post(respond_url(invitation), {**complete_post(items), "submit": "1"})
    assert_not_stored(client.get(respond_url(invitation)))


def test_questionnaire_with_missing_answers_is_not_stored(
    client, invitation, open_selfcheck, items
):
    response = client.post(
        respond_url(invitation), {**complete_post(items, leitbild=None), "submit": "1"}
    )
    assert response.status_code == 400
    assert_not_stored(response)


def test_notices_behind_a_link_are_not_stored(client, invitation, selfcheck):
    assert_not_stored(client.get(respond_url(invitation)))  # not open yet
    selfcheck.status = RoundStatus.CLOSED
    selfcheck.save(update_fields=["status"])
    assert_not_stored(client.get(respond_url(invitation)))
    invitation.expires_at = timezone.now() - timedelta(days=1)
    invitation.save(update_fields=["expires_at"])
    assert_not_stored(client.get(respond_url(invitation)))


def test_submitted_answers_shown_to_staff_are_not_stored(client, team_member, selfcheck, items):
    client.force_login(team_member)
    url = reverse("selfcheck:answer", args=[selfcheck.pk])
    assert_not_stored(client.get(url))
    ResponseFactory(round=selfcheck, respondent=team_member, submitted_at=timezone.now())
    assert_not_stored(client.get(url))


@pytest.mark.parametrize("follow_token", [False, True])
def test_password_set_page_of_an_invitation_is_not_stored(client, team_member, follow_token):
    # Accepting an invitation is choosing a password through this link.
    response = client.get(password_set_url(team_member), follow=follow_token)
    assert response.status_code in (200, 302)
    assert_not_stored(response)


def test_referrer_policy_keeps_token_urls_on_our_site(client, invitation):
    # The token is in the path: it must never reach another site through the Referer.
    assert client.get(respond_url(invitation))["Referrer-Policy"] in {"same-origin", "no-referrer"}
