"""The "Send again" button of the dashboard's undelivered-mail notice."""

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from teilhabe.core.models import MailStatus, OutgoingMail
from tests.factories import CoordinatorFactory

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("dashboards:dashboard")


@pytest.fixture
def undelivered(office):
    return OutgoingMail.objects.create(
        template="accounts/email/invitation",
        recipient="kim@example.org",
        language="de",
        subject="Paula Büro lädt Sie zu Teilhabe ein",
        body="Hallo Kim,\n",
        status=MailStatus.FAILED,
        attempts=5,
        last_error="ConnectionRefusedError: [Errno 111] Connection refused",
        caused_by=office,
    )


def url(outgoing):
    return reverse("dashboards:mail_send_again", args=[outgoing.pk])


def test_causer_sends_again(client, office, undelivered, django_capture_on_commit_callbacks):
    client.force_login(office)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(undelivered))
    assert response.status_code == 302
    assert response["Location"] == DASHBOARD
    (message,) = mail.outbox
    assert message.to == ["kim@example.org"]
    assert message.subject == "Paula Büro lädt Sie zu Teilhabe ein"
    undelivered.refresh_from_db()
    assert undelivered.status == MailStatus.SENT
    assert url(undelivered) not in client.get(DASHBOARD).text


def test_superuser_may_send_again(client, admin_user, undelivered):
    client.force_login(admin_user)
    assert client.post(url(undelivered)).status_code == 302
    undelivered.refresh_from_db()
    # Queued; the immediate backend sends once the (test) transaction commits.
    assert undelivered.status == MailStatus.QUEUED


def test_anonymous_is_sent_to_login(client, undelivered):
    response = client.post(url(undelivered))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.parametrize("who", ["coordinator", "other_office", "facilitator"])
def test_somebody_else_gets_404(client, request, undelivered, who):
    client.force_login(request.getfixturevalue(who))
    assert client.post(url(undelivered)).status_code == 404
    undelivered.refresh_from_db()
    assert undelivered.status == MailStatus.FAILED


def test_get_is_not_allowed(client, office, undelivered):
    client.force_login(office)
    assert client.get(url(undelivered)).status_code == 405


def test_csrf_is_required(office, undelivered):
    client = Client(enforce_csrf_checks=True)
    client.force_login(office)
    assert client.post(url(undelivered)).status_code == 403


def test_a_mail_already_sent_is_not_sent_twice(client, office, undelivered):
    OutgoingMail.objects.filter(pk=undelivered.pk).update(
        status=MailStatus.SENT, sent_at=timezone.now()
    )
    client.force_login(office)
    response = client.post(url(undelivered), follow=True)
    assert "nicht mehr" in response.text or "no longer" in response.text
    assert mail.outbox == []


def test_unknown_mail_is_404(client, office):
    client.force_login(office)
    assert client.post(reverse("dashboards:mail_send_again", args=[999999])).status_code == 404


def test_coordinator_sees_own_failures_only(client, coordinator, undelivered):
    own = OutgoingMail.objects.create(
        template="programmes/email/application_submitted",
        recipient="buero@example.org",
        language="de",
        subject="Neue Bewerbung",
        status=MailStatus.FAILED,
        last_error="SMTPServerDisconnected: Connection unexpectedly closed",
        caused_by=coordinator,
    )
    client.force_login(coordinator)
    text = client.get(DASHBOARD).text
    assert "buero@example.org" in text
    assert "Connection unexpectedly closed" in text
    assert url(own) in text
    assert "kim@example.org" not in text
    client.force_login(CoordinatorFactory(municipality=coordinator.municipality))
    assert "buero@example.org" not in client.get(DASHBOARD).text


def test_admin_lists_mail_read_only_without_the_text(client, admin_user, undelivered):
    client.force_login(admin_user)
    changelist = client.get(reverse("admin:core_outgoingmail_changelist"))
    assert changelist.status_code == 200
    assert "kim@example.org" in changelist.text
    detail = client.get(reverse("admin:core_outgoingmail_change", args=[undelivered.pk]))
    assert detail.status_code == 200
    assert "Hallo Kim" not in detail.text
    assert 'name="_save"' not in detail.text
    assert client.get(reverse("admin:core_outgoingmail_add")).status_code == 403
