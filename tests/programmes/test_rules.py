"""Role-by-state matrix for the application and municipality permissions."""

import pytest

from teilhabe.programmes.models import ApplicationStatus
from tests.factories import ApplicationFactory, ProcessFactory

pytestmark = pytest.mark.django_db

ROLES = [
    "office",
    "other_office",
    "coordinator",
    "team_member",
    "outsider",
    "facilitator",
    "superuser",
    "anonymous",
]

# perm -> status -> roles that have it besides the superuser (Django answers for
# superusers before asking any rule)
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
        assert allowed == by_status[status] | {"superuser"}, perm


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
        assert allowed == roles | {"superuser"}, perm


def test_only_coordinators_may_apply(request):
    users = {role: request.getfixturevalue(role) for role in ROLES}
    allowed = {role for role, user in users.items() if user.has_perm("programmes.add_application")}
    assert allowed == {"coordinator", "outsider", "superuser"}


def test_programme_and_round_permissions(request, programme, round_, process):
    users = {role: request.getfixturevalue(role) for role in ROLES}
    signed_in = set(ROLES) - {"anonymous"}
    expected = [
        # Which programmes one reaches at all is Programme.objects.visible_to (else 404).
        ("programmes.view_programme", programme, signed_in),
        ("programmes.change_programme", programme, {"office", "superuser"}),
        ("programmes.add_round", programme, {"office", "superuser"}),
        ("programmes.change_round", round_, {"office", "superuser"}),
        ("programmes.view_programme_list", None, {"office", "other_office", "superuser"}),
        ("programmes.add_municipality", None, {"office", "other_office", "superuser"}),
        ("programmes.view_municipality_list", None, signed_in),
        ("programmes.view_application_list", None, signed_in),
    ]
    for perm, obj, roles in expected:
        allowed = {role for role, user in users.items() if user.has_perm(perm, obj)}
        assert allowed == roles, perm


def test_every_programmes_permission_is_in_a_table():
    from rules.permissions import permissions

    tabled = set(EXPECTED) | {
        "programmes.view_municipality",
        "programmes.change_municipality",
        "programmes.add_application",
        "programmes.view_programme",
        "programmes.change_programme",
        "programmes.add_round",
        "programmes.change_round",
        "programmes.view_programme_list",
        "programmes.add_municipality",
        "programmes.view_municipality_list",
        "programmes.view_application_list",
    }
    assert {name for name in permissions if name.startswith("programmes.")} == tabled
