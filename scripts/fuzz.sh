#!/usr/bin/env bash
# Fuzzes conform's readers and parsers with cargo-fuzz (libFuzzer) on a nightly toolchain.
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Needs: rustup toolchain install nightly; cargo install cargo-fuzz. CI stays on stable and does
# not run this; the crashes it finds become regression tests in tests/bad_input.rs.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-300}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(read_any csv_chunks standard_text values)

# Seeds are small real inputs; the leading byte of a csv_chunks or standard_text input selects
# the chunk size or the kind of file.
seed() { mkdir -p "corpus/$1"; cp "$2" "corpus/$1/seed-$3" 2>/dev/null || true; }
prefixed() { mkdir -p "corpus/$1"; { printf "$2"; cat "$3"; } > "corpus/$1/seed-$4"; }
for csv in ../fixtures/checks/*.csv ../fixtures/spend-over-500/*.csv; do
  prefixed csv_chunks '\007' "$csv" "$(basename "$csv")"
done
for standard in ../schemas/*/standard.json; do
  prefixed standard_text '\000' "$standard" "$(basename "$(dirname "$standard")").json"
done
prefixed standard_text '\001' ../fixtures/formats/spend.tableschema.json spend.tableschema.json
for value in 2024-03-31 31/03/2024 "POINT (-1.5 52.1)" "POLYGON ((0 0, 1 0, 1 1, 0 0))" \
             "1,500.50" GB123456789 "SW1A 1AA" E09000012 "GB-CHC-1234567"; do
  mkdir -p corpus/values
  printf '%s' "$value" > "corpus/values/seed-$(printf '%s' "$value" | md5sum | cut -c1-8)"
done

cargo +nightly fuzz build -O
for target in "${targets[@]}"; do
  echo "== $target ($seconds s)"
  cargo +nightly fuzz run -O "$target" -- -max_total_time="$seconds" -rss_limit_mb=2048 \
    -timeout=10 -max_len=65536 -print_final_stats=1 2>&1 | grep -E "^(stat::|==|SUMMARY|.*panicked)" || true
done
