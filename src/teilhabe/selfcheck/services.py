"""Actions of the self-check: versions, rounds, invitations, answering, workshop record."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.core.mail import send_templated_mail
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
    top = instrument.versions.order_by("-number").first()
    draft = InstrumentVersion.objects.create(
        instrument=instrument, number=top.number + 1, note=note, created_by=by
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
def publish_version(version: InstrumentVersion, *, by) -> InstrumentVersion:
    """Publish a draft; the previously published version is retired (rounds keep it)."""
    if version.status != VersionStatus.DRAFT:
        raise ValidationError(_("Only a draft version can be published."))
    if not Item.objects.filter(field__version=version).exists():
        raise ValidationError(_("A version without questions cannot be published."))
    InstrumentVersion.objects.filter(
        instrument=version.instrument, status=VersionStatus.PUBLISHED
    ).update(status=VersionStatus.RETIRED)
    version.status = VersionStatus.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at", "updated_at"])
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
    opened_on=None,
) -> SelfCheckRound:
    """Open a self-check round on the current published version of the instrument."""
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
        opened_on=opened_on or timezone.localdate(),
    )
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def set_round_status(round_: SelfCheckRound, status: str, *, by) -> SelfCheckRound:
    """Move a round on: administration → further perspectives → closed.

    The other perspectives answer only after at least one administration response
    was submitted; that is the method's order.
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
    round_.status = status
    round_.closed_on = timezone.localdate() if status == RoundStatus.CLOSED else None
    round_.save(update_fields=["status", "closed_on", "updated_at"])
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
) -> Invitation:
    invitation = Invitation(
        round=round_, perspective=perspective, label=label, email=email, created_by=by
    )
    invitation.full_clean()
    invitation.save()
    return invitation


# --- Answering -------------------------------------------------------------------------


def response_for_member(round_: SelfCheckRound, user) -> Response:
    """The administration response of a staff member, created on first use."""
    response, _created = Response.objects.get_or_create(
        round=round_, respondent=user, defaults={"perspective": Perspective.ADMINISTRATION}
    )
    return response


def response_for_invitation(invitation: Invitation) -> Response:
    response = getattr(invitation, "response", None)
    if response is None:
        response = Response.objects.create(
            round=invitation.round, perspective=invitation.perspective, invitation=invitation
        )
    return response


@transaction.atomic
def save_answers(response: Response, values: dict[int, dict]) -> None:
    """Store answers by item id: {"scale": 1..5 | None, "yes": bool | None,
    "dont_know": bool, "text": str}. A submitted response is final.
    """
    if response.is_submitted:
        raise ValidationError(_("These answers were submitted already and cannot change."))
    items = {item.pk: item for item in Item.objects.filter(field__version=response.round.version)}
    for item_id, value in values.items():
        item = items.get(item_id)
        if item is None:
            raise ValidationError(_("This question does not belong to this self-check."))
        answer, _created = Answer.objects.get_or_create(response=response, item=item)
        answer.dont_know = bool(value.get("dont_know")) and item.kind != ItemKind.TEXT
        answer.scale = None if answer.dont_know else value.get("scale")
        answer.yes = None if answer.dont_know else value.get("yes")
        answer.text = value.get("text", "") or ""
        answer.full_clean()
        answer.save()


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
def submit_response(response: Response) -> Response:
    """Make a response final; refuses while required items are missing."""
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
    response.submitted_at = timezone.now()
    response.save(update_fields=["submitted_at", "updated_at"])
    return response


# --- Workshop record ----------------------------------------------------------------------


@transaction.atomic
def save_workshop_note(
    round_: SelfCheckRound,
    field: FieldOfAction,
    *,
    potentials: str,
    recommendations: str,
) -> WorkshopNote:
    note, _created = WorkshopNote.objects.get_or_create(round=round_, field=field)
    note.potentials = potentials
    note.recommendations = recommendations
    note.save()
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
) -> FirstStep:
    step = FirstStep(
        round=round_,
        field=field,
        text=text,
        responsible=responsible,
        due_on=due_on,
        created_by=by,
    )
    step.full_clean()
    step.save()
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
def save_questionnaire(response: Response, values: dict[int, dict], *, department: str) -> None:
    """Save answers and the optional department together; nothing becomes final."""
    save_answers(response, values)
    department = department.strip()
    if response.department != department:
        response.department = department
        response.save(update_fields=["department", "updated_at"])


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
