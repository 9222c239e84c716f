"""Actions on municipalities, rounds and applications."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from teilhabe.accounts.models import Role, User
from teilhabe.core.mail import send_templated_mail
from teilhabe.programmes.models import Application, ApplicationStatus, Programme
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
def create_programme(*, by=None, office_members=(), **fields) -> Programme:
    """Create a programme with version 1 of the default building-block catalogue.

    Without a published catalogue, admitted municipalities would start with an
    empty process.
    """
    programme = Programme(**fields)
    programme.full_clean()
    programme.save()
    if office_members:
        programme.office_members.set(office_members)
    programme_created.send(sender=Programme, programme=programme, by=by)
    return programme


@transaction.atomic
def submit_application(application: Application, *, by) -> Application:
    """Hand in a draft; the programme office is told by e-mail."""
    if _locked_status(application) != ApplicationStatus.DRAFT:
        raise ValidationError(_("Only a draft can be submitted."))
    if not application.round.is_open():
        raise ValidationError(_("The application period of this round is over."))
    application.full_clean()
    application.status = ApplicationStatus.SUBMITTED
    application.submitted_at = timezone.now()
    application.save(update_fields=["status", "submitted_at", "updated_at"])
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


def _record_decision(application, status, by, decision_note: str, review_note: str) -> None:
    application.status = status
    application.decided_at = timezone.now()
    application.decided_by = by
    application.decision_note = decision_note
    if review_note:
        application.review_note = review_note
    application.save()


@transaction.atomic
def admit_application(
    application: Application,
    *,
    by,
    started_on: date | None = None,
    facilitators=(),
    decision_note: str = "",
    review_note: str = "",
):
    """Admit a submitted application into its round and open the municipality's process.

    The process starts with the default blocks of the programme's published catalogue
    and the given facilitators; the municipality is told by e-mail. Raises
    ValidationError (and changes nothing) when the application cannot be admitted.
    """
    if _locked_status(application) != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be admitted."))
    if application.round.processes.filter(municipality=application.municipality_id).exists():
        raise ValidationError(_("This municipality already has a process in this round."))
    _record_decision(application, ApplicationStatus.ADMITTED, by, decision_note, review_note)
    # processes opens the process in this transaction (processes/receivers.py).
    application_admitted.send(
        sender=Application,
        application=application,
        by=by,
        started_on=started_on,
        facilitators=facilitators,
    )
    _notify_municipality(application, "programmes/email/application_admitted", by=by)
    return application.process


@transaction.atomic
def reject_application(
    application: Application, *, by, decision_note: str, review_note: str = ""
) -> Application:
    """Turn a submitted application down; the note tells the municipality why."""
    if not decision_note.strip():
        raise ValidationError({"decision_note": _("Please tell the municipality why.")})
    if _locked_status(application) != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted application can be decided."))
    _record_decision(application, ApplicationStatus.REJECTED, by, decision_note, review_note)
    _notify_municipality(application, "programmes/email/application_rejected", by=by)
    return application
