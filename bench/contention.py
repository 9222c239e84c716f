"""Write contention against a running Teilhabe: many writers at once, nothing lost.

Starts the server as `make run` does (migrate, load_demo, runserver and the task
worker; TEILHABE_DEBUG=1, TEILHABE_DEMO=1) in a throwaway TEILHABE_DATA_DIR, logs in as
demo users through the login form, and lets `--writers` threads write for `--seconds`
through the real forms (CSRF tokens parsed from the HTML):

- actors: a coordinator adds an actor (stakeholders:actor_create);
- consulting: a facilitator logs a consulting entry (processes:budget);
- answers: somebody with an invitation link saves self-check answers (selfcheck:respond);
- imports: one writer uploads a 2,000-row CSV and confirms it, again and again.

Then it reads the database: a write answered with the expected redirect but not found
there is "lost". An "error" is any other answer (4xx, 5xx, "database is locked", a
dropped connection).

`max_lock_ms` is the longest time one write transaction held SQLite's write lock (from
its BEGIN IMMEDIATE to its COMMIT), recorded inside the server and the worker by
`bench/_serve.py`, which runs the same manage.py commands with that timing added. A
probe thread also takes the write lock every few milliseconds from outside and reports
its longest wait (`max_wait_ms`, on stderr): what any writer may have to wait, since
SQLite's busy handler does not queue waiters fairly.

The last line of output is the result, e.g.

    writers=50 writes=1234 lost=0 errors=0 p50_ms=120 p95_ms=480 max_lock_ms=35

Standard library only. Run: `.venv/bin/python bench/contention.py [--seconds 30]`.
`--gunicorn 4` serves with gunicorn and four workers, as the README's production set-up
does, instead of runserver. `--data-dir DIR` reuses a directory where the demo is loaded already (it is loaded
when DIR has no database yet), which skips half a minute of setup on a second run.
"""

import argparse
import html.parser
import http.client
import itertools
import os
import random
import re
import shutil
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
DEMO_PASSWORD = "teilhabe-demo"
IMPORT_ROWS = 2000
# Demo accounts and what they may write (see src/teilhabe/demo/data).
COORDINATORS = [
    "integration@rheinfurt.example",
    "integration@lk-kochertal.example",
    "koordination@neckarbrueck.example",
    "team@neckarbrueck.example",
    "chancengleichheit@weilerbronn.example",
    "integration@eichenwald.example",
    "buergermeister@haselbrunn.example",
    "hauptamt@sommerau.example",
]
FACILITATORS = ["keller@teilhabe.example", "demir@teilhabe.example", "hofmann@teilhabe.example"]
IMPORTER = "koordination@lindenau.example"


# --- HTTP with cookies and forms ---------------------------------------------------


class FormParser(html.parser.HTMLParser):
    """The forms of a page: action, method and the values a browser would send."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[dict] = []
        self._form: dict | None = None
        self._select: str | None = None
        self._select_first: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: (v or "") for k, v in attrs}
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get").lower(),
                "fields": {},
                "names": set(),
                "options": {},
                "enctype": a.get("enctype", ""),
            }
            self.forms.append(self._form)
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            self._form["names"].add(name)
            kind = a.get("type", "text").lower()
            if kind == "radio":
                self._form["options"].setdefault(name, []).append(a.get("value", "on"))
            if kind in {"checkbox", "radio"}:
                if "checked" in a:
                    self._form["fields"][name] = a.get("value", "on")
            elif kind not in {"submit", "button", "file", "image", "reset"}:
                self._form["fields"][name] = a.get("value", "")
        elif tag == "select" and name:
            self._form["names"].add(name)
            self._select, self._select_first = name, None
        elif tag == "option" and self._select:
            value = a.get("value", "")
            if self._select_first is None and value:
                self._select_first = value
            if value:
                self._form["options"].setdefault(self._select, []).append(value)
            if "selected" in a:
                self._form["fields"][self._select] = value
        elif tag == "textarea" and name:
            self._form["names"].add(name)
            self._textarea = name
            self._form["fields"][name] = ""

    def handle_data(self, data):
        if self._form is not None and self._textarea:
            self._form["fields"][self._textarea] += data

    def handle_endtag(self, tag):
        if tag == "select" and self._form is not None and self._select:
            self._form["fields"].setdefault(self._select, self._select_first or "")
            self._select = None
        elif tag == "textarea":
            self._textarea = None
        elif tag == "form":
            self._form = None


def forms_of(body: str) -> list[dict]:
    parser = FormParser()
    parser.feed(body)
    return parser.forms


def form_with(body: str, field_name: str) -> dict:
    for form in forms_of(body):
        if field_name in form["names"]:
            return form
    raise LookupError(f"no form with a field {field_name!r}")


@dataclass
class Answer:
    status: int
    location: str
    body: str
    ms: float


class Client:
    """One browser: a cookie jar and a fresh connection per request."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.port = port
        self.cookies: dict[str, str] = dict(cookies or {})

    def request(self, method, path, body: bytes | None = None, content_type=None) -> Answer:
        headers = {"Host": f"127.0.0.1:{self.port}", "Connection": "close"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            headers["Content-Type"] = content_type or "application/x-www-form-urlencoded"
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
            headers["Referer"] = f"http://127.0.0.1:{self.port}{path}"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        start = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            data = response.read()
        finally:
            connection.close()
        ms = (time.perf_counter() - start) * 1000
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return Answer(
            response.status,
            response.getheader("Location", ""),
            data.decode("utf-8", "replace"),
            ms,
        )

    def get(self, path) -> Answer:
        return self.request("GET", path)

    def post(self, path, fields: dict) -> Answer:
        return self.request("POST", path, urllib.parse.urlencode(fields).encode())

    def post_multipart(self, path, fields: dict, files: dict) -> Answer:
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        parts.append(f"--{boundary}--\r\n".encode())
        return self.request(
            "POST", path, b"".join(parts), f"multipart/form-data; boundary={boundary}"
        )

    def login(self, email: str) -> None:
        page = self.get("/accounts/login/")
        form = form_with(page.body, "password")
        fields = form["fields"] | {"username": email, "password": DEMO_PASSWORD}
        answer = self.post("/accounts/login/", fields)
        if answer.status != 302:
            raise RuntimeError(f"login as {email} failed: {answer.status}")


# --- The server --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def manage(env, *args, **kwargs):
    return subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, check=True, **kwargs
    )


def start_server(
    data_dir: Path, port: int, gunicorn_workers: int = 0
) -> tuple[list[subprocess.Popen], Path, Path]:
    env = os.environ | {
        "TEILHABE_DATA_DIR": str(data_dir),
        "TEILHABE_DEBUG": "1",
        "TEILHABE_DEMO": "1",
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("TEILHABE_SQLITE_PATH", None)
    env.pop("DATABASE_URL", None)
    database = data_dir / "teilhabe.sqlite3"
    fresh = not database.exists()
    log = open(data_dir / "bench-server.log", "a")  # noqa: SIM115 - lives with the server
    manage(env, "migrate", "--noinput", stdout=log, stderr=log)
    if fresh:
        print("loading the demo (about half a minute) ...", file=sys.stderr)
        manage(env, "load_demo", stdout=log, stderr=log)
    lock_log = data_dir / "bench-locks.tsv"
    lock_log.write_text("")
    env["TEILHABE_BENCH_LOCK_LOG"] = str(lock_log)
    serve = [str(PYTHON), str(ROOT / "bench" / "_serve.py")]
    processes = [
        subprocess.Popen([*serve, "db_worker"], cwd=ROOT, env=env, stdout=log, stderr=log),
        subprocess.Popen(
            [*serve, "gunicorn", "--bind", f"127.0.0.1:{port}", "--workers", str(gunicorn_workers)]
            if gunicorn_workers
            else [*serve, "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=log,
        ),
    ]
    for _attempt in range(200):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    else:
        raise RuntimeError(f"the server did not start; see {data_dir / 'bench-server.log'}")
    return processes, database, lock_log


def lock_times(lock_log: Path, since: int) -> list[tuple[float, str]]:
    """The write transactions recorded after byte `since` of the log, longest first."""
    with open(lock_log) as log:
        log.seek(since)
        rows = []
        for line in log:
            ms, _, sql = line.rstrip("\n").partition("\t")
            rows.append((float(ms), sql))
    return sorted(rows, reverse=True)


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.send_signal(signal.SIGTERM)
    for process in processes:
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


# --- The writers -------------------------------------------------------------------


@dataclass
class Results:
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    acknowledged: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    error_samples: list[str] = field(default_factory=list)
    # What must be in the database afterwards.
    actor_names: set[str] = field(default_factory=set)
    consulting_notes: set[str] = field(default_factory=set)
    answers: dict[str, str] = field(default_factory=dict)  # invitation token -> department
    imported_prefixes: list[str] = field(default_factory=list)

    def timed(self, answer: Answer) -> None:
        with self.lock:
            self.latencies.append(answer.ms)

    def error(self, kind: str, reason: str) -> None:
        with self.lock:
            self.errors[kind] += 1
            if len(self.error_samples) < 10:
                self.error_samples.append(f"{kind}: {reason[:300]}")


def _failure(answer: Answer) -> str:
    locked = "database is locked" in answer.body
    snippet = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", answer.body))[:200]
    return f"{answer.status}{' database is locked' if locked else ''} {snippet}"


def actor_writer(client: Client, municipality: int, deadline: float, results: Results, n: int):
    path = f"/municipalities/{municipality}/actors/new/"
    page = form_with(client.get(path).body, "name")
    # The category has no preset: a person picks one, so the writer picks the first.
    form = page["fields"] | {"category": page["options"]["category"][0]}
    for count in itertools.count():
        if time.monotonic() > deadline:
            return
        name = f"bench-a-{n}-{count}-{uuid.uuid4().hex[:6]}"
        try:
            answer = client.post(path, form | {"name": name, "kind": "organisation"})
        except OSError as exc:
            results.error("actor", repr(exc))
            continue
        results.timed(answer)
        if answer.status == 302:
            with results.lock:
                results.acknowledged["actor"] += 1
                results.actor_names.add(name)
        else:
            results.error("actor", _failure(answer))


def consulting_writer(client: Client, process: int, deadline: float, results: Results, n: int):
    path = f"/processes/{process}/budget/"
    form = form_with(client.get(path).body, "quantity")["fields"]
    for count in itertools.count():
        if time.monotonic() > deadline:
            return
        note = f"bench-c-{n}-{count}-{uuid.uuid4().hex[:6]}"
        # No cost: the service prices the hour at the round's day rate.
        fields = form | {"quantity": "1", "unit": "hours", "cost": "", "note": note}
        try:
            answer = client.post(path, fields)
        except OSError as exc:
            results.error("consulting", repr(exc))
            continue
        results.timed(answer)
        if answer.status == 302:
            with results.lock:
                results.acknowledged["consulting"] += 1
                results.consulting_notes.add(note)
        else:
            results.error("consulting", _failure(answer))


def answer_writer(client: Client, token: str, deadline: float, results: Results, n: int):
    path = f"/selfcheck/invitation/{token}/"
    # The questionnaire comes in steps (one field of action each); a POST without a step
    # takes the whole questionnaire at once, so the writer gathers every step's items.
    questionnaire: dict = {"fields": {}}
    choices: dict[str, list[str]] = {}
    for step in itertools.count(1):
        forms = forms_of(client.get(f"{path}?step={step}").body)
        items = {
            name: options
            for form in forms
            for name, options in form["options"].items()
            if re.fullmatch(r"item_\d+", name)
        }
        if not items or set(items) <= set(choices):
            break
        choices.update(items)
        if not questionnaire["fields"]:
            questionnaire = next(f for f in forms if set(items) & f["names"])
    for count in itertools.count():
        if time.monotonic() > deadline:
            return
        fields = dict(questionnaire["fields"])
        for name, options in choices.items():
            fields[name] = random.choice(options)
        department = f"bench-s-{n}-{count}"
        fields["department"] = department
        try:
            answer = client.post(path, fields)
        except OSError as exc:
            results.error("answers", repr(exc))
            continue
        results.timed(answer)
        if answer.status == 302:
            with results.lock:
                results.acknowledged["answers"] += 1
                results.answers[token] = department
        else:
            results.error("answers", _failure(answer))


def import_writer(client: Client, municipality: int, deadline: float, results: Results):
    upload = f"/municipalities/{municipality}/actors/import/"
    confirm = f"/municipalities/{municipality}/actors/import/confirm/"
    csrf = form_with(client.get(upload).body, "csrfmiddlewaretoken")["fields"]
    for count in itertools.count():
        if time.monotonic() > deadline:
            return
        prefix = f"bench-i-{count}-{uuid.uuid4().hex[:6]}"
        lines = ["Name;Typ;Kategorie;E-Mail;Telefon;Notizen"] + [
            f"{prefix}-{row};Organisation;residents;info{row}@example.org;+49 7121 {row};"
            "Eine Zeile Notizen, damit die Datei nicht zu klein ist."
            for row in range(IMPORT_ROWS)
        ]
        content = ("\r\n".join(lines) + "\r\n").encode("utf-8")
        try:
            answer = client.post_multipart(
                upload,
                {"csrfmiddlewaretoken": csrf["csrfmiddlewaretoken"]},
                {"file": ("bench.csv", content)},
            )
            results.timed(answer)
            token = re.search(r'name="token" value="([^"]+)"', answer.body)
            if answer.status != 200 or token is None:
                results.error("import", "preview: " + _failure(answer))
                continue
            answer = client.post(
                confirm,
                {"csrfmiddlewaretoken": csrf["csrfmiddlewaretoken"], "token": token.group(1)},
            )
        except OSError as exc:
            results.error("import", repr(exc))
            continue
        results.timed(answer)
        if answer.status == 302 and "/actors/import/" not in answer.location:
            with results.lock:
                results.acknowledged["import"] += 1
                results.imported_prefixes.append(prefix)
        else:
            results.error("import", "confirm: " + _failure(answer))


def lock_probe(database: Path, stop_event: threading.Event, waits: list[float]) -> None:
    """Take the write lock every few ms; how long it takes is how long others held it."""
    connection = sqlite3.connect(database, timeout=30, isolation_level=None)
    try:
        while not stop_event.is_set():
            start = time.perf_counter()
            connection.execute("BEGIN IMMEDIATE")
            waits.append((time.perf_counter() - start) * 1000)
            connection.execute("ROLLBACK")
            time.sleep(0.005)
    finally:
        connection.close()


# --- Set-up and the check afterwards ----------------------------------------------


def prepare_invitations(client: Client, database: Path, count: int) -> list[str]:
    """Invitation links of an open self-check round, made through the round's form."""
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    round_id = db.execute(
        "SELECT r.id FROM selfcheck_selfcheckround r JOIN accounts_user u"
        " ON u.municipality_id = r.municipality_id WHERE u.email = ? ORDER BY r.id DESC",
        (IMPORTER,),
    ).fetchone()[0]
    db.close()
    page = client.get(f"/selfcheck/{round_id}/")
    form = form_with(page.body, "perspective")
    marker = uuid.uuid4().hex[:8]
    for n in range(count):
        fields = form["fields"] | {"label": f"bench-{marker}-{n}", "email": ""}
        answer = client.post(f"/selfcheck/{round_id}/invitations/", fields)
        if answer.status != 302:
            raise RuntimeError("could not create an invitation: " + _failure(answer))
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    tokens = [
        row[0]
        for row in db.execute(
            "SELECT token FROM selfcheck_invitation WHERE label LIKE ? ORDER BY id",
            (f"bench-{marker}-%",),
        )
    ]
    db.close()
    return tokens


def count_lost(database: Path, results: Results) -> int:
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        names = {row[0] for row in db.execute("SELECT name FROM stakeholders_actor")}
        notes = {row[0] for row in db.execute("SELECT note FROM processes_consultingentry")}
        lost = len(results.actor_names - names) + len(results.consulting_notes - notes)
        for token, department in results.answers.items():
            row = db.execute(
                "SELECT r.department FROM selfcheck_response r JOIN selfcheck_invitation i"
                " ON r.invitation_id = i.id WHERE i.token = ?",
                (token,),
            ).fetchone()
            lost += row is None or row[0] != department
        for prefix in results.imported_prefixes:
            found = sum(1 for name in names if name.startswith(prefix + "-"))
            lost += IMPORT_ROWS - found
        return lost
    finally:
        db.close()


def municipality_of(database: Path, email: str) -> int:
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return db.execute(
            "SELECT municipality_id FROM accounts_user WHERE email = ?", (email,)
        ).fetchone()[0]
    finally:
        db.close()


def processes_of(database: Path, email: str) -> list[int]:
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        return [
            row[0]
            for row in db.execute(
                "SELECT f.process_id FROM processes_process_facilitators f JOIN accounts_user u"
                " ON u.id = f.user_id JOIN processes_process p ON p.id = f.process_id"
                " WHERE u.email = ? AND p.closed_on IS NULL ORDER BY f.process_id",
                (email,),
            )
        ]
    finally:
        db.close()


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--writers", type=int, default=50)
    parser.add_argument("--data-dir", type=Path, help="reuse this data directory")
    parser.add_argument("--no-import", action="store_true", help="leave out the importer")
    parser.add_argument(
        "--gunicorn",
        type=int,
        default=0,
        metavar="WORKERS",
        help="serve with gunicorn and this many workers (as in production) instead of runserver",
    )
    args = parser.parse_args(argv)

    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="teilhabe-bench-"))
    data_dir.mkdir(parents=True, exist_ok=True)
    port = free_port()
    processes, database, lock_log = start_server(data_dir, port, args.gunicorn)
    try:
        sessions: dict[str, dict] = {}

        def client_for(email: str) -> Client:
            # One login per account (password hashing is slow on purpose); every
            # writer gets its own copy of the cookies.
            if email not in sessions:
                client = Client(port)
                client.login(email)
                sessions[email] = client.cookies
            return Client(port, sessions[email])

        importers = 0 if args.no_import or args.writers < 4 else 1
        rest = args.writers - importers
        answer_count = rest // 4
        consulting_count = rest // 4
        actor_count = rest - answer_count - consulting_count
        tokens = prepare_invitations(client_for(IMPORTER), database, answer_count)
        facilitator_processes = [
            (email, process) for email in FACILITATORS for process in processes_of(database, email)
        ]
        deadline_holder: list[float] = []
        results = Results()
        threads = []

        def spawn(target, *target_args):
            def run():
                try:
                    target(*target_args[:-1], deadline_holder[0], results, *target_args[-1:])
                except Exception as exc:  # a writer that cannot even start
                    results.error(target.__name__, repr(exc))

            threads.append(threading.Thread(target=run, daemon=True))

        for n in range(actor_count):
            email = COORDINATORS[n % len(COORDINATORS)]
            spawn(actor_writer, client_for(email), municipality_of(database, email), n)
        for n in range(consulting_count):
            email, process = facilitator_processes[n % len(facilitator_processes)]
            spawn(consulting_writer, client_for(email), process, n)
        for n, token in enumerate(tokens):
            spawn(answer_writer, Client(port), token, n)
        if importers:
            client, municipality = client_for(IMPORTER), municipality_of(database, IMPORTER)
            threads.append(
                threading.Thread(
                    target=lambda: import_writer(client, municipality, deadline_holder[0], results),
                    daemon=True,
                )
            )

        waits: list[float] = []
        stop_probe = threading.Event()
        probe = threading.Thread(target=lock_probe, args=(database, stop_probe, waits))
        log_start = lock_log.stat().st_size  # the set-up's transactions do not count
        deadline_holder.append(time.monotonic() + args.seconds)
        probe.start()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        stop_probe.set()
        probe.join()
        lost = count_lost(database, results)
        transactions = lock_times(lock_log, log_start)
    finally:
        stop(processes)
        if args.data_dir is None:
            shutil.rmtree(data_dir, ignore_errors=True)

    writes = sum(results.acknowledged.values())
    errors = sum(results.errors.values())
    print(
        "by kind: "
        + ", ".join(f"{kind}={count}" for kind, count in sorted(results.acknowledged.items()))
        + (f"; errors: {dict(results.errors)}" if errors else ""),
        file=sys.stderr,
    )
    for sample in results.error_samples:
        print("  " + sample, file=sys.stderr)
    print(
        f"write transactions: {len(transactions)}; longest: "
        + "; ".join(f"{ms:.0f} ms {sql[:60]}" for ms, sql in transactions[:3])
        + f"; probe's longest wait for the lock: max_wait_ms={max(waits, default=0):.0f}",
        file=sys.stderr,
    )
    median = statistics.median(results.latencies) if results.latencies else 0
    print(
        f"writers={len(threads)} writes={writes} lost={lost} errors={errors} "
        f"p50_ms={median:.0f} p95_ms={percentile(results.latencies, 0.95):.0f} "
        f"max_lock_ms={transactions[0][0] if transactions else 0:.0f}"
    )
    return 1 if lost or errors else 0


if __name__ == "__main__":
    sys.exit(main())
