"""Role-by-state matrix for the process permissions (docs/roles.md).

States: the process running or closed. Block statuses do not enter the rules (a
done block can still be edited while the process runs), so they are not a column.
Superusers hold every permission: Django answers for them before asking any rule,
closed processes included.
"""

from datetime import date

import pytest

from teilhabe.processes import services
from teilhabe.processes.models import CatalogueStatus
from teilhabe.processes.uploads import check_upload
from tests.factories import BlockFactory, CatalogueFactory, TeamMemberFactory
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
RUNNING, CLOSED = "running", "closed"

VIEWERS = {"office", "facilitator", "coordinator", "team_member", "bystander"}
PLANNERS = {"facilitator", "coordinator"}
BLOCK_WORKERS = PLANNERS | {"team_member"}

# perm -> (object the views check it on, {state: roles that have it besides the superuser})
EXPECTED = {
    "processes.view_process": ("process", {RUNNING: VIEWERS, CLOSED: VIEWERS}),
    "processes.view_processlogentry": ("process", {RUNNING: VIEWERS, CLOSED: VIEWERS}),
    "processes.view_process_budget": ("process", {RUNNING: VIEWERS, CLOSED: VIEWERS}),
    "processes.view_block": ("block", {RUNNING: VIEWERS, CLOSED: VIEWERS}),
    "processes.view_blockdocument": ("document", {RUNNING: VIEWERS, CLOSED: VIEWERS}),
    "processes.change_process": ("process", {RUNNING: PLANNERS, CLOSED: set()}),
    "processes.add_block": ("process", {RUNNING: PLANNERS, CLOSED: set()}),
    "processes.move_block": ("block", {RUNNING: PLANNERS, CLOSED: set()}),
    "processes.change_block": ("block", {RUNNING: BLOCK_WORKERS, CLOSED: set()}),
    "processes.add_blockdocument": ("block", {RUNNING: BLOCK_WORKERS, CLOSED: set()}),
    # The document was uploaded by the responsible team member.
    "processes.delete_blockdocument": ("document", {RUNNING: BLOCK_WORKERS, CLOSED: set()}),
    "processes.add_consultingentry": (
        "process",
        {RUNNING: {"office", "facilitator"}, CLOSED: set()},
    ),
    "processes.close_process": ("process", {RUNNING: {"office", "facilitator"}, CLOSED: set()}),
    "processes.reopen_process": ("process", {RUNNING: set(), CLOSED: {"office"}}),
    # Who accompanies a process also decides who may read it, so the office keeps
    # this after closing.
    "processes.change_process_facilitators": ("process", {RUNNING: {"office"}, CLOSED: {"office"}}),
}


@pytest.fixture
def bystander(municipality):
    return TeamMemberFactory(municipality=municipality, full_name="Nina Nebenan")


@pytest.fixture
def objects(process, team_member):
    block = BlockFactory(process=process)
    block.responsible.set([team_member])
    upload = pdf()
    check_upload(upload)
    document = services.add_document(block, upload=upload, title="Protokoll", by=team_member)
    return {"process": process, "block": block, "document": document}


def _users(request) -> dict:
    return {role: request.getfixturevalue(role) for role in ROLES}


@pytest.mark.parametrize("state", [RUNNING, CLOSED])
def test_process_permissions(request, state, objects):
    users = _users(request)
    if state == CLOSED:
        services.close_process(objects["process"], by=users["office"], on=date(2021, 6, 1))
    for perm, (target, by_state) in EXPECTED.items():
        obj = objects[target]
        allowed = {role for role, user in users.items() if user.has_perm(perm, obj)}
        assert allowed == by_state[state] | {"superuser"}, perm


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
