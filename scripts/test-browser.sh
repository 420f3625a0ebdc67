#!/usr/bin/env bash
# The browser tests of `conform serve`: Debian's Chromium driven by Playwright (Python), with
# axe-core for accessibility. Installs what a new machine lacks: the chromium package, the
# Playwright client (PyPI, no browser download: it drives /usr/bin/chromium), axe-core (npm).
# Screenshots are written to target/screenshots.
# Usage: scripts/test-browser.sh [pytest arguments...]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null
fi

venv="$(realpath -m "${CONFORM_PY_VENV:-target/py-venv}")"
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check "pytest==9.2.0" "playwright==1.65.3"

# axe-core, pinned, from the npm registry (the package's tarball; nothing is run by npm).
axe="target/axe-core/axe.min.js"
if [ ! -f "$axe" ]; then
  mkdir -p target/axe-core
  (cd target/axe-core && npm pack --silent axe-core@4.14.1 >/dev/null \
    && tar xzf axe-core-4.14.1.tgz package/axe.min.js --strip-components=1)
fi

cargo build --quiet --bin conform
CONFORM_BIN="${CARGO_TARGET_DIR:-$PWD/target}/debug/conform" AXE_JS="$PWD/$axe" \
  SCREENSHOTS="$PWD/target/screenshots" CHROMIUM="$(command -v chromium)" \
  "$venv/bin/python" -m pytest -q tests/browser "$@"
