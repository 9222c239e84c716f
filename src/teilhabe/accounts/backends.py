"""Django's model backend, fitted to a platform whose permissions are rules."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class OperatorModelBackend(ModelBackend):
    """Logs people in like Django's backend; model permissions only for operators.

    The platform's permissions are django-rules (`<app>/rules.py`), asked first.
    Django's model permissions (groups, user permissions) grant work in the Django
    admin, which only operators (`is_staff`) enter. Looking them up for everybody
    else cost two queries on every page whose navigation checks a permission the
    person lacks, and could only answer "no".

    The user is loaded with their municipality: the navigation links a municipal
    person's own stakeholder analysis on every page.
    """

    def get_all_permissions(self, user_obj, obj=None):
        if not getattr(user_obj, "is_staff", False):
            return set()
        return super().get_all_permissions(user_obj, obj)

    def get_user(self, user_id):
        user_model = get_user_model()
        try:
            user = user_model._default_manager.select_related("municipality").get(pk=user_id)
        except user_model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
