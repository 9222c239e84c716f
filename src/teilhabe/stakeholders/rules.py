"""Who may see and change a municipality's actors (see docs/roles.md).

The whole stakeholder analysis, contact data included, is internal: the
municipality's team, its facilitators and the programme office, i.e. everybody
with the municipality in scope (`in_municipality_scope`). The office reads; the team
and the facilitators of a running process work on it.
"""

import rules

from teilhabe.accounts.rules import (
    is_facilitator,
    is_municipal,
    is_programme_office,
    is_superuser,
)
from teilhabe.programmes.rules import in_municipality_scope, in_municipality_work_scope


@rules.predicate
def is_anonymised(user, obj) -> bool:
    # A deleted person is kept only for anonymous statistics: nobody changes it again.
    return bool(getattr(obj, "is_anonymised", False))


can_view = is_superuser | in_municipality_scope
# A facilitator works on the analysis while accompanying a running process there;
# for a while after closing they only read it (docs/roles.md).
can_work = is_superuser | ((is_municipal | is_facilitator) & in_municipality_work_scope)
can_keep_categories = is_superuser | is_programme_office

# Checked on a Municipality or an Actor.
rules.add_perm("stakeholders.view_actor", can_view)
rules.add_perm("stakeholders.change_actor", can_work & ~is_anonymised)
# The category catalogue is the programme office's; everybody reads the categories
# where actors are entered.
rules.add_perm("stakeholders.view_actorcategory_list", can_keep_categories)
rules.add_perm("stakeholders.change_actorcategory", can_keep_categories)
