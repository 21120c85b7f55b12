#!/usr/bin/env bash
# Creates .venv and installs crosscheck with the service, PostgreSQL and test dependencies, pinned by
# constraints.txt (the postgres extra brings pgserver: the tests' PostgreSQL 16 with pgvector, no system service).
# Safe to run again: it reinstalls only when pyproject.toml or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3.11}
command -v "$PYTHON" >/dev/null || PYTHON=python3
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
stamp=.venv/.crosscheck-installed
want=$(cat pyproject.toml constraints.txt | sha256sum | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  .venv/bin/python -m pip install --quiet --upgrade pip
  # torch is pinned to 2.13.0 (a CPU build): an unpinned torch would pull a CUDA build of several GB.
  .venv/bin/python -m pip install --quiet -c constraints.txt -e '.[service,postgres,dev]'
  echo "$want" > "$stamp"
fi
# The ONNX model the server runs by default, exported from the packaged weights into .venv/var/crosscheck/models
# (about 30 s once; afterwards only its pinned checksums are verified).
.venv/bin/crosscheck-server build-model >/dev/null
