from django.urls import reverse
from django.utils import timezone

from teilhabe.core.models import MailStatus, OutgoingMail

URL = reverse("dashboards:dashboard")


def _failed_mail(causer, n=1):
    return [
        OutgoingMail.objects.create(
            template="t",
            recipient=f"empfang{i}@example.org",
            language="de",
            subject=f"Betreff {i}",
            status=MailStatus.FAILED,
            last_error="ConnectionRefusedError: [Errno 111] Connection refused",
            caused_by=causer,
        )
        for i in range(n)
    ]


def test_undelivered_mail_is_shown_to_its_causer_only(client, office, coordinator, facilitator):
    (failed,) = _failed_mail(office)
    OutgoingMail.objects.create(
        template="t",
        recipient="angekommen@example.org",
        language="de",
        subject="Angekommen",
        status=MailStatus.SENT,
        sent_at=timezone.now(),
        caused_by=office,
    )
    retry_url = reverse("dashboards:mail_send_again", args=[failed.pk])
    client.force_login(office)
    text = client.get(URL).text
    assert "empfang0@example.org" in text
    assert "Betreff 0" in text
    assert "Connection refused" in text
    assert retry_url in text
    assert "angekommen@example.org" not in text
    for other in (coordinator, facilitator):
        client.force_login(other)
        assert retry_url not in client.get(URL).text


def test_superuser_sees_every_undelivered_mail(client, admin_user, coordinator):
    (failed,) = _failed_mail(coordinator)
    client.force_login(admin_user)
    assert reverse("dashboards:mail_send_again", args=[failed.pk]) in client.get(URL).text


def test_undelivered_mail_list_is_bounded(client, coordinator):
    _failed_mail(coordinator, 12)
    client.force_login(coordinator)
    response = client.get(URL)
    assert response.context["undelivered_count"] == 12
    assert len(response.context["undelivered_mail"]) == 10
    assert response.text.count("/send-again/") == 10


def test_office_also_watches_mail_of_municipalities_in_its_scope(
    client, office, other_office, coordinator, process
):
    (failed,) = _failed_mail(coordinator)
    retry_url = reverse("dashboards:mail_send_again", args=[failed.pk])
    client.force_login(office)
    assert retry_url in client.get(URL).text
    assert client.post(retry_url).status_code == 302

    client.force_login(other_office)
    assert retry_url not in client.get(URL).text
    assert client.post(retry_url).status_code == 404
