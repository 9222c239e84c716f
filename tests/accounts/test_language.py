"""The UI language: the person's choice, then the browser's Accept-Language, then German."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
PROFILE = reverse("accounts:profile")


def lang(response) -> str:
    return response.text.split('<html lang="', 1)[1].split('"', 1)[0]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("en-GB,en;q=0.9", "en"),
        ("en-US", "en"),
        ("de-DE,de;q=0.9,en;q=0.8", "de"),
        ("fr-FR,fr;q=0.9", "de"),  # neither language: German
        ("", "de"),
    ],
)
def test_anonymous_follow_the_browser_with_german_as_fallback(client, accept, expected):
    response = client.get(LOGIN, headers={"accept-language": accept} if accept else {})
    assert lang(response) == expected


def test_a_person_without_a_choice_follows_the_browser(client, coordinator):
    assert coordinator.preferred_language == ""
    client.force_login(coordinator)
    assert lang(client.get(PROFILE, headers={"accept-language": "en"})) == "en"
    assert lang(client.get(PROFILE, headers={"accept-language": "fr"})) == "de"


def test_the_person_s_choice_wins_over_the_browser(client, coordinator):
    coordinator.preferred_language = "de"
    coordinator.save()
    client.force_login(coordinator)
    assert lang(client.get(PROFILE, headers={"accept-language": "en-GB,en"})) == "de"


def test_the_language_switch_is_stored_on_the_person(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    coordinator.refresh_from_db()
    assert coordinator.preferred_language == "en"

    # Another browser (no cookie) asking for German: the stored choice decides.
    other = client.__class__()
    other.force_login(coordinator)
    assert lang(other.get(PROFILE, headers={"accept-language": "de"})) == "en"


def test_the_language_switch_without_login_only_sets_the_cookie(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert client.cookies["django_language"].value == "en"
    assert lang(client.get(LOGIN, headers={"accept-language": "de"})) == "en"


def test_an_unknown_language_changes_nothing(client, coordinator):
    client.force_login(coordinator)
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    coordinator.refresh_from_db()
    assert coordinator.preferred_language == ""


def test_choosing_the_browser_language_in_the_profile_forgets_the_choice(client, coordinator):
    coordinator.preferred_language = "en"
    coordinator.save()
    client.force_login(coordinator)
    response = client.post(PROFILE, {"full_name": coordinator.full_name, "preferred_language": ""})
    assert response.status_code == 302
    coordinator.refresh_from_db()
    assert coordinator.preferred_language == ""
    assert lang(client.get(PROFILE, headers={"accept-language": "de"})) == "de"
    assert lang(client.get(PROFILE, headers={"accept-language": "en"})) == "en"
