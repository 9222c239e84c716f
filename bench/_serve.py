"""Run a manage.py command with SQLite write transactions timed (used by contention.py).

The server is the one `make run` starts; this wrapper only records, per write
transaction, how long the connection held SQLite's write lock: from the moment its
`BEGIN IMMEDIATE` returned (the lock is taken then) to the end of COMMIT or ROLLBACK.
Each line of $TEILHABE_BENCH_LOCK_LOG is "<milliseconds>\t<first statement>".
"""

import os
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "teilhabe.settings")

from django.db.backends.sqlite3.base import DatabaseWrapper  # noqa: E402

LOG = open(os.environ["TEILHABE_BENCH_LOCK_LOG"], "a", buffering=1)  # noqa: SIM115
LOG_LOCK = threading.Lock()
_begin = DatabaseWrapper._start_transaction_under_autocommit
_commit = DatabaseWrapper._commit
_rollback = DatabaseWrapper._rollback


def begin(self):
    _begin(self)
    self._bench_started = time.perf_counter()
    self._bench_first = None


def finish(original):
    def end(self):
        try:
            return original(self)
        finally:
            started = getattr(self, "_bench_started", None)
            if started is not None:
                ms = (time.perf_counter() - started) * 1000
                first = (getattr(self, "_bench_first", None) or "").replace("\n", " ")[:100]
                with LOG_LOCK:
                    LOG.write(f"{ms:.1f}\t{first}\n")
                self._bench_started = None

    return end


def note_first_statement(execute, sql, params, many, context):
    connection = context["connection"]
    if getattr(connection, "_bench_started", None) is not None and not getattr(
        connection, "_bench_first", None
    ):
        connection._bench_first = sql
    return execute(sql, params, many, context)


DatabaseWrapper._start_transaction_under_autocommit = begin
DatabaseWrapper._commit = finish(_commit)
DatabaseWrapper._rollback = finish(_rollback)

if __name__ == "__main__":
    from django.db.backends.signals import connection_created

    def install(sender, connection, **kwargs):
        if note_first_statement not in connection.execute_wrappers:
            connection.execute_wrappers.append(note_first_statement)

    connection_created.connect(install, weak=False)
    if sys.argv[1] == "gunicorn":
        # As in production (README): the workers are forked from this process, so
        # they inherit the timing.
        from gunicorn.app.wsgiapp import run

        sys.argv = ["gunicorn", "teilhabe.wsgi", *sys.argv[2:]]
        run()
    else:
        from django.core.management import execute_from_command_line

        execute_from_command_line(["manage.py", *sys.argv[1:]])
