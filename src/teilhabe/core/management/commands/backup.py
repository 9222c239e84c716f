from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teilhabe.core.backup import BackupError, create_backup, default_backup_dir


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite: online backup API, safe while the server runs; "
        "PostgreSQL: pg_dump -Fc) and the uploaded files into one .tar.gz archive with a "
        "manifest of checksums and row counts. The archive holds personal data."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output",
            type=Path,
            default=None,
            help=f"directory for the archive (default: {default_backup_dir()})",
        )

    def handle(self, *args, output: Path | None, **options):
        self.verbosity = options["verbosity"]
        try:
            archive = create_backup(output, log=self._log)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(str(archive))

    def _log(self, message: str) -> None:
        # stdout carries only the archive's path, for scripts; progress goes to stderr.
        if self.verbosity > 1:
            self.stderr.write(message)
