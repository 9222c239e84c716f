from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SelfcheckConfig(AppConfig):
    name = "teilhabe.selfcheck"
    label = "selfcheck"
    verbose_name = _("Self-check")

    def ready(self) -> None:
        from teilhabe.selfcheck import receivers  # noqa: F401  (connects the receivers)
