// Loading benchmark of the release build in dist/.
//
//   node bench/load.mjs [--runs 5] [--desktop]
//
// Loads two pages alternately (app, plain, app, plain, ...), each time in a new
// browser context, so each load starts with an empty cache:
//   app    /, dist/index.html as shipped: the prerendered page, its stylesheet,
//          the module script and the WASM that mounts the islands;
//   plain  the same dist/index.html with its stylesheet(s) inlined in a
//          <style> element and every <script> and modulepreload/preload link
//          removed: no JavaScript at all. The physical limit for this content.
// Both are served the way a host serves dist/ (bench/lib.mjs startServer):
// brotli (Content-Encoding: br), the build's .br copies where they exist,
// compressed on the fly otherwise. Both load under Lighthouse's "slow 4G,
// mid-range phone" conditions, applied through the Chrome DevTools Protocol:
//   network  150 ms round trip, 1.6 Mbps down (200,000 bytes/s), 750 kbps up;
//   CPU      4x slower (Emulation.setCPUThrottlingRate);
//   screen   412 x 823 CSS px at DPR 1.75, touch (Lighthouse's mobile default;
//            --desktop uses 1350 x 940 at DPR 1).
// The figures come from PerformanceObserver (buffered), injected before the
// page's own scripts: FCP, LCP, CLS, TBT and the time until the timers tick
// (see bench/README.md). Prints a table of the runs and the medians of each
// page, and the ratio app LCP / plain LCP. Budgets, on the app page:
//   LCP median <= 1000 ms;  LCP median / plain LCP median <= 1.25;
//   TBT median <= 50 ms;    CLS <= 0.001 in every run ("no layout shift": the
//   epsilon only absorbs float rounding, any real shift is larger).
// Writes bench/results/load.json and exits 1 if a budget fails.
import {
  requireDist,
  readIndexHtml,
  startServer,
  launchBrowser,
  median,
  mdTable,
  fmt,
  writeResults,
  sleep,
  throttleCpu,
  throttleNetwork,
  prerenderedHms,
  machineLoad,
  CHROMIUM_ARGS,
  argValue,
  brotli,
  dist,
} from './lib.mjs';
import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';

const argv = process.argv.slice(2);
const RUNS = Math.max(1, Number(argValue('runs', 5)) || 5);
const DESKTOP = argv.includes('--desktop');

const NETWORK = { latency: 150, download: 200_000, upload: 750_000 / 8 };
const CPU_RATE = 4;
const BUDGETS = { lcp: 1000, ratio: 1.25, tbt: 50, cls: 0.001 };
/** Where the plain-HTML page is served: beside index.html, so relative URLs resolve alike. */
const PLAIN_PATH = '/plain.html';
/** How long to keep observing after the later of the load event and the first tick. */
const SETTLE_MS = 5000;
const VIEWPORT = DESKTOP
  ? { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 }
  : { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

requireDist();

/** The attributes of a start tag (`<link ...>`), names lower-cased; unquoted values too (the build minifies). */
function attrs(tag) {
  const out = {};
  const re = /([^\s"'<>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  const inner = tag.replace(/^<[a-zA-Z]+/, '').replace(/\/?>$/, '');
  for (let m; (m = re.exec(inner)); ) out[m[1].toLowerCase()] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

/**
 * The plain-HTML baseline: dist/index.html with every stylesheet link replaced
 * by a <style> holding that file, and every <script> element and every
 * modulepreload or preload link removed. Everything else (markup, icon,
 * metadata) is byte for byte the shipped page's.
 */
function plainHtml(html) {
  const inlined = [];
  const removed = { scripts: 0, preloads: [] };
  let out = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, () => {
    removed.scripts++;
    return '';
  });
  out = out.replace(/<link\b[^>]*>/gi, (tag) => {
    const a = attrs(tag);
    const rel = (a.rel || '').toLowerCase().split(/\s+/);
    if (rel.includes('stylesheet')) {
      const file = path.join(dist, decodeURIComponent(a.href.split(/[?#]/)[0]).replace(/^\/+/, ''));
      const css = fs.readFileSync(file, 'utf8');
      if (/<\/style/i.test(css)) throw new Error(`${a.href} contains </style: cannot inline it`);
      inlined.push({ href: a.href, bytes: Buffer.byteLength(css) });
      return `<style${a.media ? ` media="${a.media}"` : ''}>${css}</style>`;
    }
    if (rel.includes('modulepreload') || rel.includes('preload')) {
      removed.preloads.push(a.href);
      return '';
    }
    return tag;
  });
  // The build may already inline the stylesheet (it does on the main page).
  if (inlined.length === 0 && !/<style[\s>]/i.test(out)) throw new Error('dist/index.html has no stylesheet, linked or inline');
  if (/<script\b/i.test(out)) throw new Error('the plain page still holds a <script>');
  const bytes = Buffer.byteLength(out);
  return { html: out, inlined, removed, bytes, brotliBytes: brotli(Buffer.from(out)).length };
}

/**
 * Runs in the page before any of its scripts. `prerendered` is the first
 * timer's prerendered hh:mm:ss, or null on the plain page, which never ticks:
 * there the tick is not watched (no per-frame check), only the figures.
 */
function observe(prerendered) {
  const lb = {
    fcp: null,
    lcp: null,
    lcpElement: null,
    cls: 0,
    shifts: [],
    longTasks: [],
    tick: null,
    tickText: null,
    started: null,
    boxesBefore: null,
  };
  window.__lb = lb;
  const describe = (node) => {
    if (!node || node.nodeType !== 1) return node ? node.nodeName : null;
    const cls = node.getAttribute('class');
    const text = (node.textContent || '').trim().slice(0, 40);
    return `${node.localName}${cls ? '.' + cls.trim().split(/\s+/).join('.') : ''}${text ? ` "${text}"` : ''}`;
  };
  const rect = (r) => (r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : null);
  const po = (type, fn) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true });
    } catch {
      /* not supported */
    }
  };
  po('paint', (e) => {
    if (e.name === 'first-contentful-paint') lb.fcp = e.startTime;
  });
  po('largest-contentful-paint', (e) => {
    lb.lcp = e.renderTime || e.loadTime || e.startTime;
    lb.lcpElement = describe(e.element);
  });
  po('layout-shift', (e) => {
    if (e.hadRecentInput) return;
    lb.cls += e.value;
    lb.shifts.push({
      at: Math.round(e.startTime),
      value: e.value,
      sources: (e.sources || []).map((s) => ({
        node: describe(s.node),
        from: rect(s.previousRect),
        to: rect(s.currentRect),
      })),
    });
  });
  po('longtask', (e) => lb.longTasks.push({ start: e.startTime, duration: e.duration }));
  // The first moment the first .lb-timer__hms shows other text than the
  // prerendered one: checked on every frame, and synchronously when Trunk's
  // loader reports the WASM started (it mounts the islands in the same task).
  const check = (at) => {
    if (lb.tick !== null) return true;
    const el = document.querySelector('.lb-timer__hms');
    if (el && el.textContent !== prerendered) {
      lb.tick = at;
      lb.tickText = el.textContent;
      return true;
    }
    return false;
  };
  // Where every island and the element after it sit before the WASM mounts,
  // to find shifts that CLS does not see because they happen off-screen.
  lb.boxes = () =>
    [...document.querySelectorAll('[data-island]')].map((el) => {
      const box = (x) => {
        if (!x) return null;
        const r = x.getBoundingClientRect();
        return [r.x + scrollX, r.y + scrollY, r.width, r.height];
      };
      return {
        island: `${el.dataset.island}${el.dataset.case ? ':' + el.dataset.case : ''}`,
        inner: box(el.firstElementChild),
        next: box(el.nextElementSibling),
      };
    });
  addEventListener('DOMContentLoaded', () => {
    const el = document.querySelector('.lb-timer__hms');
    if (el && el.textContent === prerendered) lb.boxesBefore = { boxes: lb.boxes(), height: document.documentElement.scrollHeight };
  });
  addEventListener('TrunkApplicationStarted', () => {
    lb.started = performance.now();
    check(lb.started);
  });
  if (prerendered === null) return;
  const frame = () => {
    if (!check(performance.now())) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Total blocking time, Lighthouse-style: long-task time past 50 ms, clipped to [fcp, end]. */
function totalBlockingTime(longTasks, fcp, end) {
  let tbt = 0;
  for (const t of longTasks) {
    const start = Math.max(t.start, fcp);
    const stop = Math.min(t.start + t.duration, end);
    if (stop - start > 50) tbt += stop - start - 50;
  }
  return tbt;
}

/** One fresh load of `url`; `prerendered` null for the plain page (no timers to wait for). */
async function oneLoad(browser, url, prerendered) {
  const context = await browser.newContext(VIEWPORT);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttleNetwork(cdp, NETWORK);
    await throttleCpu(cdp, CPU_RATE);
    await page.addInitScript(observe, prerendered);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (prerendered !== null)
      await page.waitForFunction(() => window.__lb.tick !== null, null, { timeout: 60_000, polling: 100 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { load: nav.loadEventEnd, tick: window.__lb.tick ?? 0 };
    });
    // Keep observing until SETTLE_MS after the later of load and the first tick.
    const now = await page.evaluate(() => performance.now());
    await sleep(Math.max(0, Math.max(t.load, t.tick) + SETTLE_MS - now));
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const resources = performance.getEntriesByType('resource').map((e) => ({
        name: new URL(e.name).pathname,
        start: Math.round(e.startTime),
        end: Math.round(e.responseEnd),
        bytes: e.encodedBodySize,
        decodedBytes: e.decodedBodySize,
      }));
      const scripts = document.scripts.length;
      return {
        ...window.__lb,
        boxesAfter: { boxes: window.__lb.boxes(), height: document.documentElement.scrollHeight },
        end: performance.now(),
        html: { responseEnd: nav.responseEnd, bytes: nav.encodedBodySize, decodedBytes: nav.decodedBodySize },
        scripts,
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        resources,
      };
    });
    const tbtEnd = Math.max(r.load, r.tick ?? 0) + SETTLE_MS;
    // Off-screen movement caused by the islands' mount: largest change of any
    // island's content box or of the element after it, in CSS px.
    let islandShift = null;
    if (r.boxesBefore) {
      islandShift = { maxPx: 0, worst: null, pageHeight: [r.boxesBefore.height, r.boxesAfter.height] };
      r.boxesBefore.boxes.forEach((b, i) => {
        const a = r.boxesAfter.boxes[i];
        if (!a || a.island !== b.island) return;
        for (const k of ['inner', 'next']) {
          if (!b[k] || !a[k]) continue;
          const d = Math.max(...b[k].map((v, j) => Math.abs(v - a[k][j])));
          if (d > islandShift.maxPx) {
            islandShift.maxPx = d;
            islandShift.worst = { island: b.island, box: k, before: b[k].map(Math.round), after: a[k].map(Math.round) };
          }
        }
      });
    }
    return {
      fcp: r.fcp,
      lcp: r.lcp,
      cls: r.cls,
      tbt: r.fcp === null ? null : totalBlockingTime(r.longTasks, r.fcp, tbtEnd),
      tick: r.tick,
      wasmStarted: r.started,
      domContentLoaded: r.domContentLoaded,
      load: r.load,
      lcpElement: r.lcpElement,
      longTasks: r.longTasks.map((x) => ({ start: Math.round(x.start), duration: Math.round(x.duration) })),
      layoutShifts: r.shifts,
      html: r.html,
      resources: r.resources,
      scriptElements: r.scripts,
      tickText: r.tickText,
      islandShift,
    };
  } finally {
    await context.close();
  }
}

/** Lighthouse's mobile performance score (package.json pins it), or a note when it is missing. */
async function maybeLighthouse(url) {
  let lighthouse;
  try {
    lighthouse = (await import('lighthouse')).default;
  } catch {
    return { status: 'not installed, skipped' };
  }
  const port = await new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = s.address().port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });
  const browser = await launchBrowser([`--remote-debugging-port=${port}`]);
  try {
    const result = await lighthouse(url, {
      port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance'],
      throttlingMethod: 'devtools',
      throttling: {
        requestLatencyMs: NETWORK.latency,
        downloadThroughputKbps: (NETWORK.download * 8) / 1000,
        uploadThroughputKbps: (NETWORK.upload * 8) / 1000,
        cpuSlowdownMultiplier: CPU_RATE,
      },
    });
    const a = result.lhr.audits;
    return {
      status: 'ran',
      score: result.lhr.categories.performance.score,
      fcp: a['first-contentful-paint']?.numericValue,
      lcp: a['largest-contentful-paint']?.numericValue,
      cls: a['cumulative-layout-shift']?.numericValue,
      tbt: a['total-blocking-time']?.numericValue,
      chromiumArgs: CHROMIUM_ARGS,
    };
  } catch (e) {
    return { status: `failed: ${e.message}` };
  } finally {
    await browser.close();
  }
}

const html = readIndexHtml();
const prerendered = prerenderedHms(html);
const plain = plainHtml(html);
const server = await startServer({ [PLAIN_PATH]: plain.html });
const pages = [
  { kind: 'app', url: `${server.url}/`, prerendered },
  { kind: 'plain', url: `${server.url}${PLAIN_PATH}`, prerendered: null },
];
let exitCode = 0;
try {
  const started = Date.now();
  const machineBefore = machineLoad('before');
  const browser = await launchBrowser();
  const runs = { app: [], plain: [] };
  try {
    // Alternately, so that both pages see the same moments of a noisy machine.
    for (let i = 0; i < RUNS; i++)
      for (const p of pages) runs[p.kind].push(await oneLoad(browser, p.url, p.prerendered));
  } finally {
    await browser.close();
  }

  const keys = ['fcp', 'lcp', 'cls', 'tbt', 'tick', 'domContentLoaded', 'load'];
  const medians = (list) => Object.fromEntries(keys.map((k) => [k, median(list.map((r) => r[k]))]));
  const med = medians(runs.app);
  const plainMed = medians(runs.plain);
  const ratio = {
    lcp: med.lcp !== null && plainMed.lcp ? med.lcp / plainMed.lcp : null,
    fcp: med.fcp !== null && plainMed.fcp ? med.fcp / plainMed.fcp : null,
  };
  const clsWorst = Math.max(...runs.app.map((r) => r.cls ?? Infinity));
  const pass = {
    lcp: med.lcp !== null && med.lcp <= BUDGETS.lcp,
    ratio: ratio.lcp !== null && ratio.lcp <= BUDGETS.ratio,
    tbt: med.tbt !== null && med.tbt <= BUDGETS.tbt,
    cls: Number.isFinite(clsWorst) && clsWorst <= BUDGETS.cls,
  };
  const verdict = (k) => (pass[k] ? 'PASS' : 'FAIL');
  const row = (label, r) => [
    label,
    fmt(r.fcp),
    fmt(r.lcp),
    fmt(r.cls, 4),
    fmt(r.tbt),
    fmt(r.tick),
    fmt(r.domContentLoaded),
    fmt(r.load),
  ];

  console.log(
    `\nLoad: ${RUNS} fresh loads each of the app (dist/index.html) and the plain-HTML page (the same HTML, CSS inlined, ` +
      `no script), alternately; ${DESKTOP ? 'desktop 1350x940' : 'mobile 412x823 @1.75x'}, ` +
      `network ${NETWORK.latency} ms RTT / ${(NETWORK.download * 8) / 1e6} Mbps down / ${(NETWORK.upload * 8) / 1e3} kbps up, ` +
      `CPU ${CPU_RATE}x slower, brotli as a host serves it. Times in ms from navigation start.\n`,
  );
  const ratioCell = (x) => (x === null ? '–' : `${x.toFixed(2)}×`);
  console.log(
    mdTable(
      ['run', 'FCP', 'LCP', 'CLS', 'TBT', 'timers tick', 'DOMContentLoaded', 'load'],
      [
        ...runs.app.flatMap((r, i) => [row(`app ${i + 1}`, r), row(`plain ${i + 1}`, runs.plain[i])]),
        row('**app median**', med),
        row('**plain median**', plainMed),
        ['**app / plain**', ratioCell(ratio.fcp), ratioCell(ratio.lcp), '', '', '', '', ''],
        [
          '**budget (app)**',
          '',
          `median ≤ ${BUDGETS.lcp}: ${verdict('lcp')}; ≤ ${BUDGETS.ratio}× plain: ${verdict('ratio')}`,
          `every run ≤ ${BUDGETS.cls}: ${verdict('cls')}`,
          `median ≤ ${BUDGETS.tbt}: ${verdict('tbt')}`,
          '',
          '',
          '',
        ],
      ],
    ),
  );
  console.log(
    `\napp LCP median ${fmt(med.lcp)} ms (budget ${BUDGETS.lcp}: ${verdict('lcp')}); ` +
      `plain LCP median ${fmt(plainMed.lcp)} ms; ratio app/plain ${fmt(ratio.lcp, 2)}× (budget ${BUDGETS.ratio}×: ${verdict('ratio')})`,
  );
  console.log(`app TBT median ${fmt(med.tbt)} ms (budget ${BUDGETS.tbt}: ${verdict('tbt')}); plain TBT median ${fmt(plainMed.tbt)} ms`);
  console.log(
    `app CLS worst run ${fmt(clsWorst, 4)}, median ${fmt(med.cls, 4)} (budget: no layout shift, i.e. ≤ ${BUDGETS.cls} in every run, ` +
      `an epsilon for float rounding only: ${verdict('cls')}); plain CLS worst run ${fmt(Math.max(...runs.plain.map((r) => r.cls ?? 0)), 4)}`,
  );

  // What the page waited for, from the median-LCP run of each page.
  const typicalOf = (list) => [...list].sort((a, b) => a.lcp - b.lcp)[Math.floor(list.length / 2)];
  const typical = typicalOf(runs.app);
  const typicalPlain = typicalOf(runs.plain);
  const downloads = (r) =>
    [
      `index ${r.html.bytes} B (${r.html.decodedBytes} B decoded) done at ${Math.round(r.html.responseEnd)}`,
      ...r.resources.map((x) => `${x.name.replace(/^\//, '')} ${x.bytes} B (${x.decodedBytes} B) ${x.start}→${x.end}`),
    ].join('; ');
  console.log(`\nLCP element (median run): app ${typical.lcpElement ?? '–'}; plain ${typicalPlain.lcpElement ?? '–'}`);
  console.log(`Downloads, transferred (decoded) bytes, ms (median run):\n  app:   ${downloads(typical)}\n  plain: ${downloads(typicalPlain)}`);
  console.log(
    `Plain page: ${plain.bytes} B, ${plain.brotliBytes} B brotli; inlined ${plain.inlined.map((c) => `${c.href} (${c.bytes} B)`).join(', ')}; ` +
      `removed ${plain.removed.scripts} script(s) and ${plain.removed.preloads.length} preload link(s) ` +
      `(${plain.removed.preloads.join(', ') || 'none'}); ` +
      `script elements at the end of its loads: ${Math.max(...runs.plain.map((r) => r.scriptElements))}.`,
  );
  const st = server.stats;
  console.log(
    `Served: ${st['br-file']} responses brotli from the build's .br copies, ${st['br-here']} brotli compressed by the bench server, ` +
      `${st.identity} uncompressed` +
      (st.identity ? ` (${st['identity-asked']} because the browser did not ask for br: ${st.identityPaths.join(', ')})` : '') +
      (st.staleCopies.length ? `; stale .br copies, compressed anew: ${st.staleCopies.join(', ')}` : '') +
      '.',
  );
  const shifts = runs.app.flatMap((r) => r.layoutShifts);
  if (shifts.length === 0) console.log('Layout shifts (app): none in any run.');
  else {
    console.log(`Layout shifts (app, all runs):`);
    for (const s of shifts)
      console.log(
        `  at ${s.at} ms, ${s.value.toFixed(4)}: ` +
          s.sources.map((x) => `${x.node} ${JSON.stringify(x.from)}→${JSON.stringify(x.to)}`).join('; '),
      );
  }
  const plainShifts = runs.plain.flatMap((r) => r.layoutShifts);
  if (plainShifts.length)
    console.log(`Layout shifts (plain, all runs): ${plainShifts.map((s) => `${s.value.toFixed(4)} at ${s.at} ms`).join(', ')}`);
  const moved = runs.app.map((r) => r.islandShift).filter(Boolean);
  if (moved.length === 0) console.log('Island mount, off-screen too: not measured (the WASM started before DOMContentLoaded).');
  else {
    const worst = moved.reduce((a, b) => (b.maxPx > a.maxPx ? b : a));
    console.log(
      `Island mount, off-screen too: largest move of an island's box or the element after it ${worst.maxPx.toFixed(1)} px` +
        (worst.worst ? ` (${worst.worst.island}, ${worst.worst.box}: ${JSON.stringify(worst.worst.before)}→${JSON.stringify(worst.worst.after)})` : '') +
        `; page height ${worst.pageHeight[0]}→${worst.pageHeight[1]} px`,
    );
  }
  const longs = (r) => (r.longTasks.length ? r.longTasks.map((x) => `${x.duration} ms at ${x.start}`).join(', ') : 'none');
  console.log(`Long tasks (median run): app ${longs(typical)}; plain ${longs(typicalPlain)}`);

  const lh = await maybeLighthouse(pages[0].url);
  if (lh.status === 'ran')
    console.log(
      `lighthouse (app, once, its own measurement; printed, not budgeted): score ${lh.score}, FCP ${fmt(lh.fcp)} ms, ` +
        `LCP ${fmt(lh.lcp)} ms, CLS ${fmt(lh.cls, 4)}, TBT ${fmt(lh.tbt)} ms`,
    );
  else console.log(`lighthouse: ${lh.status}`);

  const file = writeResults('load.json', {
    generated: new Date().toISOString(),
    conditions: {
      runs: RUNS,
      order: 'alternate: app, plain, app, plain, ...',
      viewport: VIEWPORT,
      network: { rttMs: NETWORK.latency, downloadBytesPerSecond: NETWORK.download, uploadBytesPerSecond: NETWORK.upload },
      cpuSlowdown: CPU_RATE,
      compression:
        "brotli (Content-Encoding: br) when the browser asks: the build's .br copies, else compressed by bench/lib.mjs (quality 11)",
      settleMsAfterLoadAndTick: SETTLE_MS,
    },
    budgets: {
      ...BUDGETS,
      note: 'lcp, tbt: app medians; ratio: app LCP median / plain LCP median; cls: every app run (no layout shift, epsilon 0.001)',
    },
    median: med,
    clsWorst,
    plain: {
      path: PLAIN_PATH,
      page: { bytes: plain.bytes, brotliBytes: plain.brotliBytes, inlined: plain.inlined, removed: plain.removed },
      median: plainMed,
      runs: runs.plain,
    },
    ratio,
    pass,
    served: server.stats,
    runs: runs.app,
    lighthouse: lh,
    machine: { before: machineBefore, after: machineLoad('after', { warn: false }) },
    seconds: (Date.now() - started) / 1000,
  });
  console.log(`\nwrote ${file}`);
  const failed = Object.keys(pass).filter((k) => !pass[k]);
  if (failed.length) {
    const names = { lcp: 'LCP', ratio: 'LCP ratio to plain HTML', tbt: 'TBT', cls: 'CLS' };
    console.error(`budget failed: ${failed.map((k) => names[k]).join(', ')}`);
    exitCode = 1;
  } else console.log('all load budgets pass');
} finally {
  await server.close();
}
process.exit(exitCode);
