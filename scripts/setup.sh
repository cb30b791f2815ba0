#!/usr/bin/env bash
# Prepares a machine to run the desk and its tests: Debian packages Qt and the tests need, a virtual
# environment in .venv with the locked dependencies. Safe to run again; it skips what is already done.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
    # Qt's xcb platform plugin (a real window) and offscreen rendering
    libegl1 libgl1 libfontconfig1 libdbus-1-3 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0
    libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xinerama0 libxcb-randr0
    libxcb-shape0 libxcb-xkb1
    # tests: an independent PDF text extractor, a virtual screen for screenshots, a real browser
    poppler-utils xvfb xauth chromium chromium-driver
    # tests: a real PostgreSQL server for the shared-desk runs (started by the tests themselves)
    postgresql
    python3-venv
)
# Word, WPS and ODT drafts are published with their layout through LibreOffice (review/convert.py),
# driven over UNO from Debian's python3; the free CJK fonts stand in for the 公文 fonts
# (FONT_SUBSTITUTES in review/convert.py says which for which). Installed without recommends: no GUI, no dictionaries.
DOC_PACKAGES=(
    libreoffice-writer-nogui python3-uno
    fonts-arphic-uming fonts-arphic-ukai fonts-wqy-microhei fonts-liberation2 fonts-crosextra-carlito
)

# apt waits for a lock held by another install (a parallel run, unattended upgrades) instead of failing.
APT=(apt-get -o DPkg::Lock::Timeout=300)
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
    $sudo "${APT[@]}" update -qq
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
stamp=.venv/.requirements.lock.sha256
want=$(sha256sum requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    # --no-deps: the lock is complete; see scripts/lock.sh for what it leaves out on purpose.
    # The desk runs from the checkout (python main.py), so the project itself is not installed.
    .venv/bin/python -m pip install -q --no-deps --require-hashes -r requirements.lock 2>&1 \
        | { grep -v "is ignored: it is neither a file nor a directory" || true; }
    echo "$want" > "$stamp"
fi
