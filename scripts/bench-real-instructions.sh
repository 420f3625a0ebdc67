#!/usr/bin/env bash
# Instructions a byte of `conform check` on real published files (../shared/corpus, see its
# SOURCES.md), counted by callgrind: the generated sets of bench-standards-instructions.sh repeat
# the fixtures' rows, whose geometries are short squares, while councils' exports write
# boundaries of dozens of positions with coordinates to 15-17 digits. The figure is marginal: the
# count on the file less the count on its header line alone, over the bytes after the header, so
# start-up (compiling the standard) is left out. The whole run's count is given beside it: on a
# small file, the header-only run's own findings (suggestions for unknown columns) weigh in the
# difference. One thread. Needs valgrind and ../shared.
#
#   scripts/bench-real-instructions.sh              this checkout's release build
#   BASE=/path/to/older/conform scripts/bench-real-instructions.sh   with a column for another build
set -euo pipefail
cd "$(dirname "$0")/.."
CORPUS=${CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS (set CORPUS=...)" >&2; exit 2; }
cargo build --release --quiet
CONFORM=$PWD/target/release/conform
FILES=(
  "listed-building-outline/submit-barnet-listed-building-outline.csv listed-building-outline"
  "listed-building-outline/pe-camden-listed-building-outline-bad-date-geometry.csv listed-building-outline"
  "conservation-area/pe-stockport-conservation-area-good.csv conservation-area"
  "conservation-area/submit-camden-conservation-area.csv conservation-area"
  "article-4-direction/submit-barnet-article-4-direction-areas.csv article-4-direction"
  "tree/submit-newcastle-tpo-tree-points-osgb.csv tree-preservation-order"
  "tree-preservation-order/submit-barnet-tree-preservation-order.csv tree-preservation-order"
  "brownfield-land/dl-fixed-islington-de3918b3.csv brownfield-land"
  "spend-over-500/devon-cc-2012-12.csv spend-over-500"
  "procurement-card/calderdale-2014-11-card-odileeds-clean.csv procurement-card"
)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
count() { # binary file standard: the least of three counts (start-up varies by a few million
  # instructions from run to run with the hash tables' random seeds, as much as a small file's check)
  for _ in 1 2 3; do
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$1" check "$2" --standard "$3" \
      --format json --no-progress --jobs 1 2>&1 >/dev/null | awk '/Collected/ {gsub(",", "", $4); print $4}'
  done | sort -n | head -n 1
}
per_byte() { # binary file standard
  local total header
  total=$(count "$1" "$2" "$3")
  header=$(count "$1" "$scratch/header.csv" "$3")
  awk -v t="$total" -v h="$header" -v b="$(stat -c %s "$2")" -v hb="$(stat -c %s "$scratch/header.csv")" \
    'BEGIN {if (b > hb) printf "%.1f (%.1fM in all)", (t - h) / (b - hb), t / 1e6; else printf "header only (%.1fM in all)", t / 1e6}'
}
if [ -n "${BASE:-}" ]; then
  printf '| file | standard | KB | findings | instructions a byte (base) | instructions a byte |\n|---|---|---|---|---|---|\n'
else
  printf '| file | standard | KB | findings | instructions a byte |\n|---|---|---|---|---|\n'
fi
for entry in "${FILES[@]}"; do
  read -r path standard <<<"$entry"
  file=$CORPUS/$path
  head -n 1 "$file" >"$scratch/header.csv"
  findings=$("$CONFORM" check "$file" --standard "$standard" --format jsonl --no-progress 2>/dev/null | wc -l || true)
  kb=$(( $(stat -c %s "$file") / 1024 ))
  line="| $(basename "$path") | $standard | $kb | $findings |"
  [ -n "${BASE:-}" ] && line="$line $(per_byte "$BASE" "$file" "$standard") |"
  echo "$line $(per_byte "$CONFORM" "$file" "$standard") |"
done
