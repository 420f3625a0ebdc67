#!/usr/bin/env bash
# The scale curve: `conform check` on generated spend files of growing size, with and without the
# transaction-number primary key, to show that time grows linearly and what memory depends on.
#
#   scripts/bench-scale.sh [ROWS...]        (defaults: 1000000 10000000 50000000)
#
# Data: bench/gen_spend.py (1,000 injected errors per million rows; 50M rows is 10.8 GB, made once
# into bench-data/, which takes about 10 minutes: keep 14 GB free, and delete the files after). One run each, as the files are large: seconds are
# wall time, CPU is user + system, peak RSS from /usr/bin/time. "no key" is the same standard
# without its primaryKey (bench-data/nokey.standard.json, written here).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=bench-data
mkdir -p "$DATA"
cargo build --release --quiet
CONFORM=$PWD/target/release/conform
[ $# -gt 0 ] || set -- 1000000 10000000 50000000
python3 - "$DATA/nokey.standard.json" <<'PY'
import json, sys
standard = json.load(open("bench/spend.standard.json"))
del standard["tables"]["spend"]["primaryKey"]
standard["tables"]["spend"]["schema"] = "../bench/spend.schema.json"
json.dump(standard, open(sys.argv[1], "w"), indent=1)
PY
echo "| rows | file | standard | wall s | CPU s | MB/s | peak RSS | findings |"
echo "|---|---|---|---|---|---|---|---|"
for rows in "$@"; do
  file=$DATA/spend-$rows.csv
  [ -f "$file" ] || python3 bench/gen_spend.py "$rows" "$file" >/dev/null
  bytes=$(stat -c %s "$file")
  for standard in bench/spend.standard.json "$DATA/nokey.standard.json"; do
    name=$([ "$standard" = bench/spend.standard.json ] && echo "primary key" || echo "no key")
    /usr/bin/time -f "%e %U %S %M" -o "$DATA/time.txt" "$CONFORM" check "$file" -s "$standard" \
      --format jsonl --max-findings 0 >"$DATA/scale.jsonl" 2>/dev/null || true
    read -r wall user system rss < <(tail -n 1 "$DATA/time.txt")
    findings=$(wc -l <"$DATA/scale.jsonl")
    awk -v r="$rows" -v b="$bytes" -v n="$name" -v w="$wall" -v u="$user" -v s="$system" -v m="$rss" -v f="$findings" \
      'BEGIN { printf "| %d | %.2f GB | %s | %.2f | %.2f | %.0f | %d MiB | %d |\n", r, b / 1e9, n, w, u + s, b / 1e6 / w, m / 1024, f }'
  done
done
rm -f "$DATA/scale.jsonl"
