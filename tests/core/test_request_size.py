"""Oversized requests are refused by their Content-Length, before the body is read."""

import pytest
from django.conf import settings
from django.urls import reverse

from teilhabe.stakeholders.models import ImportPreview
from tests.conftest import login
from tests.stakeholders.transfer_factories import xlsx_upload

pytestmark = pytest.mark.django_db


class UnreadableBody:
    """A request body that fails the test if anybody reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


def _import_url(municipality) -> str:
    return reverse("stakeholders:actor_import", args=[municipality.pk])


def test_the_limit_is_the_largest_upload_plus_room_for_the_form():
    file_limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    assert file_limit < settings.MAX_REQUEST_BYTES <= file_limit + 2 * 1024 * 1024


@pytest.mark.parametrize("logged_in", [False, True])
def test_a_declared_huge_body_is_refused_unread(client, municipality, coordinator, logged_in):
    if logged_in:
        login(client, coordinator)
    response = client.post(
        _import_url(municipality),
        data=b"x",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(500 * 1024 * 1024),
        **{"wsgi.input": UnreadableBody()},
    )
    assert response.status_code == 413
    assert response["Connection"] == "close"
    html = response.content.decode()
    # German, the default language: the page is made before the language is chosen.
    assert "Datei zu groß" in html or "File too large" in html
    assert f"{settings.MAX_UPLOAD_MB} MB" in html


def test_a_real_body_just_over_the_limit_is_refused(client, municipality, coordinator, settings):
    settings.MAX_UPLOAD_MB = 1
    settings.MAX_REQUEST_BYTES = 2 * 1024 * 1024
    login(client, coordinator)
    big = b"x" * (settings.MAX_REQUEST_BYTES + 1)
    response = client.post(
        _import_url(municipality), data=big, content_type="application/octet-stream"
    )
    assert response.status_code == 413
    assert not ImportPreview.objects.exists()


def test_a_body_within_the_limit_reaches_the_view(client, municipality, coordinator, process):
    login(client, coordinator)
    response = client.post(_import_url(municipality), {"file": xlsx_upload([["Verein"]])})
    assert response.status_code == 200
    assert response.templates[0].name == "stakeholders/actor_import_preview.html"
