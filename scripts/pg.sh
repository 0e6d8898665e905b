#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests and benchmarks.
#   scripts/pg.sh start DIR [VERSION]
#                            -> initdb in DIR (as the postgres user when run as root), start it on a
#                               unix socket in DIR at a random port; writes DIR/env with the
#                               PGPE_TEST_* variables the test suite reads. VERSION is a major
#                               version (15, 16, 18: see scripts/pg-bin.sh); default: Debian's.
#   scripts/pg.sh stop DIR   -> stop the server and remove DIR.
set -euo pipefail
cmd="${1:?usage: pg.sh start|stop DIR [VERSION]}"
dir="${2:?usage: pg.sh start|stop DIR [VERSION]}"
version="${3:-}"

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

case "$cmd" in
start)
  bindir="$("$(dirname "$0")/pg-bin.sh" $version)"
  mkdir -p "$dir"
  echo "$bindir" >"$dir/pgbin"
  if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
  chmod 700 "$dir"
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 2; }
  major="$(cat "$dir/data/PG_VERSION")"
  # pg_stat_statements where the build has it (the ones `make test` uses do; some wheels do not).
  preload=""
  if [ -e "$("$bindir/pg_config" --pkglibdir)/pg_stat_statements.so" ]; then
    preload="shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track_utility = on"
  fi
  cat >>"$dir/data/postgresql.conf" <<CONF
listen_addresses = ''
unix_socket_directories = '$dir'
max_connections = 300
fsync = off
synchronous_commit = off
full_page_writes = off
shared_buffers = 256MB
work_mem = 16MB
maintenance_work_mem = 256MB
max_locks_per_transaction = 1024
$preload
password_encryption = 'scram-sha-256'
log_min_messages = warning
CONF
  # A role that must authenticate with a password (tests of password handling); everyone else is trusted.
  cat >"$dir/data/pg_hba.conf" <<HBA
local   all   pgpe_password_user   scram-sha-256
local   all   all                  trust
HBA
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -o "-p $port" -w -t 60 start >/dev/null 2>&1; then
      cat >"$dir/env" <<ENV
export PGPE_TEST_PGHOST='$dir'
export PGPE_TEST_PGPORT='$port'
export PGPE_TEST_PGUSER='postgres'
export PGPE_TEST_PGBIN='$bindir'
export PGPE_TEST_PGVERSION='$major'
ENV
      chmod 755 "$dir"
      exit 0
    fi
  done
  echo "pg.sh: could not start PostgreSQL; see $dir/server.log" >&2
  cat "$dir/server.log" >&2 || true
  exit 2
  ;;
stop)
  bindir="$(cat "$dir/pgbin" 2>/dev/null || true)"
  if [ -d "$dir/data" ] && [ -x "$bindir/pg_ctl" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
  ;;
*)
  echo "pg.sh: unknown command '$cmd'" >&2; exit 2 ;;
esac
