#!/usr/bin/env sh
# Builds the petition's own bundle (src/bin/petition.rs) into Trunk's staging
# directory; run by Trunk's post_build hook: build-petition.sh <dir> <profile>.
# The page imports petition.js only when the form comes near the screen.
set -eu
out="$1"
profile="${2:-debug}"
if [ "$profile" = release ]; then
  cargo build --quiet --release --target wasm32-unknown-unknown --bin petition
else
  cargo build --quiet --target wasm32-unknown-unknown --bin petition
fi
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name petition \
  "target/wasm32-unknown-unknown/$profile/petition.wasm"
if [ "$profile" = release ]; then
  # The npm binaryen (Trunk.toml pins the same version for the main bundle).
  wasm-opt -Oz "$out/petition_bg.wasm" -o "$out/petition_bg.wasm"
fi
