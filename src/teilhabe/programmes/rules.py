"""Who may do what with programmes, rounds, municipalities and applications.

Roles come from accounts/rules.py. Two relations are defined here for every app
above: `is_office_of_programme` (the programme office of the programme an object
belongs to) and `in_municipality_scope` (the municipalities whose internal data the
user works with, as `Municipality.objects.in_scope_of` says). See docs/roles.md.
"""

import rules

from teilhabe.accounts.rules import (
    is_authenticated,
    is_coordinator,
    is_programme_office,
    is_superuser,
)
from teilhabe.core.access import in_scope
from teilhabe.programmes.models import Application, ApplicationStatus, Municipality, Programme


def _programme_id(obj) -> int | None:
    """The programme of a Programme, of anything with a programme, or of anything in a round."""
    if obj is None:
        return None
    if isinstance(obj, Programme):
        return obj.pk
    if hasattr(obj, "programme_id"):
        return obj.programme_id
    return obj.round.programme_id


def _municipality_id(obj) -> int | None:
    """The municipality of a Municipality or of anything that belongs to one."""
    if obj is None:
        return None
    if isinstance(obj, Municipality):
        return obj.pk
    return obj.municipality_id


@rules.predicate
def is_office_of_programme(user, obj) -> bool:
    """Programme office of the programme `obj` belongs to (a programme, round, application...)."""
    if not user.is_authenticated:
        return False
    programme_id = _programme_id(obj)
    return programme_id is not None and programme_id in user.office_programme_ids


@rules.predicate
def in_municipality_scope(user, obj) -> bool:
    """`obj` (a municipality or anything of one) is internal data the user works with."""
    return in_scope(user, Municipality.objects.in_scope_of, _municipality_id(obj))


@rules.predicate
def in_municipality_work_scope(user, obj) -> bool:
    """`obj` belongs to a municipality whose internal data the user may change.

    The same as `in_municipality_scope` except for facilitators, who change a
    municipality's data only while a process they accompany there is running
    (`Municipality.objects.in_work_scope_of`).
    """
    return in_scope(user, Municipality.objects.in_work_scope_of, _municipality_id(obj))


@rules.predicate
def in_application_scope(user, application) -> bool:
    return application is not None and in_scope(
        user, Application.objects.visible_to, application.pk
    )


@rules.predicate
def is_draft(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.DRAFT


@rules.predicate
def is_submitted(user, application) -> bool:
    return application is not None and application.status == ApplicationStatus.SUBMITTED


# --- Programmes and rounds -----------------------------------------------------------

# The list shows the programmes one works in; everybody else reaches a programme
# through its rounds and processes.
rules.add_perm("programmes.view_programme_list", is_superuser | is_programme_office)
rules.add_perm("programmes.view_programme", is_authenticated)
rules.add_perm("programmes.change_programme", is_superuser | is_office_of_programme)
rules.add_perm("programmes.add_round", is_superuser | is_office_of_programme)
rules.add_perm("programmes.change_round", is_superuser | is_office_of_programme)

# --- Municipalities ------------------------------------------------------------------

rules.add_perm("programmes.view_municipality_list", is_authenticated)
rules.add_perm("programmes.add_municipality", is_superuser | is_programme_office)
# Base data of every municipality is public knowledge, but only the programme office
# browses foreign municipalities; municipal people and facilitators open their own.
rules.add_perm(
    "programmes.view_municipality",
    is_superuser | is_programme_office | in_municipality_scope,
)
rules.add_perm(
    "programmes.change_municipality",
    is_superuser | ((is_programme_office | is_coordinator) & in_municipality_scope),
)

# --- Applications --------------------------------------------------------------------

rules.add_perm("programmes.view_application_list", is_authenticated)
rules.add_perm("programmes.add_application", is_coordinator)
# Drafts stay private to the municipality until submitted (Application.objects.visible_to).
rules.add_perm("programmes.view_application", is_superuser | in_application_scope)
# The review note is the office's internal assessment.
rules.add_perm("programmes.view_application_review", is_superuser | is_office_of_programme)
rules.add_perm("programmes.change_application", is_coordinator & in_application_scope & is_draft)
rules.add_perm("programmes.submit_application", is_coordinator & in_application_scope & is_draft)
rules.add_perm(
    "programmes.decide_application", (is_superuser | is_office_of_programme) & is_submitted
)
