"""Actions on municipalities, rounds and applications."""

from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.accounts.models import Role, User
from teilhabe.core.mail import send_templated_mail
from teilhabe.programmes.models import (
    Application,
    ApplicationStatus,
    Municipality,
    Programme,
    Round,
)
from teilhabe.programmes.signals import application_admitted, programme_created


def _locked_status(application: Application) -> str:
    """The application's status as stored, with its row locked for this transaction.

    Two people deciding (or submitting) at the same moment must not both pass the
    status check; the second one waits and then sees the new status.
    """
    return (
        Application.objects.select_for_update()
        .values_list("status", flat=True)
        .get(pk=application.pk)
    )


@transaction.atomic
def save_programme(
    programme: Programme, *, by=None, office_members=None, now: datetime | None = None
) -> Programme:
    """Validate and save a programme; a new one gets version 1 of the default catalogue.

    Without a published catalogue, admitted municipalities would start with an
    empty process. The programme is saved and its catalogue published at `now`
    (default: the current time). `office_members`, when given, replaces the
    programme office.
    """
    created = programme.pk is None
    programme.full_clean()
    programme.save(now=now)
    if office_members is not None:
        programme.office_members.set(office_members)
    if created:
        programme_created.send(sender=Programme, programme=programme, by=by, now=now)
    return programme


def create_programme(
    *, by=None, office_members=(), now: datetime | None = None, **fields
) -> Programme:
    """Create a programme from its field values (see `save_programme`)."""
    return save_programme(Programme(**fields), by=by, office_members=office_members, now=now)


@transaction.atomic
def save_round(round_: Round, *, by) -> Round:
    """Validate and save a new or changed funding round of a programme.

    Raises ValidationError when the dates are out of order or the programme already
    has a round of that name.
    """
    round_.full_clean()
    round_.save()
    return round_


@transaction.atomic
def save_municipality(municipality: Municipality, *, by) -> Municipality:
    """Validate and save a new or changed municipality; `by` becomes the creator of a new one.

    Raises ValidationError when the municipality key (AGS) is malformed or taken.
    """
    if municipality.pk is None:
        municipality.created_by = by
    municipality.full_clean()
    municipality.save()
    return municipality


@transaction.atomic
def create_application(application: Application, *, by, now: datetime | None = None) -> Application:
    """Save a new application of a municipality for a round as a draft, created at `now`.

    One application per municipality and round, and only while the call is open on
    the day of `now` (default: the current time): raises ValidationError otherwise.
    The municipality's row is locked, so two coordinators applying at the same
    moment cannot both pass the check.
    """
    now = now or timezone.now()
    Municipality.objects.select_for_update().values_list("pk", flat=True).get(
        pk=application.municipality_id
    )
    if Application.objects.filter(
        round=application.round_id, municipality=application.municipality_id
    ).exists():
        raise ValidationError(_("Your municipality has already applied for this round."))
    if not application.round.is_open(timezone.localdate(now)):
        raise ValidationError(_("The application period of this round is over."))
    application.status = ApplicationStatus.DRAFT
    application.created_by = by
    application.full_clean()
    application.save(now=now)
    return application


@transaction.atomic
def update_application(application: Application, *, by) -> Application:
    """Save the changed texts of a draft; raises ValidationError once it was submitted."""
    if _locked_status(application) != ApplicationStatus.DRAFT:
        raise ValidationError(_("Only a draft can be changed."), code="not_a_draft")
    application.full_clean()
    application.save()
    return application


@transaction.atomic
def submit_application(application: Application, *, by, now: datetime | None = None) -> Application:
    """Hand in a draft at `now`; the programme office is told by e-mail.

    Raises ValidationError when it is no draft, the call was not open on the day of
    `now`, or the application is incomplete.
    """
    now = now or timezone.now()
    if _locked_status(application) != ApplicationStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    if not application.round.is_open(timezone.localdate(now)):
        raise ValidationError(_("The application period of this round is over."))
    application.full_clean()
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = now
    application.save(update_fields=["status", "submitted_at", "updated_at"], now=now)
    office = application.round.programme.office_members.filter(is_active=True)
    for person in office:
        send_templated_mail(
            "programmes/email/application_submitted",
            {"application": application, "recipient": person},
            [person.email],
            language=person.preferred_language,
            caused_by=by,
        )
    return application


def _notify_municipality(application: Application, template: str, *, by) -> None:
    recipients = list(
        User.objects.filter(
            municipality=application.municipality, role=Role.COORDINATOR, is_active=True
        )
    )
    addresses = {u.email: u.preferred_language for u in recipients}
    addresses.setdefault(application.contact_email, "de")
    for address, language in addresses.items():
        send_templated_mail(
            template, {"application": application}, [address], language=language, caused_by=by
        )


def _record_decision(
    application, status, by, decision_note: str, review_note: str, now: datetime
) -> None:
    application.status = status
    application.decided_at = now
    application.decided_by = by
    application.decision_note = decision_note
    if review_note:
        application.review_note = review_note
    application.save(now=now)


@transaction.atomic
def admit_application(
    application: Application,
    *,
    by,
    started_on: date | None = None,
    facilitators=(),
    decision_note: str = "",
    review_note: str = "",
    now: datetime | None = None,
):
    """Admit a submitted application into its round and open the municipality's process.

    The process starts with the default blocks of the programme's published catalogue
    and the given facilitators; the municipality is told by e-mail. The decision, the
    process and its first log entries are dated `now`; without `started_on` the
    process starts on the later of the round's start and that day. Raises
    ValidationError (and changes nothing) when the application cannot be admitted.
    """
    now = now or timezone.now()
    if _locked_status(application) != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be admitted."))
    if application.round.processes.filter(municipality=application.municipality_id).exists():
        raise ValidationError(_("This municipality already has a process in this round."))
    _record_decision(application, ApplicationStatus.ADMITTED, by, decision_note, review_note, now)
    # processes opens the process in this transaction (processes/receivers.py).
    application_admitted.send(
        sender=Application,
        application=application,
        by=by,
        started_on=started_on,
        facilitators=facilitators,
        now=now,
    )
    _notify_municipality(application, "programmes/email/application_admitted", by=by)
    return application.process


@transaction.atomic
def reject_application(
    application: Application,
    *,
    by,
    decision_note: str,
    review_note: str = "",
    now: datetime | None = None,
) -> Application:
    """Turn a submitted application down at `now`; the note tells the municipality why.

    Raises ValidationError without a note or when the application is not submitted.
    """
    if not decision_note.strip():
        raise ValidationError({"decision_note": _("Please tell the municipality why.")})
    if _locked_status(application) != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be decided."))
    _record_decision(
        application,
        ApplicationStatus.REJECTED,
        by,
        decision_note,
        review_note,
        now or timezone.now(),
    )
    _notify_municipality(application, "programmes/email/application_rejected", by=by)
    return application
