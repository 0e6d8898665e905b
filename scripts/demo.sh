#!/usr/bin/env bash
# `make demo`: installs what is missing, builds pgpe, and runs it on the bundled example
# (examples/saas) without a database: check, prove, compile, explain.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh demo
swift build -c release --product pgpe
pgpe="$(swift build -c release --show-bin-path)/pgpe"
cd examples/saas
run() {
  echo
  echo "\$ pgpe $*"
  "$pgpe" "$@"
}
run check
run fmt --check
run analyze
run compile
run explain tasks --command SELECT
