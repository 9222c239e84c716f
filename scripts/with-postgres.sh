#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL cluster:
#   bash scripts/with-postgres.sh .venv/bin/python -m pytest
# The cluster lives in a temporary directory, listens on a free port on 127.0.0.1
# only and is removed afterwards, so nothing shared (system cluster, port 5432) is
# touched. The command sees DATABASE_URL=postgres://postgres@127.0.0.1:PORT/teilhabe;
# pytest-django creates and drops test_teilhabe next to it.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 COMMAND [ARG...]" >&2
    exit 2
fi

# Debian installs the server binaries per major version; take the newest.
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
    echo "with-postgres: no PostgreSQL server found in /usr/lib/postgresql/*/bin;" \
        "install it with: apt-get install postgresql (or run: make system-deps)" >&2
    exit 1
fi

# The server refuses to run as root, so as root everything server-side runs as the
# postgres system user. A short path keeps the Unix socket under its 107-byte limit.
PG_DIR=$(mktemp -d /tmp/teilhabe-pg.XXXXXX)
if [ "$(id -u)" -eq 0 ]; then
    chown postgres: "$PG_DIR"
    as_pg() { (cd / && runuser -u postgres -- "$@"); }
else
    as_pg() { "$@"; }
fi

cleanup() {
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Ask the kernel for a free port (a tiny race with other processes is acceptable).
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

# Trust auth is fine: the server only listens on loopback and lives for one command.
# fsync off and --no-sync: durability is worthless for a cluster deleted afterwards.
as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-sync >"$PG_DIR/initdb.log" 2>&1 || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -o \
    "-p $PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
    start >/dev/null || { cat "$PG_DIR/server.log" >&2; exit 1; }

"$PG_BIN/psql" -q -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE teilhabe OWNER postgres"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/teilhabe"
echo "with-postgres: PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PORT" >&2

# Not exec: the EXIT trap must still stop the server; set -e passes the status on.
status=0
"$@" || status=$?
exit "$status"
