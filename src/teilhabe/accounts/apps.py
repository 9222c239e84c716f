from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "teilhabe.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from django.contrib.auth.signals import user_logged_in

        from teilhabe.accounts.middleware import note_login

        user_logged_in.connect(note_login, dispatch_uid="accounts.two_factor.note_login")
