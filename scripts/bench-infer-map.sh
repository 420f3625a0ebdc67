#!/usr/bin/env bash
# Times `conform infer`, `conform map` (proposal, and a mapping applied) and `conform check` on the
# same generated spend file (bench/gen_spend.py, 1,000 injected errors per million rows), in one
# run, and prints each as MB/s and as a ratio to `check`.
#
#   scripts/bench-infer-map.sh [ROWS] [RUNS]      (defaults: 1000000 rows, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-3}
DATA=bench-data
FILE=$DATA/spend-$ROWS.csv
mkdir -p "$DATA"
cargo build --release --quiet
CONFORM=$PWD/target/release/conform
[ -f "$FILE" ] || python3 bench/gen_spend.py "$ROWS" "$FILE" >/dev/null
STANDARD=bench/spend.standard.json
MAPPING=$DATA/spend-mapping.toml
"$CONFORM" map "$FILE" --standard "$STANDARD" >"$MAPPING"
BYTES=$(stat -L -c %s "$FILE")
median() { sort -n | sed -n "$(((RUNS + 1) / 2))p"; }
time_of() {
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o /tmp/bench-im-time "$@" >/dev/null 2>&1 || true
    read -r seconds kb < <(tail -n 1 /tmp/bench-im-time)
    times+=("$seconds")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  echo "$(printf '%s\n' "${times[@]}" | median) $rss"
}
read -r check_s check_rss < <(time_of "$CONFORM" check "$FILE" --standard "$STANDARD" --format json)
printf '| command | seconds (median of %s) | MB/s | against check | peak RSS |\n|---|---|---|---|---|\n' "$RUNS"
row() {
  python3 - "$1" "$2" "$3" "$BYTES" "$check_s" <<'PY'
import sys
name, seconds, kb, size, check = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
print(f"| {name} | {seconds:.2f} | {size / 1e6 / seconds:.0f} | {seconds / check:.1f}× check's time | {kb / 1024:.0f} MiB |")
PY
}
row "check" "$check_s" "$check_rss"
read -r s rss < <(time_of "$CONFORM" infer "$FILE")
row "infer" "$s" "$rss"
read -r s rss < <(time_of "$CONFORM" map "$FILE" --standard "$STANDARD")
row "map (proposal)" "$s" "$rss"
read -r s rss < <(time_of "$CONFORM" map "$FILE" --standard "$STANDARD" --mapping "$MAPPING" --output "$DATA/spend-mapped.csv")
row "map --mapping (write and check)" "$s" "$rss"
