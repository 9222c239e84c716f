"""What programmes announce to the apps above them.

programmes sits below processes in the app stack (a process belongs to a round and an
application), so its services cannot call processes directly. Where a programme event
must have consequences above, the service sends one of these signals *inside its
transaction*; receivers run in the same transaction, so a receiver that raises rolls
the whole action back. The receivers are listed in docs/architecture.md.
"""

from django.dispatch import Signal

# A programme was created (kwargs: programme, by, now). processes gives it the default
# building-block catalogue, published at `now` (None: the current time).
programme_created = Signal()

# An application was admitted (kwargs: application, by, started_on, facilitators, now).
# processes opens the municipality's process for the round; its log starts at `now`,
# the moment of the decision, so a receiver must not take the time itself.
application_admitted = Signal()
