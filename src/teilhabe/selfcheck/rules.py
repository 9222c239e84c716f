"""Who may see and run a municipality's self-check (see docs/roles.md).

Results and answers are internal: everybody with the municipality in scope (its
team, its facilitators, the programme office) reads them. Coordinators and
facilitators run rounds (open, invite, move on, workshop record). Administration
staff with an account answer in their own name; everybody else answers through a
personal invitation link, without an account: that link is checked by its token and
`services.perspective_allowed`, not by these rules.
"""

import rules

from teilhabe.accounts.rules import (
    is_coordinator,
    is_facilitator,
    is_municipal,
    is_programme_office,
    is_superuser,
)
from teilhabe.programmes.rules import in_municipality_scope, in_municipality_work_scope
from teilhabe.selfcheck.models import RoundStatus


@rules.predicate
def is_open_round(user, round_) -> bool:
    # Checked on a municipality (opening a round), nothing is closed yet.
    return round_ is not None and getattr(round_, "status", None) != RoundStatus.CLOSED


can_view = is_superuser | in_municipality_scope
# Facilitators run rounds while accompanying a running process of the municipality.
can_run = is_superuser | ((is_coordinator | is_facilitator) & in_municipality_work_scope)
can_keep_instruments = is_superuser | is_programme_office

# Checked on a Municipality or a SelfCheckRound.
rules.add_perm("selfcheck.view_selfcheckround", can_view)
rules.add_perm("selfcheck.add_selfcheckround", can_run)
rules.add_perm("selfcheck.change_selfcheckround", can_run & is_open_round)
rules.add_perm("selfcheck.export_selfcheckround", can_view)
# Administration staff of the municipality answer with their account.
rules.add_perm(
    "selfcheck.answer_selfcheckround",
    (is_superuser | (is_municipal & in_municipality_scope)) & is_open_round,
)
# The workshop follows the answers, so its record is kept after the round closed.
rules.add_perm("selfcheck.change_workshopnote", can_run)

rules.add_perm("selfcheck.view_instrument_list", can_keep_instruments)
rules.add_perm("selfcheck.change_instrument", can_keep_instruments)
