"""Property-based tests (Hypothesis) for what stakeholders takes from people
(issue 8): the actor form and page, and the import with any bytes as a file. No
server error for any input, nothing half-saved after a refusal.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from teilhabe.stakeholders.forms import ActorForm
from teilhabe.stakeholders.models import Actor, ActorKind
from tests.properties import PROPERTY, VIEW_PROPERTY, each_example, texts

pytestmark = pytest.mark.django_db

kinds = st.one_of(st.sampled_from([ActorKind.PERSON, ActorKind.ORGANISATION]), texts)


def _actor_data(kind, name, email, website, notes, languages) -> dict:
    return {
        "kind": kind,
        "name": name,
        "email": email,
        "website": website,
        "notes": notes,
        "languages": languages,
        "involvement": "known",
    }


@VIEW_PROPERTY
@given(kind=kinds, name=texts, email=texts, website=texts, notes=texts, languages=texts)
def test_actor_create_page_answers_any_input(
    client, coordinator, municipality, process, kind, name, email, website, notes, languages
):
    url = reverse("stakeholders:actor_create", args=[municipality.pk])
    with each_example():
        client.force_login(coordinator)
        before = Actor.objects.count()
        response = client.post(url, _actor_data(kind, name, email, website, notes, languages))
        assert response.status_code in (200, 302)
        assert Actor.objects.count() == before + (1 if response.status_code == 302 else 0)


@PROPERTY
@given(kind=kinds, name=texts, email=texts, website=texts, notes=texts, languages=texts)
def test_actor_form_never_raises(municipality, kind, name, email, website, notes, languages):
    form = ActorForm(
        _actor_data(kind, name, email, website, notes, languages),
        instance=Actor(municipality=municipality),
    )
    form.is_valid()


import_files = st.builds(
    lambda content, name: SimpleUploadedFile(name, content, "application/octet-stream"),
    content=st.one_of(
        st.binary(max_size=4096),
        st.binary(max_size=256).map(lambda tail: b"PK\x03\x04" + tail),
        st.text(max_size=400).map(lambda text: ("Name;Art\n" + text).encode("utf-8", "replace")),
    ),
    name=st.sampled_from(["akteure.xlsx", "akteure.csv", "akteure.txt", "akteure", "a.XLSX"]),
)


@VIEW_PROPERTY
@given(upload=import_files)
def test_import_answers_any_file(client, coordinator, municipality, process, upload):
    url = reverse("stakeholders:actor_import", args=[municipality.pk])
    with each_example():
        client.force_login(coordinator)
        before = Actor.objects.count()
        response = client.post(url, {"file": upload})
        assert response.status_code in (200, 302, 400, 413)
        # The upload only previews: nothing is stored before the confirmation.
        assert Actor.objects.count() == before
