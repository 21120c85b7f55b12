#!/usr/bin/env bash
# Installs what the tests need (venv, Python packages, headless Chromium) and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/install_chromium.sh
exec .venv/bin/python -m pytest -q "$@"
