from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProcessesConfig(AppConfig):
    name = "teilhabe.processes"
    label = "processes"
    verbose_name = _("Processes and building blocks")

    def ready(self) -> None:
        from teilhabe.processes import receivers  # noqa: F401  (connects the receivers)
