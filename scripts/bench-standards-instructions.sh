#!/usr/bin/env bash
# The stable companion of bench-standards.sh: instructions a byte of `conform check` on every
# built-in standard, counted by callgrind (repeatable on a busy machine, unlike seconds). The
# figure is marginal: the difference between the counts on 8 MB and 4 MB generated sets
# (bench/gen_standards.py) over the difference in bytes, so start-up (compiling the standard) is
# left out. Beside it, the same marginal count a row and a cell: the standards differ in how long
# their rows and cells are, so a byte is not the same work in each. One thread. Needs valgrind.
#
#   scripts/bench-standards-instructions.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
CONFORM=$PWD/target/release/conform
for mb in 4 8; do
  [ -d "bench-data/standards-$mb" ] || python3 bench/gen_standards.py "$mb" "bench-data/standards-$mb" >/dev/null
done
count() { # dir standard
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$CONFORM" check "$1" --standard "$2" \
    --format json --no-progress --jobs 1 2>&1 >/dev/null | awk '/Collected/ {print $4}'
}
# Rows and cells of the CSV files in a set (header lines left out), for the per-row and per-cell
# figures.
rows_and_cells() {
  python3 - "$1" <<'PY'
import csv, glob, sys
rows = cells = 0
for path in glob.glob(sys.argv[1] + "/*.csv"):
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        next(reader, None)
        for record in reader:
            rows += 1
            cells += len(record)
print(rows, cells)
PY
}
printf '| standard | instructions a byte | against spend | instructions a row | instructions a cell | against spend (a cell) |\n|---|---|---|---|---|---|\n'
results=()
for dir in bench-data/standards-4/*/; do
  standard=$(basename "$dir")
  small=$(count "$dir" "$standard")
  large=$(count "bench-data/standards-8/$standard" "$standard")
  bytes_small=$(du -sb "$dir" | cut -f1)
  bytes_large=$(du -sb "bench-data/standards-8/$standard" | cut -f1)
  # Through a variable, so that a failing count stops the script (`set -e`).
  counts=$(rows_and_cells "$dir")
  read -r rows_small cells_small <<<"$counts"
  counts=$(rows_and_cells "bench-data/standards-8/$standard")
  read -r rows_large cells_large <<<"$counts"
  results+=("$standard $(awk -v a="$small" -v b="$large" -v x="$bytes_small" -v y="$bytes_large" \
    -v r="$((rows_large - rows_small))" -v c="$((cells_large - cells_small))" \
    'BEGIN {printf "%.1f %.0f %.0f", (b - a) / (y - x), (b - a) / r, (b - a) / c}')")
done
spend_line=$(printf '%s\n' "${results[@]}" | awk '$1 == "spend-over-500" {print $2, $4}')
[ -n "$spend_line" ] || { echo "no spend-over-500 set to compare with" >&2; exit 1; }
read -r spend spend_cell <<<"$spend_line"
for line in "${results[@]}"; do
  read -r standard per_byte per_row per_cell <<<"$line"
  awk -v s="$standard" -v p="$per_byte" -v base="$spend" -v r="$per_row" -v c="$per_cell" -v base_cell="$spend_cell" \
    'BEGIN {printf "| %s | %.1f | %.2f× | %d | %d | %.2f× |\n", s, p, base / p, r, c, base_cell / c}'
done
