"""`make run PORT=…` serves on that port, and the links in e-mails follow it."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize("port", ["8000", "8123"])
def test_make_run_serves_on_port_and_sets_the_site_url(port):
    env = {k: v for k, v in os.environ.items() if k != "TEILHABE_SITE_URL"}
    args = ["make", "--no-print-directory", "-n", "run"]
    if port != "8000":
        args.append(f"PORT={port}")
    plan = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    assert f"runserver 127.0.0.1:{port}" in plan.stdout
    assert f"Teilhabe runs at http://127.0.0.1:{port} " in plan.stdout


def test_site_url_comes_from_the_environment():
    """What `make run` exports is what the links in e-mails use (settings.SITE_URL)."""
    code = "from teilhabe import settings; print(settings.SITE_URL)"
    env = {**os.environ, "TEILHABE_SITE_URL": "http://127.0.0.1:8123/"}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "http://127.0.0.1:8123"
