#!/usr/bin/env bash
# The fuzz targets for a short fixed time each (run by scripts/test.sh; `make fuzz` runs longer).
# A crash or a broken property fails the run; see scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/fuzz.sh run "${PGPE_FUZZ_SECONDS:-20}"
