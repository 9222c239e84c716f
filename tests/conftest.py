"""Named fixtures for the roles every permission test needs.

The world: one programme with an office user; a process of `municipality` with a
facilitator, a coordinator and a team member; an `outsider` coordinator of another
municipality with its own process; a facilitator of that other process.
"""

from io import StringIO

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from tests.factories import (
    BlockFactory,
    CoordinatorFactory,
    FacilitatorFactory,
    MunicipalityFactory,
    ProcessFactory,
    ProgrammeFactory,
    ProgrammeOfficeFactory,
    RoundFactory,
    TeamMemberFactory,
    UserFactory,
)

FAST = {
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
    "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
    # Tasks (mail) run on the spot, so a test sees the message in mail.outbox as soon
    # as the on-commit callbacks ran. This backend cannot defer, so a failed mail is
    # given up after one attempt instead of retrying in a synchronous loop.
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
}


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings, tmp_path):
    for name, value in FAST.items():
        setattr(settings, name, value)
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.AXES_ENABLED = True
    # Every test starts in the site language: a view or test that activated English
    # must not change the language of the next test on the same worker.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _second_factor_given(request, monkeypatch):
    """Treat every signed-in test user as having entered their second factor.

    Tests log in with `client.force_login` (or through the login form) and then test
    something else; the production middleware stays as it is, only its question
    "does this session still owe a code?" answers no. Tests of two-factor itself opt
    out with `@pytest.mark.two_factor`.
    """
    if request.node.get_closest_marker("two_factor") is None:
        monkeypatch.setattr(
            "teilhabe.accounts.middleware.verification_needed", lambda request: None
        )


@pytest.fixture(scope="module")
def demo_loaded(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for a whole test module; returns what load_demo printed.

    Loading the demo takes seconds, so the tests that only read it share one load: it
    happens in a transaction that is rolled back after the module's last test, and
    each test runs inside it in a savepoint of its own (the `db` fixture), so a test
    may change demo data without the next one seeing it. Mark such a module with
    `pytest.mark.xdist_group("demo")`, so its tests stay on one worker.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(**FAST, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        out = StringIO()
        call_command("load_demo", stdout=out)
        yield out.getvalue()
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_loaded, db) -> str:
    """The shared demo (see demo_loaded) for one test."""
    return demo_loaded


@pytest.fixture
def programme(db):
    return ProgrammeFactory()


@pytest.fixture
def round_(programme):
    return RoundFactory(programme=programme)


@pytest.fixture
def office(programme):
    user = ProgrammeOfficeFactory(full_name="Paula Büro")
    programme.office_members.add(user)
    return user


@pytest.fixture
def municipality(db):
    return MunicipalityFactory(name="Neckarbrück")


@pytest.fixture
def facilitator(db):
    return FacilitatorFactory(full_name="Jonas Keller")


@pytest.fixture
def process(municipality, round_, facilitator):
    return ProcessFactory(municipality=municipality, round=round_, facilitators=[facilitator])


@pytest.fixture
def block(process):
    return BlockFactory(process=process)


@pytest.fixture
def coordinator(municipality):
    return CoordinatorFactory(municipality=municipality, full_name="Sabine Wolf")


@pytest.fixture
def team_member(municipality):
    return TeamMemberFactory(municipality=municipality, full_name="Murat Yilmaz")


@pytest.fixture
def other_municipality(db):
    return MunicipalityFactory(name="Lindenau")


@pytest.fixture
def other_process(other_municipality, round_):
    return ProcessFactory(municipality=other_municipality, round=round_)


@pytest.fixture
def outsider(other_municipality, other_process):
    """Coordinator of another municipality (which has a process of its own)."""
    return CoordinatorFactory(municipality=other_municipality, full_name="Thomas Fremd")


@pytest.fixture
def other_facilitator(other_process):
    user = FacilitatorFactory(full_name="Aylin Andere")
    other_process.facilitators.add(user)
    return user


@pytest.fixture
def other_office(db):
    """Programme office of a different programme."""
    user = ProgrammeOfficeFactory(full_name="Otto Anderesbüro")
    ProgrammeFactory().office_members.add(user)
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, full_name="Olga Betrieb")


@pytest.fixture
def anonymous():
    """Nobody logged in; also who answers a self-check through an invitation link."""
    return AnonymousUser()


def login(client, user):
    client.force_login(user)
    return client
