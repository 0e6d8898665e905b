#!/usr/bin/env bash
# `make demo`: installs what is missing, builds pgpe, and runs it on the bundled example (no database).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh demo
swift build -c release --product pgpe
pgpe="$(swift build -c release --show-bin-path)/pgpe"
cd examples/saas
echo "\$ pgpe check"; "$pgpe" check
