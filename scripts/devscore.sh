#!/usr/bin/env bash
# Scores a build on the shared development reports as a user meets them: one
# plain run over each folder of reports as found (../shared/reports-dev/files,
# ../shared/reports-dev2/files; --on-error skip so that one refusal does not
# hide the rest), then `govreports eval` against the folder's keys: metadata
# (SOURCES.tsv), GDP growth targets (gdp.json), goals (goals.json). The shared
# folder is ../shared, or $GOVREPORTS_SHARED (a worktree nested deeper).
#
#   scripts/devscore.sh [BINARY]     # default: builds ./cmd/govreports
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${1:-}
if [[ -z $bin ]]; then
  bin=$work/govreports
  go build -o "$bin" ./cmd/govreports
fi
for set in reports-dev reports-dev2; do
  dir=${GOVREPORTS_SHARED:-../shared}/$set
  if [[ ! -d $dir ]]; then
    echo "# $dir absent: skipped"
    continue
  fi
  echo "## $set"
  set +e
  "$bin" run --log-level error --on-error skip --out "$work/$set" "$dir/files" >"$work/$set.json" 2>"$work/$set.err"
  code=$?
  set -e
  echo "run exit $code"
  if [[ $code != 0 && $code != 3 ]]; then
    cat "$work/$set.err"
    continue
  fi
  "$bin" eval --gold "$dir" --out "$work/$set" | grep -vE '^(miss|extra)'
done
