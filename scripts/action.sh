#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), one subcommand each, so that they run the same on
# a runner and in a local shell (scripts/test-action.sh). Nothing here calls the GitHub API:
# annotations are workflow commands printed to stdout (`--format github`), and the diff's
# markdown goes to the job summary file the runner names in GITHUB_STEP_SUMMARY.
#   action.sh install   the Debian packages pgpe builds against (scripts/deps.sh demo)
#   action.sh build     `swift build -c release`, unless PGPE_BIN names a built pgpe or the
#                       cached .build already holds one that is newer than every source file
#   action.sh check     pgpe check    --format github   (in the repository root, on PGPE_PROJECT)
#   action.sh analyze   pgpe analyze  --format github
#   action.sh diff      pgpe diff --base PGPE_BASE --format github, and its markdown into the summary;
#                       with PGPE_FAIL_ON_NEW_ACCESS=true, exit 1 when the change adds access
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
step="${1:?usage: action.sh install|build|check|analyze|diff}"
project="${PGPE_PROJECT:-.}"
config="$project/pgpe.yaml"
built="$here/.build/release/pgpe"

pgpe() {
  "${PGPE_BIN:-$built}" "$@"
}

case "$step" in
  install)
    "$here/scripts/deps.sh" demo
    ;;
  build)
    if [ -n "${PGPE_BIN:-}" ]; then
      [ -x "$PGPE_BIN" ] || { echo "action.sh: PGPE_BIN=$PGPE_BIN is not an executable" >&2; exit 2; }
      echo "reusing $PGPE_BIN"
    elif [ -x "$built" ] && [ -z "$(find "$here/Sources" "$here/Package.swift" -newer "$built" -print -quit)" ]; then
      echo "reusing the cached build $built"
    else
      (cd "$here" && swift build -c release --product pgpe)
    fi
    ;;
  check)
    pgpe check --config "$config" --format github
    ;;
  analyze)
    pgpe analyze --config "$config" --format github
    ;;
  diff)
    base="${PGPE_BASE:?action.sh diff: PGPE_BASE names the revision to compare with}"
    if ! git cat-file -e "$base^{commit}" 2>/dev/null; then
      git fetch --no-tags --depth=1 origin "$base"
    fi
    fail=()
    if [ "${PGPE_FAIL_ON_NEW_ACCESS:-true}" = true ]; then fail=(--fail-on new-access); fi
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      pgpe diff --config "$config" --base "$base" --format markdown >>"$GITHUB_STEP_SUMMARY" || true
    fi
    pgpe diff --config "$config" --base "$base" --format github "${fail[@]}"
    ;;
  *)
    echo "action.sh: unknown step '$step'" >&2
    exit 2
    ;;
esac
