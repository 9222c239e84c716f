"""Fetch a municipality for work on its internal data."""

from teilhabe.core.access import get_object_for
from teilhabe.programmes.models import Municipality


def get_municipality_in_scope(user, pk: int, perm: str) -> Municipality:
    """A municipality whose internal data the user works with (else 404), then `perm` (else 403).

    Municipalities are publicly known, but their stakeholder analysis, self-check and
    process data are internal: outside the user's scope they do not exist.
    """
    return get_object_for(user, Municipality.objects.in_scope_of(user), perm, pk=pk)
