// Shared helpers of the browser benchmarks (bench/load.mjs, bench/tick.mjs).
// Playwright (from @playwright/test) and Node's built-in modules only.
// The server is here, not tests/e2e/serve-dist.mjs: it serves the build's .br
// copies as a host does (see startServer).
import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..');
export const dist = path.join(root, 'dist');
export const resultsDir = path.join(here, 'results');

export { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs';
import { MIME as SERVED_TYPES } from '../tests/e2e/serve-dist.mjs';

/** Exits 1 unless dist/index.html exists. */
export function requireDist() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error(`${path.join(dist, 'index.html')} not found: run scripts/bench.sh`);
    process.exit(1);
  }
}

export function readIndexHtml() {
  return fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
}

// The e2e server's types, and fonts.
const MIME = { ...SERVED_TYPES, '.woff2': 'font/woff2' };
/** What a host compresses: text, JSON, SVG and the WASM (not PNG, fonts). */
const COMPRESSIBLE = /^(text\/|application\/(wasm|json|javascript|xml|manifest\+json))|svg/;

/** Brotli at quality 11, as the build's .br copies are (scripts/post-build.sh). */
export function brotli(buf) {
  return zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
}

/** The file under dist/ that a URL path names (a directory: its index.html), or null. */
function fileFor(urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split(/[\\/]/).includes('..')) return null;
  let file = path.resolve(dist, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(dist, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  try {
    if (fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/**
 * Serves dist/ the way a host does (nginx's brotli_static, a CDN), on a random
 * 127.0.0.1 port: a request whose Accept-Encoding names br gets the build's
 * .br copy of the file (Content-Encoding: br) when there is one that decodes
 * to the file, else the file brotli-compressed here (quality 11, cached);
 * other requests and types get the file as it is.
 *
 * `routes` maps exact URL paths to pages that are not files: a string (a fixed
 * page, compressed once, here) or a function returning the HTML string, built
 * and compressed when requested. Both are served with the same headers and
 * compression as a file.
 *
 * Resolves to { url, close, stats }: stats counts the responses by how they
 * were encoded (`br-file`: the build's .br copy; `br-here`: compressed by this
 * server; `identity`: sent as it is, `identity-asked` of those because the
 * browser did not ask for br) and lists the paths sent uncompressed and the
 * .br copies found stale.
 */
export async function startServer(routes = {}) {
  const stats = { 'br-file': 0, 'br-here': 0, identity: 0, 'identity-asked': 0, identityPaths: [], staleCopies: [] };
  const cache = new Map();
  const copyOk = new Map();
  const compressed = (key, make) => {
    if (!cache.has(key)) cache.set(key, brotli(make()));
    return cache.get(key);
  };
  const fixed = new Map();
  for (const [p, route] of Object.entries(routes)) {
    if (typeof route === 'string') {
      const raw = Buffer.from(route, 'utf8');
      fixed.set(p, { raw, br: brotli(raw) });
    }
  }
  const server = http.createServer((req, res) => {
    const urlPath = (req.url || '/').split('?')[0].split('#')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      return res.end();
    }
    const acceptsBr = /\bbr\b/.test(req.headers['accept-encoding'] || '');
    const send = (type, raw, br, how) => {
      const headers = {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      };
      let body = raw();
      if (acceptsBr && COMPRESSIBLE.test(type)) {
        body = br();
        headers['Content-Encoding'] = 'br';
        stats[how]++;
      } else {
        stats.identity++;
        if (!acceptsBr) stats['identity-asked']++;
        if (stats.identityPaths.length < 20) stats.identityPaths.push(urlPath);
      }
      headers['Content-Length'] = body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    const html = 'text/html; charset=utf-8';
    if (fixed.has(urlPath)) {
      const page = fixed.get(urlPath);
      return send(html, () => page.raw, () => page.br, 'br-here');
    }
    if (Object.hasOwn(routes, urlPath)) {
      let raw;
      try {
        raw = Buffer.from(routes[urlPath](), 'utf8');
      } catch (e) {
        res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
        return res.end(String(e && e.stack ? e.stack : e));
      }
      return send(html, () => raw, () => compressed(raw.toString('latin1'), () => raw), 'br-here');
    }
    const file = fileFor(urlPath);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('Not Found\n');
    }
    const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
    const st = fs.statSync(file);
    const brFile = file + '.br';
    const key = `${file}:${st.mtimeMs}:${st.size}`;
    if (!copyOk.has(key)) {
      // The .br copy is served only if it decodes to the file as it is now
      // (brotli keeps the source's mtime to the second only, so a date
      // comparison cannot tell a stale copy).
      let ok = false;
      try {
        ok = zlib.brotliDecompressSync(fs.readFileSync(brFile)).equals(fs.readFileSync(file));
        if (!ok) stats.staleCopies.push(urlPath);
      } catch {
        /* no .br copy */
      }
      copyOk.set(key, ok);
    }
    const raw = () => fs.readFileSync(file);
    if (copyOk.get(key)) return send(type, raw, () => fs.readFileSync(brFile), 'br-file');
    return send(type, raw, () => compressed(key, raw), 'br-here');
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  // Keep-alive sockets would hold close() open.
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { url: `http://127.0.0.1:${port}`, close, stats };
}

export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export function median(xs) {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** A markdown table; cells are printed as given. */
export function mdTable(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => (c === null || c === undefined ? '–' : String(c))));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => '| ' + r.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  return [line(cells[0]), '| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |', ...cells.slice(1).map(line)].join(
    '\n',
  );
}

export function fmt(x, digits = 0) {
  return typeof x === 'number' && Number.isFinite(x) ? x.toFixed(digits) : '–';
}

export function writeResults(name, payload) {
  fs.mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  fs.writeFileSync(file, JSON.stringify(payload, null, 2) + '\n');
  return path.relative(root, file);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Slows the page's CPU `rate` times (CDP Emulation.setCPUThrottlingRate). */
export async function throttleCpu(cdp, rate) {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}

/**
 * Shapes the page's network (CDP Network.emulateNetworkConditions): `latency`
 * ms added to every request, throughputs in bytes per second.
 */
export async function throttleNetwork(cdp, { latency, download, upload }) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency,
    downloadThroughput: download,
    uploadThroughput: upload,
  });
}

/** Finds the end of the element that starts at `start` (an opening `<div`), by counting nested divs. */
export function elementEnd(html, start, tag = 'div') {
  const re = new RegExp(`<${tag}[\\s>]|</${tag}>`, 'g');
  re.lastIndex = start;
  let depth = 0;
  for (let m; (m = re.exec(html)); ) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return m.index + m[0].length;
  }
  throw new Error(`unbalanced <${tag}> from offset ${start}`);
}

/** The prerendered text of the first `.lb-timer__hms` in the page. */
export function prerenderedHms(html) {
  const m = html.match(/class="lb-timer__hms">([^<]*)</);
  if (!m) throw new Error('no .lb-timer__hms in dist/index.html');
  return m[1];
}

/**
 * The machine's 1-minute load average and core count. Other work on the
 * machine (a build, say) slows the throttled page further and inflates every
 * figure; prints a warning when the load is high.
 */
export function machineLoad(label = '', { warn = true } = {}) {
  const load = os.loadavg()[0];
  const cores = os.cpus().length;
  if (warn && load > 0.5 * cores)
    console.warn(
      `warning${label ? ` (${label})` : ''}: load average ${load.toFixed(2)} on ${cores} cores: ` +
        'other work is running, the figures may be inflated',
    );
  return { loadAverage1m: Number(load.toFixed(2)), cores };
}

/** The value of `--name value` or `--name=value` on the command line, or `dflt`. */
export function argValue(name, dflt) {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (i < 0) return dflt;
  return argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1];
}
