"""Page benchmark: every main page of every role, timed on the server, and throughput.

Finds the database as the app does (`TEILHABE_DATA_DIR`, `DATABASE_URL`) and serves it
as in production (README, "Production": gunicorn with `--workers` workers, the task
worker next to it, DEBUG off), with TEILHABE_DEMO=1 so that the programme office and the
facilitators log in with their password alone (the second factor is a login step, not
part of any page) and TEILHABE_INSECURE_HTTP=1 for plain HTTP on 127.0.0.1. The server
runs with bench/_pages_settings.py: the app's settings plus a middleware that reports
each request's server time and query count in response headers (`X-Bench-Time-Ms`,
`X-Bench-Queries`), and a floor page. Nothing of that is active in normal runs.

Nothing is migrated or loaded when the database holds data. An empty one (a fresh
TEILHABE_DATA_DIR) is migrated and gets the demo (`load_demo`), so the script works out
of the box.

Accounts and objects: `bench-manifest.json` in the data directory (written by
bench/populate.py) names the accounts per role and the ids of interesting objects
(the format is described in `read_manifest`). Without a manifest, or for what it leaves
out, the demo accounts are used and ids are found by following links from each role's
dashboard and lists. A page is measured for a role when it answers 200 to that role.

For each page: median and p95 of the server time over `--repeat` requests (after
`--warmup` unmeasured ones), queries per request and the size of the HTML. Exports
(PDF, XLSX, CSV; each for the first role that may download it, `--export-repeat` times)
are listed separately and do not count in the summary line. Then
throughput: `--concurrency` threads request one page for `--seconds`, for every view
(the role where it was slowest) and for the floor, a minimal Django view rendering 20
rows from a template, served by the same server in the same run; the floor is measured
before the first page and after every few, and each page is compared with the mean of
the floors around it (other processes on the machine make the load drift). The
output ends with exactly one line:

    pages=N worst_p95_ms=… worst_page=… max_queries=… max_html_kb=… worst_ratio_to_floor=…

Standard library only. Run: `.venv/bin/python bench/pages.py [--repeat 20]`.
"""

import argparse
import http.client
import json
import math
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
MANIFEST_NAME = "bench-manifest.json"
DEMO_PASSWORD = "teilhabe-demo"
ROLES = ["office", "facilitator", "coordinator", "team"]
DEMO_LOGINS = {
    "office": "buero@teilhabe.example",
    "facilitator": "keller@teilhabe.example",
    "coordinator": "koordination@neckarbrueck.example",
    "team": "team@neckarbrueck.example",
}
# Spellings of the roles a manifest may use.
ROLE_ALIASES = {
    "office": "office",
    "programme_office": "office",
    "program_office": "office",
    "facilitator": "facilitator",
    "coordinator": "coordinator",
    "municipal_coordinator": "coordinator",
    "team": "team",
    "team_member": "team",
    "member": "team",
}

# The main pages: (name, path with {object} placeholders). A page counts for a role
# when it answers that role with 200; forms and actions are left out.
PAGES = [
    ("dashboard", "/"),
    ("programme_list", "/programmes/"),
    ("programme", "/programmes/{programme}/"),
    ("round", "/rounds/{round}/"),
    ("municipality_list", "/municipalities/"),
    ("municipality", "/municipalities/{municipality}/"),
    ("application_list", "/applications/"),
    ("application", "/applications/{application}/"),
    ("process_list", "/processes/"),
    ("process", "/processes/{process}/"),
    ("timeline", "/processes/{process}/timeline/"),
    ("log", "/processes/{process}/log/"),
    ("budget", "/processes/{process}/budget/"),
    ("block", "/blocks/{block}/"),
    ("actor_list", "/municipalities/{municipality}/actors/"),
    ("actor", "/actors/{actor}/"),
    ("matrix", "/municipalities/{municipality}/actors/matrix/"),
    ("coverage", "/municipalities/{municipality}/actors/coverage/"),
    ("selfcheck_list", "/municipalities/{municipality}/selfcheck/"),
    ("selfcheck_round", "/selfcheck/{selfcheck_round}/"),
    ("selfcheck_results", "/selfcheck/{selfcheck_round}/results/"),
    ("workshop", "/selfcheck/{selfcheck_round}/workshop/"),
    ("instrument_list", "/instruments/"),
    ("instrument_version", "/instruments/versions/{instrument_version}/"),
    ("catalogue_list", "/programmes/{programme}/catalogue/"),
    ("catalogue", "/catalogues/{catalogue}/"),
    ("category_list", "/actor-categories/"),
    ("people", "/accounts/people/"),
    ("profile", "/accounts/profile/"),
]
EXPORTS = [
    ("selfcheck.pdf", "/selfcheck/{selfcheck_round}/report.pdf"),
    ("answers.xlsx", "/selfcheck/{selfcheck_round}/answers.xlsx"),
    ("actors.xlsx", "/municipalities/{municipality}/actors/export.xlsx"),
    ("actors.csv", "/municipalities/{municipality}/actors/export.csv"),
]
FLOOR = "/__bench__/floor/"

# Links that name an object; earlier patterns of a kind are preferred (a self-check
# round linked to its results has results to show).
LINKS = [
    ("programme", r"/programmes/(\d+)/"),
    ("round", r"/rounds/(\d+)/"),
    ("municipality", r"/municipalities/(\d+)/"),
    ("application", r"/applications/(\d+)/"),
    ("process", r"/processes/(\d+)/"),
    ("block", r"/blocks/(\d+)/"),
    ("selfcheck_round", r"/selfcheck/(\d+)/results/"),
    ("selfcheck_round", r"/selfcheck/(\d+)/"),
    ("actor", r"/actors/(\d+)/"),
    ("instrument_version", r"/instruments/versions/(\d+)/"),
    ("catalogue", r"/catalogues/(\d+)/"),
]
# Pages whose links name the objects, in the order they are read; a page whose
# object is not known yet is passed over.
HUBS = [
    "/",
    "/programmes/",
    "/processes/",
    "/municipalities/",
    "/applications/",
    "/instruments/",
    "/programmes/{programme}/",
    "/processes/{process}/",
    "/municipalities/{municipality}/",
    "/municipalities/{municipality}/selfcheck/",
    "/municipalities/{municipality}/actors/",
    "/programmes/{programme}/catalogue/",
]
CANDIDATES = 3  # ids tried per object before a page is given up for a role
FLOOR_EVERY = 6  # throughput: pages between two measurements of the floor


# --- HTTP ------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    body: bytes
    content_type: str
    server_ms: float | None
    queries: int | None


class Client:
    """One browser: a cookie jar and a fresh connection per request (gunicorn's sync
    workers close every connection anyway)."""

    def __init__(self, port: int, cookies: dict | None = None, timeout: float = 600):
        self.port = port
        self.timeout = timeout
        self.cookies: dict[str, str] = dict(cookies or {})

    def request(self, method: str, path: str, body: bytes | None = None) -> Answer:
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "Connection": "close",
            "Accept-Language": "de",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        server_ms = response.getheader("X-Bench-Time-Ms")
        queries = response.getheader("X-Bench-Queries")
        return Answer(
            response.status,
            data,
            response.getheader("Content-Type", ""),
            float(server_ms) if server_ms else None,
            int(queries) if queries else None,
        )

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def login(self, email: str, password: str) -> None:
        page = self.get("/accounts/login/").body.decode("utf-8", "replace")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
        if token is None:
            raise RuntimeError("no CSRF token on the login page")
        fields = {"csrfmiddlewaretoken": token.group(1), "username": email, "password": password}
        answer = self.request("POST", "/accounts/login/", urllib.parse.urlencode(fields).encode())
        if answer.status != 302:
            raise RuntimeError(f"login as {email} failed: {answer.status}")


# --- Server ----------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_env(data_dir: Path, static_root: Path) -> dict[str, str]:
    env = os.environ | {
        "TEILHABE_DATA_DIR": str(data_dir),
        "TEILHABE_DEMO": "1",
        "TEILHABE_INSECURE_HTTP": "1",
        "TEILHABE_BENCH_STATIC_ROOT": str(static_root),
        "DJANGO_SETTINGS_MODULE": "bench._pages_settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "PYTHONUNBUFFERED": "1",
    }
    for name in ("TEILHABE_DEBUG", "TEILHABE_TESTING"):  # production: DEBUG off
        env.pop(name, None)
    return env


def manage(env: dict, log, *args: str) -> None:
    subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=log, stderr=log
    )


HAS_DATA = """
from django.db import connection
tables = connection.introspection.table_names()
from teilhabe.accounts.models import User
print("yes" if "accounts_user" in tables and User.objects.exists() else "no")
"""


def prepare(env: dict, log) -> None:
    """Migrate and load the demo into an empty database; leave one with data alone."""
    answer = subprocess.run(
        [str(PYTHON), "manage.py", "shell", "-c", HAS_DATA],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    if answer.stdout.strip().endswith("no"):
        print("empty database: migrate and load the demo ...", file=sys.stderr)
        manage(env, log, "migrate", "--noinput")
        manage(env, log, "load_demo")
    manage(env, log, "collectstatic", "--noinput")


def start_server(env: dict, port: int, workers: int, timeout: int, log) -> list:
    processes = [
        subprocess.Popen(
            [str(PYTHON), "manage.py", "db_worker", "--no-reload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        ),
        subprocess.Popen(
            [
                str(PYTHON),
                "-m",
                "gunicorn",
                "teilhabe.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--timeout",
                str(timeout),
                "--backlog",
                "256",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        ),
    ]
    for _attempt in range(600):
        if processes[1].poll() is not None:
            break
        try:
            if Client(port, timeout=5).get(FLOOR).status == 200:
                return processes
        except OSError:
            pass
        time.sleep(0.1)
    stop(processes)
    raise RuntimeError(f"the server did not start; see {log.name}")


def stop(processes: list) -> None:
    for process in processes:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


# --- Accounts and objects --------------------------------------------------------


# Top-level keys of bench/populate.py's manifest that name objects, and their kind;
# for a kind with several, the earlier is tried first.
MANIFEST_KEYS = [
    ("programme", "programme"),
    ("round_many_applications", "round"),
    ("round", "round"),
    ("big_municipality", "municipality"),
    ("municipality", "municipality"),
    ("process", "process"),
    ("closed_process", "process"),
    ("block", "block"),
    ("application", "application"),
    ("actor", "actor"),
    ("selfcheck_round", "selfcheck_round"),
    ("selfcheck_baseline", "selfcheck_round"),
    ("instrument_version", "instrument_version"),
    ("catalogue", "catalogue"),
]


def read_manifest(data_dir: Path) -> tuple[dict[str, str], str, dict[str, dict[str, list[int]]]]:
    """Accounts per role, their password and object ids from bench-manifest.json.

    The manifest (written by bench/populate.py) is a JSON object; every part is
    optional:

        {"password": "…",
         "logins": {"office": "a@b", "facilitator": "…", "coordinator": "…", "team": "…"},
         "programme": 1, "big_municipality": 7, "municipality": 9, "process": 12,
         "rounds": {"current": 3, "open_call": 4, "past": [1, 2]}, …  (MANIFEST_KEYS)
         "ids": {"process": [12, 13], "coordinator": {"municipality": 7}}}

    Roles may also be spelt programme_office, team_member, municipal_coordinator; a login
    may be a list (the first counts) or {"email": …}; `logins` may be a list of
    {"email": …, "role": …}. "ids" holds further ids by the kinds of LINKS, for every
    role or under a role's name for that role (tried first).
    """
    path = data_dir / MANIFEST_NAME
    if not path.exists():
        return {}, DEMO_PASSWORD, {}
    manifest = json.loads(path.read_text())

    def email_of(value):
        if isinstance(value, list):
            value = value[0] if value else None
        if isinstance(value, dict):
            value = value.get("email") or value.get("username")
        return value

    logins: dict[str, str] = {}
    raw = manifest.get("logins") or manifest.get("accounts") or {}
    if isinstance(raw, list):
        raw = {entry.get("role", ""): entry for entry in raw if isinstance(entry, dict)}
    for role, value in raw.items():
        role = ROLE_ALIASES.get(str(role).lower().replace(" ", "_"))
        if role and email_of(value) and role not in logins:
            logins[role] = email_of(value)

    def as_ids(value) -> list[int]:
        values = value if isinstance(value, list) else [value]
        return [int(v) for v in values if isinstance(v, int | str) and str(v).isdigit()]

    common: dict[str, list[int]] = {}
    ids: dict[str, dict[str, list[int]]] = {"*": common}

    def add(kind: str, value) -> None:
        for number in as_ids(value):
            if number not in common.setdefault(kind, []):
                common[kind].append(number)

    for key, kind in MANIFEST_KEYS:
        if key in manifest:
            add(kind, manifest[key])
    rounds = manifest.get("rounds")
    if isinstance(rounds, dict):
        for key in ("current", "open_call", "past"):
            add("round", rounds.get(key))
    for key, value in (manifest.get("ids") or {}).items():
        role = ROLE_ALIASES.get(str(key).lower())
        if role and isinstance(value, dict):
            ids[role] = {kind: as_ids(v) for kind, v in value.items()}
        else:
            add(key, value)
    return logins, manifest.get("password") or DEMO_PASSWORD, ids


def discover(client: Client, seed: list[dict[str, list[int]]]) -> dict[str, list[int]]:
    """Object ids for this role: the manifest's (`seed`, in order) and then those its
    dashboard and lists link to (a hub page about one object, e.g. a process, is read
    for the first candidate this role may see)."""
    found: dict[str, list[int]] = {}
    for source in seed:
        for kind, values in source.items():
            for value in values:
                if value not in found.setdefault(kind, []):
                    found[kind].append(value)
    for hub in HUBS:
        kinds = re.findall(r"{(\w+)}", hub)
        candidates = found.get(kinds[0], [])[:CANDIDATES] if kinds else [0]
        for value in candidates:
            answer = client.get(hub.format(**{kinds[0]: value}) if kinds else hub)
            if answer.status == 200 and "html" in answer.content_type:
                break
        else:
            continue
        links = re.findall(r'href="(/[^"#?]*)', answer.body.decode("utf-8", "replace"))
        for kind, pattern in LINKS:
            for link in links:
                match = re.fullmatch(pattern, link)
                if match and int(match.group(1)) not in found.setdefault(kind, []):
                    found[kind].append(int(match.group(1)))
    return found


# --- Measuring -------------------------------------------------------------------


@dataclass
class Result:
    role: str
    name: str
    path: str
    export: bool
    times: list[float] = field(default_factory=list)
    queries: list[int] = field(default_factory=list)
    size_kb: float = 0.0
    rps: float | None = None
    floor: float | None = None  # the floor's requests per second around this page's run
    errors: int = 0

    @property
    def ratio(self) -> float | None:
        return self.rps / self.floor if self.rps is not None and self.floor else None

    @property
    def label(self) -> str:
        return f"{self.role}/{self.name}"

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def p95(self) -> float:
        return percentile(self.times, 0.95)


def percentile(values: list[float], fraction: float) -> float:
    """Nearest rank: of 20 values, p95 is the second largest."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


def resolve_page(
    client: Client, template: str, ids: dict[str, list[int]]
) -> tuple[str, Answer] | None:
    """The page's path for this role (the first candidate answering 200) and its answer."""
    kinds = re.findall(r"{(\w+)}", template)
    candidates = ids.get(kinds[0], [])[:CANDIDATES] if kinds else [0]
    for value in candidates:
        path = template.format(**{kinds[0]: value}) if kinds else template
        answer = client.get(path)
        if answer.status == 200:
            return path, answer
    return None


def measure(client: Client, result: Result, first: Answer, repeat: int, warmup: int) -> None:
    """`repeat` timed requests after `warmup` untimed ones; the probe's answer is the
    first of them (a warm-up, or without warm-up the first sample)."""
    for n in range(warmup + repeat):
        answer = first if n == 0 else client.get(result.path)
        if answer.status != 200 or answer.server_ms is None:
            result.errors += 1
            continue
        if n >= warmup:
            result.times.append(answer.server_ms)
            result.queries.append(answer.queries or 0)
            result.size_kb = len(answer.body) / 1024


def throughput(port: int, cookies: dict, path: str, threads: int, seconds: float) -> tuple:
    """Requests per second answered 200 by `threads` clients for `seconds`, and errors."""
    done = [0] * threads
    errors = [0] * threads
    deadline = time.monotonic() + seconds

    def run(n: int) -> None:
        client = Client(port, cookies)
        while time.monotonic() < deadline:
            try:
                ok = client.get(path).status == 200
            except OSError:
                ok = False
            if ok:
                done[n] += 1
            else:
                errors[n] += 1

    start = time.monotonic()
    workers = [threading.Thread(target=run, args=(n,), daemon=True) for n in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sum(done) / (time.monotonic() - start), sum(errors)


# --- Main ------------------------------------------------------------------------

STARTED = time.monotonic()


def note(message: str) -> None:
    print(f"[{time.monotonic() - STARTED:6.1f} s] {message}", file=sys.stderr)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", type=int, default=20, help="measured requests per page")
    parser.add_argument("--warmup", type=int, default=3, help="unmeasured requests first")
    parser.add_argument("--export-repeat", type=int, default=3, help="measured requests per export")
    parser.add_argument("--concurrency", type=int, default=16, help="threads for throughput")
    parser.add_argument(
        "--seconds", type=float, default=3, help="throughput: seconds per page (0: skip)"
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument(
        "--timeout",
        type=int,
        default=300,
        help="gunicorn's worker timeout in seconds (production: 30); long so that slow "
        "pages are measured rather than killed",
    )
    parser.add_argument("--roles", default=",".join(ROLES), help="comma-separated roles")
    parser.add_argument("--pages", default="", help="only pages whose name contains this")
    args = parser.parse_args(argv)

    data_dir = Path(os.environ.get("TEILHABE_DATA_DIR") or ROOT / "var").resolve()
    data_dir.mkdir(parents=True, exist_ok=True)
    static_root = Path(tempfile.mkdtemp(prefix="teilhabe-bench-static-"))
    env = server_env(data_dir, static_root)
    where = os.environ.get("DATABASE_URL", "").split("@")[-1] or str(data_dir)
    print(f"database: {where}", file=sys.stderr)
    log = open(data_dir / "bench-pages-server.log", "a")  # noqa: SIM115 - lives with the server
    port = free_port()
    processes: list = []
    try:
        prepare(env, log)
        processes = start_server(env, port, args.workers, args.timeout, log)
        note("server up")
        results = run_benchmark(port, data_dir, args)
    finally:
        stop(processes)
        log.close()
        shutil.rmtree(static_root, ignore_errors=True)
    return report(results, args)


def run_benchmark(port: int, data_dir: Path, args) -> dict:
    manifest_logins, password, manifest_ids = read_manifest(data_dir)
    print(
        "accounts and objects: "
        + (f"{MANIFEST_NAME} (and links)" if manifest_logins or manifest_ids else "demo, links"),
        file=sys.stderr,
    )
    pages: list[Result] = []
    sessions: dict[str, dict] = {}
    for role in [r.strip() for r in args.roles.split(",") if r.strip()]:
        email = manifest_logins.get(role) or DEMO_LOGINS.get(role, "")
        client = Client(port)
        try:
            client.login(email, password)
        except RuntimeError as exc:
            print(f"{role}: {exc}; role left out", file=sys.stderr)
            continue
        sessions[role] = client.cookies
        ids = discover(client, [manifest_ids.get(role, {}), manifest_ids.get("*", {})])
        for export, specs in ((False, PAGES), (True, EXPORTS if args.export_repeat else [])):
            for name, template in specs:
                if args.pages and args.pages not in name:
                    continue
                if export and any(r.export and r.name == name for r in pages):
                    continue  # the same view for every role: the first role's file only
                found = resolve_page(client, template, ids)
                if found is None:
                    continue
                result = Result(role, name, found[0], export)
                repeat = min(args.repeat, args.export_repeat) if export else args.repeat
                warmup = 0 if export else args.warmup
                measure(client, result, found[1], repeat, warmup)
                if result.times:
                    pages.append(result)
                    print(
                        f"  {result.label:34} {result.path:45} {result.median:8.1f} ms",
                        file=sys.stderr,
                    )

    note(f"{len(pages)} pages and exports measured")
    floors: list[float] = []
    if args.seconds > 0 and sessions:
        cookies = next(iter(sessions.values()))

        def floor_rps() -> float:
            rps = throughput(port, cookies, FLOOR, args.concurrency, args.seconds)[0]
            floors.append(rps)
            return rps

        throughput(port, cookies, FLOOR, args.concurrency, args.seconds)  # warm-up, not kept
        slowest: dict[str, Result] = {}
        for result in pages:
            if not result.export and (
                result.name not in slowest or result.median > slowest[result.name].median
            ):
                slowest[result.name] = result
        targets = list(slowest.values())
        # The machine's load drifts (other processes share it): the floor is measured
        # again after every few pages, and a page is compared with the floors around it.
        for start in range(0, len(targets), FLOOR_EVERY):
            before = floors[-1] if floors else floor_rps()
            block = targets[start : start + FLOOR_EVERY]
            for result in block:
                result.rps, errors = throughput(
                    port, sessions[result.role], result.path, args.concurrency, args.seconds
                )
                result.errors += errors
            after = floor_rps()
            for result in block:
                result.floor = (before + after) / 2
        note("throughput measured")
    return {"pages": pages, "floors": floors}


def report(results: dict, args) -> int:
    pages: list[Result] = results["pages"]
    floors: list[float] = results["floors"]
    header = (
        f"{'page':34} {'median_ms':>9} {'p95_ms':>8} {'queries':>7} {'kb':>8} "
        f"{'req/s':>7} {'×floor':>6}  path"
    )
    for export in (False, True):
        rows = [r for r in pages if r.export == export]
        if not rows:
            continue
        print("\nexports (file size in kb; not in the summary line)" if export else "pages")
        print(header)
        for r in rows:
            rps = f"{r.rps:7.1f}" if r.rps is not None else f"{'':7}"
            ratio = f"{r.ratio:6.2f}" if r.ratio is not None else f"{'':6}"
            errors = f"  errors={r.errors}" if r.errors else ""
            print(
                f"{r.label:34} {r.median:9.1f} {r.p95:8.1f} {max(r.queries):7d} "
                f"{r.size_kb:8.1f} {rps} {ratio}  {r.path}{errors}"
            )
    if floors:
        print(
            f"\nfloor ({FLOOR}, {args.concurrency} connections, {args.workers} workers): "
            + ", ".join(f"{f:.1f}" for f in floors)
            + f" req/s, measured every {FLOOR_EVERY} pages"
        )
    loaded = [r for r in pages if r.ratio is not None]
    if loaded:
        slowest = min(loaded, key=lambda r: r.ratio or 0)
        print(f"slowest under load: {slowest.label} at {slowest.ratio:.2f} of the floor")
    exports = [r for r in pages if r.export]
    if exports:
        worst = max(exports, key=lambda r: r.p95)
        print(f"exports={len(exports)} worst_p95_ms={worst.p95:.0f} worst_export={worst.label}")
    html = [r for r in pages if not r.export]
    if not html:
        print(
            "pages=0 worst_p95_ms=0 worst_page=none max_queries=0 max_html_kb=0 "
            "worst_ratio_to_floor=0"
        )
        return 1
    worst = max(html, key=lambda r: r.p95)
    ratios = [r.ratio for r in html if r.ratio is not None]
    print(
        f"pages={len(html)} worst_p95_ms={worst.p95:.0f} worst_page={worst.label} "
        f"max_queries={max(max(r.queries) for r in html)} "
        f"max_html_kb={max(r.size_kb for r in html):.0f} "
        f"worst_ratio_to_floor={min(ratios, default=0):.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
