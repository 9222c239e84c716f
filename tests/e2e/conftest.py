"""Playwright setup for the browser tests in this directory.

Browsers cannot be downloaded in CI, so Playwright drives Debian's Chromium
(`make system-deps` installs it, plus libatomic1, without which Playwright's driver
dies with "Connection closed while reading from the driver"). Every test here gets
the `e2e` marker; `make test` runs them in the SQLite pass only.

Tests that use `live_server` get a transactional database from pytest-django, so
data made with the factories is committed and visible to the server thread.
"""

from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
E2E_DIR = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    # This hook sees the whole session's items, not only this directory's.
    for item in items:
        if item.path.is_relative_to(E2E_DIR):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium (make system-deps)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        # No sandbox: CI runs as root, where Chromium refuses to start with one.
        # The rest keeps Chromium from phoning home or needing a GPU or a big /dev/shm.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Like the municipal staff the app is for: German browser, German time. Without
    # this Chromium sends the machine's Accept-Language and the UI may switch language.
    return {**browser_context_args, "locale": "de-DE", "timezone_id": "Europe/Berlin"}
