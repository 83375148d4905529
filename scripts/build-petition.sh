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
# One bundle per language, each with only its own words (LEFT_BEHIND_LANG
# pins src/core/text), each in a target directory of its own so that
# switching languages does not rebuild the others every time.
for lang in en ru uk; do
  target=target
  [ "$lang" = en ] || target="target/petition-$lang"
  flag=
  [ "$profile" = release ] && flag=--release
  LEFT_BEHIND_LANG=$lang cargo build --quiet $flag --target-dir "$target" \
    --target wasm32-unknown-unknown --bin petition
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name petition \
    "$target/wasm32-unknown-unknown/$profile/petition.wasm"
  if [ "$profile" = release ]; then
    # The npm binaryen (Trunk.toml pins the same version for the main bundle).
    wasm-opt -Oz "$out/petition_bg.wasm" -o "$out/petition_bg.wasm"
    node "$(dirname "$0")/shrink-page.mjs" --bundle "$out/petition_bg.wasm" "$out/petition.js"
  fi
  hash=$(cat "$out/petition.js" "$out/petition_bg.wasm" | sha256sum | cut -c1-16)
  mv "$out/petition.js" "$out/petition-$lang-$hash.js"
  mv "$out/petition_bg.wasm" "$out/petition-$lang-${hash}_bg.wasm"
done
