#!/usr/bin/env bash
# Sets up (if needed) and runs the linters and the test suite. Extra arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
.venv/bin/ruff check .
.venv/bin/mypy app review publish main.py
# Two workers on the CI machine's two cores; a test module stays on one worker (--dist loadfile), so
# its module fixtures (scans, PDFs, servers) are made once. The 25 slowest steps are listed at the end:
# the suite must stay well under CI's 30 minutes.
exec .venv/bin/python -m pytest -n "${DESK_TEST_WORKERS:-auto}" --dist loadfile --durations=25 "$@"
