import pytest
from django.core.exceptions import ValidationError

from teilhabe.accounts import services
from teilhabe.accounts.models import Role

pytestmark = pytest.mark.django_db


def test_update_profile_changes_only_the_given_fields(coordinator):
    services.update_profile(
        coordinator, by=coordinator, full_name="Sabine Wolf-Neu", preferred_language="en"
    )
    coordinator.refresh_from_db()
    assert coordinator.full_name == "Sabine Wolf-Neu"
    assert coordinator.preferred_language == "en"
    assert coordinator.role == Role.COORDINATOR


def test_update_profile_refuses_other_fields_and_invalid_values(coordinator):
    with pytest.raises(ValueError, match="role"):
        services.update_profile(coordinator, by=coordinator, role=Role.PROGRAMME_OFFICE)
    with pytest.raises(ValidationError):
        services.update_profile(coordinator, by=coordinator, full_name="")
    coordinator.refresh_from_db()
    assert coordinator.full_name == "Sabine Wolf"
