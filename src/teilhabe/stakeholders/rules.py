"""Who may see and change a municipality's actors (see docs/roles.md).

The whole stakeholder analysis, contact data included, is internal: the
municipality's team, its facilitators and the programme office. The office reads;
the team and the facilitators work on it.
"""

import rules

from teilhabe.programmes.rules import is_office_of_municipality


def _municipality(obj):
    return getattr(obj, "municipality", obj)


@rules.predicate
def is_member(user, obj) -> bool:
    return obj is not None and user.is_municipal and user.municipality_id == _municipality(obj).pk


@rules.predicate
def is_facilitator(user, obj) -> bool:
    return obj is not None and _municipality(obj).pk in user.facilitated_municipality_ids


@rules.predicate
def is_office(user, obj) -> bool:
    return obj is not None and is_office_of_municipality.test(user, _municipality(obj))


@rules.predicate
def is_programme_office(user) -> bool:
    return user.is_programme_office


@rules.predicate
def is_anonymised(user, obj) -> bool:
    # A deleted person is kept only for anonymous statistics: nobody changes it again.
    return bool(getattr(obj, "is_anonymised", False))


can_work = rules.is_superuser | is_member | is_facilitator
can_view = can_work | is_office

# Checked on a Municipality or an Actor.
rules.add_perm("stakeholders.view_actor", can_view)
rules.add_perm("stakeholders.change_actor", can_work & ~is_anonymised)
rules.add_perm("stakeholders.manage_categories", rules.is_superuser | is_programme_office)
