"""Imprint, privacy policy and accessibility statement: public, in the footer, operator's text."""

import pytest
from django.urls import reverse

from teilhabe.core.models import LegalPage

KINDS = ["imprint", "privacy", "accessibility"]


@pytest.mark.django_db
@pytest.mark.parametrize("kind", KINDS)
def test_legal_pages_are_public_and_built_from_the_operator_settings(client, settings, kind):
    settings.OPERATOR = {
        **settings.OPERATOR,
        "name": "Landesamt für Teilhabe",
        "email": "info@landesamt.example",
        "data_protection_officer": "dsb@landesamt.example",
        "accessibility_contact": "barrieren@landesamt.example",
    }
    response = client.get(reverse("core:legal", args=[kind]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Landesamt für Teilhabe" in text
    expected = {
        "imprint": "info@landesamt.example",
        "privacy": "dsb@landesamt.example",
        "accessibility": "barrieren@landesamt.example",
    }[kind]
    assert f'href="mailto:{expected}"' in text


@pytest.mark.django_db
def test_the_footer_links_all_three_pages_on_the_login_page(client):
    text = client.get(reverse("accounts:login")).content.decode()
    for kind, label in [
        ("imprint", "Impressum"),
        ("privacy", "Datenschutzerklärung"),
        ("accessibility", "Erklärung zur Barrierefreiheit"),
    ]:
        assert f'href="{reverse("core:legal", args=[kind])}"' in text
        assert label in text


@pytest.mark.django_db
def test_the_operators_own_text_replaces_the_default_and_stays_plain_text(client):
    LegalPage.objects.create(
        kind="imprint", text_de="Stadt Musterhausen\n\nDer Bürgermeister <script>x()</script>"
    )
    text = client.get(reverse("core:legal", args=["imprint"])).content.decode()
    assert "Stadt Musterhausen" in text
    assert "<script>x()" not in text and "&lt;script&gt;" in text
    assert "Programmbüro Teilhabe (Demo)" not in text.split("<main")[1].split("</main>")[0]


@pytest.mark.django_db
def test_english_visitors_get_the_german_text_when_there_is_no_english_one(client):
    LegalPage.objects.create(kind="privacy", text_de="Nur auf Deutsch verbindlich.")
    client.cookies["django_language"] = "en"
    text = client.get(reverse("core:legal", args=["privacy"])).content.decode()
    assert "Nur auf Deutsch verbindlich." in text
    assert "Privacy policy" in text


@pytest.mark.django_db
def test_english_default_text_for_english_visitors(client):
    client.cookies["django_language"] = "en"
    text = client.get(reverse("core:legal", args=["accessibility"])).content.decode()
    assert "partially compliant" in text


@pytest.mark.django_db
def test_an_unknown_legal_page_is_not_found(client):
    assert client.get("/legal/cookies/").status_code == 404
