"""Who may see and run a municipality's self-check (see docs/roles.md).

Results and answers are internal: the municipality's team, its facilitators and the
programme office read them. Coordinators and facilitators run rounds (open, invite,
close, workshop record). Administration staff with an account answer in their own
name; everybody else answers through a personal invitation link, without an account.
"""

import rules

from teilhabe.accounts.models import Role
from teilhabe.stakeholders.rules import is_facilitator, is_member, is_office


def _municipality(obj):
    return getattr(obj, "municipality", obj)


@rules.predicate
def is_coordinator(user, obj) -> bool:
    return user.role == Role.COORDINATOR and is_member.test(user, _municipality(obj))


@rules.predicate
def is_open_round(user, round_) -> bool:
    from teilhabe.selfcheck.models import RoundStatus

    return round_ is not None and getattr(round_, "status", None) != RoundStatus.CLOSED


@rules.predicate
def is_programme_office(user) -> bool:
    return user.is_programme_office


can_view = rules.is_superuser | is_member | is_facilitator | is_office
can_run = rules.is_superuser | is_coordinator | is_facilitator

# Checked on a Municipality or a SelfCheckRound.
rules.add_perm("selfcheck.view_round", can_view)
rules.add_perm("selfcheck.add_round", can_run)
rules.add_perm("selfcheck.change_round", can_run & is_open_round)
rules.add_perm("selfcheck.change_workshop", can_run)
# Administration staff of the municipality answer with their account.
rules.add_perm("selfcheck.answer_round", (rules.is_superuser | is_member) & is_open_round)
rules.add_perm("selfcheck.export_round", can_view)
rules.add_perm("selfcheck.manage_instruments", rules.is_superuser | is_programme_office)
