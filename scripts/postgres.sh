#!/usr/bin/env bash
# Installs (from Debian's packages, if missing) and starts PostgreSQL 15 on 127.0.0.1:5432, with a role
# `claims` (password `claims`) that may create the test databases. Prints the URL the tests use.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null || [ ! -x /usr/lib/postgresql/15/bin/postgres ]; then
    export DEBIAN_FRONTEND=noninteractive
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq >/dev/null
    $SUDO apt-get install -y -qq postgresql-15 >/dev/null
fi
SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
if ! pg_lsclusters -h | grep -q '^15 \+main'; then
    $SUDO pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1 == 15 && $2 == "main" {print $4}' | grep -q online; then
    # To stderr: the caller reads stdout as the URL, and after an unclean shutdown this prints
    # "Removed stale pid file." there.
    $SUDO pg_ctlcluster 15 main start >&2
fi
as_postgres() {
    if [ "$(id -un)" = postgres ]; then "$@"
    elif [ "$(id -u)" = 0 ]; then su postgres -c "$(printf '%q ' "$@")"
    else sudo -u postgres "$@"; fi
}
for _ in $(seq 30); do as_postgres psql -qAtc 'select 1' >/dev/null 2>&1 && break; sleep 1; done
as_postgres psql -qAt -v ON_ERROR_STOP=1 <<'SQL' >/dev/null
SET client_min_messages = warning;
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'claims') THEN
    CREATE ROLE claims LOGIN CREATEDB PASSWORD 'claims';
  END IF;
END $$;
-- DROP DATABASE ... WITH (FORCE) after a test ends the sessions still on it, an autovacuum worker's too.
GRANT pg_signal_backend TO claims;
SQL
echo "postgresql+psycopg://claims:claims@127.0.0.1:5432/postgres"
