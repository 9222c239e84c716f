"""Who may see and invite people, and the anonymous user against every permission."""

import pytest
from rules.permissions import permissions


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("office", True),
        ("other_office", True),
        ("coordinator", True),
        ("team_member", False),
        ("facilitator", False),
        ("superuser", True),
        ("anonymous", False),
    ],
)
def test_who_may_see_and_invite_people(request, who, allowed):
    user = request.getfixturevalue(who)
    assert user.has_perm("accounts.view_user_list") is allowed
    assert user.has_perm("accounts.invite_user") is allowed


@pytest.mark.parametrize("perm", sorted(permissions))
def test_anonymous_has_no_permission(anonymous, perm):
    assert not anonymous.has_perm(perm)
