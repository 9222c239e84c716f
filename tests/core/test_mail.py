"""Outgoing mail: recorded with the action, sent by a task after commit, retried later.

The tests use the immediate task backend (tests/conftest.py) and Django's locmem mail
backend; tests/failing_mail.py stands in for a mail server that is down.
"""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from teilhabe.core.mail import MAX_ATTEMPTS, RETRY_DELAYS, deliver_mail, send_again
from teilhabe.core.mail import send_templated_mail as queue_mail
from teilhabe.core.models import MailStatus, OutgoingMail
from tests.factories import CoordinatorFactory, ProgrammeOfficeFactory
from tests.failing_mail import LOCMEM, REFUSING

pytestmark = pytest.mark.django_db


@pytest.fixture
def inviter(db):
    return ProgrammeOfficeFactory(full_name="Paula Büro")


@pytest.fixture
def invitee(db):
    return CoordinatorFactory(full_name="Sabine Wolf", preferred_language="en")


def invite(invitee, inviter, language=None):
    return queue_mail(
        "accounts/email/invitation",
        {"user": invitee, "inviter": inviter, "path": "/set-password/abc/"},
        [invitee.email],
        language=language,
        caused_by=inviter,
    )


def test_sent_after_commit_in_the_recipients_language(
    invitee, inviter, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        assert invite(invitee, inviter, language="en") == 1
        assert mail.outbox == []  # nothing leaves before the commit
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [invitee.email]
    assert message.subject == "Paula Büro invites you to Teilhabe"
    assert "/set-password/abc/" in message.body
    outgoing = OutgoingMail.objects.get()
    assert outgoing.status == MailStatus.SENT
    assert outgoing.sent_at is not None
    assert outgoing.attempts == 1
    assert outgoing.language == "en"
    assert outgoing.caused_by == inviter
    assert outgoing.subject == message.subject
    # The personal link is not kept once it has left.
    assert outgoing.body == ""


def test_default_language_is_german(invitee, inviter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter)
    assert mail.outbox[0].subject == "Paula Büro lädt Sie zu Teilhabe ein"
    assert OutgoingMail.objects.get().language == "de"


def test_rolled_back_action_leaves_no_mail(invitee, inviter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        invite(invitee, inviter)
        transaction.set_rollback(True)
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_failure_is_recorded_not_raised(
    settings, invitee, inviter, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter)
    outgoing = OutgoingMail.objects.get()
    # The immediate backend cannot defer a retry, so one attempt is all there is.
    assert outgoing.status == MailStatus.FAILED
    assert outgoing.attempts == 1
    assert outgoing.last_error == "ConnectionRefusedError: [Errno 111] Connection refused"
    assert outgoing.sent_at is None
    assert outgoing.body  # kept for sending again
    assert list(OutgoingMail.objects.undelivered().visible_to(inviter)) == [outgoing]


def test_smtp_reply_is_shortened_to_its_first_line(
    settings, invitee, inviter, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.failing_mail.RejectingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter)
    assert OutgoingMail.objects.get().last_error == "SMTPSenderRefused: 550 5.7.1 Sender rejected"


def test_send_again_delivers_once_the_server_works(
    settings, invitee, inviter, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter)
    outgoing = OutgoingMail.objects.get()
    settings.EMAIL_BACKEND = LOCMEM
    with django_capture_on_commit_callbacks(execute=True):
        send_again(outgoing, by=inviter)
    outgoing.refresh_from_db()
    assert outgoing.status == MailStatus.SENT
    assert outgoing.last_error == ""
    assert [m.to for m in mail.outbox] == [[invitee.email]]
    with pytest.raises(ValidationError):
        send_again(outgoing, by=inviter)


def test_running_the_task_twice_sends_once(invitee, inviter, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter)
    outgoing = OutgoingMail.objects.get()
    assert deliver_mail.call(outgoing.pk) == "skipped"
    deliver_mail.enqueue(outgoing.pk)
    assert len(mail.outbox) == 1
    outgoing.refresh_from_db()
    assert outgoing.attempts == 1


def test_a_bug_is_not_retried(settings, invitee, inviter, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = "tests.failing_mail.BrokenBackend"
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter)
    outgoing = OutgoingMail.objects.get()
    with pytest.raises(ValueError):
        deliver_mail.call(outgoing.pk)
    outgoing.refresh_from_db()
    assert outgoing.status == MailStatus.FAILED
    assert outgoing.last_error == "ValueError: broken backend"
    assert DBTaskResult.objects.count() == 1  # the first one only, no retry queued


def run_worker():
    """One round of `manage.py db_worker`: claim and run every task that is due.

    Uses the worker's own run_task, but not its loop: the loop closes "old" database
    connections, which on PostgreSQL would close the test's transaction.
    """
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    for result in list(DBTaskResult.objects.ready()):
        result.claim(worker.worker_id)
        worker.run_task(result)


def test_database_queue_retries_with_growing_delays_then_gives_up(
    settings, invitee, inviter, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.EMAIL_BACKEND = REFUSING
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter)
    # Queued, not sent: the request is done before the mail server is asked.
    outgoing = OutgoingMail.objects.get()
    assert outgoing.status == MailStatus.QUEUED
    assert outgoing.attempts == 0
    assert DBTaskResult.objects.count() == 1

    for attempt, delay in enumerate(RETRY_DELAYS, start=1):
        before = timezone.now()
        run_worker()
        outgoing.refresh_from_db()
        assert outgoing.attempts == attempt
        assert outgoing.status == MailStatus.QUEUED
        assert "Connection refused" in outgoing.last_error
        waiting = DBTaskResult.objects.ready()
        assert not waiting.exists()  # the next attempt waits for its run_after
        retry = DBTaskResult.objects.order_by("-enqueued_at").first()
        assert before + delay <= retry.run_after <= timezone.now() + delay
        # Let the time pass.
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())

    run_worker()
    outgoing.refresh_from_db()
    assert outgoing.attempts == MAX_ATTEMPTS
    assert outgoing.status == MailStatus.FAILED
    assert DBTaskResult.objects.count() == MAX_ATTEMPTS
    assert mail.outbox == []


def test_database_queue_sends_with_the_worker(
    settings, invitee, inviter, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        invite(invitee, inviter, language="en")
    assert mail.outbox == []
    run_worker()
    assert [m.subject for m in mail.outbox] == ["Paula Büro invites you to Teilhabe"]
    assert OutgoingMail.objects.get().status == MailStatus.SENT


def test_visible_to_the_causer_and_superusers_only(inviter, invitee, admin_user):
    outgoing = OutgoingMail.objects.create(
        template="t", recipient="a@example.org", language="de", subject="s", caused_by=inviter
    )
    assert list(OutgoingMail.objects.visible_to(inviter)) == [outgoing]
    assert list(OutgoingMail.objects.visible_to(admin_user)) == [outgoing]
    assert not OutgoingMail.objects.visible_to(invitee).exists()
