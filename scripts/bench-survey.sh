#!/usr/bin/env bash
# Times `conform survey` on a generated shared drive of about 1,000 files: the real council files
# of fixtures/corpus and fixtures/corpus-formats (CSV, xls, xlsx, xlsm, GeoJSON) and the shared
# drive of fixtures/survey, copied into nested folders until there are FILES of them. Prints the
# median of RUNS runs, tables a second, MB a second and peak memory, for a full survey and for
# `--sample 100`.
#
#   scripts/bench-survey.sh [FILES] [RUNS]      (defaults: 1000 files, 3 runs)
set -euo pipefail
cd "$(dirname "$0")/.."
FILES=${1:-1000}
RUNS=${2:-3}
DRIVE=bench-data/survey-drive-$FILES
cargo build --release --quiet
CONFORM=$PWD/target/release/conform
if [ ! -d "$DRIVE" ]; then
  mkdir -p "$DRIVE"
  mapfile -t sources < <(find fixtures/corpus fixtures/corpus-formats fixtures/survey/drive -type f \
    \( -name '*.csv' -o -name '*.xls' -o -name '*.xlsx' -o -name '*.xlsm' -o -name '*.geojson' -o -name '*.zip' \) | sort)
  n=0
  while [ "$n" -lt "$FILES" ]; do
    for source in "${sources[@]}"; do
      [ "$n" -lt "$FILES" ] || break
      folder="$DRIVE/department-$((n % 10))/year-$((n % 7))"
      mkdir -p "$folder"
      cp "$source" "$folder/$n-$(basename "$source")"
      n=$((n + 1))
    done
  done
fi
BYTES=$(du -sb "$DRIVE" | cut -f1)
printf 'drive: %s files, %s MB\n\n' "$(find "$DRIVE" -type f | wc -l)" "$((BYTES / 1000000))"
printf '| survey | tables | seconds (median of %s) | tables/s | MB/s | peak RSS |\n|---|---|---|---|---|---|\n' "$RUNS"
for mode in full sample; do
  args=(survey "$DRIVE" --format json --no-progress)
  [ "$mode" = sample ] && args+=(--sample 100)
  times=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %M' -o /tmp/bench-survey-time "$CONFORM" "${args[@]}" >/tmp/bench-survey.json
    read -r seconds kb < <(tail -n 1 /tmp/bench-survey-time)
    times+=("$seconds")
    [ "$kb" -gt "$rss" ] && rss=$kb
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p")
  tables=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["tables"]))' /tmp/bench-survey.json)
  python3 - "$mode" "$tables" "$median" "$BYTES" "$rss" <<'PY'
import sys
mode, tables, seconds, size, rss = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
label = "every row" if mode == "full" else "--sample 100"
print(f"| {label} | {tables} | {seconds:.2f} | {tables / seconds:.0f} | {size / 1e6 / seconds:.1f} | {rss / 1024:.0f} MiB |")
PY
done
