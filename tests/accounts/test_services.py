from datetime import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

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


def test_invite_user_joins_at_the_given_moment(office):
    moment = timezone.make_aware(datetime(2020, 2, 3, 11, 0))
    user = services.invite_user(
        email="Neu@Example.org",
        full_name="Neu Person",
        role=Role.FACILITATOR,
        by=office,
        now=moment,
    )
    user.refresh_from_db()
    assert user.date_joined == moment
    assert user.email == "neu@example.org"
    assert not user.has_usable_password()
