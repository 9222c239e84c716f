"""Each role's dashboard says what to do next, with links to where it is done.

Texts are compared through gettext, so the tests hold before and after the German
catalogue has the new strings.
"""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext

from teilhabe.processes.models import BlockStatus
from teilhabe.processes.services import close_process
from teilhabe.programmes.models import ApplicationStatus
from teilhabe.selfcheck.models import RoundStatus
from tests.factories import (
    ApplicationFactory,
    BlockFactory,
    ConsultingEntryFactory,
    FacilitatorFactory,
    MunicipalityFactory,
    ProcessFactory,
    ProgrammeOfficeFactory,
    RoundFactory,
    TeamMemberFactory,
    UserFactory,
)
from tests.selfcheck.factories import SelfCheckRoundFactory
from tests.stakeholders.factories import ActorFactory

URL = reverse("dashboards:dashboard")


def _text(msgid: str, **params) -> str:
    """The translated text as the page shows it (HTML-escaped)."""
    text = gettext(msgid)
    return escape(text % params if params else text)


def _open_round(programme, days_left=20, **kwargs):
    today = timezone.localdate()
    return RoundFactory(
        programme=programme,
        call_opens=today - timedelta(days=30),
        call_closes=today + timedelta(days=days_left),
        starts_on=today + timedelta(days=60),
        ends_on=today + timedelta(days=800),
        **kwargs,
    )


# --- Coordinator of a municipality without a process ----------------------------------


def test_draft_application_offers_continue_your_draft(client, coordinator, programme):
    round_ = _open_round(programme, days_left=12, name="2027/2028")
    draft = ApplicationFactory(
        round=round_,
        municipality=coordinator.municipality,
        status=ApplicationStatus.DRAFT,
        submitted_at=None,
    )
    client.force_login(coordinator)
    text = client.get(URL).text
    assert "2027/2028" in text
    assert date_format(round_.call_closes, "SHORT_DATE_FORMAT") in text
    assert "12" in text
    assert _text("Continue your draft") in text
    assert reverse("programmes:application_edit", args=[draft.pk]) in text
    assert reverse("programmes:application_create", args=[round_.pk]) not in text


def test_without_application_the_coordinator_is_asked_to_apply(client, coordinator, programme):
    round_ = _open_round(programme, name="2027/2028")
    client.force_login(coordinator)
    text = client.get(URL).text
    assert _text("Apply now") in text
    assert reverse("programmes:application_create", args=[round_.pk]) in text
    assert _text("Continue your draft") not in text


def test_team_member_is_told_that_the_coordinator_applies(client, municipality, programme):
    round_ = _open_round(programme)
    client.force_login(TeamMemberFactory(municipality=municipality))
    text = client.get(URL).text
    assert reverse("programmes:application_create", args=[round_.pk]) not in text
    assert gettext("Your municipality's coordinator can apply.") in text


def test_last_day_of_the_call_is_called_so(client, coordinator, programme):
    round_ = _open_round(programme, days_left=0)
    client.force_login(coordinator)
    text = client.get(URL).text
    expected = gettext("Deadline %(date)s: today is the last day") % {
        "date": date_format(round_.call_closes, "SHORT_DATE_FORMAT")
    }
    assert escape(expected) in text


def test_after_submitting_the_coordinator_reads_what_happens_next(client, coordinator, programme):
    round_ = _open_round(programme, days_left=5)
    application = ApplicationFactory(round=round_, municipality=coordinator.municipality)
    client.force_login(coordinator)
    text = client.get(URL).text
    deadline = date_format(round_.call_closes, "SHORT_DATE_FORMAT")
    assert (
        _text("The programme office decides after the deadline on %(date)s.", date=deadline) in text
    )
    assert date_format(round_.starts_on, "SHORT_DATE_FORMAT") in text
    assert application.get_absolute_url() in text
    assert reverse("programmes:application_create", args=[round_.pk]) not in text


def test_after_the_deadline_the_coordinator_reads_that_the_office_decides(
    client, coordinator, programme
):
    closed_call = RoundFactory(
        programme=programme,
        call_opens=date(2020, 1, 1),
        call_closes=timezone.localdate() - timedelta(days=3),
    )
    ApplicationFactory(round=closed_call, municipality=coordinator.municipality)
    client.force_login(coordinator)
    text = client.get(URL).text
    assert (
        _text("The deadline has passed; the programme office is now deciding on the applications.")
        in text
    )


def test_without_open_call_the_coordinator_is_told_so(client, coordinator):
    client.force_login(coordinator)
    text = client.get(URL).text
    assert (
        _text(
            "No call for applications is open at the moment. The programme office "
            "announces the next round; it will appear here."
        )
        in text
    )


# --- A new process: its first steps ----------------------------------------------------


def test_new_process_shows_its_first_steps_with_links(client, coordinator, process):
    block = BlockFactory(process=process, name="Auftaktgespräch")
    client.force_login(coordinator)
    text = client.get(URL).text
    for label in (
        "Facilitator assigned",
        "Stakeholder analysis begun",
        "Self-check round started",
        "First building block planned",
    ):
        assert _text(label) in text
    # The facilitator is assigned (the fixture's), the other three are still to do.
    assert text.count('class="step-done"') == 1
    assert text.count('class="step-open"') == 3
    assert "Jonas Keller" in text
    municipality = process.municipality
    assert reverse("stakeholders:actor_create", args=[municipality.pk]) in text
    assert reverse("selfcheck:round_create", args=[municipality.pk]) in text
    assert reverse("processes:block_edit", args=[block.pk]) in text
    assert "Auftaktgespräch" in text


def test_first_steps_are_marked_done_and_the_checklist_goes(client, coordinator, process):
    municipality = process.municipality
    BlockFactory(process=process, planned_end=timezone.localdate() + timedelta(days=60))
    ActorFactory(municipality=municipality)
    selfcheck = SelfCheckRoundFactory(municipality=municipality)
    client.force_login(coordinator)
    text = client.get(URL).text
    assert 'class="step-open"' not in text
    assert 'class="first-steps' not in text
    # What the running process needs next: the administration answers the self-check.
    assert reverse("selfcheck:answer", args=[selfcheck.pk]) in text


def test_process_without_facilitator_says_the_office_assigns_one(client, coordinator, round_):
    ProcessFactory(municipality=coordinator.municipality, round=round_)
    client.force_login(coordinator)
    text = client.get(URL).text
    assert _text("The programme office assigns your facilitator.") in text
    # Coordinators do not assign facilitators: no link to that page.
    assert "/facilitators/" not in text


# --- Coordinator of a running process ----------------------------------------------------


def test_coordinator_sees_what_is_due_and_budget(client, coordinator, process, facilitator):
    today = timezone.localdate()
    overdue = BlockFactory(
        process=process, name="Stakeholderanalyse", planned_end=today - timedelta(days=3)
    )
    BlockFactory(process=process, name="Fernes Ziel", planned_end=today + timedelta(days=90))
    BlockFactory(
        process=process,
        name="Erledigter Baustein",
        planned_end=today,
        status=BlockStatus.DONE,
    )
    ConsultingEntryFactory(process=process, facilitator=facilitator, cost=36000)
    client.force_login(coordinator)
    text = client.get(URL).text
    assert "Stakeholderanalyse" in text
    assert overdue.get_absolute_url() in text
    assert "badge-overdue" in text
    assert "Fernes Ziel" not in text.split(_text("Next steps"))[0]
    assert "Erledigter Baustein" not in text
    # 4,000 of 40,000 EUR left: below the warning share, with the way to the budget.
    assert "budget-low" in text
    assert reverse("processes:budget", args=[process.pk]) in text


def test_running_process_lists_a_missing_first_step_as_next_step(client, coordinator, process):
    today = timezone.localdate()
    municipality = process.municipality
    BlockFactory(process=process, status=BlockStatus.DONE, planned_end=today - timedelta(days=30))
    ActorFactory(municipality=municipality)
    client.force_login(coordinator)
    text = client.get(URL).text
    # A block is done: the process is under way, no "first steps" checklist any more.
    assert 'class="first-steps' not in text
    assert _text("No self-check round has been started yet.") in text
    assert reverse("selfcheck:round_create", args=[municipality.pk]) in text


def test_when_nothing_is_due_the_next_planned_block_is_named(client, coordinator, process):
    today = timezone.localdate()
    municipality = process.municipality
    BlockFactory(process=process, status=BlockStatus.DONE, planned_end=today - timedelta(days=30))
    later = BlockFactory(
        process=process,
        name="Zukunftswerkstatt",
        planned_start=today + timedelta(days=40),
        planned_end=today + timedelta(days=41),
    )
    ActorFactory(municipality=municipality)
    SelfCheckRoundFactory(municipality=municipality, status=RoundStatus.CLOSED, closed_on=today)
    client.force_login(coordinator)
    text = client.get(URL).text
    assert _text("Nothing is due in the next two weeks.") in text
    expected = gettext("Next planned: “%(block)s” from %(date)s.") % {
        "block": "Zukunftswerkstatt",
        "date": date_format(later.planned_start, "SHORT_DATE_FORMAT"),
    }
    assert escape(expected) in text
    assert later.get_absolute_url() in text


def test_team_member_sees_the_blocks_they_are_responsible_for(client, team_member, process):
    today = timezone.localdate()
    theirs = BlockFactory(
        process=process, name="Elterncafé", planned_end=today + timedelta(days=70)
    )
    theirs.responsible.add(team_member)
    BlockFactory(process=process, name="Fremde Aufgabe", planned_end=today + timedelta(days=70))
    client.force_login(team_member)
    response = client.get(URL)
    (shown,) = response.context["processes"]
    assert shown.my_blocks == [theirs]
    assert _text("Your building blocks") in response.text
    assert theirs.get_absolute_url() in response.text


def test_closed_process_brings_back_the_open_call(
    client, coordinator, process, facilitator, programme
):
    close_process(process, by=facilitator, on=process.started_on)
    round_ = _open_round(programme)
    client.force_login(coordinator)
    text = client.get(URL).text
    assert reverse("programmes:application_create", args=[round_.pk]) in text


# --- Facilitator --------------------------------------------------------------------------


def test_facilitator_sees_what_is_due_across_municipalities_most_urgent_first(
    client, facilitator, process, other_process
):
    today = timezone.localdate()
    second = ProcessFactory(
        municipality=MunicipalityFactory(name="Auenstein"),
        round=process.round,
        facilitators=[facilitator],
        started_on=today - timedelta(days=10),
    )
    BlockFactory(process=process, name="Überfällig", planned_end=today - timedelta(days=5))
    BlockFactory(process=second, name="Bald fällig", planned_end=today + timedelta(days=6))
    BlockFactory(process=second, name="Später", planned_end=today + timedelta(days=40))
    BlockFactory(process=other_process, name="Fremder Baustein", planned_end=today)
    waiting = SelfCheckRoundFactory(
        municipality=second.municipality,
        status=RoundStatus.PERSPECTIVES,
        opened_on=today - timedelta(days=2),
        title="Selbstcheck Auenstein",
    )
    # Neckarbrück started in 2020 and has never had consulting logged.
    client.force_login(facilitator)
    text = client.get(URL).text
    tasks = text.split('id="tasks-heading"')[1].split('id="processes-heading"')[0]
    assert "Fremder Baustein" not in tasks
    assert "Später" not in tasks
    assert "Lindenau" not in tasks
    # Overdue first (block, missing consulting), then due soon, then rounds waiting.
    overdue = max(tasks.index("Überfällig"), tasks.index(_text("No consulting logged yet")))
    assert overdue < tasks.index("Bald fällig") < tasks.index("Selbstcheck Auenstein")
    assert "Neckarbrück" in tasks and "Auenstein" in tasks
    assert _text("No consulting logged yet") in tasks
    assert waiting.get_absolute_url() in tasks
    assert reverse("processes:budget", args=[process.pk]) in tasks
    assert "badge-overdue" in tasks


def test_facilitator_with_recent_consulting_is_not_reminded(client, facilitator, process):
    ConsultingEntryFactory(process=process, facilitator=facilitator, date=timezone.localdate())
    client.force_login(facilitator)
    text = client.get(URL).text
    assert _text("No consulting logged yet") not in text
    assert _text("Nothing is due in your municipalities in the next two weeks.") in text


# --- Programme office ---------------------------------------------------------------------


def test_office_sees_decisions_waiting_with_round_deadline_and_links(
    client, office, process, other_process, round_
):
    pending = ApplicationFactory(round=round_, municipality=MunicipalityFactory(name="Bewerbingen"))
    ApplicationFactory(
        round=round_,
        municipality=MunicipalityFactory(name="Entwurfsdorf"),
        status=ApplicationStatus.DRAFT,
        submitted_at=None,
    )
    client.force_login(office)
    response = client.get(URL)
    text = response.text
    assert response.context["submitted_count"] == 1
    assert "Bewerbingen" in text
    assert "Entwurfsdorf" not in text
    assert date_format(round_.call_closes, "SHORT_DATE_FORMAT") in text
    assert pending.get_absolute_url() in text
    assert reverse("programmes:application_decide", args=[pending.pk]) in text
    list_url = reverse("programmes:application_list")
    assert f"{list_url}?status=submitted&amp;round={round_.pk}" in text
    assert f"{list_url}?status=submitted" in text


def test_office_sees_processes_to_close_and_without_facilitator(
    client, office, process, other_process
):
    BlockFactory(process=process, status=BlockStatus.DONE)
    client.force_login(office)
    response = client.get(URL)
    text = response.text
    assert response.context["to_close_count"] == 1
    assert [p.pk for p in response.context["to_close"]] == [process.pk]
    assert f"{reverse('processes:process_list')}?phase=completed" in text
    # other_process has no facilitator: the office assigns one.
    assert [p.pk for p in response.context["without_facilitator"]] == [other_process.pk]
    assert reverse("processes:facilitators", args=[other_process.pk]) in text


def test_office_sees_processes_still_open_after_their_round_ended(client, office, programme):
    ended = RoundFactory(
        programme=programme,
        call_opens=date(2019, 1, 1),
        call_closes=date(2019, 3, 1),
        starts_on=date(2019, 6, 1),
        ends_on=date(2021, 5, 31),
    )
    late = ProcessFactory(round=ended, municipality=MunicipalityFactory(name="Spätberg"))
    client.force_login(office)
    response = client.get(URL)
    assert [p.pk for p in response.context["to_close"]] == [late.pk]
    assert f"{reverse('processes:process_list')}?round={ended.pk}" in response.text


def test_office_lists_are_bounded_and_say_how_many_there_are(client, office, round_):
    for _ in range(12):
        ApplicationFactory(round=round_)
        ProcessFactory(round=round_)
    client.force_login(office)
    response = client.get(URL)
    assert response.context["submitted_count"] == 12
    assert len(response.context["submitted_oldest"]) == 10
    assert response.context["without_facilitator_count"] == 12
    assert len(response.context["without_facilitator"]) == 10
    assert response.text.count("/facilitators/") == 10
    assert _text("%(shown)s of %(total)s are listed.", shown=10, total=12) in response.text


def test_office_of_another_programme_sees_nothing(client, other_office, process):
    client.force_login(other_office)
    text = client.get(URL).text
    assert "Neckarbrück" not in text


def test_office_dashboard_points_to_closed_processes(client, office, process, facilitator):
    close_process(process, by=facilitator, on=process.started_on)
    client.force_login(office)
    response = client.get(URL)
    assert response.context["closed_count"] == 1
    assert reverse("processes:process_list") in response.text


# --- Nobody in scope yet ----------------------------------------------------------------


def test_user_without_role_is_told_whom_to_ask(client, db):
    client.force_login(UserFactory())
    response = client.get(URL)
    assert response.status_code == 200
    assert _text("Your account has no role yet") in response.text
    assert (
        _text("If you work for a municipality, ask its coordinator to invite you to the team.")
        in response.text
    )


def test_office_member_without_programme_is_told_whom_to_ask(client, db):
    client.force_login(ProgrammeOfficeFactory())
    assert _text("You are not yet part of a programme office") in client.get(URL).text


def test_facilitator_without_process_is_told_whom_to_ask(client, db):
    client.force_login(FacilitatorFactory())
    assert _text("No process assigned to you yet") in client.get(URL).text


# --- Bounded queries ----------------------------------------------------------------------


def _grow(round_, facilitator=None, n=12):
    today = timezone.localdate()
    for i in range(n):
        process = ProcessFactory(round=round_, facilitators=[facilitator] if facilitator else [])
        BlockFactory(process=process, planned_end=today + timedelta(days=i % 20 - 5))
        BlockFactory(process=process, status=BlockStatus.DONE)
        ConsultingEntryFactory(process=process)
        SelfCheckRoundFactory(municipality=process.municipality)
        ApplicationFactory(round=round_, municipality=process.municipality)


def _queries_do_not_grow(client, user, grow, django_assert_max_num_queries, limit):
    client.force_login(user)
    with django_assert_max_num_queries(limit) as few:
        assert client.get(URL).status_code == 200
    grow()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(URL).status_code == 200


def test_office_dashboard_query_count_does_not_grow(
    client, office, round_, django_assert_max_num_queries
):
    _grow(round_, n=2)
    _queries_do_not_grow(
        client, office, lambda: _grow(round_, n=14), django_assert_max_num_queries, 10
    )


def test_facilitator_dashboard_query_count_does_not_grow(
    client, facilitator, process, django_assert_max_num_queries
):
    _grow(process.round, facilitator, n=2)
    _queries_do_not_grow(
        client,
        facilitator,
        lambda: _grow(process.round, facilitator, n=14),
        django_assert_max_num_queries,
        11,
    )


def test_coordinator_dashboard_query_count_does_not_grow(
    client, coordinator, process, django_assert_max_num_queries
):
    today = timezone.localdate()
    BlockFactory(process=process, planned_end=today)
    SelfCheckRoundFactory(municipality=process.municipality)

    def grow():
        for i in range(15):
            BlockFactory(process=process, planned_end=today + timedelta(days=i - 5))
            ActorFactory(municipality=process.municipality)
            ConsultingEntryFactory(process=process, cost=10)
        for _ in range(4):
            SelfCheckRoundFactory(municipality=process.municipality)

    _queries_do_not_grow(client, coordinator, grow, django_assert_max_num_queries, 10)


@pytest.mark.parametrize("count", [2, 14])
def test_coordinator_without_process_query_count_is_bounded(
    client, coordinator, programme, count, django_assert_max_num_queries
):
    for _ in range(count):
        _open_round(programme)
    client.force_login(coordinator)
    with django_assert_max_num_queries(16):
        assert client.get(URL).status_code == 200
