"""Who may view and change the stakeholder analysis: role by state."""

import pytest


@pytest.mark.parametrize(
    ("who", "view", "change"),
    [
        ("office", True, False),
        ("facilitator", True, True),
        ("coordinator", True, True),
        ("team_member", True, True),
        ("outsider", False, False),
        ("other_facilitator", False, False),
        ("other_office", False, False),
        ("superuser", True, True),
        ("anonymous", False, False),
    ],
)
def test_role_matrix_on_municipality_and_actor(request, process, person, who, view, change):
    user = request.getfixturevalue(who)
    municipality = person.municipality
    assert user.has_perm("stakeholders.view_actor", municipality) is view
    assert user.has_perm("stakeholders.view_actor", person) is view
    assert user.has_perm("stakeholders.change_actor", municipality) is change
    assert user.has_perm("stakeholders.change_actor", person) is change


@pytest.mark.parametrize("who", ["facilitator", "coordinator", "team_member"])
def test_nobody_changes_an_anonymised_person(request, process, person, who):
    from teilhabe.stakeholders import services

    user = request.getfixturevalue(who)
    services.delete_actor(person, by=user)
    assert user.has_perm("stakeholders.view_actor", person)
    assert not user.has_perm("stakeholders.change_actor", person)


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("office", True),
        ("other_office", True),
        ("facilitator", False),
        ("coordinator", False),
        ("team_member", False),
        ("outsider", False),
        ("superuser", True),
        ("anonymous", False),
    ],
)
def test_only_programme_offices_keep_the_categories(db, request, who, allowed):
    user = request.getfixturevalue(who)
    assert user.has_perm("stakeholders.view_actorcategory_list") is allowed
    assert user.has_perm("stakeholders.change_actorcategory") is allowed


# --- After the process closed -------------------------------------------------------------


def _close(process, days_ago: int) -> None:
    from datetime import timedelta

    from django.utils import timezone

    from teilhabe.processes import services

    services.close_process(
        process, by=process.facilitators.get(), on=timezone.localdate() - timedelta(days=days_ago)
    )


@pytest.mark.parametrize(
    ("days_ago", "view", "change"),
    [
        (10, True, False),  # read only for the report and the handover
        (200, False, False),  # past FACILITATOR_READ_DAYS: an outsider
    ],
)
def test_facilitator_of_a_closed_process(facilitator, process, person, days_ago, view, change):
    _close(process, days_ago)
    municipality = person.municipality
    for obj in (municipality, person):
        assert facilitator.has_perm("stakeholders.view_actor", obj) is view
        assert facilitator.has_perm("stakeholders.change_actor", obj) is change


def test_a_running_process_in_the_municipality_keeps_full_access(
    facilitator, process, person, programme
):
    from tests.factories import ProcessFactory, RoundFactory

    _close(process, 200)
    ProcessFactory(
        municipality=process.municipality,
        round=RoundFactory(programme=programme),
        facilitators=[facilitator],
    )
    assert facilitator.has_perm("stakeholders.view_actor", person)
    assert facilitator.has_perm("stakeholders.change_actor", person)


# --- A draft application ------------------------------------------------------------------


@pytest.mark.parametrize(("status", "in_scope"), [("draft", False), ("submitted", True)])
def test_only_a_submitted_application_brings_the_office_in(
    db, office, round_, person, status, in_scope
):
    from tests.factories import ApplicationFactory

    # The municipality has no process, only an application in the office's programme.
    ApplicationFactory(round=round_, municipality=person.municipality, status=status)
    assert office.has_perm("stakeholders.view_actor", person) is in_scope
    assert office.has_perm("programmes.change_municipality", person.municipality) is in_scope


@pytest.mark.parametrize(("days_ago", "reads"), [(90, True), (91, False)])
def test_lists_agree_with_the_rules_at_the_end_of_the_period(
    facilitator, process, person, days_ago, reads
):
    """FACILITATOR_READ_DAYS (90) counts the days since closing, the last one included."""
    from teilhabe.programmes.models import Municipality

    _close(process, days_ago)
    municipality = person.municipality
    listed = Municipality.objects.in_scope_of(facilitator).filter(pk=municipality.pk).exists()
    assert listed is reads
    assert facilitator.has_perm("stakeholders.view_actor", municipality) is reads
    assert not Municipality.objects.in_work_scope_of(facilitator).exists()
