#!/usr/bin/env sh
# Trunk's post_build hook (Trunk.toml), in Trunk's environment
# (TRUNK_STAGING_DIR, TRUNK_PROFILE, TRUNK_SOURCE_DIR), in this order:
# 1. the petition's own bundle, loaded only when the form is near;
# 2. the first view rendered into index.html by the app's own components
#    (naming that bundle), so it shows before the WASM arrives and reads
#    without JavaScript; the case pages; the widget's pages and its loader;
# 3. the loader, embed.js, minified: every partner page downloads it.
set -eu
staging="$TRUNK_STAGING_DIR"
sh "$TRUNK_SOURCE_DIR/scripts/build-petition.sh" "$staging" "$TRUNK_PROFILE"
cargo run --quiet --features ssr --bin prerender -- "$staging/index.html"
"$TRUNK_SOURCE_DIR/node_modules/.bin/terser" "$staging/embed.js" \
  --compress --mangle --ecma 2020 -o "$staging/embed.js"
