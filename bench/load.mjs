// Loading benchmark of the release build in dist/.
//
//   node bench/load.mjs [--runs 5] [--desktop]
//
// Five fresh loads (a new browser context, so an empty cache, each time) of the
// prerendered page in headless Chromium, on Lighthouse's "slow 4G, mid-range
// phone" conditions, applied through the Chrome DevTools Protocol:
//   network  150 ms round trip, 1.6 Mbps down (200,000 bytes/s), 750 kbps up;
//   CPU      4x slower (Emulation.setCPUThrottlingRate);
//   screen   412 x 823 CSS px at DPR 1.75, touch (Lighthouse's mobile default;
//            --desktop uses 1350 x 940 at DPR 1).
// The figures come from PerformanceObserver (buffered), injected before the
// page's own scripts: FCP, LCP, CLS, TBT and the time until the timers tick
// (see bench/README.md). Prints a table of the runs and their medians, checks
// the budgets on the medians (LCP <= 1000 ms, CLS <= 0.02, TBT <= 50 ms),
// writes bench/results/load.json and exits 1 if a budget fails.
// dist/ is served raw by tests/e2e/serve-dist.mjs: no gzip or brotli.
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
} from './lib.mjs';
import net from 'node:net';

const argv = process.argv.slice(2);
const RUNS = Math.max(1, Number(argValue('runs', 5)) || 5);
const DESKTOP = argv.includes('--desktop');

const NETWORK = { latency: 150, download: 200_000, upload: 750_000 / 8 };
const CPU_RATE = 4;
const BUDGETS = { lcp: 1000, cls: 0.02, tbt: 50 };
/** How long to keep observing after the later of the load event and the first tick. */
const SETTLE_MS = 5000;
const VIEWPORT = DESKTOP
  ? { viewport: { width: 1350, height: 940 }, deviceScaleFactor: 1 }
  : { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

requireDist();

/** Runs in the page before any of its scripts. */
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

async function oneLoad(browser, url, prerendered) {
  const context = await browser.newContext(VIEWPORT);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttleNetwork(cdp, NETWORK);
    await throttleCpu(cdp, CPU_RATE);
    await page.addInitScript(observe, prerendered);
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await page.waitForFunction(() => window.__lb.tick !== null, null, { timeout: 60_000, polling: 100 });
    const t = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      return { load: nav.loadEventEnd, tick: window.__lb.tick };
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
      }));
      return {
        ...window.__lb,
        boxesAfter: { boxes: window.__lb.boxes(), height: document.documentElement.scrollHeight },
        end: performance.now(),
        html: { responseEnd: nav.responseEnd, bytes: nav.encodedBodySize },
        domContentLoaded: nav.domContentLoadedEventEnd,
        load: nav.loadEventEnd,
        resources,
      };
    });
    const tbtEnd = Math.max(r.load, r.tick) + SETTLE_MS;
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
const server = await startServer();
const url = `${server.url}/`;
let exitCode = 0;
try {
  const started = Date.now();
  const machineBefore = machineLoad('before');
  const browser = await launchBrowser();
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) runs.push(await oneLoad(browser, url, prerendered));
  } finally {
    await browser.close();
  }

  const keys = ['fcp', 'lcp', 'cls', 'tbt', 'tick', 'domContentLoaded', 'load'];
  const med = Object.fromEntries(keys.map((k) => [k, median(runs.map((r) => r[k]))]));
  const pass = {
    lcp: med.lcp !== null && med.lcp <= BUDGETS.lcp,
    cls: med.cls !== null && med.cls <= BUDGETS.cls,
    tbt: med.tbt !== null && med.tbt <= BUDGETS.tbt,
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
    `\nLoad: ${RUNS} fresh loads of dist/index.html, ${DESKTOP ? 'desktop 1350x940' : 'mobile 412x823 @1.75x'}, ` +
      `network ${NETWORK.latency} ms RTT / ${(NETWORK.download * 8) / 1e6} Mbps down / ${(NETWORK.upload * 8) / 1e3} kbps up, ` +
      `CPU ${CPU_RATE}x slower, uncompressed transfer. Times in ms from navigation start.\n`,
  );
  console.log(
    mdTable(
      ['run', 'FCP', 'LCP', 'CLS', 'TBT', 'timers tick', 'DOMContentLoaded', 'load'],
      [
        ...runs.map((r, i) => row(String(i + 1), r)),
        row('**median**', med),
        [
          '**budget**',
          '',
          `≤ ${BUDGETS.lcp}: ${verdict('lcp')}`,
          `≤ ${BUDGETS.cls}: ${verdict('cls')}`,
          `≤ ${BUDGETS.tbt}: ${verdict('tbt')}`,
          '',
          '',
          '',
        ],
      ],
    ),
  );

  // What the page waited for, from the median-LCP run.
  const sorted = [...runs].sort((a, b) => a.lcp - b.lcp);
  const typical = sorted[Math.floor(sorted.length / 2)];
  console.log(`\nLCP element (median run): ${typical.lcpElement ?? '–'}`);
  console.log(
    `Downloads (median run), ms: ` +
      [
        `index.html ${typical.html.bytes} B done at ${Math.round(typical.html.responseEnd)}`,
        ...typical.resources.map((x) => `${x.name.replace(/^\//, '')} ${x.bytes} B ${x.start}→${x.end}`),
      ].join('; '),
  );
  const shifts = runs.flatMap((r) => r.layoutShifts);
  if (shifts.length === 0) console.log('Layout shifts: none in any run.');
  else {
    console.log(`Layout shifts (all runs):`);
    for (const s of shifts)
      console.log(
        `  at ${s.at} ms, ${s.value.toFixed(4)}: ` +
          s.sources.map((x) => `${x.node} ${JSON.stringify(x.from)}→${JSON.stringify(x.to)}`).join('; '),
      );
  }
  const moved = runs.map((r) => r.islandShift).filter(Boolean);
  if (moved.length === 0) console.log('Island mount, off-screen too: not measured (the WASM started before DOMContentLoaded).');
  else {
    const worst = moved.reduce((a, b) => (b.maxPx > a.maxPx ? b : a));
    console.log(
      `Island mount, off-screen too: largest move of an island's box or the element after it ${worst.maxPx.toFixed(1)} px` +
        (worst.worst ? ` (${worst.worst.island}, ${worst.worst.box}: ${JSON.stringify(worst.worst.before)}→${JSON.stringify(worst.worst.after)})` : '') +
        `; page height ${worst.pageHeight[0]}→${worst.pageHeight[1]} px`,
    );
  }
  const long = typical.longTasks;
  console.log(
    `Long tasks (median run): ${long.length ? long.map((x) => `${x.duration} ms at ${x.start}`).join(', ') : 'none'}`,
  );

  const lh = await maybeLighthouse(url);
  if (lh.status === 'ran')
    console.log(
      `lighthouse: score ${lh.score}, FCP ${fmt(lh.fcp)} ms, LCP ${fmt(lh.lcp)} ms, CLS ${fmt(lh.cls, 4)}, TBT ${fmt(lh.tbt)} ms`,
    );
  else console.log(`lighthouse: ${lh.status}`);

  const file = writeResults('load.json', {
    generated: new Date().toISOString(),
    conditions: {
      runs: RUNS,
      viewport: VIEWPORT,
      network: { rttMs: NETWORK.latency, downloadBytesPerSecond: NETWORK.download, uploadBytesPerSecond: NETWORK.upload },
      cpuSlowdown: CPU_RATE,
      compression: 'none (tests/e2e/serve-dist.mjs serves raw files)',
      settleMsAfterLoadAndTick: SETTLE_MS,
    },
    budgets: BUDGETS,
    median: med,
    pass,
    runs,
    lighthouse: lh,
    machine: { before: machineBefore, after: machineLoad('after', { warn: false }) },
    seconds: (Date.now() - started) / 1000,
  });
  console.log(`\nwrote ${file}`);
  const failed = Object.keys(pass).filter((k) => !pass[k]);
  if (failed.length) {
    console.error(`budget failed: ${failed.map((k) => k.toUpperCase()).join(', ')}`);
    exitCode = 1;
  } else console.log('all load budgets pass');
} finally {
  await server.close();
}
process.exit(exitCode);
