#!/usr/bin/env bash
# Sets up (if needed) and starts the desk: only what the desk needs (the tests' packages come with
# scripts/test.sh). Extra arguments go to main.py.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python main.py "$@"
