"""Every page of every role, as the demo shows them: accessible and no wider than a phone.

The demo is served as `make run` serves it (runserver, embedded SQLite, demo mode) from
a throwaway data directory; each role logs in and follows every link it is shown
(tests/e2e/crawl.py). axe-core must find no WCAG 2.1 A/AA violation of any impact, and
at 375 px no page may be wider than the screen. One server for the module: its tests
stay on one xdist worker.
"""

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.crawl import crawl, login

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "teilhabe-demo"

pytestmark = [
    pytest.mark.xdist_group("crawl"),
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="browser tests run in the SQLite pass"
    ),
]


INVITE = """
from teilhabe.selfcheck.models import Invitation, SelfCheckRound
open_round = SelfCheckRound.objects.filter(status="perspectives").first()
print(Invitation.objects.create(round=open_round, perspective="civil_society").token)
"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("crawl-data")
    env = os.environ | {
        "TEILHABE_DATA_DIR": str(data_dir),
        "TEILHABE_DEBUG": "1",
        "TEILHABE_DEMO": "1",
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("TEILHABE_SQLITE_PATH", "DATABASE_URL", "DJANGO_SETTINGS_MODULE"):
        env.pop(name, None)
    log_path = data_dir / "server.log"
    manage = [sys.executable, str(ROOT / "manage.py")]
    with open(log_path, "w") as log:
        for command in (["migrate", "--noinput"], ["load_demo"]):
            subprocess.run(
                [*manage, *command], cwd=ROOT, env=env, stdout=log, stderr=log, check=True
            )
    # A fresh invitation link of the open self-check round, as a coordinator would send it.
    token = (
        subprocess.run(
            [*manage, "shell", "-c", INVITE],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    port = _free_port()
    log = open(log_path, "a")  # noqa: SIM115 - lives as long as the server
    server = subprocess.Popen(
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=log,
    )
    try:
        for _attempt in range(300):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.fail(f"the demo server did not start: {log_path.read_text()[-2000:]}")
        yield f"http://127.0.0.1:{port}", token
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


# One person per role of the demo, plus the public pages without an account.
ROLES = {
    "programme office": "buero@teilhabe.example",
    "facilitator": "keller@teilhabe.example",
    "coordinator": "koordination@neckarbrueck.example",
    "team member": "team@neckarbrueck.example",
    "coordinator of Lindenau": "koordination@lindenau.example",
}


@pytest.mark.parametrize("role", list(ROLES))
def test_every_page_of_the_role_is_accessible_and_fits_a_phone(demo_server, page, role):
    base, _token = demo_server
    login(page, base, ROLES[role], PASSWORD)
    result = crawl(page, base, ["/"])
    assert len(result.visited) >= 10, result.visited
    assert not result.problems, "\n".join(map(str, result.problems))


def test_the_coordinators_pages_in_english_too(demo_server, browser):
    """English words are longer in places and dates differ: the same checks in English."""
    context = browser.new_context(locale="en-GB", timezone_id="Europe/Berlin")
    page = context.new_page()
    base, _token = demo_server
    login(page, base, ROLES["coordinator"], PASSWORD)
    # As a person would: the language switch in the header.
    page.locator("#language-select").select_option("en")
    page.locator("form.language-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    result = crawl(page, base, ["/"])
    context.close()
    assert len(result.visited) >= 10, result.visited
    assert not result.problems, "\n".join(map(str, result.problems))


def test_every_public_page_is_accessible_and_fits_a_phone(demo_server, page):
    base, token = demo_server
    result = crawl(
        page,
        base,
        [
            "/accounts/login/",
            "/accounts/password/reset/",
            "/legal/imprint/",
            f"/selfcheck/invitation/{token}/",
        ],
    )
    visited = " ".join(result.visited)
    for path in ("/legal/privacy/", "/legal/accessibility/", token):
        assert path in visited
    assert not result.problems, "\n".join(map(str, result.problems))
