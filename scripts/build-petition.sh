#!/usr/bin/env sh
# Builds the petition's own bundle (src/bin/petition.rs) into Trunk's staging
# directory; run by Trunk's post_build hook, before the prerender, which names
# the bundle on the page: build-petition.sh <dir> <profile>.
# The page imports it only when the form comes near the screen. Its files are
# named by a hash of their content, as Trunk names the page's own, so a cache
# never serves an old petition to a new page.
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
  node "$(dirname "$0")/shrink-page.mjs" --bundle "$out/petition_bg.wasm" "$out/petition.js"
fi
hash=$(cat "$out/petition.js" "$out/petition_bg.wasm" | sha256sum | cut -c1-16)
mv "$out/petition.js" "$out/petition-$hash.js"
mv "$out/petition_bg.wasm" "$out/petition-${hash}_bg.wasm"
