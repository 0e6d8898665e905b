#!/usr/bin/env bash
# `make demo`: installs what is missing, builds pgpe, and runs it on the bundled examples
# (examples/saas, then examples/supabase) without a database: check, prove, compile, explain.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh demo
swift build -c release --product pgpe
pgpe="$(swift build -c release --show-bin-path)/pgpe"
run() {
  echo
  echo "\$ pgpe $*"
  "$pgpe" "$@"
}
cd examples/saas
run check
run fmt --check
run analyze
run compile
run explain tasks --command SELECT
echo
echo "== examples/supabase: auth.uid() and a JWT claim as session values (profile: supabase) =="
cd ../supabase
run check
run fmt --check
run analyze
run compile
run explain documents --command DELETE
