"""Actions of the self-check: versions, rounds, invitations, answering, workshop record."""

import dataclasses
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EMPTY_VALUES
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.core.mail import send_templated_mail
from teilhabe.selfcheck import scores
from teilhabe.selfcheck.models import (
    Answer,
    FieldOfAction,
    FirstStep,
    Instrument,
    InstrumentVersion,
    Invitation,
    Item,
    ItemKind,
    Perspective,
    Response,
    RoundStatus,
    SelfCheckRound,
    VersionStatus,
    WorkshopNote,
)

# --- Instrument versions ---------------------------------------------------------------


@transaction.atomic
def succeed_version(version: InstrumentVersion, *, by, note: str = "") -> InstrumentVersion:
    """A new draft version copying fields and items; the old one stays as it is.

    This is the only way to change a version that has answers.
    """
    instrument = version.instrument
    existing = instrument.versions.filter(status=VersionStatus.DRAFT).first()
    if existing:
        return existing
    # `version` itself is one of them, so there is always a highest number.
    top = instrument.versions.order_by("-number").values_list("number", flat=True).first()
    draft = InstrumentVersion.objects.create(
        instrument=instrument, number=(top or version.number) + 1, note=note, created_by=by
    )
    for field in version.fields.prefetch_related("items"):
        items = list(field.items.all())
        field.pk = None
        field.version = draft
        field.save()
        for item in items:
            item.pk = None
            item.field = field
            item.save()
    return draft


@transaction.atomic
def publish_version(
    version: InstrumentVersion, *, by, now: datetime | None = None
) -> InstrumentVersion:
    """Publish a draft at `now`; the previously published version is retired (rounds
    keep it). Raises ValidationError for a version that is no draft or has no items.
    """
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft version can be published."))
    if not Item.objects.filter(field__version=version).exists():
        raise ValidationError(_("A version without questions cannot be published."))
    InstrumentVersion.objects.filter(
        instrument=version.instrument, status=VersionStatus.PUBLISHED
    ).update(status=VersionStatus.RETIRED)
    now = now or timezone.now()
    version.status = VersionStatus.PUBLISHED
    version.published_at = now
    version.save(update_fields=["status", "published_at", "updated_at"], now=now)
    return version


def ensure_editable(version: InstrumentVersion) -> None:
    """Raise when a version may no longer change (published, or already answered)."""
    if not version.is_editable:
        raise ValidationError(
            _("This version was published or answered already; create a new version instead.")
        )


# --- Rounds ------------------------------------------------------------------------------


@transaction.atomic
def open_round(
    municipality,
    *,
    by,
    title: str,
    instrument: Instrument | None = None,
    baseline=None,
    on: date | None = None,
    now: datetime | None = None,
) -> SelfCheckRound:
    """Open a self-check round at `now` (default: the current time) on the current
    published version of the instrument; it counts as opened on the day `on`
    (default: the day of `now`).

    Raises ValidationError when the instrument has no published version or the
    baseline belongs to another municipality.
    """
    now = now or timezone.now()
    instrument = instrument or Instrument.objects.get(key="selbstcheck")
    version = instrument.current_version()
    if version is None:
        raise ValidationError(_("The instrument has no published version."))
    round_ = SelfCheckRound(
        municipality=municipality,
        version=version,
        title=title,
        baseline=baseline,
        created_by=by,
        opened_on=on or timezone.localdate(now),
    )
    round_.full_clean()
    round_.save(now=now)
    return round_


@transaction.atomic
def set_round_status(
    round_: SelfCheckRound,
    status: str,
    *,
    by,
    on: date | None = None,
    now: datetime | None = None,
) -> SelfCheckRound:
    """Move a round on at `now`: administration → further perspectives → closed (on
    the day `on`, default: the day of `now`).

    The other perspectives answer only after at least one administration response
    was submitted; that is the method's order (ValidationError otherwise).
    """
    if (
        status == RoundStatus.PERSPECTIVES
        and not round_.responses.submitted().filter(perspective=Perspective.ADMINISTRATION).exists()
    ):
        raise ValidationError(
            _(
                "The administration answers first: at least one administration response must be submitted."
            )
        )
    now = now or timezone.now()
    round_.status = status
    round_.closed_on = (on or timezone.localdate(now)) if status == RoundStatus.CLOSED else None
    round_.save(update_fields=["status", "closed_on", "updated_at"], now=now)
    return round_


def perspective_allowed(round_: SelfCheckRound, perspective: str) -> bool:
    if round_.status == RoundStatus.CLOSED:
        return False
    if round_.status == RoundStatus.ADMINISTRATION:
        return perspective == Perspective.ADMINISTRATION
    return True


@transaction.atomic
def create_invitation(
    round_: SelfCheckRound,
    *,
    perspective: str,
    by,
    label: str = "",
    email: str = "",
    now: datetime | None = None,
) -> Invitation:
    """A personal link for one respondent, created at `now` and valid for
    SELFCHECK_INVITATION_DAYS from then."""
    now = now or timezone.now()
    invitation = Invitation(
        round=round_,
        perspective=perspective,
        label=label,
        email=email,
        created_by=by,
        expires_at=now + timedelta(days=settings.SELFCHECK_INVITATION_DAYS),
    )
    invitation.full_clean()
    invitation.save(now=now)
    return invitation


# --- Answering -------------------------------------------------------------------------


def response_for_member(round_: SelfCheckRound, user, *, now: datetime | None = None) -> Response:
    """The administration response of a staff member, created on first use (at `now`)."""
    response, _created = Response.objects.get_or_create(
        round=round_,
        respondent=user,
        defaults={
            "perspective": Perspective.ADMINISTRATION,
            "created_at": now or timezone.now(),
        },
    )
    return response


def response_for_invitation(invitation: Invitation, *, now: datetime | None = None) -> Response:
    """The response given through an invitation link, created on first use (at `now`)."""
    response, _created = Response.objects.get_or_create(
        invitation=invitation,
        defaults={
            "round": invitation.round,
            "perspective": invitation.perspective,
            "created_at": now or timezone.now(),
        },
    )
    return response


def record_answers(
    response: Response, values: dict[int, dict], *, now: datetime | None = None
) -> None:
    """Store answers by item id in a few queries; the response counts as changed at `now`.

    The caller has locked the response and checked that it may still change (see
    `save_answers`). Raises ValidationError, before anything is stored, for a
    question of another self-check or a value the question does not take.
    """
    version = response.round.version_id
    items = {item.pk: item for item in Item.objects.filter(field__version=version)}
    existing = {answer.item_id: answer for answer in response.answers.all()}
    new: list[Answer] = []
    # Changed answers by their new values: (dont_know, scale, yes, text) -> ids.
    changed: dict[tuple, list[int]] = {}
    for item_id, value in values.items():
        item = items.get(item_id)
        if item is None:
            raise ValidationError(_("This question does not belong to this self-check."))
        answer = existing.get(item_id) or Answer(response=response, item=item)
        before = (answer.dont_know, answer.scale, answer.yes, answer.text)
        answer.dont_know = bool(value.get("dont_know")) and item.kind != ItemKind.TEXT
        # An empty value ("") is no answer: full_clean skips empty values of a blank
        # field, so it would reach the database unconverted and fail there.
        scale, yes = value.get("scale"), value.get("yes")
        answer.scale = None if answer.dont_know or scale in EMPTY_VALUES else scale
        answer.yes = None if answer.dont_know or yes in EMPTY_VALUES else yes
        answer.text = value.get("text", "") or ""
        # Response and item were checked above and the item is the key of `values`, so
        # only the values need checking: without the queries of the relation, unique
        # and constraint checks, a questionnaire of 64 items saves in a few queries.
        answer.full_clean(
            exclude=["response", "item"], validate_unique=False, validate_constraints=False
        )
        after = (answer.dont_know, answer.scale, answer.yes, answer.text)
        if answer.pk is None:
            new.append(answer)
        elif after != before:
            changed.setdefault(after, []).append(answer.pk)
    Answer.objects.bulk_create(new)
    # One plain UPDATE per distinct set of values (a questionnaire has few: five scale
    # values, yes, no, don't know, and its texts) and none for an unchanged answer.
    # This runs while the database is locked for writing; bulk_update's CASE
    # expression over every answer took most of that time (about 40 ms for 64 items).
    for (dont_know, scale, yes, text), ids in changed.items():
        Answer.objects.filter(pk__in=ids).update(
            dont_know=dont_know, scale=scale, yes=yes, text=text
        )
    response.save(update_fields=["updated_at"], now=now)


@transaction.atomic
def save_answers(
    response: Response, values: dict[int, dict], *, now: datetime | None = None
) -> None:
    """Store answers by item id: {"scale": 1..5 | None, "yes": bool | None,
    "dont_know": bool, "text": str}, at `now`. A submitted response is final.

    Raises ValidationError, and stores none of them, when the response was submitted
    or an item belongs to another version.
    """
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.is_submitted:
        raise ValidationError(_("These answers were submitted already and cannot change."))
    record_answers(response, values, now=now)


def missing_items(response: Response) -> list[Item]:
    """Required items without an answer ("don't know" counts as an answer)."""
    answered = {
        answer.item_id for answer in response.answers.select_related("item") if answer.is_answered
    }
    return [
        item
        for item in Item.objects.filter(field__version=response.round.version, required=True)
        .select_related("field")
        .order_by("field__position", "position")
        if item.pk not in answered
    ]


@transaction.atomic
def submit_response(response: Response, *, now: datetime | None = None) -> Response:
    """Make a response final at `now`; refuses (ValidationError) while required items
    are missing or the round takes no answers from its perspective.
    """
    response = Response.objects.select_for_update().get(pk=response.pk)
    if response.is_submitted:
        raise ValidationError(_("These answers were submitted already."))
    if not perspective_allowed(response.round, response.perspective):
        raise ValidationError(_("This round does not take answers from this perspective now."))
    missing = missing_items(response)
    if missing:
        raise ValidationError(
            _("Please answer every question first (or choose “don't know”). Missing: %(count)s.")
            % {"count": len(missing)}
        )
    now = now or timezone.now()
    response.submitted_at = now
    response.save(update_fields=["submitted_at", "updated_at"], now=now)
    scores.response_submitted(response.round)
    return response


@dataclasses.dataclass(frozen=True)
class QuestionnaireOutcome:
    """What `answer_questionnaire` did: the response, and whether it is final now."""

    response: Response
    submitted: bool
    # Required items still unanswered when a submit was asked for: the answers were
    # saved as a draft, but the response is not final.
    missing: list[Item] = dataclasses.field(default_factory=list)


@transaction.atomic
def answer_questionnaire(
    round_: SelfCheckRound,
    values: dict[int, dict],
    *,
    department: str | None = None,
    submit: bool = False,
    by=None,
    invitation: Invitation | None = None,
    now: datetime | None = None,
) -> QuestionnaireOutcome:
    """Save what the questionnaire page posted, and make it final when `submit` is asked.

    The respondent is a staff member (`by`, answering for the administration) or the
    holder of an `invitation`; their response is created on the first save. Answers,
    department and the submission form one transaction: a ValidationError (already
    submitted, the link no longer valid, the round not taking this perspective now, a
    question of another self-check) leaves nothing stored, not even a new response.
    A submit with required questions unanswered is not an error: the answers are saved
    as a draft and the outcome lists the missing items. `department` None leaves the
    stored one as it is (a step of the questionnaire that does not ask for it).
    """
    now = now or timezone.now()
    if invitation is not None:
        if invitation.round_id != round_.pk:
            raise ValueError("The invitation belongs to another round.")
        # Locked, so two tabs saving the same link at once cannot both create a response.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.expires_at <= now:
            raise ValidationError(_("This link is no longer valid."))
        response = response_for_invitation(invitation, now=now)
    elif by is not None:
        response = response_for_member(round_, by, now=now)
    else:
        raise ValueError("Either the staff member (by) or the invitation answers.")
    # Only the response's row: locking the round too would make every respondent of
    # the round wait for the others.
    response = (
        Response.objects.select_for_update(of=("self",)).select_related("round").get(pk=response.pk)
    )
    if response.is_submitted:
        raise ValidationError(_("These answers were submitted already and cannot change."))
    if not perspective_allowed(response.round, response.perspective):
        raise ValidationError(_("This round does not take answers from this perspective now."))
    record_answers(response, values, now=now)
    department = response.department if department is None else department.strip()
    if response.department != department:
        response.department = department
        response.save(update_fields=["department", "updated_at"], now=now)
    if not submit:
        return QuestionnaireOutcome(response=response, submitted=False)
    missing = missing_items(response)
    if missing:
        return QuestionnaireOutcome(response=response, submitted=False, missing=missing)
    response.submitted_at = now
    response.save(update_fields=["submitted_at", "updated_at"], now=now)
    scores.response_submitted(response.round)
    return QuestionnaireOutcome(response=response, submitted=True)


# --- Workshop record ----------------------------------------------------------------------


@dataclasses.dataclass(frozen=True)
class WorkshopEntry:
    """What the workshop page records for one field of action."""

    field: FieldOfAction
    # The note is written only when it changed, so an untouched field leaves no empty note.
    note_changed: bool = False
    potentials: str = ""
    recommendations: str = ""
    # A new first step, when `step_text` is given.
    step_text: str = ""
    step_responsible: str = ""
    step_due_on: date | None = None


@transaction.atomic
def save_workshop(
    round_: SelfCheckRound,
    entries: Iterable[WorkshopEntry],
    *,
    by,
    now: datetime | None = None,
) -> None:
    """Store the workshop record of a round (changed notes, new first steps) at once,
    at `now`.

    The round's row is locked, so two people saving the page at the same moment
    cannot both create the same note. Raises ValidationError, and saves nothing,
    when a first step is invalid.
    """
    SelfCheckRound.objects.select_for_update().values_list("pk", flat=True).get(pk=round_.pk)
    for entry in entries:
        if entry.note_changed:
            save_workshop_note(
                round_,
                entry.field,
                potentials=entry.potentials,
                recommendations=entry.recommendations,
                by=by,
                now=now,
            )
        if entry.step_text:
            add_first_step(
                round_,
                entry.field,
                text=entry.step_text,
                by=by,
                responsible=entry.step_responsible,
                due_on=entry.step_due_on,
                now=now,
            )


@transaction.atomic
def save_workshop_note(
    round_: SelfCheckRound,
    field: FieldOfAction,
    *,
    potentials: str,
    recommendations: str,
    by=None,
    now: datetime | None = None,
) -> WorkshopNote:
    """Write the workshop's note on one field of action at `now`, creating it on first use.

    Raises ValidationError for a text the database cannot store.
    """
    note, _created = WorkshopNote.objects.get_or_create(
        round=round_, field=field, defaults={"created_at": now or timezone.now()}
    )
    note.potentials = potentials
    note.recommendations = recommendations
    # Only the texts can be wrong (a NUL character, which PostgreSQL cannot store).
    note.full_clean(exclude=["round", "field"], validate_unique=False, validate_constraints=False)
    note.save(now=now)
    return note


@transaction.atomic
def add_first_step(
    round_: SelfCheckRound,
    field: FieldOfAction,
    *,
    text: str,
    by,
    responsible: str = "",
    due_on=None,
    now: datetime | None = None,
) -> FirstStep:
    """Record a first step agreed in the workshop, at `now`; ValidationError when invalid."""
    step = FirstStep(
        round=round_,
        field=field,
        text=text,
        responsible=responsible,
        due_on=due_on,
        created_by=by,
    )
    step.full_clean()
    step.save(now=now)
    return step


def fields_of(round_: SelfCheckRound) -> Iterable[FieldOfAction]:
    return round_.version.fields.prefetch_related("items")


# --- Additions for the round, answering and instrument pages ------------------------------

# Where a round may move from each status: forward only, since going back to the
# administration phase would silently lock out perspectives that were invited already.
NEXT_STATUSES: dict[str, list[str]] = {
    RoundStatus.ADMINISTRATION: [RoundStatus.PERSPECTIVES, RoundStatus.CLOSED],
    RoundStatus.PERSPECTIVES: [RoundStatus.CLOSED],
    RoundStatus.CLOSED: [],
}


def next_statuses(round_: SelfCheckRound) -> list[str]:
    """The statuses a round may move on to from its current one."""
    return list(NEXT_STATUSES.get(round_.status, []))


def administration_has_answered(round_: SelfCheckRound) -> bool:
    return round_.responses.submitted().filter(perspective=Perspective.ADMINISTRATION).exists()


def send_invitation(invitation: Invitation, *, link: str, by=None) -> int:
    """Queue the personal link to the invitation's address (in German, the default).

    The respondent has no account and therefore no language preference; the link is
    passed in because only the request knows the absolute address it was opened from.
    `by` (default: whoever created the invitation) sees the mail on their dashboard
    if it cannot be delivered. Returns the number of mails queued.
    """
    if not invitation.email:
        return 0
    context = {
        "invitation": invitation,
        "round": invitation.round,
        "municipality": invitation.round.municipality,
        "link": link,
    }
    return send_templated_mail(
        "selfcheck/email/invitation",
        context,
        [invitation.email],
        caused_by=by or invitation.created_by,
    )


@transaction.atomic
def update_item_texts(
    item: Item, *, text: str, text_en: str = "", help: str = "", help_en: str = ""
) -> Item:
    """Change the wording of an item of a draft that nobody answered yet."""
    ensure_editable(item.field.version)
    item.text = text
    item.text_en = text_en
    item.help = help
    item.help_en = help_en
    item.full_clean()
    item.save(update_fields=["text", "text_en", "help", "help_en"])
    return item
