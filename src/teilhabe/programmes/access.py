"""Fetch a municipality for work on its internal data."""

from teilhabe.core.access import get_object_for, remember_in_scope, require_perm
from teilhabe.programmes.models import Municipality


def get_municipality_in_scope(user, pk: int, perm: str) -> Municipality:
    """A municipality whose internal data the user works with (else 404), then `perm` (else 403).

    Municipalities are publicly known, but their stakeholder analysis, self-check and
    process data are internal: outside the user's scope they do not exist.
    """
    municipality = get_object_for(user, Municipality.objects.in_scope_of(user), pk=pk)
    # Fetched through the scope: the rules' `in_municipality_scope` need not ask again.
    remember_in_scope(user, Municipality.objects.in_scope_of, municipality.pk)
    require_perm(user, perm, municipality)
    return municipality
