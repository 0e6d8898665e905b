#!/usr/bin/env bash
# The GitHub Action (action.yml) in a local shell (issue 15): every step action.yml runs is a
# subcommand of scripts/action.sh, run here in order as the runner would, on a pull request made
# in a scratch git repository (the running example, then a commit that opens tasks to every
# session). Everything but the GitHub API: the annotations are checked against the workflow
# command syntax, the job summary gets the diff's markdown, and the new access fails the job.
# Run by scripts/test.sh (make test), which sets PGPE_BIN to the built pgpe.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
: "${PGPE_BIN:=$(swift build --show-bin-path)/pgpe}"
export PGPE_BIN
fail() { echo "test-action: $*" >&2; exit 1; }

# action.yml runs exactly the steps exercised below, each through scripts/action.sh.
for step in install build check analyze diff; do
  grep -q "scripts/action.sh\" $step'" action.yml || fail "action.yml does not run the $step step"
done
grep -q "using: composite" action.yml || fail "action.yml is not a composite action"

work="$(mktemp -d /tmp/pgpe-action.XXXXXX)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
mkdir -p "$repo/db"
cp -r examples/saas/. "$repo/db/"
cd "$repo"
git init -q -b main
git -c user.name=ci -c user.email=ci@example.invalid add -A
git -c user.name=ci -c user.email=ci@example.invalid commit -qm base
base="$(git rev-parse HEAD)"
printf '\nPOLICY open_tasks PERMISSIVE FOR SELECT SELECTOR named('"'"'tasks'"'"')\n  CLAUSE col(status) = lit('"'"'public'"'"')\n' >>db/policies/tenancy.policy
git -c user.name=ci -c user.email=ci@example.invalid commit -qam "open tasks"

export GITHUB_STEP_SUMMARY="$work/summary.md" PGPE_PROJECT=db PGPE_BASE="$base" PGPE_FAIL_ON_NEW_ACCESS=true
: >"$GITHUB_STEP_SUMMARY"
action="$root/scripts/action.sh"
is_command='^::(error|warning|notice) (file=[^,:]*,line=[0-9]+,col=[0-9]+,endLine=[0-9]+,endColumn=[0-9]+,)?title=[^,:]*::.*$'

"$action" install >"$work/install.log" 2>&1 || fail "install: $(cat "$work/install.log")"
"$action" build | grep -q "reusing $PGPE_BIN" || fail "build did not reuse PGPE_BIN"

"$action" check >"$work/check.out" || fail "check failed: $(cat "$work/check.out")"
if [ -s "$work/check.out" ]; then
  grep -Evq "$is_command" "$work/check.out" && fail "check printed a line that is not a workflow command"
fi

status=0
"$action" analyze >"$work/analyze.out" || status=$?
[ "$status" -eq 0 ] || [ "$status" -eq 1 ] || fail "analyze exit $status"
if [ -s "$work/analyze.out" ]; then
  grep -Evq "$is_command" "$work/analyze.out" && fail "analyze printed a line that is not a workflow command"
fi

status=0
"$action" diff >"$work/diff.out" || status=$?
[ "$status" -eq 1 ] || fail "diff should fail the job on new access (exit $status): $(cat "$work/diff.out")"
grep -Evq "$is_command" "$work/diff.out" && fail "diff printed a line that is not a workflow command: $(cat "$work/diff.out")"
grep -q '^::error file=db/policies/tenancy.policy,line=[0-9]*,.*title=added access%3A SELECT USING on public.tasks for PUBLIC::' "$work/diff.out" \
  || fail "no error annotation on the widening clause: $(cat "$work/diff.out")"
grep -q '^## pgpe diff against' "$GITHUB_STEP_SUMMARY" || fail "the job summary has no diff: $(cat "$GITHUB_STEP_SUMMARY")"

# Without the gate the same change annotates but passes; compared with itself nothing is added.
PGPE_FAIL_ON_NEW_ACCESS=false "$action" diff >"$work/ungated.out" || fail "ungated diff failed"
grep -q '^::warning file=db/policies/tenancy.policy' "$work/ungated.out" || fail "ungated diff: no warning annotation"
PGPE_BASE=HEAD "$action" diff >"$work/same.out" || fail "diff against HEAD itself failed"
[ ! -s "$work/same.out" ] || fail "diff against HEAD printed: $(cat "$work/same.out")"
echo "test-action: ok (check, analyze, diff annotations, job summary, new-access gate)"
