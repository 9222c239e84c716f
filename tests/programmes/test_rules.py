"""Role-by-state matrix for the application and municipality permissions."""

import pytest

from teilhabe.programmes.models import ApplicationStatus
from tests.factories import ApplicationFactory, ProcessFactory

pytestmark = pytest.mark.django_db

ROLES = ["office", "other_office", "coordinator", "team_member", "outsider", "facilitator"]

# perm -> status -> roles that have it
EXPECTED = {
    "programmes.view_application": {
        ApplicationStatus.DRAFT: {"coordinator", "team_member"},
        ApplicationStatus.SUBMITTED: {"office", "coordinator", "team_member"},
        ApplicationStatus.ADMITTED: {"office", "coordinator", "team_member", "facilitator"},
    },
    "programmes.change_application": {
        ApplicationStatus.DRAFT: {"coordinator"},
        ApplicationStatus.SUBMITTED: set(),
        ApplicationStatus.ADMITTED: set(),
    },
    "programmes.submit_application": {
        ApplicationStatus.DRAFT: {"coordinator"},
        ApplicationStatus.SUBMITTED: set(),
        ApplicationStatus.ADMITTED: set(),
    },
    "programmes.decide_application": {
        ApplicationStatus.DRAFT: set(),
        ApplicationStatus.SUBMITTED: {"office"},
        ApplicationStatus.ADMITTED: set(),
    },
    "programmes.view_application_review": {
        ApplicationStatus.DRAFT: {"office"},
        ApplicationStatus.SUBMITTED: {"office"},
        ApplicationStatus.ADMITTED: {"office"},
    },
}


@pytest.mark.parametrize("status", list(EXPECTED["programmes.view_application"]))
def test_application_permissions(request, status, apply_round, municipality, facilitator):
    application = ApplicationFactory(round=apply_round, municipality=municipality, status=status)
    if status == ApplicationStatus.ADMITTED:
        ProcessFactory(
            municipality=municipality,
            round=apply_round,
            application=application,
            facilitators=[facilitator],
        )
    users = {role: request.getfixturevalue(role) for role in ROLES}
    for perm, by_status in EXPECTED.items():
        allowed = {role for role, user in users.items() if user.has_perm(perm, application)}
        assert allowed == by_status[status], perm


def test_municipality_permissions(request, municipality, process, other_process):
    users = {role: request.getfixturevalue(role) for role in [*ROLES, "other_facilitator"]}
    expected = {
        "programmes.view_municipality": {
            "office",
            "other_office",
            "coordinator",
            "team_member",
            "facilitator",
        },
        "programmes.change_municipality": {"office", "coordinator"},
    }
    for perm, roles in expected.items():
        allowed = {role for role, user in users.items() if user.has_perm(perm, municipality)}
        assert allowed == roles, perm


def test_only_coordinators_may_apply(request):
    users = {role: request.getfixturevalue(role) for role in ROLES}
    allowed = {role for role, user in users.items() if user.has_perm("programmes.add_application")}
    assert allowed == {"coordinator", "outsider"}
