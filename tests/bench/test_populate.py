"""The data generator (bench/populate.py) on its tiny scale, as a smoke test.

It runs as a subprocess into a throwaway TEILHABE_DATA_DIR (SQLite, like the app
finds it there), so it belongs to the SQLite pass of `make test`; the PostgreSQL
pass has nothing to add (the script was measured on PostgreSQL by hand, see its
docstring). Then the test opens that database and checks what the benchmark relies
on: the printed counts, the manifest, and rows that pass the models' own validation.
"""

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="the generator is checked in the SQLite pass"
    ),
    # One worker builds the data once for all tests of this module.
    pytest.mark.xdist_group("bench-populate"),
]

LAST_LINE = re.compile(
    r"scale=tiny database=sqlite seconds=\d+ municipalities=(?P<municipalities>\d+) "
    r"processes=(?P<processes>\d+) blocks=(?P<blocks>\d+) actors=(?P<actors>\d+) "
    r"assessments=(?P<assessments>\d+) responses=(?P<responses>\d+) answers=(?P<answers>\d+)"
)


def populate(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "TEILHABE_SQLITE_PATH"}}
    return subprocess.run(
        [sys.executable, "bench/populate.py", "--scale", "tiny", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=env | {"TEILHABE_DATA_DIR": str(data_dir)},
    )


@pytest.fixture(scope="module")
def populated(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("bench-data")
    result = populate(data_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return data_dir, result


def test_prints_the_counts_it_made(populated):
    data_dir, result = populated
    match = LAST_LINE.fullmatch(result.stdout.strip().splitlines()[-1])
    assert match, result.stdout
    counts = {k: int(v) for k, v in match.groupdict().items()}
    assert counts["municipalities"] == 40
    assert counts["processes"] == 10
    assert counts["blocks"] == 15 * counts["processes"]
    assert counts["actors"] == 300
    assert counts["assessments"] >= counts["actors"] // 2
    assert counts["responses"] == 70
    # Every submitted response answers the 55 closed items of the instrument.
    assert counts["answers"] > 40 * counts["responses"]
    with sqlite3.connect(data_dir / "teilhabe.sqlite3") as db:
        for table, key in [
            ("programmes_municipality", "municipalities"),
            ("processes_block", "blocks"),
            ("stakeholders_actor", "actors"),
            ("selfcheck_answer", "answers"),
        ]:
            assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == counts[key]


def test_manifest_names_logins_and_objects_that_exist(populated):
    data_dir, _ = populated
    manifest = json.loads((data_dir / "bench-manifest.json").read_text())
    assert manifest["scale"] == "tiny"
    assert manifest["database"] == "sqlite"
    assert set(manifest["logins"]) == {"office", "facilitator", "coordinator", "team"}
    with sqlite3.connect(data_dir / "teilhabe.sqlite3") as db:

        def one(sql, *params):
            return db.execute(sql, params).fetchone()

        office = manifest["logins"]["office"]
        assert one("SELECT role FROM accounts_user WHERE email = ?", office) == (
            "programme_office",
        )
        big = manifest["big_municipality"]
        assert one(
            "SELECT role, municipality_id FROM accounts_user WHERE email = ?",
            manifest["logins"]["coordinator"],
        ) == ("coordinator", big)
        assert one("SELECT count(*) FROM stakeholders_actor WHERE municipality_id = ?", big) == (
            60,
        )
        assert one(
            "SELECT municipality_id, round_id, closed_on FROM processes_process WHERE id = ?",
            manifest["process"],
        ) == (big, manifest["rounds"]["current"], None)
        facilitator_processes = one(
            "SELECT count(*) FROM processes_process_facilitators f "
            "JOIN accounts_user u ON u.id = f.user_id WHERE u.email = ?",
            manifest["logins"]["facilitator"],
        )[0]
        assert facilitator_processes >= 4
        kind, submitted = one(
            "SELECT m.kind, count(DISTINCT r.id) FROM selfcheck_selfcheckround s "
            "JOIN programmes_municipality m ON m.id = s.municipality_id "
            "JOIN selfcheck_response r ON r.round_id = s.id AND r.submitted_at IS NOT NULL "
            "WHERE s.id = ?",
            manifest["selfcheck_round"],
        )
        assert (kind, submitted > 5) == ("gemeinde", True)


def test_rows_pass_the_models_validation(populated):
    """full_clean on every row: the rules that live only in clean() hold too."""
    data_dir, _ = populated
    script = """
import django
django.setup()
from django.apps import apps
from django.core.management import call_command
call_command("check")
failures = []
for label in ["programmes.Municipality", "programmes.Round", "programmes.Application",
              "processes.Process", "processes.Block", "processes.ConsultingEntry",
              "stakeholders.Actor", "stakeholders.Assessment", "selfcheck.SelfCheckRound",
              "selfcheck.Response", "accounts.User"]:
    for obj in apps.get_model(label).objects.all():
        try:
            obj.full_clean()
        except Exception as error:
            failures.append(f"{label} {obj.pk}: {error}")
print(len(failures), "failures")
print("\\n".join(failures[:20]))
"""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=env
        | {"TEILHABE_DATA_DIR": str(data_dir), "DJANGO_SETTINGS_MODULE": "teilhabe.settings"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-2:][0] == "0 failures", result.stdout


def test_refuses_a_database_with_municipalities_unless_reset(populated):
    data_dir, _ = populated
    refused = populate(data_dir)
    assert refused.returncode == 2
    assert "--reset" in refused.stderr


def test_reset_builds_the_same_data_again(populated):
    data_dir, _ = populated
    before = json.loads((data_dir / "bench-manifest.json").read_text())
    again = populate(data_dir, "--reset")
    assert again.returncode == 0, again.stdout + again.stderr
    after = json.loads((data_dir / "bench-manifest.json").read_text())
    assert after["counts"] == before["counts"]
    assert LAST_LINE.fullmatch(again.stdout.strip().splitlines()[-1])
