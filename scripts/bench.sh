#!/usr/bin/env bash
# Benchmarks Left Behind's release build: prints the figures and fails past a budget.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --minify
node bench/size.mjs
node bench/load.mjs
node bench/tick.mjs
