"""Role-by-state matrix for the self-check permissions (docs/roles.md).

States: the round's status. Superusers hold every permission: Django answers for
them before asking any rule. Respondents without an account are the anonymous
user to the rules (no permission at all); their link is governed by its token and
`services.perspective_allowed`, tabled at the end.
"""

import pytest
from rules.permissions import permissions

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import Perspective, RoundStatus
from tests.factories import TeamMemberFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "office",  # programme office of the programme the municipality's process is in
    "other_office",  # programme office of another programme
    "facilitator",  # accompanies the municipality's process
    "other_facilitator",  # accompanies another municipality only
    "coordinator",  # of the municipality
    "team_member",  # administration staff of the municipality
    "outsider",  # coordinator of another municipality
    "superuser",
    "anonymous",
]
ADMINISTRATION, PERSPECTIVES, CLOSED = (
    RoundStatus.ADMINISTRATION,
    RoundStatus.PERSPECTIVES,
    RoundStatus.CLOSED,
)

IN_SCOPE = {"office", "facilitator", "coordinator", "team_member"}
RUNNERS = {"facilitator", "coordinator"}
STAFF = {"coordinator", "team_member"}


def _always(roles: set[str]) -> dict:
    return dict.fromkeys(RoundStatus.values, roles)


# perm -> status -> roles that have it on a round of `municipality`, besides the superuser
EXPECTED = {
    "selfcheck.view_selfcheckround": _always(IN_SCOPE),
    "selfcheck.export_selfcheckround": _always(IN_SCOPE),
    # Open the round's next step, invite: only while it runs.
    "selfcheck.change_selfcheckround": {
        ADMINISTRATION: RUNNERS,
        PERSPECTIVES: RUNNERS,
        CLOSED: set(),
    },
    # Administration staff answer with their account while the round runs.
    "selfcheck.answer_selfcheckround": {ADMINISTRATION: STAFF, PERSPECTIVES: STAFF, CLOSED: set()},
    # The workshop follows the answers: its record is kept after the round closed.
    "selfcheck.change_workshopnote": _always(RUNNERS),
}


@pytest.fixture
def users(request, process, team_member, facilitator, other_facilitator, outsider):
    return {role: request.getfixturevalue(role) for role in ROLES}


@pytest.mark.parametrize("status", RoundStatus.values)
def test_round_permissions(users, selfcheck, status):
    selfcheck.status = status
    selfcheck.save(update_fields=["status"])
    for perm, by_status in EXPECTED.items():
        allowed = {role for role, user in users.items() if user.has_perm(perm, selfcheck)}
        assert allowed == by_status[status] | {"superuser"}, perm


def test_permissions_checked_on_the_municipality(users, municipality):
    """The round list and opening a round are checked on the municipality."""
    expected = {
        "selfcheck.view_selfcheckround": IN_SCOPE,
        "selfcheck.add_selfcheckround": RUNNERS,
    }
    for perm, roles in expected.items():
        allowed = {role for role, user in users.items() if user.has_perm(perm, municipality)}
        assert allowed == roles | {"superuser"}, perm


def test_a_team_member_of_another_municipality_has_nothing(selfcheck, other_municipality):
    stranger = TeamMemberFactory(municipality=other_municipality)
    for perm in EXPECTED:
        assert not stranger.has_perm(perm, selfcheck), perm


def test_instruments_are_kept_by_every_programme_office(users):
    for perm in ["selfcheck.view_instrument_list", "selfcheck.change_instrument"]:
        allowed = {role for role, user in users.items() if user.has_perm(perm)}
        assert allowed == {"office", "other_office", "superuser"}, perm


def test_every_selfcheck_permission_is_in_a_table():
    on_municipality = {"selfcheck.add_selfcheckround"}
    instruments = {"selfcheck.view_instrument_list", "selfcheck.change_instrument"}
    defined = {name for name in permissions if name.startswith("selfcheck.")}
    assert defined == set(EXPECTED) | on_municipality | instruments


# --- Respondents by invitation link ------------------------------------------------------

# status -> perspectives whose links open the questionnaire
INVITATION_LINKS = {
    ADMINISTRATION: {Perspective.ADMINISTRATION},
    PERSPECTIVES: set(Perspective.values),
    CLOSED: set(),
}


@pytest.mark.parametrize("status", RoundStatus.values)
def test_invitation_links_by_status_and_perspective(selfcheck, status):
    selfcheck.status = status
    opened = {p for p in Perspective.values if services.perspective_allowed(selfcheck, p)}
    assert opened == INVITATION_LINKS[status]


# --- After the process closed ------------------------------------------------------------

READ = {"selfcheck.view_selfcheckround", "selfcheck.export_selfcheckround"}
RUN = {"selfcheck.change_selfcheckround", "selfcheck.change_workshopnote"}


@pytest.mark.parametrize(
    ("days_ago", "expected"),
    [
        (10, READ),  # read only for the report and the handover
        (200, set()),  # past FACILITATOR_READ_DAYS: an outsider
    ],
)
def test_facilitator_of_a_closed_process(facilitator, process, selfcheck, days_ago, expected):
    from datetime import timedelta

    from django.utils import timezone

    from teilhabe.processes import services as process_services

    on = timezone.localdate() - timedelta(days=days_ago)
    process_services.close_process(process, by=facilitator, on=on)
    allowed = {perm for perm in READ | RUN if facilitator.has_perm(perm, selfcheck)}
    assert allowed == expected
    municipality = selfcheck.municipality
    assert not facilitator.has_perm("selfcheck.add_selfcheckround", municipality)
    assert facilitator.has_perm("selfcheck.view_selfcheckround", municipality) is (days_ago == 10)
