#!/usr/bin/env bash
# Regenerates requirements.lock (desk and tests) and requirements.runtime.lock (desk) from pyproject.toml.
# PyMuPDF 2.0 declares its optional layout analyser (pymupdf-layout, onnxruntime, numpy, ...) as hard
# dependencies. The desk never uses it, and importing it triples `import pymupdf` time, so those
# packages are left out of the lock and everything is installed with --no-deps.
set -euo pipefail
cd "$(dirname "$0")/.."
exclude=(pymupdf-layout pymupdf4llm onnxruntime numpy networkx flatbuffers protobuf psutil pyyaml tabulate)
args=()
for p in "${exclude[@]}"; do args+=(--no-emit-package "$p"); done
[ -x .venv/bin/uv ] || .venv/bin/python -m pip install -q uv
.venv/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
    --generate-hashes "${args[@]}" -o requirements.lock
# What the desk itself needs, for the offline install bundle (scripts/bundle.sh): no test tools.
.venv/bin/uv pip compile pyproject.toml --python-version 3.11 --python-platform x86_64-manylinux_2_28 \
    --generate-hashes "${args[@]}" -o requirements.runtime.lock
