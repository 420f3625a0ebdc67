#!/usr/bin/env bash
# Every test: the Rust crate's (unit, CLI, snapshot and real-data tests), then the Python
# package's. This is the README's test command and what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test
scripts/test-python.sh
