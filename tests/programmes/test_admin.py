"""The admin goes through the services where an action has consequences."""

import pytest
from django.urls import reverse

from teilhabe.processes.models import CatalogueStatus
from teilhabe.programmes.models import Programme
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def operator(db):
    return UserFactory(is_staff=True, is_superuser=True)


def test_a_programme_added_in_the_admin_gets_its_catalogue(client, operator):
    client.force_login(operator)
    response = client.post(
        reverse("admin:programmes_programme_add"),
        {
            "name": "Neues Programm",
            "short_name": "NP",
            "default_budget": "40000",
            "office_members": [],
            "rounds-TOTAL_FORMS": "0",
            "rounds-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content
    programme = Programme.objects.get(name="Neues Programm")
    assert programme.catalogues.get().status == CatalogueStatus.PUBLISHED
    response = client.post(
        reverse("admin:programmes_programme_change", args=[programme.pk]),
        {
            "name": "Neues Programm (umbenannt)",
            "short_name": "NP",
            "default_budget": "40000",
            "rounds-TOTAL_FORMS": "0",
            "rounds-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content
    programme.refresh_from_db()
    assert programme.name == "Neues Programm (umbenannt)"
    assert programme.catalogues.count() == 1


def test_decisions_are_read_only_in_the_admin(client, operator, submitted):
    client.force_login(operator)
    page = client.get(reverse("admin:programmes_application_change", args=[submitted.pk]))
    assert page.status_code == 200
    assert 'name="status"' not in page.text
    assert 'name="decided_at' not in page.text
