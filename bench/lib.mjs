// Shared helpers of the browser benchmarks (bench/load.mjs, bench/tick.mjs).
// Playwright (from @playwright/test) and Node's built-in modules only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { serve } from '../tests/e2e/serve-dist.mjs';

export const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..');
export const dist = path.join(root, 'dist');
export const resultsDir = path.join(here, 'results');

export { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../tests/e2e/chromium.mjs';

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

/**
 * Serves dist/ with tests/e2e/serve-dist.mjs on a random 127.0.0.1 port.
 * `routes` maps exact URL paths to functions returning an HTML string, built
 * at request time; every other path goes to serve-dist.mjs unchanged.
 * Resolves to { url, close }.
 */
export async function startServer(routes = {}) {
  const server = serve({ dir: dist, port: 0, quiet: true });
  const [original] = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const urlPath = (req.url || '/').split('?')[0].split('#')[0];
    const route = Object.hasOwn(routes, urlPath) ? routes[urlPath] : null;
    if (!route || (req.method !== 'GET' && req.method !== 'HEAD')) return original(req, res);
    let body;
    try {
      body = Buffer.from(route(), 'utf8');
    } catch (e) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end(String(e && e.stack ? e.stack : e));
    }
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Length': body.length,
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  if (!server.listening) {
    await new Promise((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
  }
  const { port } = server.address();
  // Keep-alive sockets would hold close() open.
  const close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections?.();
    });
  return { url: `http://127.0.0.1:${port}`, close };
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
