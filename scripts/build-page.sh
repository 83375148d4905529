#!/usr/bin/env sh
# Builds the page's WASM and glue with one language's words only
# (LEFT_BEHIND_LANG pins src/core/text), the way a release build makes the
# real one: Trunk's steps (cargo, wasm-bindgen --target web, wasm-opt with
# index.html's data-wasm-opt and data-wasm-opt-params), then
# scripts/shrink-page.mjs. Nothing ships it: bench/size.mjs compares the
# page's one binary for all languages with it (issue 14: no more than 2 KB
# above the English-only build).
#
#   sh scripts/build-page.sh <lang> <out dir>
#
# `all` for <lang> builds it unpinned, as Trunk does: a check that these
# steps make the page's bundle byte for byte.
#
# In Trunk's target directory, as build-petition.sh builds the English
# petition: after a release build the crate is already compiled there with
# English words only, so this costs a link, where a directory of its own
# would compile every dependency again (minutes, in CI). Cargo tracks the
# variable, so the next build without it compiles the crate again, as it
# does anyway after the petition's. It overwrites the page's cargo output in
# target/, which Trunk remakes on each build.
set -eu
lang="$1"
out="$2"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/target"
if [ "$lang" = all ]; then unset LEFT_BEHIND_LANG; else export LEFT_BEHIND_LANG="$lang"; fi
cargo build --quiet --release --manifest-path "$root/Cargo.toml" \
  --target-dir "$target" --target wasm32-unknown-unknown --bin left-behind
rm -rf "$out"
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name left-behind \
  "$target/wasm32-unknown-unknown/release/left-behind.wasm"
# index.html's <link data-trunk rel="rust">: its level and its parameters.
rust_link=$(grep -o '<link data-trunk rel="rust"[^>]*>' "$root/index.html")
level=$(printf '%s' "$rust_link" | sed -n 's/.*data-wasm-opt="\([^"]*\)".*/\1/p')
params=$(printf '%s' "$rust_link" | sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p')
[ -n "$level" ] || { echo "build-page: index.html names no data-wasm-opt" >&2; exit 1; }
# shellcheck disable=SC2086 # the parameters are words
"$root/node_modules/.bin/wasm-opt" "-O$level" $params "$out/left-behind_bg.wasm" -o "$out/left-behind_bg.wasm"
node "$root/scripts/shrink-page.mjs" --bundle "$out/left-behind_bg.wasm" "$out/left-behind.js"
# The snippets, minified as shrink-page.mjs minifies the page's.
find "$out/snippets" -name '*.js' 2>/dev/null | while read -r file; do
  "$root/node_modules/.bin/terser" "$file" --module --ecma 2020 --compress --mangle -o "$file"
done
