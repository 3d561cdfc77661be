#!/usr/bin/env bash
# Fingerprints what a build writes, to show that a change kept the output
# byte for byte: runs BINARY over the seed corpus and over each file of
# ../shared/reports-dev*/files (one plain run per file, as found; skipped when
# ../shared is absent) and prints one line per Parquet file written (input,
# path, sha256), plus each run's exit code. Compare two builds with diff:
#
#   scripts/identity.sh old-binary >old.txt
#   scripts/identity.sh new-binary >new.txt
#   diff old.txt new.txt && echo identical
set -euo pipefail
bin=$(realpath "$1")
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

inputs=(testdata/gov-work-reports-2024.txt)
for dir in ../shared/reports-dev/files ../shared/reports-dev2/files; do
  if [[ -d $dir ]]; then
    while IFS= read -r -d '' f; do inputs+=("$f"); done < <(find "$dir" -type f -print0 | sort -z)
  else
    echo "# $dir absent: skipped" >&2
  fi
done

for input in "${inputs[@]}"; do
  out=$work/out
  rm -rf "$out"
  set +e
  "$bin" run --log-level error --out "$out" "$input" >/dev/null 2>"$work/err"
  code=$?
  set -e
  echo "$input exit=$code"
  if [[ -d $out ]]; then
    (cd "$out" && find . -name '*.parquet' -print0 | sort -z | xargs -0 -r sha256sum) | sed "s|^|  |"
  fi
done
