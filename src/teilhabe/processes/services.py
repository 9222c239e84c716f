"""Actions on processes, building blocks, documents, budgets and catalogues.

Views, the admin, commands and the demo loader all go through these functions, so
the same rules and the same process log apply everywhere.
"""

from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from teilhabe.processes.models import (
    Block,
    BlockDocument,
    BlockStatus,
    BlockType,
    Catalogue,
    CatalogueStatus,
    ConsultingEntry,
    ConsultingUnit,
    LogAction,
    Process,
    ProcessLogEntry,
    consulting_cost,
    future_consulting_date_error,
)


def log(
    process: Process,
    action: str,
    *,
    by,
    subject: str = "",
    data: dict | None = None,
    now: datetime | None = None,
):
    """Append an entry to the process log, dated `now` (default: the current time)."""
    return ProcessLogEntry.objects.create(
        process=process,
        at=now or timezone.now(),
        actor=by,
        action=action,
        subject=str(subject)[:250],
        data=data or {},
    )


# --- Catalogue ---------------------------------------------------------------------


def current_catalogue(programme) -> Catalogue | None:
    return programme.catalogues.filter(status=CatalogueStatus.PUBLISHED).first()


@transaction.atomic
def create_catalogue_draft(
    programme, *, by, note: str = "", now: datetime | None = None
) -> Catalogue:
    """A new draft version created at `now`, copied from the published version when
    there is one.

    Returns the existing draft if the programme already has one.
    """
    existing = programme.catalogues.filter(status=CatalogueStatus.DRAFT).first()
    if existing:
        return existing
    latest = programme.catalogues.order_by("-version").first()
    draft = Catalogue(
        programme=programme,
        version=(latest.version + 1) if latest else 1,
        status=CatalogueStatus.DRAFT,
        note=note,
        created_by=by,
    )
    draft.save(now=now)
    source = current_catalogue(programme)
    if source:
        BlockType.objects.bulk_create(
            BlockType(
                catalogue=draft,
                key=bt.key,
                name=bt.name,
                name_en=bt.name_en,
                description=bt.description,
                description_en=bt.description_en,
                phase=bt.phase,
                position=bt.position,
                included_by_default=bt.included_by_default,
                typical_weeks=bt.typical_weeks,
            )
            for bt in source.block_types.all()
        )
    return draft


@transaction.atomic
def publish_catalogue(catalogue: Catalogue, *, by, now: datetime | None = None) -> Catalogue:
    """Publish a draft at `now`; the previously published version is retired."""
    if catalogue.status != CatalogueStatus.DRAFT:
        raise ValueError("Only a draft catalogue can be published.")
    Catalogue.objects.filter(
        programme=catalogue.programme, status=CatalogueStatus.PUBLISHED
    ).update(status=CatalogueStatus.RETIRED)
    now = now or timezone.now()
    catalogue.status = CatalogueStatus.PUBLISHED
    catalogue.published_at = now
    catalogue.save(update_fields=["status", "published_at", "updated_at"], now=now)
    return catalogue


def save_block_type(block_type: BlockType, *, by) -> BlockType:
    """Create or change a building-block type; only a draft catalogue may change.

    The caller (a ModelForm) has validated the block type.
    """
    if not block_type.catalogue.is_editable:
        raise ValueError("Only a draft catalogue can be changed.")
    block_type.save()
    return block_type


# --- Processes ---------------------------------------------------------------------


@transaction.atomic
def create_process(
    *,
    municipality,
    round,
    started_on: date,
    by,
    application=None,
    budget: Decimal | None = None,
    facilitators: Iterable = (),
    now: datetime | None = None,
) -> Process:
    """Open the process of an admitted municipality with the default blocks.

    The process, its blocks and the log entries (opened, facilitators assigned) are
    dated `now`.
    """
    now = now or timezone.now()
    catalogue = current_catalogue(round.programme)
    process = Process(
        municipality=municipality,
        round=round,
        application=application,
        catalogue=catalogue,
        started_on=started_on,
        budget=round.programme.default_budget if budget is None else budget,
    )
    process.save(now=now)
    log(process, LogAction.PROCESS_CREATED, by=by, subject=str(municipality), now=now)
    if catalogue:
        Block.objects.bulk_create(
            Block(
                process=process,
                block_type=bt,
                name=bt.name,
                name_en=bt.name_en,
                description=bt.description,
                phase=bt.phase,
                position=(index + 1) * 10,
                # bulk_create does not call save(), so the moment is set here.
                created_at=now,
                updated_at=now,
            )
            for index, bt in enumerate(catalogue.block_types.filter(included_by_default=True))
        )
    for facilitator in facilitators:
        assign_facilitator(process, facilitator, by=by, now=now)
    return process


@transaction.atomic
def close_process(
    process: Process, *, by, on: date | None = None, now: datetime | None = None
) -> Process:
    """Close a process on the day `on`: from then on it is read-only for everyone.

    The action happens at `now` (default: the current time), and `on` defaults to
    that day. Raises ValidationError for a process that has not started by the day of
    `now` (nothing to close yet), and for a closing date before the process start or
    after that day.
    """
    now = now or timezone.now()
    today = timezone.localdate(now)
    if process.started_on > today:
        raise ValidationError(
            _("The process starts on %(start)s: it can only be closed once it has started.")
            % {"start": date_format(process.started_on, "SHORT_DATE_FORMAT")},
            code="not_started",
        )
    on = on or today
    if on < process.started_on:
        raise ValidationError(
            {
                "closed_on": _("A process cannot close before it started (%(start)s).")
                % {"start": date_format(process.started_on, "SHORT_DATE_FORMAT")}
            }
        )
    if on > today:
        raise ValidationError({"closed_on": _("The closing date cannot be in the future.")})
    process.closed_on = on
    process.save(update_fields=["closed_on", "updated_at"], now=now)
    log(process, LogAction.PROCESS_CLOSED, by=by, data={"text": on.isoformat()}, now=now)
    return process


@transaction.atomic
def reopen_process(process: Process, *, by, now: datetime | None = None) -> Process:
    """Open a closed process again; the log notes it at `now`."""
    process.closed_on = None
    process.save(update_fields=["closed_on", "updated_at"], now=now)
    log(process, LogAction.PROCESS_REOPENED, by=by, now=now)
    return process


def _refuse_if_closed(process: Process) -> None:
    if process.closed_on is not None:
        raise ValidationError(_("The process is closed: reopen it to change who accompanies it."))


@transaction.atomic
def assign_facilitator(process: Process, facilitator, *, by, now: datetime | None = None) -> None:
    """Add a facilitator to the process (once); the log notes it at `now`.

    Raises ValidationError on a closed process: who accompanies it is settled.
    """
    _refuse_if_closed(process)
    if process.facilitators.filter(pk=facilitator.pk).exists():
        return
    process.facilitators.add(facilitator)
    log(process, LogAction.FACILITATOR_ASSIGNED, by=by, subject=str(facilitator), now=now)


@transaction.atomic
def remove_facilitator(process: Process, facilitator, *, by, now: datetime | None = None) -> None:
    """Take a facilitator off the process; the log notes it at `now`.

    Raises ValidationError on a closed process: who accompanies it is settled.
    """
    _refuse_if_closed(process)
    process.facilitators.remove(facilitator)
    log(process, LogAction.FACILITATOR_REMOVED, by=by, subject=str(facilitator), now=now)


# --- Blocks ------------------------------------------------------------------------


def _next_position(process: Process) -> int:
    top = process.blocks.aggregate(top=Max("position"))["top"]
    return (top or 0) + 10


def _place_by_date(block: Block) -> None:
    """Put a new block before the first block of its phase that is planned later.

    A block without a planned date, or planned after all others, stays at the end.
    """
    when = block.planned_start or block.planned_end
    if when is None:
        return
    siblings = [b for b in _phase_siblings(block) if b.pk != block.pk]
    planned = [b.planned_start or b.planned_end for b in siblings]
    later = next((i for i, day in enumerate(planned) if day is not None and day > when), None)
    if later is None:
        return
    siblings.insert(later, block)
    _renumber(siblings)
    block.refresh_from_db(fields=["position"])


@transaction.atomic
def add_block(
    process: Process,
    *,
    by,
    block_type: BlockType | None = None,
    now: datetime | None = None,
    **fields,
) -> Block:
    """Add a block, from the catalogue (copying its texts) or freely defined.

    Raises ValidationError when the block's fields break a rule. The block is created
    and the log notes the addition at `now`.
    """
    if block_type is not None:
        fields.setdefault("name", block_type.name)
        fields.setdefault("name_en", block_type.name_en)
        fields.setdefault("description", block_type.description)
        fields.setdefault("phase", block_type.phase)
    responsible = fields.pop("responsible", None)
    block = Block(
        process=process, block_type=block_type, position=_next_position(process), **fields
    )
    block.full_clean()
    block.save(now=now)
    _place_by_date(block)
    if responsible:
        block.responsible.set(responsible)
    log(process, LogAction.BLOCK_ADDED, by=by, subject=block.name, now=now)
    return block


@transaction.atomic
def update_block(
    block: Block,
    *,
    by,
    changed: Iterable[str],
    responsible=None,
    now: datetime | None = None,
) -> Block:
    """Save a block already changed in memory (e.g. by a ModelForm) and log what changed.

    The caller has validated the block; `changed` names the fields that changed. The
    block's `updated_at` and the log entry are dated `now`.
    """
    changed = [name for name in changed if name != "responsible"]
    block.save(now=now)
    if responsible is not None:
        block.responsible.set(responsible)
    if changed or responsible is not None:
        fields = changed + (["responsible"] if responsible is not None else [])
        log(
            block.process,
            LogAction.BLOCK_CHANGED,
            by=by,
            subject=block.name,
            data={"fields": fields},
            now=now,
        )
    return block


# A block finished more than this many days before its planned date needs a
# confirmation: marking next year's block done today is more likely a slip than news.
EARLY_COMPLETION_DAYS = 14


def _completion_errors(
    block: Block, end: date, today: date, *, results: str, confirm_early: bool
) -> dict[str, ValidationError]:
    """Why `block` cannot be completed on `end` with `results` (empty when it can)."""
    errors: dict[str, ValidationError] = {}
    if not results.strip():
        errors["results"] = ValidationError(
            _(
                "Please note what came out of the building block: its results are what "
                "the next steps build on."
            ),
            code="results_missing",
        )
    if end > today:
        errors["completed_on"] = ValidationError(
            _("A building block cannot be done later than today (%(today)s).")
            % {"today": date_format(today, "SHORT_DATE_FORMAT")},
            code="done_in_future",
        )
    elif end < block.process.started_on:
        errors["completed_on"] = ValidationError(
            _("This date is before the process started (%(start)s).")
            % {"start": date_format(block.process.started_on, "SHORT_DATE_FORMAT")},
            code="done_before_process",
        )
    elif block.actual_start and end < block.actual_start:
        errors["completed_on"] = ValidationError(
            _("The building block started on %(start)s; it cannot be done before that.")
            % {"start": date_format(block.actual_start, "SHORT_DATE_FORMAT")},
            code="done_before_start",
        )
    planned = block.planned_start or block.planned_end
    if (
        not confirm_early
        and "completed_on" not in errors
        and planned
        and (planned - end).days > EARLY_COMPLETION_DAYS
    ):
        errors["confirm_early"] = ValidationError(
            _(
                "This building block is planned for %(planned)s, long after %(end)s. If it "
                "is really done already, please confirm it."
            )
            % {
                "planned": date_format(planned, "SHORT_DATE_FORMAT"),
                "end": date_format(end, "SHORT_DATE_FORMAT"),
            },
            code="done_early",
        )
    return errors


@transaction.atomic
def set_block_status(
    block: Block,
    status: str,
    *,
    by,
    reason: str = "",
    results: str | None = None,
    confirm_early: bool = False,
    now: datetime | None = None,
    on: date | None = None,
):
    """Move a block to `status`, filling in actual dates the way people expect.

    Starting work sets the actual start to the day `on` (default: the day of `now`).
    Completing a block asks for more: its `results` (given here or already on the
    block) and the day it was done, `on`, which must lie between the process start
    (and the block's actual start) and the day of `now`; without `on` a completion
    date already on the block is kept, else it is that day. A block planned more than
    EARLY_COMPLETION_DAYS after that day is only completed with `confirm_early`. The
    block's `updated_at` and the log entry are dated `now`. Raises ValidationError
    (keys `status`, `results`, `completed_on`, `confirm_early`, or a model field)
    when the result breaks a rule; the block is then left unchanged in the database.
    """
    if status not in BlockStatus.values:
        # Refused before the block is touched: the log must never record a status
        # that does not exist (PostgreSQL cannot even store some of them in JSON).
        message = Block._meta.get_field("status").error_messages["invalid_choice"]
        raise ValidationError({"status": message % {"value": status}})
    now = now or timezone.now()
    today = timezone.localdate(now)
    day = on or today
    old = block.status
    if old == status:
        return block
    if status == BlockStatus.DONE:
        end = on or block.actual_end or today
        final_results = block.results if results is None else results.strip()
        errors = _completion_errors(
            block, end, today, results=final_results, confirm_early=confirm_early
        )
        if errors:
            raise ValidationError(errors)
        block.results = final_results
        block.actual_start = block.actual_start or end
        block.actual_end = end
    block.status = status
    if status == BlockStatus.IN_PROGRESS and not block.actual_start:
        block.actual_start = max(day, block.process.started_on)
    if status == BlockStatus.PLANNED:
        block.actual_start = None
        block.actual_end = None
    if status == BlockStatus.DROPPED:
        block.drop_reason = reason
    block.full_clean()
    block.save(now=now)
    log(
        block.process,
        LogAction.BLOCK_STATUS,
        by=by,
        subject=block.name,
        data={"from": old, "to": status},
        now=now,
    )
    return block


def _renumber(blocks: list[Block]) -> None:
    for position, sibling in enumerate(blocks, start=1):
        sibling.position = position * 10
    Block.objects.bulk_update(blocks, ["position"])


def _phase_siblings(block: Block) -> list[Block]:
    return list(
        block.process.blocks.select_for_update()
        .filter(phase=block.phase)
        .order_by("position", "pk")
    )


@transaction.atomic
def move_block(block: Block, direction: str, *, by, now: datetime | None = None) -> Block:
    """Swap the block with its neighbour in the same phase ("up" or "down")."""
    siblings = _phase_siblings(block)
    index = next(i for i, b in enumerate(siblings) if b.pk == block.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(siblings):
        _place(block, siblings, index, target, by=by, now=now, data={"direction": direction})
    return block


@transaction.atomic
def move_block_to(block: Block, place: int, *, by, now: datetime | None = None) -> Block:
    """Move the block to `place` (1 = first) among the blocks of its phase, in one step.

    Raises ValidationError (key `place`) when the phase has no such place; moving a
    block to where it already is changes and logs nothing.
    """
    siblings = _phase_siblings(block)
    if not 1 <= place <= len(siblings):
        raise ValidationError(
            {
                "place": ValidationError(
                    _("Please choose a place between 1 and %(count)s.") % {"count": len(siblings)},
                    code="no_such_place",
                )
            }
        )
    index = next(i for i, b in enumerate(siblings) if b.pk == block.pk)
    if index != place - 1:
        _place(block, siblings, index, place - 1, by=by, now=now, data={"place": place})
    return block


def _place(block: Block, siblings: list[Block], index: int, target: int, *, by, now, data):
    """Put the block at `target` among its phase's `siblings`, renumber, log the move.

    The whole phase is renumbered, so equal positions cannot make a move a no-op."""
    siblings.insert(target, siblings.pop(index))
    _renumber(siblings)
    block.refresh_from_db(fields=["position"])
    log(block.process, LogAction.BLOCK_MOVED, by=by, subject=block.name, data=data, now=now)


# --- Documents ---------------------------------------------------------------------


@transaction.atomic
def add_document(
    block: Block, *, upload, title: str, by, now: datetime | None = None
) -> BlockDocument:
    """Store an uploaded file that the form has already checked for size and type.

    The document is uploaded and the log entry dated at `now`.
    """
    now = now or timezone.now()
    document = BlockDocument.objects.create(
        block=block,
        file=upload,
        title=title or upload.name,
        original_name=upload.name[:255],
        content_type=getattr(upload, "checked_content_type", "") or upload.content_type,
        size=upload.size,
        uploaded_by=by,
        uploaded_at=now,
    )
    log(
        block.process,
        LogAction.DOCUMENT_ADDED,
        by=by,
        subject=document.title,
        data={"text": block.name},
        now=now,
    )
    return document


def remove_document(document: BlockDocument, *, by, now: datetime | None = None) -> None:
    """Delete a document; the file goes once the deletion is committed
    (`receivers.delete_document_file`, which also covers cascades)."""
    process = document.block.process
    title = document.title
    with transaction.atomic():
        document.delete()
        log(process, LogAction.DOCUMENT_REMOVED, by=by, subject=title, now=now)


# --- Consulting budget -------------------------------------------------------------

# What a correction may change; the process log keeps the old and the new value.
CONSULTING_FIELDS = ("date", "facilitator", "block", "quantity", "unit", "cost", "note")


def _with_priced_cost(entry: ConsultingEntry) -> None:
    """An entry without a cost is priced at its round's day rate."""
    quantity = entry.quantity
    if (
        entry.cost is None
        and isinstance(quantity, Decimal)
        and quantity.is_finite()
        and 0 < quantity < 10**6
        and entry.unit in ConsultingUnit.values
    ):
        entry.cost = consulting_cost(quantity, entry.unit, entry.process.round.day_rate)


def _validate_consulting(entry: ConsultingEntry, now: datetime) -> None:
    errors: dict[str, list] = {}
    try:
        entry.full_clean()
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    today = timezone.localdate(now)
    if isinstance(entry.date, date) and entry.date > today and "date" not in errors:
        errors["date"] = [future_consulting_date_error(today)]
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def log_consulting(
    process: Process, *, by, now: datetime | None = None, **fields
) -> ConsultingEntry:
    """Record consulting work; refuses (ValidationError) to overspend the budget.

    The process row is locked so two facilitators cannot overspend together. The
    entry's `date` (the day the work was done) is one of `fields`; the entry is
    recorded and the log entry dated at `now`. Consulting is logged for work done:
    a `date` after the day of `now` (in the platform's time zone) is refused too, as
    is a date outside the funding round. Without a `cost` (or with `cost=None`) the
    entry is priced at the round's day rate; a cost far from that rate, or more days
    than the round has, is refused as a typing error (ConsultingEntry.clean).
    """
    now = now or timezone.now()
    process = Process.objects.select_related("round").select_for_update().get(pk=process.pk)
    fields.setdefault("cost", None)
    entry = ConsultingEntry(process=process, created_by=by, **fields)
    _with_priced_cost(entry)
    _validate_consulting(entry, now)
    entry.save(now=now)
    log(
        process,
        LogAction.CONSULTING_LOGGED,
        by=by,
        subject=str(entry.facilitator),
        data={"quantity": str(entry.quantity), "unit": entry.unit},
        now=now,
    )
    return entry


def _logged_value(entry: ConsultingEntry, name: str):
    """A field's value as the process log keeps it: JSON, readable without the row."""
    if name == "amount":
        return [str(entry.quantity), entry.unit]
    value = getattr(entry, name)
    if name in ("facilitator", "block"):
        return str(value) if value is not None else ""
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


@transaction.atomic
def change_consulting(
    entry: ConsultingEntry, *, by, now: datetime | None = None, **fields
) -> ConsultingEntry:
    """Correct a consulting entry; the process log keeps every old and new value.

    `fields` are some of CONSULTING_FIELDS; `cost=None` prices the entry at the round's
    day rate again. The same rules as for a new entry apply (ValidationError, nothing
    saved): within the budget (the process row is locked), within the round, not in
    the future of `now`, a plausible cost. A deleted entry cannot be corrected.
    Nothing is logged when nothing changed.
    """
    now = now or timezone.now()
    unknown = set(fields) - set(CONSULTING_FIELDS)
    if unknown:
        raise TypeError(f"change_consulting() got unexpected fields: {sorted(unknown)}")
    process = Process.objects.select_related("round").select_for_update().get(pk=entry.process_id)
    entry = ConsultingEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.is_deleted:
        raise ValidationError(_("This consulting entry has been deleted."), code="deleted")
    entry.process = process
    names = ["date", "facilitator", "block", "amount", "cost", "note"]
    before = {name: _logged_value(entry, name) for name in names}
    for name, value in fields.items():
        setattr(entry, name, value)
    _with_priced_cost(entry)
    _validate_consulting(entry, now)
    after = {name: _logged_value(entry, name) for name in names}
    changes = {name: [before[name], after[name]] for name in names if before[name] != after[name]}
    if not changes:
        return entry
    entry.save(update_fields=[*CONSULTING_FIELDS, "updated_at"], now=now)
    log(
        process,
        LogAction.CONSULTING_CHANGED,
        by=by,
        subject=str(entry.facilitator),
        data={"entry_id": entry.pk, "changes": changes},
        now=now,
    )
    return entry


@transaction.atomic
def delete_consulting(
    entry: ConsultingEntry, *, by, reason: str, now: datetime | None = None
) -> ConsultingEntry:
    """Delete a consulting entry softly: it stays with who, when (`now`) and why, and
    no longer counts towards the budget. The process log records it too.

    Raises ValidationError (on `reason`) without a reason, and when the entry is
    already deleted.
    """
    now = now or timezone.now()
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"reason": _("Please say briefly why the entry is deleted.")}, code="required"
        )
    process = Process.objects.select_for_update().get(pk=entry.process_id)
    entry = ConsultingEntry.objects.select_for_update().get(pk=entry.pk)
    if entry.is_deleted:
        raise ValidationError(_("This consulting entry has been deleted."), code="deleted")
    entry.deleted_at = now
    entry.deleted_by = by
    entry.deletion_reason = reason[:250]
    entry.save(update_fields=["deleted_at", "deleted_by", "deletion_reason", "updated_at"], now=now)
    log(
        process,
        LogAction.CONSULTING_DELETED,
        by=by,
        subject=str(entry.facilitator),
        data={
            "entry": {
                "id": entry.pk,
                "date": entry.date.isoformat(),
                "quantity": str(entry.quantity),
                "unit": entry.unit,
                "cost": str(entry.cost),
            },
            "reason": entry.deletion_reason,
        },
        now=now,
    )
    return entry
