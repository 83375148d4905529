#!/usr/bin/env bash
# Runs every test of Left Behind: formatting and lints, native unit tests,
# component tests in headless Chromium, the HTML validator on every page,
# end-to-end tests against the release build (also served by nginx with the
# shipped configuration), and the size budget. Installs whatever is missing
# first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
# Every runner's output also goes here, to add up the closing line.
log=$(mktemp)
trap 'rm -f "$log"' EXIT

step "format"
cargo fmt --all --check

step "lints (native, prerender, wasm32)"
cargo clippy --workspace --all-targets -q -- -D warnings
cargo clippy --features ssr --all-targets -q -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -q -- -D warnings

step "native tests: time math, data validation, text"
cargo test --workspace 2>&1 | tee -a "$log"
# The prerender's own tests (each page's head) need its feature.
cargo test --features ssr --bin prerender 2>&1 | tee -a "$log"

step "component tests: headless Chromium"
cargo test --target wasm32-unknown-unknown 2>&1 | tee -a "$log"

step "release build, first view prerendered"
# The end-to-end tests serve dist/ at this address: the embed snippets the
# cards offer must name it.
LEFT_BEHIND_SITE_URL=http://127.0.0.1:4173/ trunk build --release --minify

step "valid HTML: the Nu Html Checker on every page"
node tests/validate-html.mjs

step "end-to-end tests: Playwright + Debian chromium (deploy.spec.ts behind nginx)"
npx playwright test 2>&1 | tee -a "$log"

step "size budget"
node bench/size.mjs

# One closing line for every layer: cargo's "N passed; M failed" lines and
# Playwright's "N passed".
awk '
  /^test result: / { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } }
  /^ +[0-9]+ passed \(/ { p += $1 }
  /^ +[0-9]+ failed$/ { f += $1 }
  END { printf "\ntotal: %d passed, %d failed\n", p, f }
' "$log"
