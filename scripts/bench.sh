#!/usr/bin/env bash
# `make bench`: builds release binaries, starts a throwaway PostgreSQL, runs every benchmark suite
# (or the suites named as arguments: `make bench SUITES="syntax proofs"`), stops the server.
# Results are printed and written to bench-results/<suite>.json. The correctness campaigns
# (differential: compiled SQL against the reference evaluator; verdicts: proof verdicts against
# PostgreSQL) are Swift tests: they run here
# scaled up through environment variables and report like the other suites.
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
campaigns=(differential verdicts)
requested=()
# shellcheck disable=SC2206
[ -n "${SUITES:-}" ] && requested=(${SUITES})
requested+=("$@")
suites=()
selected_campaigns=()
for name in "${requested[@]}"; do
  if [[ " ${campaigns[*]} " == *" $name "* ]]; then selected_campaigns+=("$name"); else suites+=("$name"); fi
done
if [ "${#requested[@]}" -eq 0 ]; then selected_campaigns=("${campaigns[@]}"); fi
status=0
if [ "${#requested[@]}" -eq 0 ] || [ "${#suites[@]}" -gt 0 ]; then
  "$bin/pgpe-bench" "${suites[@]}" || status=1
fi
if [ "${#selected_campaigns[@]}" -gt 0 ]; then
  swift build -c release --build-tests
  export PGPE_BENCH_RESULTS="$PWD/bench-results"
  for campaign in "${selected_campaigns[@]}"; do
    case "$campaign" in
      differential)
        PGPE_DIFFERENTIAL_CASES=5000 PGPE_DIFFERENTIAL_SEED=0xBE2026 swift test -c release --skip-build \
          --filter 'DifferentialTests/compiledSQLAgreesWithTheReferenceEvaluator' || status=1 ;;
      verdicts)
        PGPE_VERDICT_PROJECTS=2000 PGPE_VERDICT_SEED=0xBE0911 PGPE_VERDICT_REPRO_LIMIT=24 swift test -c release --skip-build \
          --filter 'VerdictDifferentialTests/postgreSQLContradictsNoProvenVerdict' || status=1 ;;
    esac
  done
fi
exit "$status"
