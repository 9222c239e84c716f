"""The login lockout counts per account, whatever the spelling of the address and the IP."""

import pytest
from django.db import IntegrityError
from django.urls import reverse

from teilhabe.accounts.emails import normalise_email
from teilhabe.accounts.models import User
from tests.factories import PASSWORD, CoordinatorFactory

LOGIN = reverse("accounts:login")

SPELLINGS = [
    "team@neckarbrueck.example",
    "Team@neckarbrueck.example",
    "TEAM@NECKARBRUECK.EXAMPLE",
    "tEam@Neckarbrueck.example",
    " team@neckarbrueck.EXAMPLE ",
    "TEAM@neckarbrueck.example",
]


@pytest.fixture
def team(municipality):
    return CoordinatorFactory(municipality=municipality, email="team@neckarbrueck.example")


def _login(client, email, password=PASSWORD, ip="192.0.2.1"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=ip)


def test_normalise_email():
    assert normalise_email("  Team@Example.ORG ") == "team@example.org"


def test_different_spellings_share_one_lockout(client, team, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for spelling in SPELLINGS[:4]:
        assert _login(client, spelling, "wrong-password").status_code == 200
    # The fifth failure is the one that locks.
    _login(client, SPELLINGS[4], "wrong-password")
    assert _login(client, SPELLINGS[5], "wrong-password").status_code == 429
    # The right password in yet another spelling is refused too.
    response = _login(client, "Team@Neckarbrueck.Example")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lockout_holds_across_ip_addresses(client, team, settings):
    settings.AXES_FAILURE_LIMIT = 5
    for n, spelling in enumerate(SPELLINGS[:5]):
        _login(client, spelling, "wrong-password", ip=f"198.51.100.{n}")
    response = _login(client, "team@neckarbrueck.example", ip="203.0.113.9")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_success_still_works_before_the_limit(client, team):
    for spelling in SPELLINGS[:4]:
        _login(client, spelling, "wrong-password")
    response = _login(client, "TEAM@neckarbrueck.example")
    assert response.status_code == 302


def test_addresses_are_stored_lower_case(db, municipality):
    user = CoordinatorFactory(municipality=municipality, email="  Mixed.Case@Example.ORG ")
    user.refresh_from_db()
    assert user.email == "mixed.case@example.org"
    assert User.objects.get_by_natural_key("MIXED.case@example.org ") == user


def test_database_refuses_upper_case_address(db, team):
    with pytest.raises(IntegrityError):
        User.objects.filter(pk=team.pk).update(email="Team@neckarbrueck.example")
