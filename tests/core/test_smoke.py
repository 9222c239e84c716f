from django.urls import reverse


def test_dashboard_requires_login(client, db):
    response = client.get(reverse("dashboards:dashboard"))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_health(client, db):
    assert client.get(reverse("core:health")).json() == {"status": "ok"}


def test_coordinator_dashboard_shows_own_process(client, coordinator, process, outsider):
    client.force_login(coordinator)
    response = client.get(reverse("dashboards:dashboard"))
    assert response.status_code == 200
    assert "Neckarbrück" in response.text
    assert "Lindenau" not in response.text
