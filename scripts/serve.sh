#!/usr/bin/env bash
# Builds Left Behind and serves it on http://127.0.0.1:8080, rebuilding on every
# edit, with a local petition endpoint on http://127.0.0.1:8787 that appends each
# signature to signatures.jsonl, once per idempotency key, and counts them at
# /count for the page's counter (the app posts and counts there unless
# data/petition.toml or LEFT_BEHIND_PETITION_URL / _COUNT_URL say otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
node tests/receiver/receiver.mjs --port 8787 --file signatures.jsonl &
receiver=$!
trap 'kill $receiver 2>/dev/null' EXIT
trunk serve --release --minify "$@"
