#!/usr/bin/env bash
# Times `conform check` on a large generated file in the shape of every built-in standard, in one
# run: each standard's valid fixture repeated to about MB megabytes with unique keys and foreign
# keys that still resolve (bench/gen_standards.py), so the files conform and every rule, key and
# reference is exercised on every row. Prints MB/s each, and each against spend-over-500's.
#
#   scripts/bench-standards.sh [MB] [RUNS]      (defaults: 100 MB a standard, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-100}
RUNS=${2:-3}
DATA=bench-data/standards-$MB
cargo build --release --quiet
CONFORM=$PWD/target/release/conform
[ -d "$DATA" ] || python3 bench/gen_standards.py "$MB" "$DATA" >/dev/null
printf '| standard | tables | MB | seconds (median of %s) | MB/s | against spend | peak RSS | errors |\n|---|---|---|---|---|---|---|---|\n' "$RUNS"
results=()
for dir in "$DATA"/*/; do
  standard=$(basename "$dir")
  bytes=$(du -sb "$dir" | cut -f1)
  times=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o /tmp/bench-standards-time "$CONFORM" check "$dir" --standard "$standard" \
      --format json --no-progress >/tmp/bench-standards.json 2>/dev/null || true
    read -r seconds kb < <(tail -n 1 /tmp/bench-standards-time)
    times+=("$seconds")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | sed -n "$(((RUNS + 1) / 2))p")
  errors=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["summary"]["errors"])' /tmp/bench-standards.json)
  tables=$(find "$dir" -name '*.csv' | wc -l)
  results+=("$standard $tables $bytes $median $rss $errors")
done
spend=$(printf '%s\n' "${results[@]}" | awk '$1 == "spend-over-500" {print $3 / 1e6 / $4}')
for line in "${results[@]}"; do
  read -r standard tables bytes seconds rss errors <<<"$line"
  awk -v s="$standard" -v t="$tables" -v b="$bytes" -v sec="$seconds" -v r="$rss" -v e="$errors" -v base="$spend" 'BEGIN {
    mbs = b / 1e6 / sec;
    printf "| %s | %d | %.0f | %.2f | %.0f | %.2f× | %d MiB | %d |\n", s, t, b / 1e6, sec, mbs, mbs / base, r / 1024, e }'
done
