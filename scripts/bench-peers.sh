#!/usr/bin/env bash
# Times `conform check` against its peers on the same generated spend file, in one run, and scores
# what each finds against the generator's ground truth.
#
#   scripts/bench-peers.sh [ROWS] [RUNS]       (defaults: 1000000 rows, 5 runs for conform)
#
# Data: bench/gen_spend.py (1,000 injected errors of 6 kinds per million rows). Schemas:
# bench/spend.standard.json for conform (row schema + transaction-number primary key),
# bench/spend.tableschema.json for frictionless. frictionless is installed from PyPI into
# bench-data/venv on first use; qsv is timed when it is on the PATH. Figures are medians of RUNS
# (frictionless: one run, it takes minutes) of the wall time, with peak RSS from /usr/bin/time.
# SKIP_FRICTIONLESS=1 leaves frictionless out (for quick re-runs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-5}
DATA=bench-data
TIMES=$PWD/$DATA/time.txt
FILE=$DATA/spend-$ROWS.csv
mkdir -p "$DATA"

cargo build --release --quiet
CONFORM=$PWD/target/release/conform
[ -f "$FILE" ] || python3 bench/gen_spend.py "$ROWS" "$FILE" >/dev/null
BYTES=$(stat -c %s "$FILE")

# median wall seconds and the largest peak RSS (KiB) of a command run $RUNS times
measure() {
  local runs=$1; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    local start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$TIMES" "$@" >/dev/null 2>&1 || true
    local end=$EPOCHREALTIME
    read -r m < <(tail -n 1 "$TIMES")
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$median $rss"
}

row() { # name seconds rss found
  awk -v n="$1" -v s="$2" -v r="$3" -v f="$4" -v b="$BYTES" -v rows="$ROWS" -v base="${5:-0}" 'BEGIN {
    mbs = b / 1e6 / s; ratio = (base > 0) ? sprintf("%.1fx", s / base) : "-";
    printf "| %s | %.3f | %.1f | %.0f k | %d MiB | %s | %s |\n", n, s, mbs, rows / s / 1000, r / 1024, f, ratio }'
}

found() { python3 bench/score.py "$FILE.truth.csv" "$@" | awk '/^TOTAL/ {print $3 " / " $2}'; }

echo "File: $FILE ($ROWS rows, $BYTES bytes), $(nproc) cores"
echo
echo "| command | seconds | MB/s | rows/s | peak RSS | errors found | conform (2 threads) is faster by |"
echo "|---|---|---|---|---|---|---|"

read -r c2 r2 < <(measure "$RUNS" "$CONFORM" check "$FILE" -s bench/spend.standard.json --format json --jobs 2)
"$CONFORM" check "$FILE" -s bench/spend.standard.json --format json --jobs 2 > "$DATA/conform.json" || true
row "conform check --jobs 2" "$c2" "$r2" "$(found --conform "$DATA/conform.json")"
read -r c1 r1 < <(measure "$RUNS" "$CONFORM" check "$FILE" -s bench/spend.standard.json --format json --jobs 1)
row "conform check --jobs 1" "$c1" "$r1" "$(found --conform "$DATA/conform.json")" "$c2"

if command -v qsv >/dev/null 2>&1; then
  read -r q rq < <(measure "$RUNS" qsv validate "$FILE" bench/spend.schema.json)
  found_q=$(found --qsv "$FILE.validation-errors.tsv" 2>/dev/null || echo "?")
  row "qsv validate" "$q" "$rq" "$found_q" "$c2"
fi

if [ -n "${SKIP_FRICTIONLESS:-}" ]; then
  echo
  echo "conform: 1 thread to 2 threads: $(awk -v a="$c1" -v b="$c2" 'BEGIN {printf "%.2fx", a / b}')"
  exit 0
fi
if [ ! -x "$DATA/venv/bin/frictionless" ]; then
  python3 -m venv "$DATA/venv"
  "$DATA/venv/bin/pip" install --quiet 'frictionless[csv]'
fi
# frictionless refuses absolute schema paths unless trusted: run it in the data folder.
cp bench/spend.tableschema.json "$DATA/"
read -r f rf < <(cd "$DATA" && measure 1 ./venv/bin/frictionless validate --limit-errors 1000000 --json \
  --schema spend.tableschema.json "$(basename "$FILE")")
(cd "$DATA" && ./venv/bin/frictionless validate --limit-errors 1000000 --json --schema spend.tableschema.json \
  "$(basename "$FILE")" > frictionless.json) || true
row "frictionless validate" "$f" "$rf" "$(found --frictionless "$DATA/frictionless.json")" "$c2"
echo
echo "conform: 1 thread to 2 threads: $(awk -v a="$c1" -v b="$c2" 'BEGIN {printf "%.2fx", a / b}')"
