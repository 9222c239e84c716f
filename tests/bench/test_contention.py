"""A short run of the write-contention benchmark (bench/contention.py) as a smoke test.

It starts its own server on the embedded SQLite database and loads the demo first
(about a minute, on one worker while the others go on), so it runs in the SQLite pass
of `make test`; the PostgreSQL pass has nothing to add to it.
"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DATABASE_URL")), reason="the benchmark runs in the SQLite pass"
)


def test_five_writers_for_three_seconds_lose_nothing(tmp_path):
    result = subprocess.run(
        [sys.executable, "bench/contention.py", "--seconds", "3", "--writers", "5"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=os.environ | {"TEMP": str(tmp_path), "TMPDIR": str(tmp_path)},
    )
    last = result.stdout.strip().splitlines()[-1]
    match = re.fullmatch(
        r"writers=5 writes=(\d+) lost=(\d+) errors=(\d+) p50_ms=\d+ p95_ms=\d+ max_lock_ms=\d+",
        last,
    )
    assert match, result.stdout + result.stderr
    writes, lost, errors = map(int, match.groups())
    assert writes > 0
    assert (lost, errors) == (0, 0), result.stderr
