"""Role-by-state matrix for the process permissions (docs/roles.md).

States: the process running, closed recently (its facilitators still read it) or
closed long ago (they no longer see it: FACILITATOR_READ_DAYS). Block statuses do not
enter the rules (a done block can still be edited while the process runs), so they
are not a column.
Superusers hold every permission: Django answers for them before asking any rule,
closed processes included.
"""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from teilhabe.processes import services
from teilhabe.processes.models import CatalogueStatus
from teilhabe.processes.uploads import check_upload
from tests.factories import (
    BlockFactory,
    CatalogueFactory,
    ConsultingEntryFactory,
    TeamMemberFactory,
)
from tests.processes.uploads import pdf

pytestmark = pytest.mark.django_db

ROLES = [
    "office",  # programme office of the process's programme
    "other_office",  # programme office of another programme
    "facilitator",  # assigned to the process
    "other_facilitator",  # assigned to another process only
    "coordinator",  # of the process's municipality
    "outsider",  # coordinator of another municipality
    "team_member",  # responsible for the block
    "bystander",  # team member of the municipality, not responsible for the block
    "superuser",
    "anonymous",
]
RUNNING, CLOSED, CLOSED_LONG_AGO = "running", "closed 10 days ago", "closed 200 days ago"
CLOSED_DAYS_AGO = {CLOSED: 10, CLOSED_LONG_AGO: 200}

VIEWERS = {"office", "facilitator", "coordinator", "team_member", "bystander"}
# After FACILITATOR_READ_DAYS (90) the facilitator is an outsider to the process.
LATE_VIEWERS = VIEWERS - {"facilitator"}
PLANNERS = {"facilitator", "coordinator"}
BLOCK_WORKERS = PLANNERS | {"team_member"}

# perm -> (object the views check it on, {state: roles that have it besides the superuser})
EXPECTED = {
    "processes.view_process": (
        "process",
        {RUNNING: VIEWERS, CLOSED: VIEWERS, CLOSED_LONG_AGO: LATE_VIEWERS},
    ),
    "processes.view_processlogentry": (
        "process",
        {RUNNING: VIEWERS, CLOSED: VIEWERS, CLOSED_LONG_AGO: LATE_VIEWERS},
    ),
    "processes.view_process_budget": (
        "process",
        {RUNNING: VIEWERS, CLOSED: VIEWERS, CLOSED_LONG_AGO: LATE_VIEWERS},
    ),
    "processes.view_block": (
        "block",
        {RUNNING: VIEWERS, CLOSED: VIEWERS, CLOSED_LONG_AGO: LATE_VIEWERS},
    ),
    "processes.view_blockdocument": (
        "document",
        {RUNNING: VIEWERS, CLOSED: VIEWERS, CLOSED_LONG_AGO: LATE_VIEWERS},
    ),
    "processes.change_process": (
        "process",
        {RUNNING: PLANNERS, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    "processes.add_block": ("process", {RUNNING: PLANNERS, CLOSED: set(), CLOSED_LONG_AGO: set()}),
    "processes.move_block": ("block", {RUNNING: PLANNERS, CLOSED: set(), CLOSED_LONG_AGO: set()}),
    "processes.change_block": (
        "block",
        {RUNNING: BLOCK_WORKERS, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    "processes.add_blockdocument": (
        "block",
        {RUNNING: BLOCK_WORKERS, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    # The document was uploaded by the responsible team member.
    "processes.delete_blockdocument": (
        "document",
        {RUNNING: BLOCK_WORKERS, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    "processes.add_consultingentry": (
        "process",
        {RUNNING: {"office", "facilitator"}, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    # Whoever logs consulting corrects and deletes entries.
    "processes.change_consultingentry": (
        "consulting",
        {RUNNING: {"office", "facilitator"}, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    "processes.delete_consultingentry": (
        "consulting",
        {RUNNING: {"office", "facilitator"}, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    "processes.close_process": (
        "process",
        {RUNNING: {"office", "facilitator"}, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
    "processes.reopen_process": (
        "process",
        {RUNNING: set(), CLOSED: {"office"}, CLOSED_LONG_AGO: {"office"}},
    ),
    # Who accompanies a closed process is settled until it is reopened.
    "processes.change_process_facilitators": (
        "process",
        {RUNNING: {"office"}, CLOSED: set(), CLOSED_LONG_AGO: set()},
    ),
}


@pytest.fixture
def bystander(municipality):
    return TeamMemberFactory(municipality=municipality, full_name="Nina Nebenan")


@pytest.fixture
def objects(process, team_member, facilitator):
    block = BlockFactory(process=process)
    block.responsible.set([team_member])
    upload = pdf()
    check_upload(upload)
    document = services.add_document(block, upload=upload, title="Protokoll", by=team_member)
    consulting = ConsultingEntryFactory(process=process, facilitator=facilitator, block=block)
    return {
        "process": process,
        "block": block,
        "document": document,
        "consulting": consulting,
    }


def _users(request) -> dict:
    return {role: request.getfixturevalue(role) for role in ROLES}


def _close(process, state: str, by) -> None:
    if state != RUNNING:
        on = timezone.localdate() - timedelta(days=CLOSED_DAYS_AGO[state])
        services.close_process(process, by=by, on=on)


@pytest.mark.parametrize("state", [RUNNING, CLOSED, CLOSED_LONG_AGO])
def test_process_permissions(request, state, objects):
    users = _users(request)
    _close(objects["process"], state, users["office"])
    for perm, (target, by_state) in EXPECTED.items():
        obj = objects[target]
        allowed = {role for role, user in users.items() if user.has_perm(perm, obj)}
        assert allowed == by_state[state] | {"superuser"}, perm


@pytest.mark.parametrize("state", [RUNNING, CLOSED, CLOSED_LONG_AGO])
def test_lists_agree_with_the_rules(request, state, objects):
    """Process.objects.visible_to holds exactly the processes view_process allows."""
    from teilhabe.processes.models import Process

    users = _users(request)
    _close(objects["process"], state, users["office"])
    listed = {
        role
        for role, user in users.items()
        if Process.objects.visible_to(user).filter(pk=objects["process"].pk).exists()
    }
    expected = EXPECTED["processes.view_process"][1][state] | {"superuser"}
    assert listed == expected


def test_read_period_is_a_setting(settings, objects, facilitator, office):
    services.close_process(
        objects["process"], by=office, on=timezone.localdate() - timedelta(days=30)
    )
    settings.FACILITATOR_READ_DAYS = 20
    assert not facilitator.has_perm("processes.view_process", objects["process"])


def test_a_running_process_elsewhere_does_not_reopen_an_old_one(
    objects, facilitator, office, municipality, programme
):
    from tests.factories import ProcessFactory, RoundFactory

    services.close_process(
        objects["process"], by=office, on=timezone.localdate() - timedelta(days=200)
    )
    ProcessFactory(
        municipality=municipality,
        round=RoundFactory(programme=programme),
        facilitators=[facilitator],
    )
    assert not facilitator.has_perm("processes.view_process", objects["process"])


@pytest.mark.parametrize("action", ["assign_facilitator", "remove_facilitator"])
def test_facilitators_are_settled_on_a_closed_process(objects, office, facilitator, action):
    from tests.factories import FacilitatorFactory

    process = objects["process"]
    services.close_process(process, by=office, on=timezone.localdate())
    person = FacilitatorFactory() if action == "assign_facilitator" else facilitator
    with pytest.raises(ValidationError):
        getattr(services, action)(process, person, by=office)
    process.refresh_from_db()
    assert list(process.facilitators.all()) == [facilitator]


def test_team_member_deletes_only_own_uploads(request, objects, coordinator, team_member):
    upload = pdf()
    check_upload(upload)
    theirs = services.add_document(
        objects["block"], upload=upload, title="Einladung", by=coordinator
    )
    assert team_member.has_perm("processes.delete_blockdocument", objects["document"])
    assert not team_member.has_perm("processes.delete_blockdocument", theirs)


def test_every_process_permission_is_in_the_table():
    from rules.permissions import permissions

    catalogue = {
        "processes.view_catalogue",
        "processes.change_catalogue",
        "processes.add_catalogue",
    }
    listed = {"processes.view_process_list"}
    defined = {name for name in permissions if name.startswith("processes.")}
    assert defined == set(EXPECTED) | catalogue | listed


# --- Catalogue ---------------------------------------------------------------------------

# Everybody signed in reads a catalogue; which ones they reach at all (published
# versions of programmes they see; drafts only for the office) is
# Catalogue.objects.visible_to, which answers 404 outside it.
SIGNED_IN = set(ROLES) - {"anonymous", "superuser"}
CATALOGUE = {
    "processes.view_catalogue": {
        CatalogueStatus.DRAFT: SIGNED_IN,
        CatalogueStatus.PUBLISHED: SIGNED_IN,
    },
    "processes.change_catalogue": {
        CatalogueStatus.DRAFT: {"office"},
        CatalogueStatus.PUBLISHED: set(),
    },
}


@pytest.mark.parametrize("status", [CatalogueStatus.DRAFT, CatalogueStatus.PUBLISHED])
def test_catalogue_permissions(request, status, programme, process, team_member):
    catalogue = CatalogueFactory(programme=programme, version=7, status=status)
    users = _users(request)
    for perm, by_status in CATALOGUE.items():
        allowed = {role for role, user in users.items() if user.has_perm(perm, catalogue)}
        assert allowed == by_status[status] | {"superuser"}, perm


def test_only_the_office_starts_a_catalogue_draft(request, programme, process, team_member):
    users = _users(request)
    allowed = {
        role for role, user in users.items() if user.has_perm("processes.add_catalogue", programme)
    }
    assert allowed == {"office", "superuser"}


def test_everybody_signed_in_may_open_the_process_list(request, process, team_member):
    users = _users(request)
    allowed = {role for role, user in users.items() if user.has_perm("processes.view_process_list")}
    assert allowed == set(ROLES) - {"anonymous"}
