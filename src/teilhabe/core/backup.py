"""Backup and restore of the database and the uploaded files.

One archive (`teilhabe-backup-YYYYmmdd-HHMMSS.tar.gz`) holds the database (`db.sqlite3`
or, on PostgreSQL, `db.pgdump` in pg_dump's custom format), the uploads under `media/`
and `manifest.json`: when it was made, the applied migrations per app, the row count
of every table, and size and SHA-256 of every other file in the archive.

SQLite is copied with SQLite's online backup API from a live database: in WAL mode the
copy reads one snapshot while the server goes on writing, and an open write
transaction is neither waited for nor copied. A file copy of a live database (plus
its -wal file) can be torn; the backup API cannot.

The commands `manage.py backup` and `manage.py restore` are thin wrappers around
`create_backup` and `restore_backup`.
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

from django.conf import settings
from django.db import DatabaseError, connections, transaction

MANIFEST = "manifest.json"
SQLITE_NAME = "db.sqlite3"
PGDUMP_NAME = "db.pgdump"
MEDIA_DIR = "media"
FORMAT_VERSION = 1
POSTGRES_MANUAL = "README.md, section 'Backup and restore' (pg_dump -Fc / pg_restore)"

Log = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def _ignore(_message: str) -> None:
    pass


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1024 * 1024), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _is_postgres(alias: str = "default") -> bool:
    return connections[alias].vendor == "postgresql"


# --- SQLite -------------------------------------------------------------------------


def sqlite_snapshot(source: Path, target: Path) -> None:
    """Copy the live database at `source` into a new file `target` (online backup API).

    The copy runs in a single step (`pages=-1`), so it reads one consistent snapshot:
    in WAL mode writers go on meanwhile, and a step-by-step copy would restart every
    time another connection wrote. Raises BackupError if the copy is not a sound
    database.
    """
    if not source.is_file():
        raise BackupError(f"No SQLite database at {source}.")
    src = sqlite3.connect(source, timeout=30)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst, pages=-1)
            # The copy is a standalone file: no -wal beside it.
            dst.execute("PRAGMA journal_mode=DELETE")
            result = dst.execute("PRAGMA integrity_check").fetchone()
        finally:
            dst.close()
    finally:
        src.close()
    if not result or result[0] != "ok":
        raise BackupError(f"The copied database failed SQLite's integrity check: {result}.")


def sqlite_counts(path: Path) -> dict[str, int]:
    """Row count of every table in the SQLite file at `path`."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        # Table names come from the database itself and are quoted.
        return {
            table: con.execute(f"SELECT COUNT(*) FROM {_quote(table)}").fetchone()[0]  # noqa: S608
            for table in tables
        }
    finally:
        con.close()


def sqlite_migrations(path: Path) -> dict[str, list[str]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT app, name FROM django_migrations ORDER BY app, id").fetchall()
    except sqlite3.OperationalError:
        rows = []
    finally:
        con.close()
    return _group_migrations(rows)


def _group_migrations(rows: list[tuple[str, str]]) -> dict[str, list[str]]:
    state: dict[str, list[str]] = {}
    for app, name in rows:
        state.setdefault(app, []).append(name)
    return state


# --- PostgreSQL ---------------------------------------------------------------------


def postgres_env(db: Mapping[str, Any] | None = None) -> dict[str, str]:
    """The environment for pg_dump/pg_restore: the connection from DATABASE_URL.

    The password goes into PGPASSWORD, never onto the command line, where every user
    of the machine could read it in the process list.
    """
    if db is None:
        db = connections["default"].settings_dict
    env = dict(os.environ)
    for key, var in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
        ("NAME", "PGDATABASE"),
    ):
        if db.get(key):
            env[var] = str(db[key])
    options = db.get("OPTIONS") or {}
    for key in ("sslmode", "sslrootcert", "sslcert", "sslkey"):
        if options.get(key):
            env[f"PG{key.upper()}"] = str(options[key])
    return env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise BackupError(
            f"{name} was not found on PATH. Install the PostgreSQL client tools "
            f"(Debian: apt-get install postgresql-client) or follow the manual "
            f"procedure in {POSTGRES_MANUAL}."
        )
    return path


def postgres_dump(target: Path, alias: str = "default") -> tuple[dict[str, int], dict]:
    """Dump the database with pg_dump -Fc into `target`; returns counts and migrations.

    Counts and migration state are read in the very snapshot pg_dump dumps
    (pg_export_snapshot + pg_dump --snapshot), so they match the dump even while the
    server writes.
    """
    pg_dump = _tool("pg_dump")
    connection = connections[alias]
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
        rows: list[tuple[str, str]] = []
        if "django_migrations" in tables:
            cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, id")
            rows = list(cursor.fetchall())
        result = subprocess.run(  # noqa: S603 - fixed tool, arguments without user input
            [pg_dump, "--format=custom", "--no-owner", f"--snapshot={snapshot}", "-f", str(target)],
            env=postgres_env(connection.settings_dict),
            capture_output=True,
            text=True,
            check=False,
        )
    if result.returncode != 0:
        raise BackupError(f"pg_dump failed: {result.stderr.strip()}")
    return counts, _group_migrations(rows)


def _postgres_has_tables(alias: str = "default") -> bool:
    connection = connections[alias]
    try:
        with connection.cursor() as cursor:
            return bool(connection.introspection.table_names(cursor))
    except DatabaseError as error:
        raise BackupError(
            f"Cannot connect to the database {connection.settings_dict['NAME']}: {error}. "
            "Create it (empty) first."
        ) from error


def postgres_counts(alias: str = "default") -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


# --- Backup -------------------------------------------------------------------------


def _media_files(media_root: Path) -> Iterator[Path]:
    if not media_root.is_dir():
        return
    for path in sorted(media_root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def default_backup_dir() -> Path:
    return Path(settings.DATA_DIR) / "backups"


def create_backup(
    output_dir: Path | None = None,
    *,
    now: datetime | None = None,
    log: Log = _ignore,
) -> Path:
    """Back up the configured database and MEDIA_ROOT into one archive in `output_dir`.

    Returns the archive's path. Raises BackupError (no pg_dump on PostgreSQL, a
    database that fails its integrity check, …).
    """
    output_dir = Path(output_dir) if output_dir else default_backup_dir()
    if _is_postgres():
        return build_archive(
            output_dir, database=None, media_root=Path(settings.MEDIA_ROOT), now=now, log=log
        )
    return build_archive(
        output_dir,
        database=Path(settings.DATABASES["default"]["NAME"]),
        media_root=Path(settings.MEDIA_ROOT),
        now=now,
        log=log,
    )


def build_archive(
    output_dir: Path,
    *,
    database: Path | None,
    media_root: Path,
    now: datetime | None = None,
    log: Log = _ignore,
) -> Path:
    """Write the archive: a SQLite file at `database`, or PostgreSQL if it is None."""
    now = now or datetime.now(UTC)
    output_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    name = f"teilhabe-backup-{now:%Y%m%d-%H%M%S}.tar.gz"
    archive = output_dir / name
    with tempfile.TemporaryDirectory(prefix=".teilhabe-backup-", dir=output_dir) as tmp:
        work = Path(tmp)
        # The database first: uploads are never changed in place, so files added
        # while the media are copied are merely unreferenced in the snapshot.
        if database is None:
            db_file = work / PGDUMP_NAME
            log("Dumping PostgreSQL with pg_dump …")
            counts, migrations = postgres_dump(db_file)
            engine = "postgresql"
        else:
            db_file = work / SQLITE_NAME
            log(f"Copying SQLite database {database} (online backup API) …")
            sqlite_snapshot(database, db_file)
            counts, migrations = sqlite_counts(db_file), sqlite_migrations(db_file)
            engine = "sqlite"
        partial = work / (name + ".partial")
        # The archive holds personal data: readable by its owner only.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
            files = [_add(tar, db_file, db_file.name)]
            media = list(_media_files(media_root))
            log(f"Adding {len(media)} uploaded files from {media_root} …")
            for path in media:
                arcname = f"{MEDIA_DIR}/{path.relative_to(media_root).as_posix()}"
                try:
                    files.append(_add(tar, path, arcname))
                except FileNotFoundError:
                    # Deleted after the database snapshot (remove_document): the
                    # snapshot may still list the document, but its file is gone.
                    log(f"Skipped {arcname}: deleted meanwhile")
            manifest = {
                "format": FORMAT_VERSION,
                "created_at": now.isoformat(),
                "engine": engine,
                "database": db_file.name,
                "migrations": migrations,
                "counts": counts,
                "files": files,
            }
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mtime, info.mode = len(data), int(now.timestamp()), 0o600
            tar.addfile(info, io.BytesIO(data))
        try:
            # A hard link never replaces an archive made in the same second.
            os.link(partial, archive)
        except FileExistsError as error:
            raise BackupError(f"{archive} exists already; try again in a second.") from error
    log(f"Backup written to {archive}")
    return archive


class _Hashing:
    """A file read through this wrapper is hashed on the way into the archive."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        self.digest.update(data)
        return data


def _add(tar: tarfile.TarFile, path: Path, arcname: str) -> dict[str, Any]:
    """Add one file, opened once: what is hashed is exactly what the archive holds."""
    with path.open("rb") as file:
        info = tar.gettarinfo(arcname=arcname, fileobj=file)
        reader = _Hashing(file)
        tar.addfile(info, reader)
    return {"name": arcname, "size": info.size, "sha256": reader.digest.hexdigest()}


# --- Restore ------------------------------------------------------------------------


@dataclass
class Target:
    """Where a restore puts the database and the uploads."""

    database: Path | None  # None: PostgreSQL from DATABASE_URL
    media_root: Path
    data_dir: Path

    def occupied(self) -> list[str]:
        """What is already there and would be overwritten."""
        found = []
        if self.database is not None:
            for suffix in ("", "-wal"):
                path = Path(f"{self.database}{suffix}")
                if path.exists():
                    found.append(str(path))
        if self.media_root.is_dir() and any(self.media_root.iterdir()):
            found.append(f"{self.media_root} (not empty)")
        return found


def default_target(data_dir: Path | None) -> Target:
    """`data_dir` with the default layout, or the configured database and MEDIA_ROOT."""
    postgres = _is_postgres()
    if data_dir is not None:
        return Target(
            database=None if postgres else data_dir / "teilhabe.sqlite3",
            media_root=data_dir / "media",
            data_dir=data_dir,
        )
    return Target(
        database=None if postgres else Path(settings.DATABASES["default"]["NAME"]),
        media_root=Path(settings.MEDIA_ROOT),
        data_dir=Path(settings.DATA_DIR),
    )


@contextmanager
def open_verified(archive: Path, work: Path) -> Iterator[dict]:
    """Unpack `archive` into `work`, check every file against the manifest, yield it.

    Raises BackupError for an unreadable archive, a missing, extra or changed file.
    """
    try:
        # Read to the end first: gzip's CRC covers the whole archive, the manifest
        # too, but tarfile stops reading at the last member and never checks it.
        with gzip.open(archive, "rb") as stream:
            while stream.read(1024 * 1024):
                pass
        with tarfile.open(archive, mode="r:gz") as tar:
            # The "data" filter refuses absolute paths, .. and links out of `work`.
            tar.extractall(work, filter="data")
    except (tarfile.TarError, OSError, EOFError, zlib.error) as error:
        raise BackupError(f"{archive} is not a readable backup archive: {error}") from error
    try:
        manifest = json.loads((work / MANIFEST).read_text("utf-8"))
    except (OSError, ValueError) as error:
        raise BackupError(f"{archive} has no readable {MANIFEST}: {error}") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_VERSION:
        raise BackupError(f"{archive} is not a Teilhabe backup of format {FORMAT_VERSION}.")
    missing = {"engine", "counts", "files", "created_at"} - manifest.keys()
    if missing:
        raise BackupError(f"The manifest lacks {sorted(missing)}.")
    listed = {entry["name"] for entry in manifest["files"]}
    unpacked = {path.relative_to(work).as_posix() for path in work.rglob("*") if path.is_file()}
    present = unpacked - {MANIFEST}
    if listed != present:
        raise BackupError(
            "The archive does not match its manifest: "
            f"missing {sorted(listed - present)}, unlisted {sorted(present - listed)}."
        )
    for entry in manifest["files"]:
        path = work / entry["name"]
        if path.stat().st_size != entry["size"] or _sha256(path) != entry["sha256"]:
            raise BackupError(f"Checksum mismatch for {entry['name']}: the archive is damaged.")
    yield manifest


def restore_backup(
    archive: Path,
    *,
    data_dir: Path | None = None,
    force: bool = False,
    migrate: bool = True,
    log: Log = _ignore,
) -> dict:
    """Restore `archive` into an empty data directory; returns the manifest.

    SQLite: the database goes to `data_dir/teilhabe.sqlite3` (or the configured path
    without `data_dir`), the uploads to `data_dir/media` (or MEDIA_ROOT). PostgreSQL:
    pg_restore into the DATABASE_URL database. Refuses (BackupError) a target that
    holds a database or uploads unless `force`; with `force` the old database file and
    uploads are moved aside into `pre-restore-…/`, never deleted. Afterwards the row
    counts are compared with the manifest and `migrate` applies newer migrations.
    """
    archive = Path(archive)
    target = default_target(Path(data_dir) if data_dir else None)
    occupied = target.occupied()
    if target.database is None and _postgres_has_tables():
        occupied.append(f"database {connections['default'].settings_dict['NAME']} (has tables)")
    if occupied and not force:
        raise BackupError(
            "Restore needs an empty target, but these exist: "
            + ", ".join(occupied)
            + ". Use another --data-dir, or --force to move them aside."
        )
    target.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Unpack next to the target: the final moves are renames on one file system.
    with (
        tempfile.TemporaryDirectory(prefix=".teilhabe-restore-", dir=target.data_dir) as tmp,
        open_verified(archive, Path(tmp)) as manifest,
    ):
        work = Path(tmp)
        log(f"Archive verified: {len(manifest['files'])} files, made {manifest['created_at']}.")
        if (manifest["engine"] == "postgresql") != (target.database is None):
            raise BackupError(
                f"The archive holds a {manifest['engine']} database, but this installation "
                f"uses {'PostgreSQL' if target.database is None else 'SQLite'}; convert it "
                f"with dumpdata/loaddata on a matching installation."
            )
        if occupied:
            _move_aside(target, log)
        if target.database is None:
            _pg_restore(work / PGDUMP_NAME, force=force, log=log)
            counts = postgres_counts()
        else:
            target.database.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(work / SQLITE_NAME, target.database)
            counts = sqlite_counts(target.database)
        media = work / MEDIA_DIR
        if media.is_dir():
            if target.media_root.exists():
                target.media_root.rmdir()  # empty, or moved aside above
            target.media_root.parent.mkdir(parents=True, exist_ok=True)
            # MEDIA_ROOT may be on another file system than the data directory.
            shutil.move(media, target.media_root)
    differ = {
        table: (count, counts.get(table))
        for table, count in manifest["counts"].items()
        if counts.get(table) != count
    }
    if differ:
        raise BackupError(f"Row counts differ from the manifest (expected, found): {differ}")
    log(f"Database restored: {len(counts)} tables, counts match the manifest.")
    if migrate:
        _migrate(target, log)
    return manifest


def _move_aside(target: Target, log: Log) -> None:
    aside = target.data_dir / f"pre-restore-{datetime.now(UTC):%Y%m%d-%H%M%S}"
    aside.mkdir(mode=0o700)
    if target.database is not None:
        for suffix in ("", "-wal", "-shm"):
            path = Path(f"{target.database}{suffix}")
            if path.exists():
                shutil.move(path, aside / path.name)
    if target.media_root.is_dir():
        shutil.move(target.media_root, aside / "media")
    log(f"The previous database and uploads were moved to {aside}")


def _pg_restore(dump: Path, *, force: bool, log: Log) -> None:
    pg_restore = _tool("pg_restore")
    env = postgres_env()
    args = [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if force:
        args += ["--clean", "--if-exists"]
    # Django's connection is closed so it does not hold locks pg_restore waits for.
    connections["default"].close()
    log("Restoring PostgreSQL with pg_restore …")
    result = subprocess.run(  # noqa: S603 - fixed tool, arguments without user input
        [*args, "--dbname", env["PGDATABASE"], str(dump)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_restore failed: {result.stderr.strip()}")


def _migrate(target: Target, log: Log) -> None:
    """Apply migrations newer than the backup, in a process that sees the target."""
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")
    if target.database is not None:
        env["TEILHABE_SQLITE_PATH"] = str(target.database)
    env["TEILHABE_MEDIA_ROOT"] = str(target.media_root)
    env["TEILHABE_DATA_DIR"] = str(target.data_dir)
    log("Applying newer migrations, if any …")
    result = subprocess.run(
        [sys.executable, "-m", "django", "migrate", "--noinput"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"migrate failed after the restore: {result.stderr.strip()}")
    log(result.stdout.strip())
