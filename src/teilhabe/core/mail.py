"""Outgoing e-mail: recorded with the action that causes it, sent by a background task.

`send_templated_mail` renders the mail and stores it as an `OutgoingMail` inside the
caller's transaction; only after that transaction commits is the task enqueued. A
rolled-back action therefore sends nothing, and a failing mail server can no longer
turn a committed action into an error page: the task records the failure, tries
again later, and finally shows the mail to the person who caused it.
"""

import logging
import smtplib
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from teilhabe.core.models import MailStatus, OutgoingMail

logger = logging.getLogger(__name__)

# Waits after the 1st, 2nd, … failed attempt; after the last one the mail is given up
# (five attempts in about two and a half hours) and shown as undelivered.
RETRY_DELAYS = (
    timedelta(minutes=1),
    timedelta(minutes=5),
    timedelta(minutes=30),
    timedelta(hours=2),
)
MAX_ATTEMPTS = len(RETRY_DELAYS) + 1
# Failures worth trying again: the server refused, timed out or could not be reached.
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError)


def send_templated_mail(
    template: str,
    context: dict,
    to: list[str],
    *,
    language: str | None = None,
    caused_by=None,
) -> int:
    """Queue `<template>_subject.txt` / `<template>_body.txt` for each address in `to`.

    The texts are rendered now, in `language` (default: the site language). Sending
    starts once the current transaction commits (at once outside a transaction).
    `caused_by` is the person whose action sent the mail; they see it on their
    dashboard if it cannot be delivered. Returns the number of mails queued.
    """
    language = language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {**context, "SITE_URL": settings.SITE_URL}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    causer = caused_by if getattr(caused_by, "pk", None) else None
    for address in to:
        mail = OutgoingMail.objects.create(
            template=template,
            recipient=address,
            language=language,
            subject=subject[: OutgoingMail._meta.get_field("subject").max_length],
            body=body,
            caused_by=causer,
        )
        _enqueue_after_commit(mail)
    return len(to)


def send_again(mail: OutgoingMail, *, by) -> OutgoingMail:
    """Queue an undelivered mail once more, with a fresh series of attempts.

    Raises ValidationError when the mail is not marked as undelivered (already sent,
    or queued again by someone else a moment ago).
    """
    with transaction.atomic():
        updated = OutgoingMail.objects.filter(pk=mail.pk, status=MailStatus.FAILED).update(
            status=MailStatus.QUEUED, attempts=0, updated_at=timezone.now()
        )
        if not updated:
            raise ValidationError(_("This e-mail is no longer waiting to be sent again."))
        logger.info("Mail %s queued again by user %s", mail.pk, getattr(by, "pk", None))
        _enqueue_after_commit(mail)
    mail.refresh_from_db()
    return mail


def _enqueue_after_commit(mail: OutgoingMail) -> None:
    # robust: a queue that cannot be reached is logged, not raised into the request
    # whose data has already been committed; the mail stays queued in the table.
    transaction.on_commit(partial(deliver_mail.enqueue, mail.pk), robust=True)


@task()
def deliver_mail(mail_id: int) -> str:
    """Send one recorded mail; on a transient failure queue the next attempt.

    Safe to run twice: only a mail in the queued state is claimed, by one atomic
    update, so a second run (or a second worker) finds nothing to do. The mail server
    is called outside any transaction, so SQLite is not locked while it answers.
    """
    now = timezone.now()
    claimed = OutgoingMail.objects.filter(pk=mail_id, status=MailStatus.QUEUED).update(
        status=MailStatus.SENDING,
        attempts=F("attempts") + 1,
        last_attempt_at=now,
        updated_at=now,
    )
    if not claimed:
        return "skipped"
    mail = OutgoingMail.objects.get(pk=mail_id)
    try:
        send_mail(mail.subject, mail.body, None, [mail.recipient])
    except TRANSIENT_ERRORS as exc:
        return _record_failure(mail, exc)
    except Exception as exc:
        # A bug, not the server: trying again would fail the same way. Recorded for
        # the person, re-raised so the task result keeps the traceback.
        _record_failure(mail, exc, final=True)
        raise
    mail.status = MailStatus.SENT
    mail.sent_at = timezone.now()
    mail.last_error = ""
    mail.body = ""
    mail.save(update_fields=["status", "sent_at", "last_error", "body", "updated_at"])
    return "sent"


def _record_failure(mail: OutgoingMail, exc: BaseException, *, final: bool = False) -> str:
    mail.last_error = _short_reason(exc)
    backend = deliver_mail.get_backend()
    # Without run_after (the immediate backend of the tests) a retry would run at
    # once, in the same request, and fail again at once: the failure is final then.
    retry = not final and mail.attempts < MAX_ATTEMPTS and backend.supports_defer
    mail.status = MailStatus.QUEUED if retry else MailStatus.FAILED
    mail.save(update_fields=["status", "last_error", "updated_at"])
    logger.warning(
        "Mail %s (%s) failed on attempt %s: %s",
        mail.pk,
        mail.template,
        mail.attempts,
        mail.last_error,
    )
    if not retry:
        return "failed"
    run_after = timezone.now() + RETRY_DELAYS[mail.attempts - 1]
    try:
        deliver_mail.using(run_after=run_after).enqueue(mail.pk)
    except Exception:
        # Without a queued next attempt the mail would wait for ever: give it up now,
        # so it is shown as undelivered and can be sent again by hand.
        logger.exception("Mail %s: could not queue the next attempt", mail.pk)
        mail.status = MailStatus.FAILED
        mail.save(update_fields=["status", "updated_at"])
        return "failed"
    return "retry"


def _short_reason(exc: BaseException) -> str:
    """Class name and first line of the message: enough to tell a refused login from a
    server that is down. smtplib never puts the password into its messages."""
    if isinstance(exc, smtplib.SMTPResponseException):
        message = exc.smtp_error
        if isinstance(message, bytes):
            message = message.decode("utf-8", "replace")
        message = f"{exc.smtp_code} {message}"
    else:
        message = str(exc)
    first_line = message.strip().splitlines()[0] if message.strip() else ""
    reason = f"{type(exc).__name__}: {first_line}" if first_line else type(exc).__name__
    return reason[: OutgoingMail._meta.get_field("last_error").max_length]
