from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from teilhabe.core.models import MailStatus, OutgoingMail
from teilhabe.processes.models import BlockStatus
from tests.factories import (
    ApplicationFactory,
    BlockFactory,
    ConsultingEntryFactory,
    MunicipalityFactory,
    ProcessFactory,
    RoundFactory,
    UserFactory,
)

URL = reverse("dashboards:dashboard")


def test_office_sees_all_processes_of_its_programme_and_pending_applications(
    client, office, process, other_process, round_
):
    pending = ApplicationFactory(round=round_, municipality=MunicipalityFactory(name="Bewerbingen"))
    client.force_login(office)
    response = client.get(URL)
    assert response.status_code == 200
    assert "Neckarbrück" in response.text
    assert "Lindenau" in response.text
    assert "Bewerbingen" in response.text
    assert pending.get_absolute_url() in response.text


def test_office_of_another_programme_sees_nothing(client, other_office, process):
    client.force_login(other_office)
    response = client.get(URL)
    assert "Neckarbrück" not in response.text


def test_facilitator_sees_only_assigned_municipalities(client, facilitator, process, other_process):
    client.force_login(facilitator)
    response = client.get(URL)
    assert "Neckarbrück" in response.text
    assert "Lindenau" not in response.text


def test_coordinator_sees_what_is_due_and_budget(client, coordinator, process, facilitator):
    today = timezone.localdate()
    BlockFactory(process=process, name="Stakeholderanalyse", planned_end=today + timedelta(days=5))
    BlockFactory(process=process, name="Fernes Ziel", planned_end=today + timedelta(days=90))
    BlockFactory(
        process=process,
        name="Erledigter Baustein",
        planned_end=today,
        status=BlockStatus.DONE,
    )
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=36000)
    client.force_login(coordinator)
    response = client.get(URL)
    assert "Stakeholderanalyse" in response.text
    assert "Fernes Ziel" not in response.text
    assert "Erledigter Baustein" not in response.text
    # 4,000 of 40,000 EUR left: below the warning share.
    assert "budget-low" in response.text


def test_coordinator_is_offered_open_rounds(client, coordinator, programme):
    RoundFactory(programme=programme, name="2026/2027")
    client.force_login(coordinator)
    response = client.get(URL)
    assert "2026/2027" in response.text


def test_user_without_role_sees_empty_dashboard(client, db):
    client.force_login(UserFactory())
    assert client.get(URL).status_code == 200


def test_wrong_method(client, coordinator):
    client.force_login(coordinator)
    assert client.post(URL).status_code == 405


def test_office_dashboard_query_count_does_not_grow(
    client, office, round_, django_assert_max_num_queries
):
    for _ in range(3):
        BlockFactory(process=ProcessFactory(round=round_))
    client.force_login(office)
    with django_assert_max_num_queries(20) as few:
        client.get(URL)
    for _ in range(15):
        process = ProcessFactory(round=round_)
        BlockFactory(process=process)
        ConsultingEntryFactory(process=process)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(URL)


def test_office_dashboard_points_to_closed_processes(client, office, process, facilitator):
    from teilhabe.processes.services import close_process

    close_process(process, by=facilitator, on=process.started_on)
    client.force_login(office)
    response = client.get(URL)
    assert "1 abgeschlossener Prozess steht in der Prozessliste" in response.text
    assert reverse("processes:process_list") in response.text


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
