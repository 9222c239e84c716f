"""Saving a checked import."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from teilhabe.stakeholders import services
from teilhabe.stakeholders.models import Actor
from teilhabe.stakeholders.transfer.validation import Preview


def import_rows(preview: Preview, municipality, *, by, now: datetime | None = None) -> list[Actor]:
    """Create every actor of an error-free preview through `services.import_actors`.

    Raises ValidationError (and saves nothing) when the preview has errors or a
    service rejects a row. Assessments in the file are dated `now` (default: the
    current time).
    """
    if preview.has_errors:
        raise ValidationError(
            _("The file has errors; nothing was imported."), code="preview_has_errors"
        )
    entries = [
        services.NewActor(row.actor, row.assessment)
        for row in preview.rows
        if row.ok and row.actor is not None
    ]
    if any(entry.actor.municipality_id != municipality.pk for entry in entries):
        raise ValueError("The preview was checked for another municipality.")
    return services.import_actors(entries, by=by, now=now)
