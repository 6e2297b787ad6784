#!/usr/bin/env bash
# The demo: installs what is missing, builds the engine and the dashboard, and
# serves dist/ at http://127.0.0.1:${PORT:-8080}/ (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
bash scripts/build-web.sh
# serve.mjs prints the address: Serving .../dist at http://127.0.0.1:8080/
exec node scripts/serve.mjs dist "${PORT:-8080}"
