"""Fetch-and-authorise helpers shared by all apps.

Every view that takes an id from the URL goes through `get_object_for`: an object
outside the user's scope answers 404 (its existence is not revealed); an object in
scope for which the action is forbidden answers 403.

A scope is defined once, as a QuerySet method taking the user (`visible_to`,
`in_scope_of`). Rules ask it through `in_scope`, so a permission and a list never
disagree about which rows a user works with.
"""

from collections.abc import Callable
from typing import Any, TypeVar, cast

from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404

M = TypeVar("M", bound=Model)

_CACHE = "_in_scope_cache"


def get_object_for(user, queryset: QuerySet[M], perm: str | None = None, **lookup) -> M:
    """Return the object from `queryset.visible_to(user)` or raise 404; then check `perm`.

    The queryset's model must provide a `visible_to(user)` QuerySet method.
    """
    # visible_to is a method of each app's QuerySet, not of Django's base class.
    visible_to = cast(Any, queryset).visible_to
    try:
        obj = visible_to(user).get(**lookup)
    except ObjectDoesNotExist as exc:
        raise Http404 from exc
    remember_in_scope(user, visible_to, obj.pk)
    if perm and not user.has_perm(perm, obj):
        raise PermissionDenied
    return obj


def require_perm(user, perm: str, obj=None) -> None:
    if not user.has_perm(perm, obj):
        raise PermissionDenied


def in_scope(user, scope: Callable[[Any], QuerySet], pk: int | None) -> bool:
    """Whether the row `pk` belongs to `scope(user)`, e.g. `Process.objects.visible_to`.

    The answer is cached on the user object, which lives for one request: a page asks
    the database at most once per scope and row, however many permissions it checks,
    and not at all for an object it has just fetched through that scope.
    """
    if pk is None or not user.is_authenticated:
        return False
    cache = _cache(user)
    key = (*_name(scope), pk)
    if key not in cache:
        cache[key] = scope(user).filter(pk=pk).exists()
    return cache[key]


def remember_in_scope(user, scope: Callable[[Any], QuerySet], pk: int) -> None:
    """Note that `pk` was just fetched through `scope(user)`, so `in_scope` need not ask."""
    if user.is_authenticated:
        _cache(user)[(*_name(scope), pk)] = True


def _name(scope) -> tuple[str, str]:
    # The QuerySet method, whether reached through the manager or a QuerySet.
    return scope.__module__, scope.__qualname__


def _cache(user) -> dict:
    # getattr/setattr, not __dict__: request.user is a lazy proxy of the User that
    # rules receive, and only attribute access reaches the User behind it.
    cache = getattr(user, _CACHE, None)
    if cache is None:
        cache = {}
        setattr(user, _CACHE, cache)
    return cache
