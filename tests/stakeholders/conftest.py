"""Fixtures for the stakeholder tests: actors of `municipality` and of `other_municipality`.

The default categories come from the data migration, so tests use them by key.
"""

import pytest

from teilhabe.stakeholders.models import ActorCategory
from tests.stakeholders.factories import ActorFactory, AssessmentFactory, PersonFactory


def category(key: str) -> ActorCategory:
    return ActorCategory.objects.get(key=key)


@pytest.fixture
def organisation(municipality):
    return ActorFactory(
        municipality=municipality, name="Caritas Neckarbrück", category=category("welfare")
    )


@pytest.fixture
def person(municipality, organisation):
    return PersonFactory(
        municipality=municipality,
        name="Fatma Demir",
        organisation=organisation,
        category=category("welfare"),
        email="fatma.demir@caritas.example",
        phone="07071 55555",
        notes="Spricht Türkisch und Kurdisch.",
    )


@pytest.fixture
def actor(organisation):
    return organisation


@pytest.fixture
def assessed(person):
    AssessmentFactory(actor=person, influence=4, attitude=5, note="Trägt das Elterncafé.")
    return person


@pytest.fixture
def foreign_actor(other_municipality):
    return ActorFactory(municipality=other_municipality, name="Fremder Verein")
