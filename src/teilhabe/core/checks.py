"""Deployment checks (`manage.py check --deploy`): what a production site must not forget."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

# The defaults of settings.OPERATOR that only a demo may keep.
DEMO_OPERATOR_NAME = "Programmbüro Teilhabe (Demo)"


@register(Tags.security, deploy=True)
def operator_is_named(app_configs, **kwargs):
    """The imprint and privacy policy name whoever runs the site; a demo name there
    would be a legal defect (§ 5 DDG, Art. 13 DSGVO), unless the admin's own text
    replaces both pages."""
    if settings.DEMO_MODE or settings.OPERATOR["name"] != DEMO_OPERATOR_NAME:
        return []
    from teilhabe.core.models import LegalPage

    try:
        replaced = set(LegalPage.objects.exclude(text_de="").values_list("kind", flat=True))
    except Exception:
        replaced = set()
    if {"imprint", "privacy"} <= replaced:
        return []
    return [
        Warning(
            "The imprint and privacy policy name the demo operator.",
            hint=(
                "Set TEILHABE_OPERATOR_NAME, _ADDRESS and _EMAIL (and the data protection "
                "officer), or write both pages in the admin under 'Legal pages'."
            ),
            id="teilhabe.W001",
        )
    ]
