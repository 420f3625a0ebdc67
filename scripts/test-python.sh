#!/usr/bin/env bash
# The Python package's tests, Spark's too (on local[2], with the machine's Java): builds the extension into a private virtual environment with
# maturin, then runs pytest against the command line built by `cargo build`.
# Usage: scripts/test-python.sh [pytest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

# Spark needs a Java runtime: a machine without one gets Debian's (Spark 4 runs on 17 or 21).
if ! command -v java >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq && $sudo apt-get install -y -qq openjdk-17-jre-headless >/dev/null \
    || $sudo apt-get install -y -qq default-jre-headless >/dev/null
fi

venv="$(realpath -m "${CONFORM_PY_VENV:-target/py-venv}")"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
# Pinned to what the tests were run with; pip leaves them alone once installed.
"$venv/bin/pip" install --quiet --disable-pip-version-check \
  "maturin==1.16.0" "pytest==9.2.0" "polars==2.1.0" "pyarrow==26.0.1" "pandas==3.1.1" \
  "pyspark==4.0.1"

# The command line the package is compared with.
cargo build --quiet --bin conform
# The extension module, built in the same target folder (debug, as `cargo test` builds).
(cd python && VIRTUAL_ENV="$venv" PATH="$venv/bin:$PATH" \
  PYO3_PYTHON="$venv/bin/python" maturin develop --quiet >/dev/null)
# Spark's Python workers must be this environment's Python, which has the package.
CONFORM_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/conform" PYSPARK_PYTHON="$venv/bin/python" \
  "$venv/bin/python" -m pytest -q python/tests "$@"
