#!/usr/bin/env bash
# Plays the batch and lake patterns of issues 12 and 22 end to end with the
# built binary and asserts that nothing is lost: year-by-year loading, a
# year loaded in batches in any order (merge, the default) against a single
# run, batches of one year in any order and reruns against a single run over
# every year (every table byte-equal: attainment and terms included, every
# input in the manifest), two reports in one file, usage errors and the
# closing line off a terminal as JSON log lines, a mode that removes reports
# naming them, a failed run leaving no new --out, empty input lists, foreign
# files under --out, 2 shards and their commit against a single run
# (byte-equal), 2 concurrent runs × TRIES, kill -9 at random points × TRIES
# (then the next run cleans up). After every step the
# dataset must be whole: _SUCCESS, every file the manifest names present with
# its sha256, both years' reports, no staging and no lease left behind.
# Prints one summary line at the end (the README quotes it).
#
#   bash scripts/reliability.sh          # TRIES=20 by default
set -euo pipefail
cd "$(dirname "$0")/.."
tries=${TRIES:-20}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=$work/govreports
go build -o "$bin" ./cmd/govreports

fail() {
  echo "reliability: FAIL: $*" >&2
  exit 1
}

# The years: the seed corpus (2024) and copies re-labelled 2023 and 2022
# (the second and third copies gen-corpus writes; years keep their length,
# so copy k starts k seed lengths in).
y2024=$work/in/2024.txt
y2023=$work/in/2023.txt
y2022=$work/in/2022.txt
mkdir -p "$work/in" "$work/empty"
cp testdata/gov-work-reports-2024.txt "$y2024"
"$bin" gen-corpus --times 3 -o "$work/three.txt"
size=$(wc -c <"$y2024")
head -c $((2 * size)) "$work/three.txt" | tail -c "$size" >"$y2023"
tail -c +$((2 * size + 1)) "$work/three.txt" >"$y2022"
grep -q '2023年' "$y2023" || fail "no 2023 input"
grep -q '2022年' "$y2022" || fail "no 2022 input"

# whole LAKE [YEAR:REPORTS...]: the dataset is complete and consistent.
whole() {
  local lake=$1
  shift
  [[ -f $lake/_SUCCESS ]] || fail "$lake: no _SUCCESS"
  awk '/"path":/ {gsub(/[",]/, "", $2); p = $2}
       /"sha256":/ {if (p != "") {gsub(/[",]/, "", $2); print $2 "  " p; p = ""}}' "$lake/_manifest.json" >"$work/sums"
  [[ -s $work/sums ]] || fail "$lake: the manifest lists no file"
  (cd "$lake" && sha256sum --quiet --strict -c "$work/sums") || fail "$lake: a file the manifest names is missing or changed"
  [[ ! -e $lake/_tmp ]] || fail "$lake: staging left behind: $(ls "$lake/_tmp")"
  [[ ! -e $lake/_lease.json ]] || fail "$lake: lease left behind"
  local yc year want got
  for yc in "$@"; do
    year=${yc%%:*} want=${yc##*:}
    # The partitions' report ids (not the last run's removed ones).
    got=$(awk '/"report_ids": \[/ {on = 1; next} on && /\]/ {on = 0} on' "$lake/_manifest.json" |
      grep -cE "^ +\"$year-[0-9]{6}\",?$" || true)
    [[ $got == "$want" ]] || fail "$lake: $got reports of $year in the manifest, want $want"
  done
}

# snap LAKE: a listing of every file with its hash, to compare before and after.
snap() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum); }

run() { "$bin" run --log-format json "$@" >>"$work/stdout" 2>>"$work/stderr"; }

# 1. Year by year into one lake: 2023, then 2024, then 2024 again.
lake=$work/lake
run --out "$lake" "$y2023"
whole "$lake" 2023:32
run --out "$lake" "$y2024"
whole "$lake" 2023:32 2024:32
run --out "$lake" "$y2024"
whole "$lake" 2023:32 2024:32
years="ok"

# tables LAKE: a listing of every file but the run report page (it tells how
# long the run took), to compare lakes loaded otherwise.
tables() { snap "$1" | grep -v ' ./_report/'; }

# 1b. A year in batches (the first and the last 16 reports), in either order
#     and rerun: every report stays, and every file is the one one run over
#     both halves writes.
half1=$work/in/2024-a.txt half2=$work/in/2024-b.txt
awk -v a="$half1" -v b="$half2" '/^ ?[0-9]+\./ {n++} {print > (n <= 16 ? a : b)}' "$y2024"
one=$work/one
run --out "$one" "$half1" "$half2"
for order in "$half1 $half2 $half1" "$half2 $half1"; do
  blake=$work/batches
  rm -rf "$blake"
  for half in $order; do
    run --out "$blake" "$half"
    grep -q '"removed"' "$work/stdout" && fail "a batch of a year removed reports: $(tail -1 "$work/stdout")"
  done
  whole "$blake" 2024:32
  [[ $(tables "$blake") == $(tables "$one") ]] || fail "a year loaded in batches ($order) differs from one run over both"
  for f in "$half1" "$half2"; do
    grep -q "\"name\": \"$(basename "$f")\"" "$blake/_manifest.json" || fail "the manifest does not list $f"
  done
done
# A mode that replaces the year removes the other half's reports, and says so.
run --mode overwrite-partitions --out "$blake" "$half1"
whole "$blake" 2024:16
tail -1 "$work/stdout" | grep -q '"removed":\["2024-' || fail "the reports removed are not in the summary: $(tail -1 "$work/stdout")"
grep -q 'the run removed reports it did not bring' "$work/stderr" || fail "the reports removed are not logged"
grep -q '"removed": \[' "$blake/_manifest.json" || fail "the reports removed are not in the manifest"
# A run that fails before its commit leaves no new --out behind.
printf '1.河北省政府工作报告\n\x00\x01' >"$work/in/bin.txt"
if "$bin" run --out "$work/never" "$work/in/bin.txt" >/dev/null 2>&1; then fail "a binary input was committed"; fi
[[ ! -e $work/never ]] || fail "a failed run left its new --out behind"
batches="ok"

# 1c. Batches of one year in any order, and reruns, against one run over
#     every year: no report lost, every file byte-equal (the attainment of
#     each year's goals against the next year's review and the terms too),
#     every input in the manifest.
all=$work/all
run --out "$all" "$y2022" "$y2023" "$y2024"
whole "$all" 2022:32 2023:32 2024:32
rows() { grep -o "\"$2\": [0-9]*" "$1/_manifest.json" | head -1 | grep -o '[0-9]*$'; }
[[ $(rows "$all" attainment) -gt 0 ]] || fail "one run over three years has no attainment rows"
orders=0
for order in "2022 2023 2024" "2024 2023 2022" "2023 2022 2024 2023" "2024 2022 2023 2024 2022"; do
  ylake=$work/years
  rm -rf "$ylake"
  for y in $order; do
    run --out "$ylake" "$work/in/$y.txt"
  done
  whole "$ylake" 2022:32 2023:32 2024:32
  [[ $(rows "$ylake" attainment) == $(rows "$all" attainment) ]] ||
    fail "years loaded as $order: $(rows "$ylake" attainment) attainment rows, one run has $(rows "$all" attainment)"
  [[ $(tables "$ylake") == $(tables "$all") ]] || fail "years loaded as $order differ from one run over every year"
  for y in 2022 2023 2024; do
    grep -q "\"name\": \"$y.txt\"" "$ylake/_manifest.json" || fail "years loaded as $order: the manifest does not list $y.txt"
  done
  orders=$((orders + 1))
done
yearorders="$orders orders byte-equal to one run"

# 1d. Two reports in one file, one after the other with their own titles and
#     datelines and no running numbers: both are read.
cat >"$work/in/two-reports.txt" <<'TXT'
青海省政府工作报告
——2021年1月28日在青海省第十三届人民代表大会第五次会议上
青海省省长 某某
各位代表：
现在，我代表省人民政府，向大会报告工作，请予审议。
一、2020年工作回顾
过去一年，全省生产总值增长1.5%，城镇新增就业6.2万人。
二、2021年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长6%以上，城镇新增就业6万人。
宁夏回族自治区政府工作报告
——2021年1月27日在宁夏回族自治区第十二届人民代表大会第五次会议上
自治区主席 某某
各位代表：
现在，我代表自治区人民政府，向大会报告工作，请予审议。
一、2020年工作回顾
过去一年，全区生产总值增长3.9%，城镇新增就业7.5万人。
二、2021年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长7%左右，城镇新增就业7.5万人。
TXT
run --out "$work/two" "$work/in/two-reports.txt"
whole "$work/two" 2021:2
tail -1 "$work/stdout" | grep -q '"reports":2' || fail "two reports in one file: $(tail -1 "$work/stdout")"
tworeports="ok"

# 1e. Off a terminal every message is a JSON log line: usage errors (exit 2)
#     and the closing line of a run that left an input out (exit 3) included.
jsonlog() { # FILE: every line is a JSON object of the log
  [[ -s $1 ]] || fail "$2: nothing on stderr"
  ! grep -qv '^{"time":".*"level":"[A-Z]*","msg":.*}$' "$1" || fail "$2: not a JSON log line: $(grep -v '^{' "$1" | head -1)"
}
for args in "" "frobnicate" "run --no-such-flag" "run --mode sideways $y2024" "run" "commit --workers 2"; do
  set +e
  # shellcheck disable=SC2086 # the arguments split on purpose
  "$bin" $args </dev/null >/dev/null 2>"$work/usage.err"
  code=$?
  set -e
  [[ $code == 2 ]] || fail "usage error '$args' exited $code: $(cat "$work/usage.err")"
  jsonlog "$work/usage.err" "usage error '$args'"
  grep -q '"msg":"usage error"' "$work/usage.err" || fail "usage error '$args': $(cat "$work/usage.err")"
done
printf '1.河北省政府工作报告\n\x00\x01' >"$work/in/bad.txt"
set +e
"$bin" run --on-error skip --out "$work/skip" "$y2024" "$work/in/bad.txt" </dev/null >/dev/null 2>"$work/skip.err"
code=$?
set -e
[[ $code == 3 ]] || fail "a run with a rejected input exited $code"
jsonlog "$work/skip.err" "a run with a rejected input"
tail -1 "$work/skip.err" | grep -q 'completed with rejected inputs' || fail "no closing line: $(tail -1 "$work/skip.err")"
jsonlines="ok"

# 2. An empty input list from a script (xargs on no file) is a usage error and changes nothing.
before=$(snap "$lake")
set +e
find "$work/empty" -name '*.txt' | xargs "$bin" run --out "$lake" >/dev/null 2>"$work/empty.err"
code=$?
set -e
# xargs reports a command's exit 1-125 as 123.
[[ $code == 123 || $code == 2 ]] || fail "an empty input list exited $code, want a usage error: $(cat "$work/empty.err")"
grep -q 'no INPUT given' "$work/empty.err" || fail "an empty input list: $(cat "$work/empty.err")"
[[ $(snap "$lake") == "$before" ]] || fail "an empty input list changed the lake"
whole "$lake" 2023:32 2024:32
empty="ok"

# 3. Foreign files under --out stay; a folder that is not a dataset is refused and untouched.
mkdir -p "$lake/goals/year=2024" "$lake/notes"
echo mine >"$lake/goals/year=2024/mine.parquet"
echo mine >"$lake/notes/README.md"
for mode in merge overwrite-partitions append overwrite; do
  input=$y2024
  [[ $mode != append ]] || input=$y2023
  if [[ $mode == append ]]; then
    set +e
    "$bin" run --mode append --out "$lake" "$input" >/dev/null 2>"$work/append.err"
    code=$?
    set -e
    [[ $code == 1 ]] && grep -q 'would duplicate reports' "$work/append.err" || fail "an append of reports already there was not refused"
    continue
  fi
  run --mode "$mode" --out "$lake" "$input"
  [[ $(cat "$lake/goals/year=2024/mine.parquet") == mine && $(cat "$lake/notes/README.md") == mine ]] || fail "--mode $mode removed a foreign file"
done
whole "$lake" 2024:32 # overwrite: the whole dataset is the last run's
foreign=$work/foreign
mkdir -p "$foreign"
echo thesis >"$foreign/thesis.docx"
before=$(snap "$foreign")
if "$bin" run --out "$foreign" "$y2024" >/dev/null 2>"$work/foreign.err"; then fail "a folder that is not a dataset was written to"; fi
grep -q 'holds no govreports dataset' "$work/foreign.err" || fail "not a dataset: $(cat "$work/foreign.err")"
[[ $(snap "$foreign") == "$before" ]] || fail "a refused run changed a foreign folder"
foreignres="ok"

# 4. Two shards and their commit write what a single run over the same inputs
# writes, byte for byte (the run report page aside: it tells how long it took).
single=$work/single sharded=$work/sharded
run --out "$single" "$y2023" "$y2024"
for i in 0 1; do run --out "$sharded" --shard-index "$i" --shard-count 2 "$y2023" "$y2024"; done
[[ ! -e $sharded/_SUCCESS ]] || fail "the shards finished the dataset before the commit"
"$bin" commit --log-format json --out "$sharded" >>"$work/stdout" 2>>"$work/stderr"
whole "$sharded" 2023:32 2024:32
[[ ! -e $sharded/_shards ]] || fail "the commit left _shards/ behind"
[[ $(tables "$single") == $(tables "$sharded") ]] ||
  fail "the sharded dataset differs from the single run's"
sharding="byte-equal"

# 5. Two runs at once on one lake, TRIES times: one commits, the other is
#    refused with a clear message or runs after it; the lake stays whole.
lake=$work/concurrent
run --out "$lake" "$y2023"
run --out "$lake" "$y2024"
commits=0 refused=0
for ((i = 0; i < tries; i++)); do
  "$bin" run --log-format json --out "$lake" "$y2023" >/dev/null 2>"$work/a.err" &
  a=$!
  "$bin" run --log-format json --out "$lake" "$y2024" >/dev/null 2>"$work/b.err" &
  b=$!
  for p in "$a:$work/a.err" "$b:$work/b.err"; do
    if wait "${p%%:*}"; then
      commits=$((commits + 1))
    else
      grep -q 'another run is writing' "${p#*:}" || fail "concurrent run: $(cat "${p#*:}")"
      refused=$((refused + 1))
    fi
  done
  whole "$lake" 2023:32 2024:32
done

# 6. kill -9 at a random point of a run, TRIES times; the lake is whole
#    after it (or, killed past the commit point, after the next run), and the
#    next run cleans up after the dead one.
lake=$work/killed
run --out "$lake" "$y2023"
run --out "$lake" "$y2024"
start=$(date +%s%N)
run --out "$lake" "$y2024"
span=$((($(date +%s%N) - start) / 1000000 + 200)) # ms: one run and a little more
killed=0 finished=0 interrupted=0 cleaned=0
for ((i = 0; i < tries; i++)); do
  "$bin" run --log-format json --out "$lake" "$y2024" >/dev/null 2>/dev/null &
  pid=$!
  sleep "$(printf '0.%03d' $((RANDOM % span % 1000)))"
  [[ $span -lt 1000 ]] || sleep $((RANDOM % (span / 1000 + 1)))
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  if [[ -f $lake/_SUCCESS ]]; then
    # Before or after its commit: the previous dataset or the new one, whole
    # (but for the dead run's lease and staging, which the next run removes).
    rm -f "$work/sums"
    awk '/"path":/ {gsub(/[",]/, "", $2); p = $2}
         /"sha256":/ {if (p != "") {gsub(/[",]/, "", $2); print $2 "  " p; p = ""}}' "$lake/_manifest.json" >"$work/sums"
    (cd "$lake" && sha256sum --quiet --strict -c "$work/sums") || fail "killed run $i: the dataset is not whole"
  else
    interrupted=$((interrupted + 1)) # killed past its commit point: the next run completes it
  fi
  [[ -e $lake/_tmp || -e $lake/_lease.json ]] && cleaned=$((cleaned + 1))
  : >"$work/stderr"
  run --out "$lake" "$y2024"
  whole "$lake" 2023:32 2024:32
  finished=$((finished + 1))
done

echo "reliability: year-by-year $years, a year in batches $batches, years one at a time: $yearorders, two reports in one file $tworeports," \
  "JSON log lines off a terminal $jsonlines, empty input list $empty, foreign files $foreignres, 2 shards vs single run $sharding," \
  "2 concurrent runs × $tries: $commits commits, $refused refused, lake whole every time;" \
  "kill -9 × $tries: $killed killed mid-run ($interrupted past the commit point, completed by the next run)," \
  "$cleaned left staging or a lease that the next run removed, lake whole every time"
