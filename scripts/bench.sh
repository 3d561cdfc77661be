#!/usr/bin/env bash
# Benchmarks of a whole run, as a user runs it: a cold process on the seed
# corpus, then on a corpus scaled to SCALE× (default 100, ~160 MB) by
# re-labelling years. Prints wall time, CPU-seconds (user+sys: what to trust
# on a shared machine), throughput and peak RSS, then the
# per-stage `go test -bench` figures. Usage: scripts/bench.sh [SCALE]
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-100}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/govreports" ./cmd/govreports
"$work/govreports" gen-corpus --times 1 -o "$work/seed.txt"
"$work/govreports" gen-corpus --times "$scale" -o "$work/scaled.txt"

measure() { # name input
  local name=$1 input=$2 start end bytes
  bytes=$(stat -c %s "$input")
  rm -rf "$work/out"
  start=$(date +%s.%N)
  summary=$(/usr/bin/time -f "%U %S" -o "$work/cpu" "$work/govreports" run --log-level error --out "$work/out" "$input")
  end=$(date +%s.%N)
  python3 - "$name" "$bytes" "$start" "$end" "$summary" "$(cat "$work/cpu")" <<'PY'
import json, sys
name, size, start, end, summary = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), json.loads(sys.argv[5])
cpu = sum(map(float, sys.argv[6].split()))
wall = end - start
print(f"| {name} | {size/1e6:.1f} MB | {summary['reports']} | {summary['rows']} | {wall:.2f} s | {cpu:.2f} CPU-s | {size/1e6/wall:.1f} MB/s | {summary['peak_rss_mb']} MB |")
PY
}

echo "| corpus | size | reports | rows | wall | CPU | throughput | peak RSS |"
echo "|---|---|---|---|---|---|---|---|"
measure "seed (cold process)" "$work/seed.txt"
measure "${scale}×" "$work/scaled.txt"
echo
echo "machine: $(nproc) cores, $(go version | cut -d' ' -f3)"
echo
go test -run '^$' -bench . -benchtime 5x ./stages/... ./output/... ./pipeline/... | grep -E '^(Benchmark|ok|FAIL)'
