#!/usr/bin/env bash
# Every test: the Rust crate's (unit, CLI, snapshot, server and real-data tests), the Python
# package's, then the web page's in a real browser. This is the README's test command and what
# CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test
scripts/test-python.sh
scripts/test-browser.sh
