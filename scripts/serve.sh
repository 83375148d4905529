#!/usr/bin/env bash
# Builds Left Behind and serves it on http://127.0.0.1:8080, rebuilding on every edit.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
exec trunk serve --release --minify "$@"
