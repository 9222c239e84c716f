from django.apps import AppConfig, apps
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "teilhabe.core"
    label = "core"
    verbose_name = _("Platform")

    def ready(self) -> None:
        from teilhabe.core import checks  # noqa: F401 - registers the deployment checks
        from teilhabe.core.text import prohibit_nul_characters

        # Every model of the platform, also of apps above core: only their field
        # objects are touched, no app is imported (all models are loaded by now).
        prohibit_nul_characters(
            model
            for config in apps.get_app_configs()
            if config.name.startswith("teilhabe.")
            for model in config.get_models()
        )
