#!/usr/bin/env bash
# `make test`: installs what is missing, builds, starts throwaway PostgreSQL servers (15, 16 and 18),
# runs every Swift test against each of them, then the other suites (scripts/test-*.sh), and stops
# the servers. PGPE_PG_VERSIONS="15" narrows the versions for a quicker local run (not in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh test
swift build --build-tests
bin="$(swift build --show-bin-path)"
versions=(15 16 18)
if [ -n "${PGPE_PG_VERSIONS:-}" ] && [ "${CI:-}" != true ]; then
  read -r -a versions <<<"$PGPE_PG_VERSIONS"
fi
pgdirs=()
stop_servers() {
  for dir in "${pgdirs[@]}"; do scripts/pg.sh stop "$dir"; done
}
trap stop_servers EXIT
for version in "${versions[@]}"; do
  dir="$(mktemp -d "/tmp/pgpe-test-pg$version.XXXXXX")"
  pgdirs+=("$dir")
  scripts/pg.sh start "$dir" "$version"
done
export PGPE_BIN="$bin/pgpe"
export PGPE_REPO_ROOT="$PWD"
# Every test runs on every server: a database test needs no registration to run on all of them,
# and the others are quick. A failure does not stop the later runs; the exit status reports it.
failed=()
for index in "${!versions[@]}"; do
  echo "== swift test on PostgreSQL ${versions[$index]}" >&2
  # shellcheck disable=SC1091
  if ! (. "${pgdirs[$index]}/env" && swift test --skip-build); then
    failed+=("swift test on PostgreSQL ${versions[$index]}")
  fi
done
for extra in scripts/test-*.sh; do
  [ -e "$extra" ] || continue
  echo "== $extra" >&2
  "$extra" || failed+=("$extra")
done
if [ "${#failed[@]}" -gt 0 ]; then
  printf 'failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
