"""Two first saves of one invitation's questionnaire at once (issue 8).

`answer_questionnaire` locks the invitation row before it looks for the response,
so the second save waits for the first and then finds its response; the response
itself is fetched with `get_or_create`, which re-reads after an IntegrityError.
"""

import threading

import pytest
from django.db import connection, connections
from django.urls import reverse

from teilhabe.selfcheck import services
from teilhabe.selfcheck.models import Answer, Invitation, Response
from tests.selfcheck.conftest import complete_post


def test_a_second_first_save_finds_the_response(invitation, open_selfcheck, items):
    # Both requests loaded the invitation before either had saved.
    first = Invitation.objects.get(pk=invitation.pk)
    second = Invitation.objects.get(pk=invitation.pk)
    services.answer_questionnaire(
        open_selfcheck, {items["leitbild"].pk: {"scale": 4}}, department="", invitation=first
    )
    outcome = services.answer_questionnaire(
        open_selfcheck, {items["budget"].pk: {"scale": 2}}, department="", invitation=second
    )
    response = Response.objects.get()
    assert outcome.response == response
    assert sorted(response.answers.values_list("scale", flat=True)) == [2, 4]


def test_two_tabs_opened_before_the_first_save_both_save(client, invitation, open_selfcheck, items):
    url = reverse("selfcheck:respond", args=[invitation.token])
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert client.post(url, complete_post(items, leitbild="2")).status_code == 302
    assert client.post(url, complete_post(items, leitbild="5")).status_code == 302
    assert Response.objects.count() == 1
    assert Answer.objects.get(item=items["leitbild"]).scale == 5


@pytest.mark.django_db(transaction=True)
def test_simultaneous_first_saves_make_one_response(invitation, open_selfcheck, items):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite writes one transaction at a time; the race needs PostgreSQL")
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def save(scale: int) -> None:
        try:
            barrier.wait(timeout=10)
            services.answer_questionnaire(
                open_selfcheck,
                {items["leitbild"].pk: {"scale": scale}},
                department="",
                invitation=Invitation.objects.get(pk=invitation.pk),
            )
        except BaseException as exc:  # reported by the main thread
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=save, args=(scale,)) for scale in (2, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert Response.objects.filter(invitation=invitation).count() == 1
    assert Answer.objects.filter(item=items["leitbild"]).count() == 1
