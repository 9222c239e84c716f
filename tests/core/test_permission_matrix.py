"""Every URL, every role, own and foreign object, GET and POST: the answers of docs/roles.md.

The expected answers come from the `permissions` block in docs/roles.md (capability by
role); the table below only says, per URL name, which object its arguments point to
and which capability GET and POST need (`None`: the method is not allowed, 405). A URL
pattern of ours missing from the table fails the test, so a new view cannot be
forgotten. Besides the own and the foreign side, process URLs are asked on a process
closed 10 days ago, and municipality URLs on a municipality with only a draft
application (docs/roles.md explains the columns used there).

The world (tests/core/permission_world.py) is built once per module inside a
transaction rolled back at the end; each request runs in a savepoint of its own, so an
allowed POST does not change what the next request sees, and a refused one must leave
every table of ours as it was.
"""

import re
from functools import cache
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.test import Client, override_settings
from django.urls import reverse

from tests.conftest import FAST
from tests.core.permission_world import ROLES, build_world
from tests.core.test_url_coverage import ALL

# The world is built once per module: keep the module on one xdist worker.
pytestmark = pytest.mark.xdist_group("permission_matrix")

ROLES_MD = Path(__file__).resolve().parents[2] / "docs" / "roles.md"

# URL name -> (object kind, capability for GET, capability for POST). Kinds name an
# object of the world; "-" is a page without an object.
URLS: dict[str, tuple[str, str | None, str | None]] = {
    "accounts:password_change": ("-", "signed_in", "signed_in"),
    "accounts:profile": ("-", "signed_in", "signed_in"),
    # Two-factor login: each person works on their own device only.
    "accounts:two_factor_setup": ("-", "signed_in", "signed_in"),
    "accounts:two_factor_verify": ("-", "signed_in", "signed_in"),
    "accounts:two_factor_recovery_codes": ("-", None, "signed_in"),
    "accounts:two_factor_switch_off": ("-", None, "signed_in"),
    "dashboards:dashboard": ("-", "signed_in", None),
    "dashboards:mail_send_again": ("mail", None, "send_mail_again"),
    # Processes
    "processes:process_list": ("-", "signed_in", None),
    "processes:process_detail": ("process", "view_process", None),
    "processes:process_timeline": ("process", "view_process", None),
    "processes:process_log": ("process", "view_process", None),
    "processes:block_add": ("process", "plan_process", "plan_process"),
    "processes:budget": ("process", "view_process", "log_consulting"),
    "processes:facilitators": ("process", "assign_facilitators", "assign_facilitators"),
    # GET shows the confirmation page, POST closes.
    "processes:process_close": ("process", "close_process", "close_process"),
    "processes:process_reopen": ("process", None, "reopen_running_process"),
    "processes:block_detail": ("block", "view_process", None),
    "processes:block_edit": ("block", "work_on_block", "work_on_block"),
    "processes:block_status": ("block", None, "work_on_block"),
    "processes:block_move": ("block", None, "plan_process"),
    "processes:document_upload": ("block", None, "work_on_block"),
    "processes:document_download": ("document", "view_process", None),
    "processes:document_delete": ("document", None, "work_on_block"),
    # Whoever logs consulting corrects and deletes entries.
    "processes:consulting_edit": ("consulting", "log_consulting", "log_consulting"),
    "processes:consulting_delete": ("consulting", "log_consulting", "log_consulting"),
    # Catalogue (of a programme)
    "processes:catalogue_list": ("programme", "view_programme", None),
    "processes:catalogue_draft": ("programme", None, "office_of_programme"),
    "processes:catalogue_detail": ("draft_catalogue", "edit_catalogue_draft", None),
    "processes:catalogue_publish": ("draft_catalogue", None, "edit_catalogue_draft"),
    "processes:block_type_create": (
        "draft_catalogue",
        "edit_catalogue_draft",
        "edit_catalogue_draft",
    ),
    "processes:block_type_edit": ("block_type", "edit_catalogue_draft", "edit_catalogue_draft"),
    # Programmes, rounds, applications
    "programmes:programme_list": ("-", "list_programmes", None),
    "programmes:programme_detail": ("programme", "view_programme", None),
    "programmes:round_create": ("programme", "office_of_programme", "office_of_programme"),
    "programmes:round_detail": ("round", "view_programme", None),
    "programmes:round_edit": ("round", "office_of_programme", "office_of_programme"),
    "programmes:application_list": ("-", "signed_in", None),
    "programmes:application_create": ("round", "apply", "apply"),
    "programmes:application_detail": ("application", "view_application", None),
    # The world's applications are decided: nobody edits, submits or decides them again.
    "programmes:application_edit": (
        "application",
        "change_decided_application",
        "change_decided_application",
    ),
    "programmes:application_submit": (
        "application",
        "change_decided_application",
        "change_decided_application",
    ),
    "programmes:application_decide": (
        "application",
        "change_decided_application",
        "change_decided_application",
    ),
    # Municipalities and people
    "programmes:municipality_list": ("-", "signed_in", None),
    "programmes:municipality_create": ("-", "add_municipality", "add_municipality"),
    "programmes:municipality_detail": ("municipality", "view_municipality", None),
    "programmes:municipality_edit": ("municipality", "change_municipality", "change_municipality"),
    "programmes:people": ("-", "invite_people", None),
    "programmes:invite": ("-", "invite_people", "invite_people"),
    # Stakeholder analysis
    "stakeholders:actor_list": ("municipality", "view_actor", None),
    "stakeholders:matrix": ("municipality", "view_actor", None),
    "stakeholders:coverage": ("municipality", "view_actor", None),
    "stakeholders:actor_export": ("export", "view_actor", None),
    "stakeholders:actor_detail": ("actor", "view_actor", None),
    "stakeholders:actor_create": ("municipality", "change_actor", "change_actor"),
    "stakeholders:actor_import": ("municipality", "change_actor", "change_actor"),
    "stakeholders:actor_import_confirm": ("municipality", None, "change_actor"),
    "stakeholders:actor_edit": ("actor", "change_actor", "change_actor"),
    "stakeholders:actor_delete": ("actor", "change_actor", "change_actor"),
    "stakeholders:actor_assess": ("actor", None, "change_actor"),
    "stakeholders:actor_involvement": ("actor", None, "change_actor"),
    "stakeholders:participation_add": ("actor", None, "change_actor"),
    "stakeholders:category_list": ("-", "keep_categories", None),
    "stakeholders:category_create": ("-", "keep_categories", "keep_categories"),
    "stakeholders:category_edit": ("category", "keep_categories", "keep_categories"),
    # Self-check
    "selfcheck:round_list": ("municipality", "view_selfcheck", None),
    "selfcheck:round_create": ("municipality", "run_selfcheck", "run_selfcheck"),
    "selfcheck:round_detail": ("selfcheck", "view_selfcheck", None),
    "selfcheck:round_status": ("selfcheck", None, "run_selfcheck"),
    "selfcheck:invitation_create": ("selfcheck", None, "run_selfcheck"),
    "selfcheck:answer": ("selfcheck", "answer_selfcheck", "answer_selfcheck"),
    "selfcheck:results": ("selfcheck", "view_selfcheck", None),
    "selfcheck:workshop": ("selfcheck", "view_selfcheck", "run_selfcheck"),
    "selfcheck:report_pdf": ("selfcheck", "view_selfcheck", None),
    "selfcheck:answers_xlsx": ("selfcheck", "view_selfcheck", None),
    "selfcheck:instrument_list": ("-", "keep_instruments", None),
    "selfcheck:version_detail": ("version", "keep_instruments", "change_published_instrument"),
    "selfcheck:version_succeed": ("version", None, "keep_instruments"),
    "selfcheck:version_publish": ("version", None, "keep_instruments"),
}

# How each kind of object becomes URL arguments.
ARGS = {
    "block_type": lambda s: {"pk": s["draft_catalogue"].pk, "type_pk": s["block_type"].pk},
    "export": lambda s: {"pk": s["municipality"].pk, "fmt": "csv"},
    "category": lambda s: {"category_pk": s["category"].pk},
}
ROUND_ARG = {"programmes:application_create": "round_pk"}
# Objects of one municipality; programme objects (programme, round, catalogue) are
# shared by all its municipalities, and instruments and categories by everybody.
MUNICIPAL_KINDS = {"mail", "process", "block", "document", "consulting", "application"}
MUNICIPAL_KINDS |= {"municipality"}
MUNICIPAL_KINDS |= {"actor", "export", "selfcheck"}
GLOBAL_KINDS = {"-", "version", "category"}

ALLOWED = {"GET": {200, 302}, "POST": {200, 302, 400}}


def permissions_block() -> dict[str, dict[str, str]]:
    """The `permissions` block of docs/roles.md: capability -> role -> answer."""
    text = ROLES_MD.read_text()
    match = re.search(r"```permissions\n(.*?)```", text, re.S)
    assert match, "docs/roles.md has no ```permissions block"
    header, *rows = [line.split() for line in match.group(1).strip().splitlines()]
    return {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows}


EXPECTED = permissions_block()


# On the closed process (10 days ago) every write is refused; a URL's capability
# becomes the one of the closed process. facilitator_read accompanied that process.
CLOSED_KINDS = {"process", "block", "document", "consulting"}
ON_CLOSED = {
    "view_process": "view_closed_process",
    "reopen_running_process": "reopen_closed_process",
}
# A draft application does not bring its municipality into the office's scope.
DRAFT_KINDS = {"municipality", "actor", "export", "selfcheck", "application"}


def column(role: str, kind: str, side: str) -> str:
    """The column of the permissions block a role answers by on `side`'s object."""
    if side in ("own", "closed"):
        return role
    if side == "draft":
        if role.startswith("facilitator"):
            return "facilitator_gone"
        # Nobody has the municipality in scope: offices answer as another programme's,
        # everybody else as a stranger to it.
        return "other_office" if role in ("office", "other_office") else "outsider"
    return mirror(role, kind)


def capability_on(side: str, capability: str | None) -> str | None:
    if side != "closed" or capability is None:
        return capability
    return ON_CLOSED.get(capability, "change_closed_process")


def mirror(role: str, kind: str) -> str:
    """The column a role answers by on an object of the foreign side (docs/roles.md)."""
    if role.startswith("facilitator"):
        return "facilitator_gone"
    if role == "team_member":
        return "outsider" if kind in MUNICIPAL_KINDS else "team_member"
    return {
        "office": "other_office",
        "other_office": "office",
        "coordinator": "outsider",
        "outsider": "coordinator",
    }.get(role, role)


def kwargs_for(name: str, kind: str, side: dict) -> dict:
    if kind == "-":
        return {}
    if kind in ARGS:
        return ARGS[kind](side)
    return {ROUND_ARG.get(name, "pk"): side[kind].pk}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("matrix-media")
    with (
        django_db_blocker.unblock(),
        override_settings(**FAST, MEDIA_ROOT=media),
        transaction.atomic(),
    ):
        yield {**build_world(), "media": media}
        transaction.set_rollback(True)


def test_every_url_is_in_the_table():
    missing = sorted({name for name, _ in ALL} - set(URLS))
    assert not missing, f"URL patterns missing from the permission table: {missing}"
    stale = sorted(set(URLS) - {name for name, _ in ALL})
    assert not stale, f"URL names in the permission table that no longer exist: {stale}"


def test_the_table_names_capabilities_of_roles_md():
    used = {cap for _, get, post in URLS.values() for cap in (get, post) if cap}
    assert used <= set(EXPECTED), used - set(EXPECTED)
    for capability, answers in EXPECTED.items():
        assert set(answers) == set(ROLES) - {"anonymous"}, capability
        assert set(answers.values()) <= {"yes", "403", "404"}, capability


@cache
def _fingerprint_sql() -> str:
    """One query giving the row count and latest change of every table of ours."""
    parts = []
    for model in apps.get_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        table = connection.ops.quote_name(model._meta.db_table)
        parts.append(f"(SELECT COUNT(*) FROM {table})")
        if any(field.name == "updated_at" for field in model._meta.fields):
            parts.append(f"(SELECT MAX(updated_at) FROM {table})")
    return "SELECT " + ", ".join(parts)


# Django's own tables (sessions, axes) are not ours: a refused request may log in or out.
OUR_APPS = {"core", "accounts", "programmes", "processes", "stakeholders", "selfcheck"}


def _fingerprint() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(_fingerprint_sql())
        return tuple(cursor.fetchone())


def _request(client: Client, method: str, url: str, *, may_write: bool):
    """The response; a refused request must leave every table of ours as it was.

    Each request runs in a savepoint: an allowed POST must not change the next one's world.
    """
    savepoint = transaction.savepoint()
    try:
        before = None if may_write else _fingerprint()
        response = getattr(client, method.lower())(url, {})
        if before is not None:
            assert _fingerprint() == before, f"{method} {url} wrote although refused"
        return response
    finally:
        transaction.savepoint_rollback(savepoint)


def _check(response, method: str, capability: str | None, answer: str) -> bool:
    status = response.status_code
    if answer == "login":
        return status == 405 or (
            status == 302 and response["Location"].startswith(reverse("accounts:login"))
        )
    if capability is None:
        return status == 405
    if answer == "yes":
        return status in ALLOWED[method]
    return status == int(answer)


@pytest.fixture(scope="module")
def clients(world) -> dict[str, Client]:
    """One signed-in client per role for the whole module (sessions live in the world)."""
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if role != "anonymous":
            clients[role].force_login(world["users"][role])
    return clients


@pytest.mark.parametrize("name", sorted(URLS))
def test_url_answers_every_role_as_roles_md_says(world, clients, db, settings, name):
    settings.MEDIA_ROOT = world["media"]
    kind, *capabilities = URLS[name]
    sides = ["own"] if kind in GLOBAL_KINDS else ["own", "foreign"]
    sides += ["closed"] if kind in CLOSED_KINDS else []
    sides += ["draft"] if kind in DRAFT_KINDS else []
    wrong = []
    for side in sides:
        url = reverse(name, kwargs=kwargs_for(name, kind, world[side]))
        for role in ROLES:
            if role == "anonymous" and side != "own":
                continue  # nothing is looked up before the login check
            for method, url_capability in zip(("GET", "POST"), capabilities, strict=True):
                capability = capability_on(side, url_capability)
                if role == "anonymous":
                    answer = "login"
                elif capability is None:
                    answer = "405"
                else:
                    answer = EXPECTED[capability][column(role, kind, side)]
                may_write = answer == "yes"
                response = _request(clients[role], method, url, may_write=may_write)
                if not _check(response, method, capability, answer):
                    wrong.append(
                        f"{side} object, {role}, {method}: {response.status_code}, "
                        f"expected {answer}"
                    )
    assert not wrong, f"{name}:\n" + "\n".join(wrong)


# The prose table of docs/roles.md and the block must tell the same story: for the main
# rows, whether each role may (any "yes"-like cell) and what another municipality gets.
PROSE_ROWS = {
    "View process, blocks, timeline": "view_process",
    "Add, order, drop blocks": "plan_process",
    "Log consulting against the budget": "log_consulting",
    "Assign facilitators": "assign_facilitators",
    "Close a process": "close_process",
    "Edit municipality base data": "change_municipality",
    "Stakeholder analysis: actors with contact data": "view_actor",
    "Stakeholder analysis: add, edit": "change_actor",
    "Self-check: rounds, results": "view_selfcheck",
    "Self-check: open rounds": "run_selfcheck",
    "Self-check: answer as administration staff": "answer_selfcheck",
}
PROSE_COLUMNS = ["office", "facilitator", "coordinator", "team_member"]


def _prose_rows() -> dict[str, list[str]]:
    rows = {}
    for line in ROLES_MD.read_text().splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        for start in PROSE_ROWS:
            if cells[0].startswith(start):
                rows[start] = cells[2:]  # role columns, after the permission names
    return rows


def test_the_block_agrees_with_the_prose_table():
    rows = _prose_rows()
    assert set(rows) == set(PROSE_ROWS)
    for start, capability in PROSE_ROWS.items():
        *role_cells, other = rows[start]
        for role, cell in zip(PROSE_COLUMNS, role_cells, strict=True):
            may = not (cell.startswith("–") or cell.startswith("40"))
            assert may == (EXPECTED[capability][role] == "yes"), (start, role, cell)
        assert other.split()[0] == EXPECTED[capability]["outsider"], (start, other)
