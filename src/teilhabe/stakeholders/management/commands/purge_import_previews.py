"""Delete import previews that were neither confirmed nor discarded in time."""

from django.core.management.base import BaseCommand

from teilhabe.stakeholders.models import IMPORT_PREVIEW_LIFETIME
from teilhabe.stakeholders.services import purge_import_previews


class Command(BaseCommand):
    help = (
        "Delete actor-import previews older than their lifetime. Each new upload does "
        "this too; run it from cron where imports are rare."
    )

    def handle(self, *args, **options) -> None:
        deleted = purge_import_previews()
        self.stdout.write(
            f"Deleted {deleted} import preview(s) older than {IMPORT_PREVIEW_LIFETIME}."
        )
