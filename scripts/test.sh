#!/usr/bin/env bash
# Sets up (if needed) and runs the linters and the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
.venv/bin/ruff check .
.venv/bin/mypy app review publish main.py
exec .venv/bin/python -m pytest "$@"
