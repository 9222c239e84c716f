"""What each role should do next, computed in a bounded number of queries.

The dashboard views only pick the function for the user's role and render. Every
function here reads through the lower apps' QuerySets (`visible_to`, `in_scope_of`),
aggregates in SQL and fetches at most a fixed number of rows per list, so the page
costs the same for a programme office with 11,000 municipalities as for one with
three. Every link is offered only where the user's permission (django-rules) allows
the action behind it; the scope answers the permission checks need are remembered
from the very queries that fetched the rows (`core.access.remember_in_scope`), so
checking a permission per row costs no query.
"""

from dataclasses import dataclass, replace
from datetime import date, timedelta

from django.db.models import Count, Exists, F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from teilhabe.core.access import remember_in_scope
from teilhabe.core.queries import count_rows
from teilhabe.processes.models import (
    FINISHED_STATUSES,
    PHASE_ORDER,
    Block,
    BlockStatus,
    ConsultingEntry,
    Process,
)
from teilhabe.programmes.models import Application, ApplicationStatus, Municipality, Round
from teilhabe.selfcheck.models import Response, RoundStatus, SelfCheckRound
from teilhabe.stakeholders import analysis

# How many rows each list on a dashboard shows; the rest is counted and linked.
LIST_LIMIT = 10
# Blocks ending within this many days are "due" (as Process.due_blocks says).
DUE_DAYS = 14
# A running process without consulting logged for this long needs a look.
CONSULTING_QUIET_DAYS = 42


@dataclass(frozen=True)
class Step:
    """One step of a checklist: done or not, and where it is done."""

    label: str
    done: bool
    url: str | None
    action: str
    detail: str = ""
    # What the step reads like while it is still open, among the next steps.
    missing: str = ""

    def as_todo(self) -> "Step":
        return replace(self, label=self.missing or self.label)


@dataclass(frozen=True)
class Task:
    """Something due for a facilitator, in one municipality.

    `when` is the planned end of a block, the day a self-check round opened, or the
    day consulting was due again; `kind` is "overdue", "due", "selfcheck" or
    "consulting".
    """

    kind: str
    when: date
    overdue: bool
    municipality: str
    title: str
    url: str | None
    action: str


def _remember(user, scope, pks) -> None:
    for pk in pks:
        remember_in_scope(user, scope, pk)


def _ordered_blocks(process) -> list[Block]:
    """The process's prefetched blocks in board order (phase, position), no query."""
    return sorted(process.blocks.all(), key=lambda b: (PHASE_ORDER[b.phase], b.position, b.pk))


def _url_if(user, perm: str, obj, name: str, *args) -> str | None:
    return reverse(name, args=args) if user.has_perm(perm, obj) else None


# --- Municipal people (coordinator, team member) -----------------------------------


def municipal_overview(user, municipality: Municipality, today: date) -> dict:
    """Running processes with their first steps or what is due; otherwise the open call.

    Queries: processes (with facilitators, blocks and budget: 3), actors counted per
    category, self-check rounds with whether the user answered them, the user's own
    open blocks, applications, open rounds; constant whatever the data.
    """
    # A coordinator's or team member's scope is their own municipality (both scopes
    # say so for municipal people), so the rule checks below need not ask again.
    _remember(user, Municipality.objects.in_scope_of, [municipality.pk])
    _remember(user, Municipality.objects.in_work_scope_of, [municipality.pk])
    processes = list(Process.objects.visible_to(user).active().with_overview())
    _remember(user, Process.objects.visible_to, [p.pk for p in processes])
    coverage = analysis.coverage_of(municipality.pk)
    actor_count = sum(sum(row.counts.values()) for row in coverage.rows)
    mine_submitted = Response.objects.filter(
        round=OuterRef("pk"), respondent=user, submitted_at__isnull=False
    )
    selfchecks = list(
        SelfCheckRound.objects.filter(municipality=municipality)
        .annotate(answered_by_user=Exists(mine_submitted))
        .order_by("-opened_on", "-pk")[:LIST_LIMIT]
    )
    answered = {round_.pk for round_ in selfchecks if round_.answered_by_user}
    mine: dict[int, list[Block]] = {}
    if processes:
        for block in (
            Block.objects.filter(process__in=[p.pk for p in processes], responsible=user)
            .open()
            .order_by(F("planned_end").asc(nulls_last=True), "pk")[:LIST_LIMIT]
        ):
            mine.setdefault(block.process_id, []).append(block)
    context: dict = {"coverage": coverage, "actor_count": actor_count}
    for process in processes:
        process.my_blocks = mine.get(process.pk, [])
        steps = first_steps(user, process, municipality, actor_count, selfchecks)
        open_steps = [step for step in steps if not step.done]
        # New until its first block is done: then a missing first step is one of the
        # next steps, no longer a checklist headed "the first steps".
        process.is_new = bool(open_steps) and not any(
            block.status == BlockStatus.DONE for block in process.blocks.all()
        )
        process.first_steps = steps
        process.next_actions = [] if process.is_new else [step.as_todo() for step in open_steps]
        process.next_actions += next_actions(user, process, selfchecks, answered, today)
    context["processes"] = processes
    if not processes:
        context.update(_call_for_applications(user, municipality, today))
    return context


def first_steps(user, process, municipality, actor_count: int, selfchecks) -> list[Step]:
    """The first four steps of a new process, in the order they are usually taken."""
    facilitators = list(process.facilitators.all())
    blocks = [b for b in _ordered_blocks(process) if b.status != BlockStatus.DROPPED]
    planned = [
        b
        for b in blocks
        if b.planned_start
        or b.planned_end
        or b.status in (BlockStatus.IN_PROGRESS, BlockStatus.DONE)
    ]
    started = [
        r for r in selfchecks if r.opened_on >= process.started_on or r.status != RoundStatus.CLOSED
    ]
    process_url = _url_if(
        user, "processes.view_process", process, "processes:process_detail", process.pk
    )

    steps = [
        Step(
            label=_("Facilitator assigned"),
            missing=_("No facilitator is assigned yet."),
            done=bool(facilitators),
            url=_url_if(
                user,
                "processes.change_process_facilitators",
                process,
                "processes:facilitators",
                process.pk,
            )
            or process_url,
            action=_("Assign a facilitator")
            if user.has_perm("processes.change_process_facilitators", process)
            else _("See the process"),
            detail=", ".join(str(f) for f in facilitators)
            if facilitators
            else _("The programme office assigns your facilitator."),
        ),
    ]
    actor_url = _url_if(
        user,
        "stakeholders.change_actor",
        municipality,
        "stakeholders:actor_create",
        municipality.pk,
    )
    steps.append(
        Step(
            label=_("Stakeholder analysis begun"),
            missing=_("The stakeholder analysis has no actors yet."),
            done=bool(actor_count),
            url=(
                _url_if(
                    user,
                    "stakeholders.view_actor",
                    municipality,
                    "stakeholders:actor_list",
                    municipality.pk,
                )
                if actor_count or not actor_url
                else actor_url
            ),
            action=_("Add the first actor")
            if not actor_count and actor_url
            else _("See the actors"),
        )
    )
    round_create = _url_if(
        user,
        "selfcheck.add_selfcheckround",
        municipality,
        "selfcheck:round_create",
        municipality.pk,
    )
    steps.append(
        Step(
            label=_("Self-check round started"),
            missing=_("No self-check round has been started yet."),
            done=bool(started),
            url=(
                _url_if(
                    user,
                    "selfcheck.view_selfcheckround",
                    started[0],
                    "selfcheck:round_detail",
                    started[0].pk,
                )
                if started
                else round_create
                or _url_if(
                    user,
                    "selfcheck.view_selfcheckround",
                    municipality,
                    "selfcheck:round_list",
                    municipality.pk,
                )
            ),
            action=_("Open the self-check round")
            if started
            else (_("Start a self-check round") if round_create else _("See the self-check")),
        )
    )
    unplanned = next((b for b in blocks if b not in planned), None)
    if planned:
        block_url = _url_if(
            user, "processes.view_block", planned[0], "processes:block_detail", planned[0].pk
        )
        block_action = _("Open the building block")
    elif unplanned and user.has_perm("processes.change_block", unplanned):
        block_url = reverse("processes:block_edit", args=[unplanned.pk])
        block_action = _("Plan dates for “%(block)s”") % {"block": unplanned.display_name}
    else:
        block_url, block_action = process_url, _("See the process")
    steps.append(
        Step(
            label=_("First building block planned"),
            missing=_("No building block has dates yet."),
            done=bool(planned),
            url=block_url,
            action=block_action,
        )
    )
    return steps


def next_actions(user, process, selfchecks, answered: set[int], today: date) -> list[Step]:
    """What a running process needs next, besides its due blocks and its budget.

    `answered` holds the self-check rounds the user has answered already.
    """
    actions: list[Step] = []
    for selfcheck in selfchecks:
        if selfcheck.status == RoundStatus.ADMINISTRATION:
            if selfcheck.pk not in answered and user.has_perm(
                "selfcheck.answer_selfcheckround", selfcheck
            ):
                actions.append(
                    Step(
                        label=_("The administration answers the self-check “%(title)s”.")
                        % {"title": selfcheck.title},
                        done=False,
                        url=reverse("selfcheck:answer", args=[selfcheck.pk]),
                        action=_("Answer the self-check"),
                    )
                )
            elif user.has_perm("selfcheck.change_selfcheckround", selfcheck):
                actions.append(
                    Step(
                        label=_(
                            "The administration answers the self-check “%(title)s”; "
                            "then invite the further perspectives."
                        )
                        % {"title": selfcheck.title},
                        done=False,
                        url=selfcheck.get_absolute_url(),
                        action=_("Open the self-check round"),
                    )
                )
        elif selfcheck.status == RoundStatus.PERSPECTIVES:
            actions.append(
                Step(
                    label=_("Further perspectives answer the self-check “%(title)s”.")
                    % {"title": selfcheck.title},
                    done=False,
                    url=_url_if(
                        user,
                        "selfcheck.view_selfcheckround",
                        selfcheck,
                        "selfcheck:round_detail",
                        selfcheck.pk,
                    ),
                    action=_("Invite respondents and follow the answers"),
                )
            )
    blocks = [b for b in _ordered_blocks(process) if b.status not in FINISHED_STATUSES]
    due = process.due_blocks(today, DUE_DAYS)
    later = [b for b in blocks if b.planned_start and b.planned_start >= today]
    # Due blocks are listed above the next steps; only when none is due does the
    # page name what comes next.
    if blocks and not due and later:
        upcoming = min(later, key=lambda b: b.planned_start)
        actions.append(
            Step(
                label=_("Next planned: “%(block)s” from %(date)s.")
                % {
                    "block": upcoming.display_name,
                    "date": date_format(upcoming.planned_start, "SHORT_DATE_FORMAT"),
                },
                done=False,
                url=upcoming.get_absolute_url()
                if user.has_perm("processes.view_block", upcoming)
                else None,
                action=_("Prepare the building block"),
            )
        )
    elif blocks and not due and not any(b.status == BlockStatus.IN_PROGRESS for b in blocks):
        upcoming = blocks[0]
        may_change = user.has_perm("processes.change_block", upcoming)
        actions.append(
            Step(
                label=_("No building block is in progress. Next in line: “%(block)s”.")
                % {"block": upcoming.display_name},
                done=False,
                url=reverse("processes:block_edit", args=[upcoming.pk])
                if may_change
                else _url_if(
                    user, "processes.view_block", upcoming, "processes:block_detail", upcoming.pk
                ),
                action=_("Plan the building block") if may_change else _("Open the building block"),
            )
        )
    if process.budget_is_low and process.remaining_budget > 0:
        actions.append(
            Step(
                label=_(
                    "The consulting budget is nearly used up: agree with your facilitator what is still needed."
                ),
                done=False,
                url=_url_if(
                    user, "processes.view_process_budget", process, "processes:budget", process.pk
                ),
                action=_("See the budget"),
            )
        )
    return actions


def _call_for_applications(user, municipality, today: date) -> dict:
    """Open calls and this municipality's applications, each with what to do next."""
    applications = list(
        Application.objects.visible_to(user)
        .select_related("round__programme")
        .order_by("-round__call_closes", "-pk")[:LIST_LIMIT]
    )
    _remember(user, Application.objects.visible_to, [a.pk for a in applications])
    by_round = {a.round_id: a for a in applications}
    may_apply = user.has_perm("programmes.add_application")
    open_rounds = []
    for round_ in (
        Round.objects.open_for_applications(today)
        .select_related("programme")
        .order_by("call_closes", "pk")[:LIST_LIMIT]
    ):
        round_.days_left = (round_.call_closes - today).days
        round_.my_application = application = by_round.get(round_.pk)
        if application is None:
            round_.apply_url = (
                reverse("programmes:application_create", args=[round_.pk]) if may_apply else None
            )
        elif user.has_perm("programmes.change_application", application):
            round_.draft_url = reverse("programmes:application_edit", args=[application.pk])
        open_rounds.append(round_)
    waiting = []
    for application in applications:
        if application.status == ApplicationStatus.SUBMITTED:
            application.deadline_passed = application.round.call_closes < today
            waiting.append(application)
    earlier = [
        a
        for a in applications
        if a.status in (ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)
    ]
    return {
        "open_rounds": open_rounds,
        "submitted_applications": waiting,
        "earlier_applications": earlier,
    }


# --- Facilitator ---------------------------------------------------------------------

_URGENCY = {"overdue": 0, "consulting": 0, "due": 1, "selfcheck": 2}


def facilitator_tasks(user, today: date) -> dict:
    """What is due across the facilitator's running processes, the most urgent first.

    Three kinds, each fetched with LIMIT, and counted together in one query (4 queries
    plus the processes' own): open blocks overdue or ending within DUE_DAYS, self-check rounds
    still collecting answers, and processes without consulting for
    CONSULTING_QUIET_DAYS days.
    """
    running = Process.objects.visible_to(user).active()
    horizon = today + timedelta(days=DUE_DAYS)
    blocks = (
        Block.objects.filter(process__in=running)
        .open()
        .filter(planned_end__lte=horizon)
        .select_related("process__municipality")
        .order_by("planned_end", "pk")
    )
    open_rounds = (
        SelfCheckRound.objects.filter(municipality__processes__in=running)
        .exclude(status=RoundStatus.CLOSED)
        .distinct()
    )
    selfchecks = open_rounds.select_related("municipality").order_by("opened_on", "pk")
    last_entry = Subquery(
        ConsultingEntry.objects.filter(process=OuterRef("pk")).order_by("-date").values("date")[:1]
    )
    quiet_since = today - timedelta(days=CONSULTING_QUIET_DAYS)
    quiet = (
        running.annotate(last_consulting=last_entry)
        .filter(
            Q(last_consulting__lt=quiet_since)
            | Q(last_consulting__isnull=True, started_on__lt=quiet_since)
        )
        .select_related("municipality")
        .order_by("last_consulting", "started_on", "pk")
    )
    block_rows = list(blocks[:LIST_LIMIT])
    selfcheck_rows = list(selfchecks[:LIST_LIMIT])
    quiet_rows = list(quiet[:LIST_LIMIT])
    _remember(
        user,
        Process.objects.visible_to,
        {b.process_id for b in block_rows} | {p.pk for p in quiet_rows},
    )
    _remember(user, Municipality.objects.in_scope_of, {r.municipality_id for r in selfcheck_rows})

    tasks: list[Task] = []
    for block in block_rows:
        overdue = block.planned_end < today
        tasks.append(
            Task(
                kind="overdue" if overdue else "due",
                when=block.planned_end,
                overdue=overdue,
                municipality=str(block.process.municipality),
                title=block.display_name,
                url=block.get_absolute_url()
                if user.has_perm("processes.view_block", block)
                else None,
                action=_("Open the building block"),
            )
        )
    for selfcheck in selfcheck_rows:
        tasks.append(
            Task(
                kind="selfcheck",
                when=selfcheck.opened_on,
                overdue=False,
                municipality=str(selfcheck.municipality),
                title=selfcheck.title,
                url=selfcheck.get_absolute_url()
                if user.has_perm("selfcheck.view_selfcheckround", selfcheck)
                else None,
                action=ngettext(
                    "%(status)s: %(count)s answer so far",
                    "%(status)s: %(count)s answers so far",
                    selfcheck.submitted_responses,
                )
                % {
                    "status": selfcheck.get_status_display(),
                    "count": selfcheck.submitted_responses,
                },
            )
        )
    for process in quiet_rows:
        since = process.last_consulting or process.started_on
        tasks.append(
            Task(
                kind="consulting",
                when=since + timedelta(days=CONSULTING_QUIET_DAYS),
                overdue=True,
                municipality=str(process.municipality),
                title=_("No consulting logged since %(date)s")
                % {"date": date_format(since, "SHORT_DATE_FORMAT")}
                if process.last_consulting
                else _("No consulting logged yet"),
                url=_url_if(
                    user,
                    "processes.add_consultingentry",
                    process,
                    "processes:budget",
                    process.pk,
                ),
                action=_("Log consulting"),
            )
        )
    # Overdue first, then what falls due soon, then rounds waiting for answers; within
    # each, the earliest date first.
    tasks.sort(key=lambda t: (_URGENCY[t.kind], t.when))
    counts = count_rows(
        overdue=blocks.filter(planned_end__lt=today),
        due=blocks.filter(planned_end__gte=today),
        selfchecks=open_rounds,
        quiet=quiet,
        running=running,
    )
    return {
        "tasks": tasks[:LIST_LIMIT],
        "overdue_count": counts["overdue"],
        "due_count": counts["due"],
        "selfcheck_count": counts["selfchecks"],
        "quiet_count": counts["quiet"],
        "running_count": counts["running"],
        "due_days": DUE_DAYS,
        "quiet_days": CONSULTING_QUIET_DAYS,
    }


# --- Programme office ----------------------------------------------------------------


def office_decisions(user, today: date) -> dict:
    """Decisions waiting for the programme office, counted in SQL, a few listed.

    Submitted applications (per round, with the deadline), running processes whose
    blocks are all finished or whose round has ended (to close), and running
    processes without a facilitator. Lists with LIMIT, all counts in one query:
    ten queries with the session's, whatever the number of municipalities.
    """
    submitted = Application.objects.visible_to(user).filter(status=ApplicationStatus.SUBMITTED)
    per_round = list(
        Round.objects.filter(pk__in=submitted.values("round"))
        .select_related("programme")
        .annotate(
            waiting=Count(
                "applications",
                filter=Q(applications__status=ApplicationStatus.SUBMITTED),
            )
        )
        .order_by("call_closes", "pk")[:LIST_LIMIT]
    )
    for round_ in per_round:
        round_.deadline_passed = round_.call_closes < today
    oldest = list(
        submitted.select_related("municipality", "round__programme").order_by(
            "round__call_closes", "submitted_at", "pk"
        )[:LIST_LIMIT]
    )
    _remember(user, Application.objects.visible_to, [a.pk for a in oldest])
    for application in oldest:
        application.may_decide = user.has_perm("programmes.decide_application", application)

    running = Process.objects.visible_to(user).active()
    open_blocks = Block.objects.filter(process=OuterRef("pk")).exclude(status__in=FINISHED_STATUSES)
    any_block = Block.objects.filter(process=OuterRef("pk"))
    completed = running.filter(Exists(any_block)).exclude(Exists(open_blocks))
    round_over = running.filter(round__ends_on__lt=today)
    to_close = (
        running.filter(Q(pk__in=completed.values("pk")) | Q(round__ends_on__lt=today))
        .select_related("municipality", "round__programme")
        .order_by("round__ends_on", "municipality__name", "pk")
    )
    to_close_rows = list(to_close[:LIST_LIMIT])
    without_facilitator = (
        running.filter(facilitators__isnull=True)
        .select_related("municipality", "round__programme")
        .order_by("started_on", "municipality__name", "pk")
    )
    unassigned_rows = list(without_facilitator[:LIST_LIMIT])
    _remember(user, Process.objects.visible_to, [p.pk for p in to_close_rows + unassigned_rows])
    for process in unassigned_rows:
        process.may_assign = user.has_perm("processes.change_process_facilitators", process)

    counts = count_rows(
        submitted=submitted,
        completed=completed,
        to_close=to_close,
        without_facilitator=without_facilitator,
        running=running,
        closed=Process.objects.visible_to(user).filter(closed_on__isnull=False),
    )
    rounds_over = list(
        Round.objects.filter(pk__in=round_over.values("round"))
        .select_related("programme")
        .annotate(open_processes=Count("processes", filter=Q(processes__closed_on__isnull=True)))
        .order_by("ends_on", "pk")[:LIST_LIMIT]
    )
    return {
        "submitted_count": counts["submitted"],
        "submitted_per_round": per_round,
        "submitted_oldest": oldest,
        "completed_count": counts["completed"],
        "to_close": to_close_rows,
        "to_close_count": counts["to_close"],
        "rounds_over": rounds_over,
        "without_facilitator": unassigned_rows,
        "without_facilitator_count": counts["without_facilitator"],
        "running_count": counts["running"],
        "closed_count": counts["closed"],
    }
