#!/usr/bin/env bash
# The stable companion of bench-standards.sh: instructions a byte of `conform check` on every
# built-in standard, counted by callgrind (repeatable on a busy machine, unlike seconds). The
# figure is marginal: the difference between the counts on 8 MB and 4 MB generated sets
# (bench/gen_standards.py) over the difference in bytes, so start-up (compiling the standard) is
# left out. One thread. Needs valgrind.
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
printf '| standard | instructions a byte | against spend |\n|---|---|---|\n'
results=()
for dir in bench-data/standards-4/*/; do
  standard=$(basename "$dir")
  small=$(count "$dir" "$standard")
  large=$(count "bench-data/standards-8/$standard" "$standard")
  bytes_small=$(du -sb "$dir" | cut -f1)
  bytes_large=$(du -sb "bench-data/standards-8/$standard" | cut -f1)
  results+=("$standard $(awk -v a="$small" -v b="$large" -v x="$bytes_small" -v y="$bytes_large" 'BEGIN {printf "%.1f", (b - a) / (y - x)}')")
done
spend=$(printf '%s\n' "${results[@]}" | awk '$1 == "spend-over-500" {print $2}')
for line in "${results[@]}"; do
  read -r standard per_byte <<<"$line"
  awk -v s="$standard" -v p="$per_byte" -v base="$spend" 'BEGIN {printf "| %s | %.1f | %.2f× |\n", s, p, base / p}'
done
