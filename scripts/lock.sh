#!/usr/bin/env bash
# Regenerates requirements.lock (desk and tests) and requirements.runtime.lock (desk) from pyproject.toml.
# PyMuPDF 2.0 declares its optional layout analyser (pymupdf-layout, networkx, ...) as hard
# dependencies. The desk never uses it, so those packages are left out of the lock and everything is
# installed with --no-deps (review/__init__.py keeps `import pymupdf` from loading the analyser now
# that OCR brings onnxruntime and numpy). OCR (rapidocr-onnxruntime) declares opencv-python, which
# needs a desktop's GL libraries: the lock has opencv-python-headless (the same cv2) instead; it
# never imports tqdm or six; onnxruntime runs inference without flatbuffers and protobuf.
set -euo pipefail
cd "$(dirname "$0")/.."
exclude=(pymupdf-layout pymupdf4llm networkx flatbuffers protobuf psutil tabulate opencv-python tqdm)
args=()
for p in "${exclude[@]}"; do args+=(--no-emit-package "$p"); done
[ -x .venv/bin/uv ] || .venv/bin/python -m pip install -q uv
.venv/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
    --generate-hashes "${args[@]}" -o requirements.lock
# What the desk itself needs, for the offline install bundle (scripts/bundle.sh): no test tools.
.venv/bin/uv pip compile pyproject.toml --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
    --generate-hashes "${args[@]}" -o requirements.runtime.lock
