"""The model backend answers for operators only and loads the user's municipality."""

from django.contrib.auth.models import Permission

from teilhabe.accounts.backends import OperatorModelBackend
from tests.factories import UserFactory


def _grant(user, codename: str) -> None:
    user.user_permissions.add(Permission.objects.get(codename=codename))


def test_operator_keeps_django_model_permissions(db):
    operator = UserFactory(is_staff=True)
    _grant(operator, "add_programme")
    assert operator.has_perm("programmes.add_programme")


def test_others_are_not_asked_about_model_permissions(db, coordinator, django_assert_num_queries):
    _grant(coordinator, "add_programme")
    with django_assert_num_queries(0):
        assert not coordinator.has_perm("programmes.add_programme")
        assert not coordinator.has_perm("programmes.view_programme_list")


def test_user_comes_with_municipality(db, coordinator, django_assert_num_queries):
    with django_assert_num_queries(1):
        user = OperatorModelBackend().get_user(coordinator.pk)
        assert user.municipality.name == "Neckarbrück"


def test_inactive_user_is_not_loaded(db, coordinator):
    coordinator.is_active = False
    coordinator.save(update_fields=["is_active"])
    assert OperatorModelBackend().get_user(coordinator.pk) is None
