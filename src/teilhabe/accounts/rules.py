"""Role predicates for every app, and who may see and invite people (see docs/roles.md).

The roles are defined here once; the other apps' rules import them and add their
scope (`in_municipality_scope`, `in_process_scope`, ...). Each predicate is safe for
the anonymous user, which has no role.
"""

import rules

is_authenticated = rules.is_authenticated
is_superuser = rules.is_superuser


# The predicates ask the User's role properties, which querysets use as well; an
# anonymous user has neither role nor properties.
@rules.predicate
def is_programme_office(user) -> bool:
    return user.is_authenticated and user.is_programme_office


@rules.predicate
def is_facilitator(user) -> bool:
    return user.is_authenticated and user.is_facilitator


@rules.predicate
def is_coordinator(user) -> bool:
    return user.is_authenticated and user.is_coordinator


@rules.predicate
def is_municipal(user) -> bool:
    """Coordinator or team member: people of one municipality."""
    return user.is_authenticated and user.is_municipal


# The people list shows whom the user may invite and manage: the programme office
# everybody in its programmes, coordinators their municipality's team.
can_invite = is_superuser | is_programme_office | is_coordinator

rules.add_perm("accounts.view_user_list", can_invite)
rules.add_perm("accounts.invite_user", can_invite)
