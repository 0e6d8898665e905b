#!/usr/bin/env bash
# `make test`: installs what is missing, builds, starts a throwaway PostgreSQL, runs every test, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
swift build --build-tests
bin="$(swift build --show-bin-path)"
pgdir="$(mktemp -d /tmp/pgpe-test-pg.XXXXXX)"
trap 'scripts/pg.sh stop "$pgdir"' EXIT
scripts/pg.sh start "$pgdir"
# shellcheck disable=SC1091
. "$pgdir/env"
export PGPE_BIN="$bin/pgpe"
export PGPE_REPO_ROOT="$PWD"
swift test --skip-build
for extra in scripts/test-*.sh; do
  [ -e "$extra" ] || continue
  echo "== $extra" >&2
  "$extra"
done
