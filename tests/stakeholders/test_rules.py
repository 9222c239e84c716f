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
