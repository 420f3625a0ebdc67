#!/usr/bin/env bash
# Times `conform check` on the same generated spend data in each input form, in one run: CSV with
# the conform standard (the reference), CSV with its Table Schema twin, gzipped CSV, and Parquet;
# and checks that each finds the same findings (code, row, column) as the reference.
#
#   scripts/bench-formats.sh [ROWS] [RUNS]      (defaults: 1000000 rows, 5 runs)
#
# Data: bench/gen_spend.py (1,000 injected errors per million rows). The Parquet file holds the
# CSV's cells as text columns (pyarrow, installed from PyPI into bench-data/venv on first use), so
# that it carries the same bad values. MB/s is of the CSV's size, whatever the form read.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-5}
DATA=bench-data
FILE=$DATA/spend-$ROWS.csv
mkdir -p "$DATA"
cargo build --release --quiet
CONFORM=$PWD/target/release/conform
[ -f "$FILE" ] || python3 bench/gen_spend.py "$ROWS" "$FILE" >/dev/null
[ -f "$FILE.gz" ] || gzip -k -c "$FILE" >"$FILE.gz"
if [ ! -f "$DATA/spend-$ROWS.parquet" ]; then
  [ -x "$DATA/venv/bin/python" ] || { python3 -m venv "$DATA/venv" && "$DATA/venv/bin/pip" install -q pyarrow; }
  "$DATA/venv/bin/python" - "$FILE" "$DATA/spend-$ROWS.parquet" <<'PY'
import sys
import pyarrow as pa, pyarrow.csv as pc, pyarrow.parquet as pq
names = open(sys.argv[1], encoding="utf-8").readline().rstrip("\n").split(",")
types = {n: pa.string() for n in names}
table = pc.read_csv(sys.argv[1], convert_options=pc.ConvertOptions(column_types=types, strings_can_be_null=False, quoted_strings_can_be_null=False))
pq.write_table(table, sys.argv[2], row_group_size=65536)
PY
fi
BYTES=$(stat -L -c %s "$FILE")
printf '| input | standard | seconds (median of %s) | MB/s | peak RSS | findings | same as CSV |\n|---|---|---|---|---|---|---|\n' "$RUNS"
reference=""
for form in "csv:$FILE:bench/spend.standard.json" "tableschema:$FILE:bench/spend.tableschema.json" \
            "gzip:$FILE.gz:bench/spend.standard.json" "parquet:$DATA/spend-$ROWS.parquet:bench/spend.standard.json"; do
  IFS=: read -r name input standard <<<"$form"
  times=() rss=0
  for _ in $(seq "$RUNS"); do
    start=$EPOCHREALTIME
    /usr/bin/time -f "%M" -o "$DATA/time.txt" "$CONFORM" check "$input" -s "$standard" --format json -o "$DATA/report-$name.json" >/dev/null 2>&1 || true
    end=$EPOCHREALTIME
    m=$(tail -n 1 "$DATA/time.txt")
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN {printf "%.3f", b - a}')")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  median=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  summary=$(python3 - "$DATA/report-$name.json" <<'PY'
import hashlib, json, sys
report = json.load(open(sys.argv[1]))
found = sorted((f["code"], f["row"] or 0, (f["column"] or {}).get("name", "")) for f in report["files"][0]["findings"] if f["severity"] != "info" and f["code"] != "unchecked")
print(len(found), hashlib.md5(json.dumps(found).encode()).hexdigest())
PY
)
  read -r count digest <<<"$summary"
  [ -z "$reference" ] && reference=$digest
  same=$([ "$digest" = "$reference" ] && echo yes || echo NO)
  awk -v n="$name" -v s="$standard" -v t="$median" -v b="$BYTES" -v r="$rss" -v c="$count" -v same="$same" \
    'BEGIN {printf "| %s | %s | %.3f | %.0f | %d MiB | %d | %s |\n", n, s, t, b / t / 1e6, r / 1024, c, same}'
done
