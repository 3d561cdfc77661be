#!/usr/bin/env bash
# All the tests: vet, the unit/golden/read-back/eval tests under the race
# detector, then every fuzz target for a short time (FUZZTIME, default 10s).
# Needs Go (see go.mod) and a C compiler: the DuckDB read-back tests use cgo.
set -euo pipefail
cd "$(dirname "$0")/.."

go vet ./...
go test -race -count=1 ./...

fuzztime=${FUZZTIME:-10s}
# Each fuzz target of each package, one at a time (go test -fuzz takes one).
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //' | sort -u); do
    echo "fuzz $pkg $target ($fuzztime)"
    # A real failure writes its input to testdata/fuzz; Go's fuzzer also, rarely,
    # ends a clean run with "context deadline exceeded" at the time limit: retry that once.
    if ! out=$(go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime" 2>&1); then
      echo "$out" | tail -20
      if echo "$out" | grep -q 'Failing input written'; then exit 1; fi
      echo "retrying $target once"
      go test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$fuzztime"
    else
      echo "$out" | tail -1
    fi
  done
done
