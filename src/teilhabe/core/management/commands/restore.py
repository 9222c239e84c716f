from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from teilhabe.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup archive made by `manage.py backup` into an empty data directory "
        "(SQLite) or an empty DATABASE_URL database (PostgreSQL, with pg_restore); checks "
        "the manifest's checksums first and runs migrate afterwards. Stop the server first."
    )
    # The checks would open the database this command is about to replace.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser):
        parser.add_argument("archive", type=Path, help="the .tar.gz made by manage.py backup")
        parser.add_argument(
            "--data-dir",
            type=Path,
            default=None,
            help="restore into DIR/teilhabe.sqlite3 and DIR/media "
            "(default: the configured database and TEILHABE_DATA_DIR/media)",
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="restore over an existing database and uploads; they are moved aside "
            "into DATA_DIR/pre-restore-…/ (PostgreSQL: pg_restore --clean)",
        )
        parser.add_argument(
            "--no-migrate",
            action="store_true",
            help="do not run migrate after the restore",
        )

    def handle(self, *args, archive: Path, data_dir: Path | None, force: bool, **options):
        try:
            manifest = restore_backup(
                archive,
                data_dir=data_dir,
                force=force,
                migrate=not options["no_migrate"],
                log=self.stdout.write,
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the backup of {manifest['created_at']} "
                f"({sum(manifest['counts'].values())} rows, {len(manifest['files'])} files)."
            )
        )
