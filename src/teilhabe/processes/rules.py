"""Who may do what with processes, blocks, documents, budgets and catalogues.

Predicates take a process or something of one (block, document, consulting entry,
log entry) unless named otherwise. Who sees a process at all is
`Process.objects.visible_to`; `in_process_scope` asks it. See docs/roles.md.
"""

import rules
from django.utils import timezone

from teilhabe.accounts.rules import (
    is_authenticated,
    is_coordinator,
    is_facilitator,
    is_municipal,
    is_programme_office,
    is_superuser,
)
from teilhabe.core.access import in_scope
from teilhabe.processes.models import BlockDocument, Process
from teilhabe.programmes.rules import is_office_of_programme


def _process_of(obj) -> Process:
    if isinstance(obj, Process):
        return obj
    if isinstance(obj, BlockDocument):
        return obj.block.process
    return obj.process  # Block, ConsultingEntry, ProcessLogEntry


def _process_id(obj) -> int | None:
    if obj is None:
        return None
    if isinstance(obj, Process):
        return obj.pk
    if isinstance(obj, BlockDocument):
        return obj.block.process_id
    return obj.process_id


@rules.predicate
def in_process_scope(user, obj) -> bool:
    """The process (of `obj`) is one whose internal data the user may see."""
    return in_scope(user, Process.objects.visible_to, _process_id(obj))


@rules.predicate
def is_open_process(user, obj) -> bool:
    return obj is not None and _process_of(obj).closed_on is None


@rules.predicate
def has_started(user, obj) -> bool:
    """The process (of `obj`) has reached its start date: before it there is nothing to end."""
    return obj is not None and _process_of(obj).started_on <= timezone.localdate()


@rules.predicate
def is_responsible_for_block(user, block) -> bool:
    if block is None or not hasattr(block, "responsible"):
        return False
    return any(person.pk == user.pk for person in block.responsible.all())


@rules.predicate
def is_draft_catalogue(user, catalogue) -> bool:
    return catalogue is not None and catalogue.is_editable


# Within the scope, the role decides: the programme office watches and steers,
# facilitators and coordinators shape the process, team members work on the blocks
# they are responsible for.
is_office_of_process = is_programme_office & in_process_scope
can_view_process = is_superuser | in_process_scope
can_plan_process = is_open_process & (
    is_superuser | ((is_facilitator | is_coordinator) & in_process_scope)
)
can_work_on_block = can_plan_process | (
    is_open_process & is_municipal & in_process_scope & is_responsible_for_block
)
can_steer_process = is_superuser | ((is_programme_office | is_facilitator) & in_process_scope)


@rules.predicate
def is_uploader_with_block_access(user, document) -> bool:
    return (
        document is not None
        and user.is_authenticated
        and document.uploaded_by_id == user.pk
        and can_work_on_block.test(user, document.block)
    )


rules.add_perm("processes.view_process_list", is_authenticated)
rules.add_perm("processes.view_process", can_view_process)
rules.add_perm("processes.change_process", can_plan_process)
rules.add_perm("processes.add_block", can_plan_process)
rules.add_perm("processes.move_block", can_plan_process)
rules.add_perm("processes.view_block", can_view_process)
rules.add_perm("processes.change_block", can_work_on_block)
rules.add_perm("processes.add_blockdocument", can_work_on_block)
rules.add_perm("processes.view_blockdocument", can_view_process)
rules.add_perm("processes.delete_blockdocument", can_plan_process | is_uploader_with_block_access)
rules.add_perm("processes.view_processlogentry", can_view_process)
rules.add_perm("processes.view_process_budget", can_view_process)
rules.add_perm("processes.add_consultingentry", is_open_process & can_steer_process)
# Whoever logs consulting corrects and deletes entries (a deletion keeps a trace).
rules.add_perm("processes.change_consultingentry", is_open_process & can_steer_process)
rules.add_perm("processes.delete_consultingentry", is_open_process & can_steer_process)
# Who accompanies a closed process is settled: changing it would open or end someone's
# access to a finished process. Reopening makes it possible again.
rules.add_perm(
    "processes.change_process_facilitators",
    is_open_process & (is_superuser | is_office_of_process),
)

# Facilitators close a process at the end of the consulting (never before it has
# started); reopening is the programme office's decision.
rules.add_perm("processes.close_process", is_open_process & has_started & can_steer_process)
rules.add_perm("processes.reopen_process", ~is_open_process & (is_superuser | is_office_of_process))

# Checked on a programme: start a draft of the programme's next catalogue version.
rules.add_perm("processes.add_catalogue", is_superuser | is_office_of_programme)
rules.add_perm("processes.view_catalogue", is_authenticated)
# A published catalogue version never changes; the office edits a draft copy instead.
rules.add_perm(
    "processes.change_catalogue", (is_superuser | is_office_of_programme) & is_draft_catalogue
)
