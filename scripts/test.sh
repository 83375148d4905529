#!/usr/bin/env bash
# Runs every test of Left Behind: formatting and lints, native unit tests,
# component tests in headless Chromium, end-to-end tests against the release
# build, and the size budget. Installs whatever is missing first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all --check

step "lints (native, prerender, wasm32)"
cargo clippy --workspace --all-targets -q -- -D warnings
cargo clippy --features ssr --all-targets -q -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -q -- -D warnings

step "native tests: time math, data validation, text"
cargo test --workspace

step "component tests: headless Chromium"
cargo test --target wasm32-unknown-unknown

step "release build, first view prerendered"
trunk build --release --minify

step "end-to-end tests: Playwright + Debian chromium"
npx playwright test

step "size budget"
node bench/size.mjs
