from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from teilhabe.processes import services
from teilhabe.processes.models import LogAction
from teilhabe.programmes.services import create_programme


def close_url(process):
    return reverse("processes:process_close", args=[process.pk])


def reopen_url(process):
    return reverse("processes:process_reopen", args=[process.pk])


def test_facilitator_closes_process_and_it_becomes_read_only(
    client, facilitator, coordinator, process, block
):
    client.force_login(facilitator)
    today = timezone.localdate()
    response = client.post(close_url(process), {"closed_on": today.isoformat()})
    assert response.status_code == 302
    process.refresh_from_db()
    assert process.closed_on == today
    assert process.log_entries.filter(action=LogAction.PROCESS_CLOSED).exists()
    # Nobody may change a closed process any more, but everyone in scope still reads it.
    client.force_login(coordinator)
    assert client.get(process.get_absolute_url()).status_code == 200
    assert client.get(reverse("processes:block_edit", args=[block.pk])).status_code == 403
    assert client.post(close_url(process), {"closed_on": today.isoformat()}).status_code == 403


def test_closing_date_before_start_is_refused(client, facilitator, process):
    client.force_login(facilitator)
    day_before = process.started_on - timedelta(days=1)
    response = client.post(close_url(process), {"closed_on": day_before.isoformat()})
    # The confirmation page again, with the reason on the page.
    assert response.status_code == 200
    assert "processes/process_close.html" in [t.name for t in response.templates]
    process.refresh_from_db()
    assert process.closed_on is None
    assert "form-errors" in response.text


def test_closing_date_in_future_refused(process, facilitator):
    with pytest.raises(ValidationError):
        services.close_process(process, by=facilitator, on=timezone.localdate() + timedelta(days=1))


@pytest.mark.parametrize("role", ["coordinator", "team_member"])
def test_municipal_staff_cannot_close(request, client, role, process):
    client.force_login(request.getfixturevalue(role))
    response = client.post(close_url(process), {"closed_on": timezone.localdate().isoformat()})
    assert response.status_code == 403


def test_outsider_gets_404(client, outsider, process):
    client.force_login(outsider)
    assert client.post(close_url(process), {}).status_code == 404
    assert client.post(reopen_url(process), {}).status_code == 404


def test_close_wrong_method_and_anonymous(client, facilitator, process):
    assert client.post(close_url(process), {}).status_code == 302  # to login
    assert client.get(close_url(process)).status_code == 302  # to login
    client.force_login(facilitator)
    assert client.put(close_url(process)).status_code == 405


def test_closing_is_a_confirmation_page_not_a_button_on_the_process_page(
    client, facilitator, process, block
):
    client.force_login(facilitator)
    page = client.get(process.get_absolute_url()).content.decode()
    # The process page links to the confirmation; it holds no form that closes.
    assert f'action="{close_url(process)}"' not in page
    assert f'href="{close_url(process)}"' in page
    response = client.get(close_url(process))
    assert response.status_code == 200
    text = response.content.decode()
    assert 'id="meaning-heading"' in text
    assert block.name in text  # the open block is named before closing
    assert 'name="closed_on"' in text
    process.refresh_from_db()
    assert process.closed_on is None  # looking at the page closes nothing


def test_closing_is_not_offered_before_the_process_has_started(client, facilitator, process):
    process.started_on = timezone.localdate() + timedelta(days=10)
    process.save()
    client.force_login(facilitator)
    page = client.get(process.get_absolute_url()).content.decode()
    assert close_url(process) not in page
    assert client.get(close_url(process)).status_code == 403
    response = client.post(close_url(process), {"closed_on": timezone.localdate().isoformat()})
    assert response.status_code == 403
    process.refresh_from_db()
    assert process.closed_on is None


def test_service_refuses_to_close_a_process_that_has_not_started(process, facilitator):
    process.started_on = timezone.localdate() + timedelta(days=1)
    process.save()
    with pytest.raises(ValidationError) as info:
        services.close_process(process, by=facilitator, on=process.started_on)
    assert info.value.code == "not_started"
    process.refresh_from_db()
    assert process.closed_on is None
    assert not process.log_entries.filter(action=LogAction.PROCESS_CLOSED).exists()


def test_only_office_reopens(client, office, facilitator, process):
    services.close_process(process, by=facilitator)
    client.force_login(facilitator)
    assert client.post(reopen_url(process)).status_code == 403
    client.force_login(office)
    assert client.post(reopen_url(process)).status_code == 302
    process.refresh_from_db()
    assert process.closed_on is None
    assert client.post(reopen_url(process)).status_code == 403  # already open


def test_new_programme_gets_default_catalogue(office):
    programme = create_programme(by=office, name="Weltoffene Kommune", office_members=[office])
    catalogue = services.current_catalogue(programme)
    assert catalogue is not None and catalogue.version == 1
    assert catalogue.block_types.filter(key="stakeholder-analysis").exists()
    assert office.pk in programme.office_members.values_list("pk", flat=True)
