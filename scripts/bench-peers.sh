#!/usr/bin/env bash
# Times `conform check` against its peers on the same generated spend file, in one run, and scores
# what each finds against the generator's ground truth.
#
#   scripts/bench-peers.sh [ROWS] [RUNS]       (defaults: 1000000 rows, 5 runs)
#
# Data: bench/gen_spend.py (1,000 injected errors of 6 kinds per million rows). Peers: the same
# rules as polars expressions (bench/peer_polars.py) and as one DuckDB query (bench/peer_duckdb.py),
# frictionless with bench/spend.tableschema.json, and qsv with bench/spend.schema.json when qsv or
# qsvlite is on the PATH (or named by $QSV). polars, DuckDB and frictionless are installed from
# PyPI into bench-data/venv on first use. Figures are medians of RUNS (frictionless: one run, it
# takes minutes) of the wall time and of the CPU time (user + system), with the largest peak RSS,
# all from /usr/bin/time. The runs go round robin (each tool once a round), so that a slow spell
# of this shared machine falls on every tool alike rather than on whichever ran then. The ratios
# are the peer's figure over conform's (2 threads): how many times less conform takes.
# SKIP_FRICTIONLESS=1 leaves frictionless out (for quick re-runs).
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-1000000}
RUNS=${2:-5}
DATA=bench-data
TIMES=$PWD/$DATA/time.txt
FILE=$DATA/spend-$ROWS.csv
mkdir -p "$DATA"

cargo build --release --quiet
CONFORM=$PWD/target/release/conform
[ -f "$FILE" ] || python3 bench/gen_spend.py "$ROWS" "$FILE" >/dev/null
BYTES=$(stat -c %s "$FILE")
[ -x "$DATA/venv/bin/python" ] || python3 -m venv "$DATA/venv"
"$DATA/venv/bin/python" -c 'import polars, duckdb' 2>/dev/null ||
  "$DATA/venv/bin/pip" install --quiet polars duckdb
PYTHON=$PWD/$DATA/venv/bin/python

# One timed run of a command, recorded under NAME as "wall CPU peak-RSS(KiB)".
timed() {
  local name=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$TIMES" "$@" >/dev/null 2>&1 || true
  read -r wall user system m < <(tail -n 1 "$TIMES")
  echo "$wall $(awk -v u="$user" -v s="$system" 'BEGIN {printf "%.2f", u + s}') $m" >>"$RECORDS/$name"
}
# median wall seconds, median CPU seconds and the largest peak RSS of NAME's runs
summary() {
  local f="$RECORDS/$1"
  echo "$(cut -d' ' -f1 "$f" | median) $(cut -d' ' -f2 "$f" | median) $(cut -d' ' -f3 "$f" | sort -g | tail -n 1)"
}
median() { sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
RECORDS=$PWD/$DATA/runs
rm -rf "$RECORDS" && mkdir -p "$RECORDS"

row() { # name wall cpu rss found
  awk -v n="$1" -v s="$2" -v c="$3" -v r="$4" -v f="$5" -v b="$BYTES" -v base="${c2:-0}" -v cbase="${u2:-0}" 'BEGIN {
    mbs = b / 1e6 / s;
    ratio = (base > 0) ? sprintf("%.1fx", s / base) : "-";
    cratio = (cbase > 0) ? sprintf("%.1fx", c / cbase) : "-";
    printf "| %s | %.2f | %.2f | %.0f | %d MiB | %s | %s | %s |\n", n, s, c, mbs, r / 1024, f, ratio, cratio }'
}

found() { python3 bench/score.py "$FILE.truth.csv" "$@" | awk '/^TOTAL/ {print $3 " / " $2}'; }

echo "File: $FILE ($ROWS rows, $BYTES bytes), $(nproc) cores"
echo
echo "| command | wall s | CPU s | MB/s | peak RSS | errors found | wall ratio | CPU ratio |"
echo "|---|---|---|---|---|---|---|---|"

# qsv, or qsvlite (which has validate; README "Speed" says how it was built here): $QSV if set.
QSV=${QSV:-$(command -v qsv || command -v qsvlite || true)}
for _ in $(seq "$RUNS"); do
  timed conform2 "$CONFORM" check "$FILE" -s bench/spend.standard.json --format json --jobs 2
  timed conform1 "$CONFORM" check "$FILE" -s bench/spend.standard.json --format json --jobs 1
  timed polars "$PYTHON" bench/peer_polars.py "$FILE"
  timed duckdb "$PYTHON" bench/peer_duckdb.py "$FILE"
  [ -z "$QSV" ] || timed qsv "$QSV" validate "$FILE" bench/spend.schema.json
done

read -r c2 u2 r2 < <(summary conform2)
"$CONFORM" check "$FILE" -s bench/spend.standard.json --format json --jobs 2 > "$DATA/conform.json" || true
row "conform check --jobs 2" "$c2" "$u2" "$r2" "$(found --conform "$DATA/conform.json")"
read -r c1 u1 r1 < <(summary conform1)
row "conform check --jobs 1" "$c1" "$u1" "$r1" "$(found --conform "$DATA/conform.json")"

read -r p up rp < <(summary polars)
"$PYTHON" bench/peer_polars.py "$FILE" "$DATA/polars-cells.csv" >/dev/null
row "polars $("$PYTHON" -c 'import polars; print(polars.__version__)') (bench/peer_polars.py)" "$p" "$up" "$rp" "$(found --cells "$DATA/polars-cells.csv")"
read -r d ud rd < <(summary duckdb)
"$PYTHON" bench/peer_duckdb.py "$FILE" "$DATA/duckdb-cells.csv" >/dev/null
row "DuckDB $("$PYTHON" -c 'import duckdb; print(duckdb.__version__)') (bench/peer_duckdb.py)" "$d" "$ud" "$rd" "$(found --cells "$DATA/duckdb-cells.csv")"

if [ -n "$QSV" ]; then
  read -r q uq rq < <(summary qsv)
  # JSON Schema has no uniqueness across rows: qsv cannot find the repeated transaction numbers.
  found_q=$(found --qsv "$FILE.validation-errors.tsv" 2>/dev/null || echo "?")
  row "$(basename "$QSV") $("$QSV" --version 2>/dev/null | awk '{print $2}' | cut -d- -f1) validate" "$q" "$uq" "$rq" "$found_q"
else
  echo "| qsv validate | not on the PATH: not measured | | | | | | |"
fi

if [ -n "${SKIP_FRICTIONLESS:-}" ]; then
  echo
  echo "conform: 1 thread to 2 threads: $(awk -v a="$c1" -v b="$c2" 'BEGIN {printf "%.2fx", a / b}')"
  exit 0
fi
[ -x "$DATA/venv/bin/frictionless" ] || "$DATA/venv/bin/pip" install --quiet 'frictionless[csv]'
# frictionless refuses absolute schema paths unless trusted: run it in the data folder.
cp bench/spend.tableschema.json "$DATA/"
(cd "$DATA" && timed frictionless ./venv/bin/frictionless validate --limit-errors 1000000 --json \
  --schema spend.tableschema.json "$(basename "$FILE")")
read -r f uf rf < <(summary frictionless)
(cd "$DATA" && ./venv/bin/frictionless validate --limit-errors 1000000 --json --schema spend.tableschema.json \
  "$(basename "$FILE")" > frictionless.json) || true
row "frictionless validate" "$f" "$uf" "$rf" "$(found --frictionless "$DATA/frictionless.json")"
echo
echo "conform: 1 thread to 2 threads: $(awk -v a="$c1" -v b="$c2" 'BEGIN {printf "%.2fx", a / b}')"
