"""Who may do what with processes, blocks, documents, budgets and catalogues.

Predicates take (user, process) unless named otherwise; see docs/roles.md.
"""

import rules

from teilhabe.accounts.models import Role


def _process_of(obj):
    from teilhabe.processes.models import BlockDocument, Process

    if isinstance(obj, Process):
        return obj
    if isinstance(obj, BlockDocument):
        return obj.block.process
    return obj.process  # Block, ConsultingEntry, ProcessLogEntry


@rules.predicate
def is_office_of_process(user, obj) -> bool:
    if obj is None:
        return False
    process = _process_of(obj)
    return process.round.programme_id in user.office_programme_ids


@rules.predicate
def is_facilitator_of_process(user, obj) -> bool:
    if obj is None:
        return False
    return _process_of(obj).pk in user.facilitated_process_ids


@rules.predicate
def is_member_of_process(user, obj) -> bool:
    if obj is None or not user.is_municipal:
        return False
    return _process_of(obj).municipality_id == user.municipality_id


@rules.predicate
def is_coordinator_of_process(user, obj) -> bool:
    return user.role == Role.COORDINATOR and is_member_of_process(user, obj)


@rules.predicate
def is_responsible_for_block(user, block) -> bool:
    if block is None or not hasattr(block, "responsible"):
        return False
    return any(person.pk == user.pk for person in block.responsible.all())


@rules.predicate
def is_office_of_catalogue(user, catalogue) -> bool:
    return catalogue is not None and catalogue.programme_id in user.office_programme_ids


@rules.predicate
def is_office_of_programme(user, programme) -> bool:
    return programme is not None and programme.pk in user.office_programme_ids


@rules.predicate
def is_draft_catalogue(user, catalogue) -> bool:
    return catalogue is not None and catalogue.is_editable


@rules.predicate
def is_open_process(user, obj) -> bool:
    return obj is not None and _process_of(obj).closed_on is None


is_superuser = rules.is_superuser
can_view_process = (
    is_superuser | is_office_of_process | is_facilitator_of_process | is_member_of_process
)
# Facilitators and coordinators shape the process; team members work on the blocks
# they are responsible for; the programme office watches and steers but does not edit
# a municipality's blocks.
can_plan_process = is_open_process & (
    is_superuser | is_facilitator_of_process | is_coordinator_of_process
)
can_work_on_block = can_plan_process | (
    is_open_process & is_member_of_process & is_responsible_for_block
)

rules.add_perm("processes.view_process", can_view_process)
rules.add_perm("processes.change_process", can_plan_process)
rules.add_perm("processes.add_block", can_plan_process)
rules.add_perm("processes.move_block", can_plan_process)
rules.add_perm("processes.view_block", can_view_process)
rules.add_perm("processes.change_block", can_work_on_block)
rules.add_perm("processes.add_blockdocument", can_work_on_block)
rules.add_perm("processes.view_blockdocument", can_view_process)


@rules.predicate
def is_uploader_with_block_access(user, document) -> bool:
    return document.uploaded_by_id == user.pk and can_work_on_block.test(user, document.block)


rules.add_perm("processes.delete_blockdocument", can_plan_process | is_uploader_with_block_access)
rules.add_perm("processes.view_processlog", can_view_process)
rules.add_perm("processes.view_budget", can_view_process)
rules.add_perm(
    "processes.add_consultingentry",
    is_open_process & (is_superuser | is_office_of_process | is_facilitator_of_process),
)
rules.add_perm("processes.assign_facilitator", is_superuser | is_office_of_process)
rules.add_perm("processes.change_budget", is_superuser | is_office_of_process)
rules.add_perm("processes.view_catalogue", rules.is_authenticated)
# A published catalogue version never changes; the office edits a draft copy instead.
rules.add_perm(
    "processes.change_catalogue", (is_superuser | is_office_of_catalogue) & is_draft_catalogue
)
# Programme-level: create a draft version of the programme's catalogue.
rules.add_perm("processes.manage_catalogue", is_superuser | is_office_of_programme)

# Facilitators close a process at the end of the consulting; reopening is the
# programme office's decision.
rules.add_perm(
    "processes.close_process",
    is_open_process & (is_superuser | is_office_of_process | is_facilitator_of_process),
)
rules.add_perm(
    "processes.reopen_process",
    ~is_open_process & (is_superuser | is_office_of_process),
)
