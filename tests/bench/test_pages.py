"""A tiny run of the page benchmark (bench/pages.py): it works, and ends as documented.

It serves a fresh data directory, which the benchmark fills with the demo first (the
bulk of the time), so it runs in the SQLite pass only, like test_contention.py.
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

SUMMARY = re.compile(
    r"pages=(\d+) worst_p95_ms=\d+ worst_page=(\w+/\w+) max_queries=(\d+) "
    r"max_html_kb=\d+ worst_ratio_to_floor=(\d+\.\d+)"
)


def test_every_role_gets_its_pages_measured_and_the_summary_ends_the_output(tmp_path):
    env = {
        key: value
        for key, value in os.environ.items()
        # The server must run as in production, not as the test run configures Django.
        if key not in {"DJANGO_SETTINGS_MODULE", "TEILHABE_TESTING", "TEILHABE_DEBUG"}
    }
    result = subprocess.run(
        [
            sys.executable,
            "bench/pages.py",
            "--repeat",
            "2",
            "--warmup",
            "0",
            "--export-repeat",
            "1",
            "--concurrency",
            "2",
            "--workers",
            "2",
            "--seconds",
            "0.2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
        env=env | {"TEILHABE_DATA_DIR": str(tmp_path / "data"), "TMPDIR": str(tmp_path)},
    )
    lines = result.stdout.strip().splitlines()
    assert result.returncode == 0, result.stdout + result.stderr
    match = SUMMARY.fullmatch(lines[-1])
    assert match, result.stdout + result.stderr
    pages, _worst_page, max_queries, ratio = match.groups()
    assert int(pages) >= 10
    assert int(max_queries) > 0  # counted inside the server
    assert float(ratio) > 0  # throughput against the floor was measured
    for role in ("office", "facilitator", "coordinator", "team"):
        assert re.search(rf"^{role}/dashboard ", result.stdout, re.MULTILINE), role
    assert re.search(r"^exports=\d+ ", result.stdout, re.MULTILINE)
