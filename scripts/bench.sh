#!/usr/bin/env bash
# Benchmarks Left Behind's release build: prints the figures and fails past a budget.
# Runs all three benchmarks even when one fails, then exits 1 if any failed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
trunk build --release --minify
failed=()
for script in size load tick; do
  node "bench/$script.mjs" || failed+=("$script")
done
if [ "${#failed[@]}" -gt 0 ]; then
  echo "benchmarks over budget: ${failed[*]}" >&2
  exit 1
fi
