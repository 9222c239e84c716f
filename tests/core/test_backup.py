"""manage.py backup and restore against real database files, not the test database.

The demo is loaded once per module into a SQLite file in a temporary data directory
by a subprocess (`migrate`, `load_demo`, one uploaded document), exactly as an
installation would hold it; backup and restore then run as commands in subprocesses
too, and a last subprocess reads the restored installation back.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

from teilhabe.core.backup import (
    BackupError,
    build_archive,
    postgres_dump,
    postgres_env,
    restore_backup,
    sqlite_snapshot,
)

ROOT = Path(__file__).resolve().parents[2]
# An upload with every byte value, so any text-mode mangling would show.
CONTENT = bytes(range(256)) * 40

SETUP = """
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from teilhabe.processes.models import Block
from teilhabe.processes.services import add_document
call_command("migrate", verbosity=0)
call_command("load_demo", verbosity=0)
block = Block.objects.order_by("pk").first()
upload = SimpleUploadedFile(
    "Protokoll.pdf", bytes(range(256)) * 40, content_type="application/pdf"
)
add_document(block, upload=upload, title="Protokoll", by=block.process.facilitators.first())
"""

# Counts every table through Django's own connection, whatever the engine.
QUERY = """
import json
from django.db import connection
from teilhabe.processes.models import BlockDocument
counts = {}
with connection.cursor() as cursor:
    for table in connection.introspection.table_names(cursor):
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
        counts[table] = cursor.fetchone()[0]
documents = [document.file.path for document in BlockDocument.objects.all()]
print(json.dumps({"counts": counts, "documents": documents}))
"""

pytestmark = pytest.mark.xdist_group("backup")


def manage(*args: str, data_dir: Path, database_url: str = "") -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("TEILHABE_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env.update(
        DJANGO_SETTINGS_MODULE="tests.core.backup_settings",
        TEILHABE_DEBUG="1",
        TEILHABE_DEMO="1",
        TEILHABE_DATA_DIR=str(data_dir),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def read_back(data_dir: Path, database_url: str = "") -> dict:
    out = manage("shell", "-c", QUERY, data_dir=data_dir, database_url=database_url)
    return json.loads(out.strip().splitlines()[-1])


def manifest_of(archive: Path) -> dict:
    with tarfile.open(archive) as tar:
        return json.load(tar.extractfile("manifest.json"))


@dataclass
class Source:
    data_dir: Path
    archive: Path

    @property
    def database(self) -> Path:
        return self.data_dir / "teilhabe.sqlite3"


@pytest.fixture(scope="module")
def source(tmp_path_factory) -> Source:
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite backup tests run in the SQLite pass")
    data_dir = tmp_path_factory.mktemp("source")
    manage("shell", "-c", SETUP, data_dir=data_dir)
    out = manage("backup", "--output", str(data_dir / "out"), data_dir=data_dir)
    archive = Path(out.strip().splitlines()[-1])
    return Source(data_dir=data_dir, archive=archive)


def test_restore_into_an_empty_data_dir_finds_everything(source, tmp_path):
    manifest = manifest_of(source.archive)
    assert manifest["engine"] == "sqlite"
    assert manifest["counts"]["stakeholders_actor"] > 0
    assert manifest["counts"]["processes_blockdocument"] == 1
    assert "0001_initial" in manifest["migrations"]["processes"]
    (document,) = (f for f in manifest["files"] if f["name"].startswith("media/"))
    assert document["size"] == len(CONTENT)

    target = tmp_path / "new"
    out = manage("restore", str(source.archive), "--data-dir", str(target), data_dir=target)
    assert "Applying newer migrations" in out
    assert "No migrations to apply" in out

    restored = read_back(target)
    assert restored["counts"] == manifest["counts"]
    (path,) = restored["documents"]
    assert Path(path).is_relative_to(target / "media")
    assert Path(path).read_bytes() == CONTENT
    # And the original installation read back the same way agrees.
    assert read_back(source.data_dir)["counts"] == manifest["counts"]


def test_restore_refuses_a_data_dir_with_data(source, tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "old.pdf").write_bytes(b"keep me")

    with pytest.raises(BackupError, match="empty target"):
        restore_backup(source.archive, data_dir=tmp_path, migrate=False)

    assert not (tmp_path / "teilhabe.sqlite3").exists()
    assert (tmp_path / "media" / "old.pdf").read_bytes() == b"keep me"


def test_force_moves_the_old_data_aside_instead_of_deleting_it(source, tmp_path):
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "old.pdf").write_bytes(b"keep me")

    restore_backup(source.archive, data_dir=tmp_path, force=True, migrate=False)

    (aside,) = tmp_path.glob("pre-restore-*")
    assert (aside / "media" / "old.pdf").read_bytes() == b"keep me"
    assert (tmp_path / "teilhabe.sqlite3").is_file()
    assert not (tmp_path / "media" / "old.pdf").exists()


def rewrite(archive: Path, target: Path, change) -> Path:
    """A copy of `archive` with member contents passed through change(name, data)."""
    with tarfile.open(archive) as src, tarfile.open(target, "w:gz") as dst:
        for member in src.getmembers():
            data = change(member.name, src.extractfile(member).read())
            member.size = len(data)
            dst.addfile(member, io.BytesIO(data))
    return target


def flip_one_byte(data: bytes) -> bytes:
    middle = len(data) // 2
    return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]


@pytest.mark.parametrize("member", ["db.sqlite3", "media/"])
def test_a_changed_byte_is_refused_by_its_checksum(source, tmp_path, member):
    tampered = rewrite(
        source.archive,
        tmp_path / "tampered.tar.gz",
        lambda name, data: flip_one_byte(data) if name.startswith(member) else data,
    )
    target = tmp_path / "new"

    with pytest.raises(BackupError, match="Checksum mismatch"):
        restore_backup(tampered, data_dir=target, migrate=False)

    assert not (target / "teilhabe.sqlite3").exists()
    assert not (target / "media").exists()


def test_a_damaged_archive_is_refused(source, tmp_path):
    data = source.archive.read_bytes()
    damaged = tmp_path / "damaged.tar.gz"
    # Anywhere in the compressed stream: the manifest (last member) included.
    for position in (len(data) // 10, len(data) // 2, len(data) - 100):
        damaged.write_bytes(data[:position] + bytes([data[position] ^ 0x01]) + data[position + 1 :])

        with pytest.raises(BackupError, match="not a readable backup archive"):
            restore_backup(damaged, data_dir=tmp_path / "new", migrate=False)

        assert not (tmp_path / "new" / "teilhabe.sqlite3").exists()


def backed_up_database(archive: Path, into: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extract("db.sqlite3", into, filter="data")
    return into / "db.sqlite3"


def test_backup_while_other_connections_write(source, tmp_path):
    live = tmp_path / "live.sqlite3"
    sqlite_snapshot(source.database, live)
    setup = sqlite3.connect(live, isolation_level=None)
    setup.execute("PRAGMA journal_mode=WAL")
    setup.execute("CREATE TABLE probe_a (id INTEGER PRIMARY KEY, at REAL)")
    setup.execute("CREATE TABLE probe_b (id INTEGER PRIMARY KEY, at REAL)")
    setup.close()

    # 1. Another connection holds an open write transaction: the backup neither waits
    #    for it nor copies its uncommitted row.
    holder = sqlite3.connect(live, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO probe_a (at) VALUES (0)")
    started = time.monotonic()
    archive = build_archive(tmp_path / "one", database=live, media_root=tmp_path / "none")
    assert time.monotonic() - started < 15
    assert manifest_of(archive)["counts"]["probe_a"] == 0
    holder.execute("ROLLBACK")
    holder.close()

    # 2. A writer commits pairs of rows (one in each table) all the time: every backup
    #    taken meanwhile is a sound database holding whole pairs only.
    stop = threading.Event()
    committed = []

    def write() -> None:
        con = sqlite3.connect(live, isolation_level=None, timeout=20)
        while not stop.is_set():
            con.execute("BEGIN IMMEDIATE")
            con.execute("INSERT INTO probe_a (at) VALUES (?)", (time.time(),))
            con.execute("INSERT INTO probe_b (at) VALUES (?)", (time.time(),))
            con.execute("COMMIT")
            committed.append(1)
        con.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        while len(committed) < 20:
            time.sleep(0.01)
        archives = [
            build_archive(tmp_path / f"run{run}", database=live, media_root=tmp_path / "none")
            for run in range(3)
        ]
    finally:
        stop.set()
        writer.join()

    for number, archive in enumerate(archives):
        counts = manifest_of(archive)["counts"]
        assert counts["probe_a"] == counts["probe_b"] > 0
        copy = sqlite3.connect(backed_up_database(archive, tmp_path / f"x{number}"))
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert copy.execute("SELECT COUNT(*) FROM probe_a").fetchone()[0] == counts["probe_a"]
        copy.close()
    # The writer went on while the backups ran.
    assert len(committed) > counts["probe_a"]


# --- PostgreSQL ---------------------------------------------------------------------


def postgres_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://")) else ""


@pytest.mark.skipif(
    not postgres_url() or not shutil.which("pg_dump") or not shutil.which("pg_restore"),
    reason="needs DATABASE_URL pointing to PostgreSQL and pg_dump/pg_restore on PATH",
)
def test_postgres_backup_and_restore_into_a_fresh_database(tmp_path):
    import psycopg

    base = postgres_url().rsplit("/", 1)[0]
    suffix = uuid.uuid4().hex[:8]
    names = [f"backup_src_{suffix}", f"backup_dst_{suffix}"]
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        src, dst = (f"{base}/{name}" for name in names)
        manage("shell", "-c", SETUP, data_dir=tmp_path / "src", database_url=src)
        out = manage(
            "backup", "--output", str(tmp_path / "out"), data_dir=tmp_path / "src", database_url=src
        )
        archive = Path(out.strip().splitlines()[-1])
        manifest = manifest_of(archive)
        assert manifest["engine"] == "postgresql"
        assert manifest["database"] == "db.pgdump"
        assert manifest["counts"]["processes_blockdocument"] == 1

        target = tmp_path / "new"
        manage(
            "restore", str(archive), "--data-dir", str(target), data_dir=target, database_url=dst
        )

        restored = read_back(target, database_url=dst)
        assert restored["counts"] == manifest["counts"]
        (path,) = restored["documents"]
        assert Path(path).read_bytes() == CONTENT
        # A second restore finds tables there and refuses.
        with pytest.raises(AssertionError, match="empty target"):
            manage(
                "restore",
                str(archive),
                "--data-dir",
                str(tmp_path / "other"),
                data_dir=tmp_path / "other",
                database_url=dst,
            )
    finally:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_without_pg_dump_the_error_names_the_manual_procedure(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))

    with pytest.raises(BackupError, match=r"pg_dump was not found.*README\.md"):
        postgres_dump(tmp_path / "db.pgdump")


def test_the_connection_goes_to_the_environment_not_the_command_line():
    env = postgres_env(
        {
            "NAME": "teilhabe",
            "USER": "app",
            "PASSWORD": "s3cret",
            "HOST": "db.example",
            "PORT": 5433,
            "OPTIONS": {"sslmode": "require"},
        }
    )

    assert env["PGPASSWORD"] == "s3cret"
    assert (env["PGHOST"], env["PGPORT"], env["PGUSER"], env["PGDATABASE"]) == (
        "db.example",
        "5433",
        "app",
        "teilhabe",
    )
    assert env["PGSSLMODE"] == "require"
