"""Actions on actors: saving, assessing, involving and deleting personal data."""

from collections.abc import Iterable
from datetime import date, datetime
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.stakeholders.models import (
    INVOLVEMENT_ORDER,
    Actor,
    ActorCategory,
    ActorKind,
    Assessment,
    ImportPreview,
    Involvement,
    Participation,
)


def save_actor(actor: Actor, *, by, now: datetime | None = None) -> Actor:
    """Validate and save a new or changed actor, entered or changed at `now`.

    The checks (with their look-ups of category, organisation and municipality) run
    before, not inside, a write transaction: the save is one statement, so on SQLite
    the database is locked for writing only while it runs. The foreign keys in the
    database refuse a category or organisation deleted in between.
    """
    if actor.pk is None:
        actor.created_by = by
    actor.full_clean()
    actor.save(now=now)
    return actor


class NewActor(NamedTuple):
    """An actor to create by `import_actors`, with its first assessment if any."""

    actor: Actor
    assessment: tuple[int, int] | None = None  # (influence, attitude)


# An imported actor's foreign keys, enforced by the database in import_actors.
ACTOR_KEYS = ["municipality", "category", "organisation", "created_by"]


def import_actors(entries: Iterable[NewActor], *, by, now: datetime | None = None) -> list[Actor]:
    """Create the actors of an import with their assessments, all or nothing.

    Every actor and assessment is checked by `full_clean` *before* the transaction,
    except for what the database itself enforces inside it: foreign keys and check
    constraints (an IntegrityError there becomes the ValidationError below). Asking
    the database about those once per row cost four queries per actor, on top of the
    preview's form that had just checked the same row. Inside the transaction there
    are only bulk inserts: organisations first, so a person's `organisation`
    may be an unsaved organisation of the same import, then persons, then
    assessments. On SQLite the transaction holds the write lock of the whole database,
    so its length is everybody's waiting time: a 2,000-row import holds it for
    milliseconds, where saving row by row held it for seconds.

    Everything is dated `now` (default: the current time). Raises the first
    ValidationError of an actor or assessment, or a ValidationError when the data
    changed under the import (a category or organisation deleted meanwhile); nothing
    is saved then. Returns the actors, organisations first.
    """
    now = now or timezone.now()
    ordered = sorted(entries, key=lambda entry: entry.actor.kind != ActorKind.ORGANISATION)
    assessments: list[Assessment] = []
    for actor, assessment in ordered:
        if actor.pk is not None:
            raise ValueError("import_actors creates new actors only.")
        actor.created_by = by
        actor.created_at = actor.updated_at = now
        # Actor.clean accepts an organisation of the same import.
        actor.full_clean(exclude=ACTOR_KEYS, validate_constraints=False)
        if assessment is not None:
            influence, attitude = assessment
            new = Assessment(
                actor=actor,
                influence=influence,
                attitude=attitude,
                assessed_by=by,
                assessed_at=now,
            )
            # The actor gets its id only below; the scale validators run in Python.
            new.full_clean(exclude=["actor", "assessed_by"], validate_constraints=False)
            assessments.append(new)
    actors = [entry.actor for entry in ordered]
    organisations = [actor for actor in actors if actor.kind == ActorKind.ORGANISATION]
    persons = [actor for actor in actors if actor.kind != ActorKind.ORGANISATION]
    try:
        with transaction.atomic():
            # bulk_create takes over the id of a related object saved a moment ago
            # (a person's organisation, an assessment's actor).
            Actor.objects.bulk_create(organisations)
            Actor.objects.bulk_create(persons)
            Assessment.objects.bulk_create(assessments)
    except IntegrityError as exc:
        raise ValidationError(
            _("The data changed while importing, so nothing was imported. Please try again."),
            code="import_conflict",
        ) from exc
    return actors


def save_category(category: ActorCategory, *, by) -> ActorCategory:
    """Validate and save a category of the catalogue (programme office)."""
    category.full_clean()
    category.save()
    return category


@transaction.atomic
def assess(
    actor: Actor,
    *,
    influence: int,
    attitude: int,
    by,
    note: str = "",
    now: datetime | None = None,
) -> Assessment:
    """Record a new assessment made at `now`; earlier ones stay, so change over time
    is visible.

    Raises ValidationError for values outside the scales.
    """
    assessment = Assessment(
        actor=actor,
        influence=influence,
        attitude=attitude,
        note=note,
        assessed_by=by,
        assessed_at=now or timezone.now(),
    )
    assessment.full_clean()
    assessment.save()
    return assessment


def _raise_involvement(actor: Actor, at_least: str, now: datetime | None) -> None:
    if INVOLVEMENT_ORDER[actor.involvement] < INVOLVEMENT_ORDER[at_least]:
        actor.involvement = at_least
        actor.save(update_fields=["involvement", "updated_at"], now=now)


@transaction.atomic
def record_participation(
    actor: Actor,
    block,
    *,
    invited_on: date | None = None,
    took_part_on: date | None = None,
    note: str = "",
    by=None,
    now: datetime | None = None,
) -> Participation:
    """Note, at `now`, that an actor was invited to / took part in a building block.

    An invitation makes the actor at least "invited", taking part at least
    "involved"; the stage never goes down by itself. The dates are the caller's;
    nothing here takes the current day. Raises ValidationError when the block is in
    another municipality or taking part is dated before the invitation.
    """
    participation, _created = Participation.objects.get_or_create(
        actor=actor, block=block, defaults={"created_at": now or timezone.now()}
    )
    participation.invited_on = invited_on or participation.invited_on
    participation.took_part_on = took_part_on or participation.took_part_on
    participation.note = note or participation.note
    participation.full_clean()
    participation.save(now=now)
    if participation.took_part_on:
        _raise_involvement(actor, Involvement.INVOLVED, now)
    elif participation.invited_on:
        _raise_involvement(actor, Involvement.INVITED, now)
    return participation


def set_involvement(actor: Actor, involvement: str, *, by, now: datetime | None = None) -> Actor:
    """Set the involvement stage by hand, in either direction.

    Participations only ever raise the stage; a coordinator may also lower it,
    e.g. when an active organisation withdraws.
    """
    if involvement not in Involvement.values:
        raise ValidationError({"involvement": _("Please choose a valid stage.")})
    if actor.involvement != involvement:
        actor.involvement = involvement
        actor.save(update_fields=["involvement", "updated_at"], now=now)
    return actor


@transaction.atomic
def delete_actor(actor: Actor, *, by, now: datetime | None = None) -> None:
    """Delete an actor.

    A person's personal data is removed, but the row stays without it (category,
    involvement, assessments and participation dates), so the municipality's
    anonymous statistics do not change (`anonymised_at` is `now`). An organisation is
    deleted entirely; its persons stay, no longer linked to it.
    """
    if actor.kind == ActorKind.ORGANISATION:
        actor.delete()
        return
    now = now or timezone.now()
    actor.name = ""
    actor.role = ""
    actor.email = ""
    actor.phone = ""
    actor.address = ""
    actor.website = ""
    actor.languages = ""
    actor.notes = ""
    actor.silent_group = ""
    actor.organisation = None
    actor.anonymised_at = now
    actor.save(now=now)
    actor.assessments.update(note="")
    actor.participations.update(note="")


def keep_import_preview(
    municipality, rows: list, *, filename: str, by, now: datetime | None = None
) -> ImportPreview:
    """Store the rows of an uploaded file until the uploader confirms or discards them.

    Replaces the uploader's earlier preview for the municipality, and deletes every
    expired preview on the way, so contact data from unconfirmed imports does not pile
    up even when nobody runs `purge_import_previews`.
    """
    now = now or timezone.now()
    with transaction.atomic():
        ImportPreview.objects.expired(now).delete()
        ImportPreview.objects.filter(municipality=municipality, created_by=by).delete()
        return ImportPreview.objects.create(
            municipality=municipality,
            created_by=by,
            created_at=now,
            filename=filename[:255],
            rows=rows,
        )


def take_import_preview(
    preview_id, municipality, *, by, now: datetime | None = None
) -> ImportPreview | None:
    """Remove and return the preview `preview_id` if `by` made it for `municipality`.

    Returns None for an unknown, foreign or expired id (an expired one is deleted too).
    Deleting before importing means a preview is used at most once, even when the
    confirmation is sent twice at the same moment: only one request deletes the row.
    """
    now = now or timezone.now()
    ImportPreview.objects.filter(pk=preview_id).expired(now).delete()
    preview = (
        ImportPreview.objects.current(now)
        .filter(pk=preview_id, municipality=municipality, created_by=by)
        .first()
    )
    if preview is None:
        return None
    deleted, _per_model = ImportPreview.objects.filter(pk=preview.pk).delete()
    return preview if deleted else None


def purge_import_previews(*, now: datetime | None = None) -> int:
    """Delete the expired import previews; returns how many there were."""
    deleted, _per_model = ImportPreview.objects.expired(now).delete()
    return deleted
