#!/usr/bin/env bash
# Collects the UI's translatable strings into resources/translations/desk_en.ts and compiles every
# .ts to .qm. Source strings are Simplified Chinese; desk_en.ts carries the English.
#   scripts/translations.sh          update the .ts from the code, then compile
#   scripts/translations.sh compile  compile only
set -euo pipefail
cd "$(dirname "$0")/.."
ts=resources/translations/desk_en.ts
if [ "${1:-}" != "compile" ]; then
    mapfile -t sources < <(git ls-files 'app/*.py' 'review/*.py' 'publish/*.py'; git ls-files --others --exclude-standard 'app/*.py' 'review/*.py' 'publish/*.py')
    .venv/bin/pyside6-lupdate -silent -no-obsolete -source-language zh_CN -target-language en "${sources[@]}" -ts "$ts"
fi
.venv/bin/pyside6-lrelease -silent "$ts" -qm "${ts%.ts}.qm"
