#!/usr/bin/env bash
# Times `conform check` on the same generated spend data in each input form, in one run, against
# polars reading the same file: CSV with the conform standard (the reference), CSV with its Table
# Schema twin, gzipped CSV, Parquet, JSON Lines and xlsx; and checks that each finds the same
# findings (code, row, column) as the reference.
#
#   scripts/bench-formats.sh [ROWS] [RUNS]      (defaults: 1000000 rows, 5 runs)
#
# Data: bench/gen_spend.py (1,000 injected errors per million rows), written in each form by
# bench/spend_forms.py with every cell as text, so that each carries the same bad values (pyarrow,
# xlsxwriter, polars and fastexcel are installed from PyPI into bench-data/venv on first use; the
# xlsx takes a few minutes to write once). The peer is bench/peer_polars_read.py: polars reading
# the file into a DataFrame of text columns, and nothing else, the least a polars pipeline spends
# before any rule. Seconds are medians of RUNS, wall time; MB/s is of the file read; "ratio" is
# polars' seconds over conform's (above 1: conform, reading and checking, takes less).
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
[ -x "$DATA/venv/bin/python" ] || python3 -m venv "$DATA/venv"
"$DATA/venv/bin/python" -c 'import polars, pyarrow, fastexcel, xlsxwriter' 2>/dev/null ||
  "$DATA/venv/bin/pip" install --quiet polars pyarrow fastexcel xlsxwriter
PYTHON=$PWD/$DATA/venv/bin/python
for form in parquet jsonl xlsx; do
  [ -f "$DATA/spend-$ROWS.$form" ] || "$PYTHON" bench/spend_forms.py "$FILE" "$form" "$DATA/spend-$ROWS.$form"
done
# median wall seconds and largest peak RSS (KiB) of a command run RUNS times
measure() {
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$DATA/time.txt" "$@" >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$DATA/time.txt")
    times+=("$t")
    [ "$m" -gt "$rss" ] && rss=$m
  done
  echo "$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') $rss"
}

echo "Rows: $ROWS, $(nproc) cores, polars $("$PYTHON" -c 'import polars; print(polars.__version__)')"
echo
printf '| input | size MB | conform s | MB/s | peak RSS | findings | same as CSV | polars read s | peak RSS | ratio |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
reference=""
for form in "csv:csv:$FILE:bench/spend.standard.json" "csv (Table Schema):csv:$FILE:bench/spend.tableschema.json" \
            "csv.gz:csv.gz:$FILE.gz:bench/spend.standard.json" "parquet:parquet:$DATA/spend-$ROWS.parquet:bench/spend.standard.json" \
            "jsonl:jsonl:$DATA/spend-$ROWS.jsonl:bench/spend.standard.json" "xlsx:xlsx:$DATA/spend-$ROWS.xlsx:bench/spend.standard.json"; do
  IFS=: read -r name kind input standard <<<"$form"
  report=$DATA/report-${name%% *}-$kind.json
  read -r seconds rss < <(measure "$CONFORM" check "$input" -s "$standard" --format json -o "$report")
  read -r peer peer_rss < <(measure "$PYTHON" bench/peer_polars_read.py "$kind" "$input")
  summary=$(python3 - "$report" <<'PY'
import hashlib, json, sys
report = json.load(open(sys.argv[1]))
found = sorted((f["code"], f["row"] or 0, (f["column"] or {}).get("name", "")) for f in report["files"][0]["findings"] if f["severity"] != "info" and f["code"] != "unchecked")
print(len(found), hashlib.md5(json.dumps(found).encode()).hexdigest())
PY
)
  read -r count digest <<<"$summary"
  [ -z "$reference" ] && reference=$digest
  same=$([ "$digest" = "$reference" ] && echo yes || echo NO)
  bytes=$(stat -L -c %s "$input")
  awk -v n="$name" -v t="$seconds" -v b="$bytes" -v r="$rss" -v c="$count" -v same="$same" -v p="$peer" -v pr="$peer_rss" \
    'BEGIN {printf "| %s | %.0f | %.2f | %.0f | %d MiB | %d | %s | %.2f | %d MiB | %.1fx |\n", n, b / 1e6, t, b / t / 1e6, r / 1024, c, same, p, pr / 1024, p / t}'
done
