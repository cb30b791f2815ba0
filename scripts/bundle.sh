#!/usr/bin/env bash
# Builds the offline install bundle for an air-gapped machine of this machine's kind (OS, CPU, Python):
#   OUT/desk/          the desk's files (what git tracks, without the tests)
#   OUT/wheels/        every wheel the desk needs, checked against requirements.runtime.lock
#   OUT/install.sh     installs from OUT alone: pip --no-index, nothing fetched
# and OUT.tar.gz beside it to carry across. Usage: scripts/bundle.sh [OUT] (default dist/disclosure-desk)
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-dist/disclosure-desk}")
rm -rf "$out" "$out.tar.gz"
mkdir -p "$out/desk" "$out/wheels"

git ls-files -z -- . ':!:tests' ':!:benchmarks' ':!:.ci' | xargs -0 cp --parents -t "$out/desk"
cp requirements.runtime.lock "$out/"
# Wheels for this machine's platform and Python: build the bundle on the kind of machine it is for.
# jieba publishes only a source archive; setuptools comes along so that it builds offline too.
quiet() { { grep -v "is ignored: it is neither" || true; }; }
.venv/bin/python -m pip download -q --no-deps --require-hashes -r requirements.runtime.lock \
    -d "$out/wheels" 2>&1 | quiet
.venv/bin/python -m pip download -q --no-deps --only-binary=:all: setuptools wheel -d "$out/wheels" 2>&1 | quiet

cat > "$out/install.sh" <<'INSTALL'
#!/usr/bin/env bash
# Installs Disclosure Desk from this folder alone; no network is used.
# Needs python3 (3.11+) with venv; says which system libraries the window still lacks, if any.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
python3 -m venv "$here/desk/.venv"
"$here/desk/.venv/bin/python" -m pip install -q --no-index --find-links "$here/wheels" --no-deps \
    --require-hashes -r "$here/requirements.runtime.lock"
echo "安装完成。启动审发台：$here/desk/.venv/bin/python $here/desk/main.py"
bash "$here/desk/scripts/check_gui_libs.sh" "$here/desk/.venv" || true
INSTALL
chmod +x "$out/install.sh"
tar -C "$(dirname "$out")" -czf "$out.tar.gz" "$(basename "$out")"
echo "$out.tar.gz"
