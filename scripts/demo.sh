#!/usr/bin/env bash
# The demo: install, start a server on a fresh SQLite database, ingest seeds/, list the stories, check every
# seed article, print the findings, and stop the server cleanly (SIGTERM: health NOT_SERVING, then drain).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

work=$(mktemp -d)
port=$(.venv/bin/python -c 'import socket; s = socket.socket(); s.bind(("localhost", 0)); print(s.getsockname()[1])')
export CROSSCHECK_ADDRESS="localhost:$port"
.venv/bin/crosscheck-server --address "$CROSSCHECK_ADDRESS" --database "$work/demo.db" --log-format text \
  2> "$work/server.log" &
server=$!
stop() {
  kill -TERM "$server" 2>/dev/null && wait "$server" || true
  echo "server stopped; its log: $work/server.log" >&2
}
trap stop EXIT

.venv/bin/crosscheck health --wait 300 >/dev/null
echo "== ingest seeds/"
.venv/bin/crosscheck ingest seeds/
echo
echo "== stories"
.venv/bin/crosscheck stories
echo
echo "== check: every seed article (published 2007-2013)"
.venv/bin/crosscheck check --since 2007-01-01 --until 2014-01-01
