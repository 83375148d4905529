#!/usr/bin/env sh
# Trunk's post_build hook (Trunk.toml), in Trunk's environment
# (TRUNK_STAGING_DIR, TRUNK_PROFILE, TRUNK_SOURCE_DIR), in this order:
# 1. the petition's own bundle, loaded only when the form is near; in a
#    release, the page's WASM and glue with short names and minified
#    (scripts/shrink-page.mjs);
# 2. the open data (cases.json, exchanges.json, anniversaries.ics), from the
#    same validated data;
# 3. the first view rendered into index.html by the app's own components
#    (naming that bundle), so it shows before the WASM arrives and reads
#    without JavaScript; the case pages; the widget's pages and its loader;
#    the host configuration for every file so far (dist/_headers and
#    deploy/nginx.conf);
# 4. the loader, embed.js, minified: every partner page downloads it;
# 5. in a release, a brotli and a gzip copy beside each text file and the
#    WASM, which hosts serve as they are (nginx's brotli_static, gzip_static).
set -eu
staging="$TRUNK_STAGING_DIR"
sh "$TRUNK_SOURCE_DIR/scripts/build-petition.sh" "$staging" "$TRUNK_PROFILE"
if [ "$TRUNK_PROFILE" = release ]; then
  node "$TRUNK_SOURCE_DIR/scripts/shrink-page.mjs" "$staging"
fi
cargo run --quiet -p casedata --bin export -- "$TRUNK_SOURCE_DIR" "$staging"
cargo run --quiet --features ssr --bin prerender -- "$staging/index.html"
"$TRUNK_SOURCE_DIR/node_modules/.bin/terser" "$staging/embed.js" \
  --compress --mangle --ecma 2020 -o "$staging/embed.js"
if [ "$TRUNK_PROFILE" = release ]; then
  find "$staging" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' \
    -o -name '*.wasm' -o -name '*.svg' -o -name '*.json' -o -name '*.ics' \
    -o -name '*.txt' \) -print | while read -r file; do
    brotli --quality=11 --keep --force "$file"
    gzip -9 --keep --force --no-name "$file"
  done
fi
