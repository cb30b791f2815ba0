#!/usr/bin/env bash
# Prepares a machine to run the desk: the Debian packages Qt needs, a virtual environment in .venv
# with the desk's locked dependencies (requirements.runtime.lock). With --tests (scripts/test.sh)
# also what only the tests need: their Debian packages and the test tools (requirements.lock).
# Safe to run again; it skips what is already done.
#   scripts/setup.sh [--tests]
set -euo pipefail
cd "$(dirname "$0")/.."
tests=""
[ "${1:-}" = "--tests" ] && tests=1

APT_PACKAGES=(
    # Qt's xcb platform plugin (a real window) and offscreen rendering
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
    libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-randr0
    libxcb-shape0 libxcb-xkb1
    python3-venv
)
TEST_PACKAGES=(
    # an independent PDF text extractor, a virtual screen for screenshots, a real browser
    poppler-utils xvfb xauth chromium chromium-driver
    # a real PostgreSQL server for the shared-desk runs (started by the tests themselves)
    postgresql
)
[ -z "$tests" ] || APT_PACKAGES+=("${TEST_PACKAGES[@]}")
# Word, WPS and ODT drafts are published with their layout through LibreOffice (review/convert.py),
# driven over UNO from Debian's python3; the free CJK fonts stand in for the 公文 fonts
# (FONT_SUBSTITUTES in review/convert.py says which for which). Installed without recommends: no GUI, no dictionaries.
DOC_PACKAGES=(
    libreoffice-writer-nogui python3-uno
    fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei fonts-liberation2 fonts-crosextra-carlito
)

# apt waits for a lock held by another install (a parallel run, unattended upgrades) instead of failing.
# DPkg::Lock::Timeout covers dpkg's lock (install); `update` takes the package lists' lock, which
# apt does not wait for everywhere, so it is tried again while that lock is held.
APT=(apt-get -o DPkg::Lock::Timeout=300)
apt_update() {
    local attempt out
    for attempt in $(seq 60); do
        # C locale: the lock message is looked for in English.
        out=$($sudo env LC_ALL=C "${APT[@]}" update -qq 2>&1) && return 0
        grep -q "Could not get lock" <<<"$out" || break
        [ "$attempt" -gt 1 ] || echo "Another program is installing packages; waiting for it to finish..."
        sleep 5
    done
    echo "$out" >&2
    return 1
}
missing_of() {
    local p
    if command -v dpkg-query >/dev/null 2>&1; then
        for p in "$@"; do
            dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || echo "$p"
        done
    fi
}
mapfile -t missing < <(missing_of "${APT_PACKAGES[@]}")
mapfile -t missing_doc < <(missing_of "${DOC_PACKAGES[@]}")
if ((${#missing[@]} + ${#missing_doc[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian packages: ${missing[*]} ${missing_doc[*]}"
    apt_update
    if ((${#missing[@]})); then
        DEBIAN_FRONTEND=noninteractive $sudo "${APT[@]}" install -y -qq "${missing[@]}" >/dev/null
    fi
    if ((${#missing_doc[@]})); then
        DEBIAN_FRONTEND=noninteractive $sudo "${APT[@]}" install -y -qq --no-install-recommends \
            "${missing_doc[@]}" >/dev/null
    fi
fi

PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv
fi
# The stamp names the lock last installed: the full lock (desk and tests) also serves the desk.
stamp=.venv/.requirements.lock.sha256
lock_hash() { sha256sum "$1" pyproject.toml | sha256sum | cut -d' ' -f1; }
full=$(lock_hash requirements.lock)
lock=requirements.lock
if [ -z "$tests" ]; then
    lock=requirements.runtime.lock
fi
have=$(cat "$stamp" 2>/dev/null || true)
if [ "$have" != "$full" ] && [ "$have" != "$(lock_hash "$lock")" ]; then
    # --no-deps: the lock is complete; see scripts/lock.sh for what it leaves out on purpose.
    # The desk runs from the checkout (python main.py), so the project itself is not installed.
    .venv/bin/python -m pip install -q --no-deps --require-hashes -r "$lock" 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    lock_hash "$lock" > "$stamp"
fi
