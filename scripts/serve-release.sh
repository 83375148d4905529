#!/usr/bin/env bash
# Builds the release and serves dist/ as a deployer would: through Debian's
# nginx with the configuration the build writes, deploy/nginx.conf (headers,
# caching, the pre-compressed files), on http://127.0.0.1:PORT.
#
#   scripts/serve-release.sh [PORT]     (default 8081)
#
# The build reads LEFT_BEHIND_SITE_URL, LEFT_BEHIND_PETITION_URL and
# LEFT_BEHIND_PETITION_COUNT_URL as `trunk build` does. LEFT_BEHIND_NO_BUILD=1
# serves the dist/ already built (the test command builds once for all).
# nginx runs in the foreground: Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-8081}"
bash scripts/setup.sh >&2
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
if [ -z "${LEFT_BEHIND_NO_BUILD:-}" ]; then
  trunk build --release --minify
fi
[ -f deploy/nginx.conf ] || { echo "deploy/nginx.conf missing: build first" >&2; exit 1; }
# Everything nginx writes at run time stays under target/.
run="$PWD/target/nginx-$port"
mkdir -p "$run"
sed "s/listen 127.0.0.1:8081;/listen 127.0.0.1:$port;/" deploy/nginx.conf >"$run/nginx.conf"
echo "serving $PWD/dist on http://127.0.0.1:$port/ (nginx, deploy/nginx.conf)" >&2
exec /usr/sbin/nginx -p "$PWD/" -c "$run/nginx.conf" -e stderr \
  -g "daemon off; pid $run/nginx.pid;"
