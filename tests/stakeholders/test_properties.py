"""Property-based tests (Hypothesis) for what stakeholders takes from people
(issue 8): the actor form and page, and the import with any bytes as a file. No
server error for any input, nothing half-saved after a refusal.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from teilhabe.stakeholders import services
from teilhabe.stakeholders.forms import ActorForm
from teilhabe.stakeholders.models import Actor, ActorKind, Assessment, Participation
from tests.properties import (
    PROPERTY,
    VIEW_PROPERTY,
    any_date,
    date_strings,
    each_example,
    scale_values,
    texts,
)
from tests.stakeholders.transfer_factories import csv_upload

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


@PROPERTY
@given(influence=scale_values, attitude=scale_values, note=texts)
def test_assess_refuses_with_validation_error_only(person, coordinator, influence, attitude, note):
    with each_example():
        try:
            services.assess(
                person, influence=influence, attitude=attitude, note=note, by=coordinator
            )
        except ValidationError:
            assert not Assessment.objects.filter(actor=person).exists()


@VIEW_PROPERTY
@given(influence=st.one_of(st.integers().map(str), texts), attitude=texts, note=texts)
def test_assess_page_answers_any_input(
    client, coordinator, process, person, influence, attitude, note
):
    url = reverse("stakeholders:actor_assess", args=[person.pk])
    with each_example():
        client.force_login(coordinator)
        response = client.post(url, {"influence": influence, "attitude": attitude, "note": note})
        assert response.status_code in (302, 400)
        expected = 1 if response.status_code == 302 else 0
        assert Assessment.objects.filter(actor=person).count() == expected


@PROPERTY
@given(
    invited_on=st.one_of(st.none(), any_date),
    took_part_on=st.one_of(st.none(), any_date),
    note=texts,
)
def test_record_participation_refuses_with_validation_error_only(
    person, block, coordinator, invited_on, took_part_on, note
):
    with each_example():
        involvement = Actor.objects.get(pk=person.pk).involvement
        try:
            services.record_participation(
                person,
                block,
                invited_on=invited_on,
                took_part_on=took_part_on,
                note=note,
                by=coordinator,
            )
        except ValidationError:
            assert not Participation.objects.exists()
            assert Actor.objects.get(pk=person.pk).involvement == involvement


@VIEW_PROPERTY
@given(invited_on=date_strings, took_part_on=date_strings, note=texts)
def test_participation_page_answers_any_input(
    client, coordinator, process, person, block, invited_on, took_part_on, note
):
    url = reverse("stakeholders:participation_add", args=[person.pk])
    data = {"block": block.pk, "invited_on": invited_on, "took_part_on": took_part_on, "note": note}
    with each_example():
        client.force_login(coordinator)
        response = client.post(url, data)
        assert response.status_code in (302, 400)
        if response.status_code == 400:
            assert not Participation.objects.exists()


cells = st.one_of(texts, st.sampled_from(["Person", "Organisation", "welfare", "1", "5", "9"]))


@VIEW_PROPERTY
@given(rows=st.lists(st.lists(cells, min_size=1, max_size=12), min_size=1, max_size=4))
def test_import_and_confirm_answer_any_cells(client, coordinator, municipality, process, rows):
    """Any cell values: refused rows show in the preview, confirmed rows are stored whole."""
    urls = {
        name: reverse(f"stakeholders:{name}", args=[municipality.pk])
        for name in ("actor_import", "actor_import_confirm")
    }
    with each_example():
        client.force_login(coordinator)
        before = Actor.objects.count()
        response = client.post(urls["actor_import"], {"file": csv_upload(rows)})
        assert response.status_code in (200, 400)
        assert Actor.objects.count() == before
        form = (response.context or {}).get("confirm_form")
        if form is None:
            return
        confirmed = client.post(urls["actor_import_confirm"], {"token": form.initial["token"]})
        assert confirmed.status_code in (200, 302, 400)
