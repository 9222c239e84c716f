"""`in_scope`: rules ask a scope QuerySet, once per request and row."""

from django.utils.functional import SimpleLazyObject

from teilhabe.core.access import get_object_for, in_scope
from teilhabe.processes.models import Process


def test_asks_the_queryset_once(coordinator, process, other_process, django_assert_num_queries):
    with django_assert_num_queries(2):
        assert in_scope(coordinator, Process.objects.visible_to, process.pk)
        assert in_scope(coordinator, Process.objects.visible_to, process.pk)
        assert not in_scope(coordinator, Process.objects.visible_to, other_process.pk)
        assert not in_scope(coordinator, Process.objects.visible_to, other_process.pk)


def test_an_object_fetched_through_the_scope_is_known(
    coordinator, process, django_assert_num_queries
):
    # request.user is a lazy proxy; the rules receive the User behind it.
    lazy = SimpleLazyObject(lambda: coordinator)
    fetched = get_object_for(lazy, Process.objects, pk=process.pk)
    with django_assert_num_queries(0):
        assert in_scope(coordinator, Process.objects.visible_to, fetched.pk)
        assert coordinator.has_perm("processes.view_process", fetched)


def test_nobody_without_an_object_or_an_account(anonymous, coordinator, process):
    assert not in_scope(anonymous, Process.objects.visible_to, process.pk)
    assert not in_scope(coordinator, Process.objects.visible_to, None)
