"""`manage.py check --deploy` warns when the legal pages would name the demo operator."""

import pytest

from teilhabe.core.checks import DEMO_OPERATOR_NAME, operator_is_named
from teilhabe.core.models import LegalPage


@pytest.fixture
def production(settings):
    settings.DEMO_MODE = False
    settings.OPERATOR = {**settings.OPERATOR, "name": DEMO_OPERATOR_NAME}
    return settings


@pytest.mark.django_db
def test_a_production_site_with_the_demo_operator_is_warned(production):
    [warning] = operator_is_named(None)
    assert warning.id == "teilhabe.W001"
    assert "TEILHABE_OPERATOR_NAME" in warning.hint


@pytest.mark.django_db
def test_a_named_operator_is_enough(production):
    production.OPERATOR = {**production.OPERATOR, "name": "Landesamt für Teilhabe"}
    assert operator_is_named(None) == []


@pytest.mark.django_db
def test_own_imprint_and_privacy_texts_in_the_admin_are_enough(production):
    LegalPage.objects.create(kind="imprint", text_de="Stadt Musterhausen")
    assert operator_is_named(None)
    LegalPage.objects.create(kind="privacy", text_de="Datenschutz der Stadt Musterhausen")
    assert operator_is_named(None) == []


@pytest.mark.django_db
def test_the_demo_keeps_its_demo_operator(settings):
    settings.DEMO_MODE = True
    assert operator_is_named(None) == []
