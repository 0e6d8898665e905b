#!/usr/bin/env bash
# `make bench`: builds release binaries, starts a throwaway PostgreSQL, runs every benchmark suite
# (or the suites named as arguments: `make bench SUITES="syntax proofs"`), stops the server.
# Results are printed and written to bench-results/<suite>.json.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh bench
swift build -c release --product pgpe
swift build -c release --product pgpe-bench
bin="$(swift build -c release --show-bin-path)"
pgdir="$(mktemp -d /tmp/pgpe-bench-pg.XXXXXX)"
trap 'scripts/pg.sh stop "$pgdir"' EXIT
scripts/pg.sh start "$pgdir"
# shellcheck disable=SC1091
. "$pgdir/env"
export PGPE_BIN="$bin/pgpe"
export PGPE_REPO_ROOT="$PWD"
export PGPE_EXAMPLE_DIR="$PWD/examples/saas"
# shellcheck disable=SC2086
"$bin/pgpe-bench" ${SUITES:-} "$@"
