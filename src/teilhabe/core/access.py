"""Fetch-and-authorise helpers shared by all apps.

Every view that takes an id from the URL goes through `get_object_for`: an object
outside the user's scope answers 404 (its existence is not revealed); an object in
scope for which the action is forbidden answers 403.
"""

from typing import Any, TypeVar, cast

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)


def get_object_for(user, queryset: QuerySet[M], perm: str | None = None, **lookup) -> M:
    """Return the object from `queryset.visible_to(user)` or raise 404; then check `perm`.

    The queryset's model must provide a `visible_to(user)` QuerySet method.
    """
    try:
        # visible_to is a method of each app's QuerySet, not of Django's base class.
        obj = cast(Any, queryset).visible_to(user).get(**lookup)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    if perm and not user.has_perm(perm, obj):
        raise PermissionDenied
    return obj


def require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied
