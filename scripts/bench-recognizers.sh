#!/usr/bin/env bash
# Compares a whole govreports run over the seed corpus with Microsoft
# Recognizers-Text (npm @microsoft/recognizers-text-suite 1.3.1, Chinese
# culture) recognizing only numbers, percentages, currency and dimensions
# in the same text, line by line, on the same machine in one go. The npm
# package goes into the user cache dir, not the repository.
# Usage: scripts/bench-recognizers.sh [BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${XDG_CACHE_HOME:-$HOME/.cache}/govreports/recognizers-text
mkdir -p "$cache"
if [[ ! -d $cache/node_modules/@microsoft/recognizers-text-suite ]]; then
  npm install --prefix "$cache" --no-audit --no-fund --silent @microsoft/recognizers-text-suite@1.3.1
fi
cat >"$cache/recognize.js" <<'JS'
// Recognizes numbers, percentages, currency and dimensions in each line of a file.
const R = require('@microsoft/recognizers-text-suite');
const fs = require('fs');
const c = R.Culture.Chinese;
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
let n = 0;
for (const l of lines) {
  if (!l) continue;
  n += R.recognizeNumber(l, c).length + R.recognizePercentage(l, c).length +
    R.recognizeCurrency(l, c).length + R.recognizeDimension(l, c).length;
}
console.log(JSON.stringify({ lines: lines.length, entities: n }));
JS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${1:-}
if [[ -z $bin ]]; then
  go build -o "$work/govreports" ./cmd/govreports
  bin=$work/govreports
fi
seed=testdata/gov-work-reports-2024.txt
t0=$(date +%s.%N)
"$bin" run --log-level error --out "$work/out" "$seed" >/dev/null
t1=$(date +%s.%N)
entities=$(NODE_PATH="$cache/node_modules" node "$cache/recognize.js" "$seed")
t2=$(date +%s.%N)
python3 - "$t0" "$t1" "$t2" "$entities" <<'PY'
import sys
t0, t1, t2 = map(float, sys.argv[1:4])
ours, theirs = t1 - t0, t2 - t1
print(f"govreports run (whole process): {ours:.2f} s; Recognizers-Text {sys.argv[4]}: {theirs:.1f} s; ratio {theirs/ours:.0f}x")
PY
