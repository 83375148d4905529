// Ticking benchmark of the release build in dist/.
//
//   node bench/tick.mjs [--ticks 10] [--sizes 20,200,1000]
//
// 1. Cost of one tick. For N = 20, 200 and 1,000 timers, two pages:
//    - app:   dist/index.html with its first ticking timer island (the first
//             data-state="running" card) copied N times into one container,
//             and every other island switched off (data-island renamed), so
//             that exactly N live timers tick on the app's shared clock. Built
//             from the HTML as a string when the page is requested; the WASM
//             mounts every island it finds.
//    - plain: bench/plain/index.html, hand-written JavaScript that builds the
//             same N groups of text nodes (with the copied timer's label) and
//             updates them on the same schedule: the "as fast as the platform
//             allows" baseline.
//    The CPU is slowed 4x (Emulation.setCPUThrottlingRate). Each page is
//    traced (CDP Tracing, devtools.timeline) for ~10 ticks; per tick the
//    script time is the main thread's time in script (TimerFire, FunctionCall,
//    microtasks, GC inside them...) and the busy time all of the main thread's
//    tasks until the next tick (script + style, layout, paint). Prints the
//    medians per N and the ratio app/plain script (budget <= 1.5x at 200 and
//    1,000 timers; at 20, reported only: too noisy to hold).
// 2. The page as shipped: dist/index.html as it is, every island live, 4x CPU,
//    traced the same way, as a visitor opens it (a phone's screen, the top of
//    the page): its median main-thread busy time per tick is printed on its
//    own line; budget <= 10 ms. Then scrolled to its first timers, their
//    seconds on screen, reported: timers off screen are not rewritten, so this
//    is the cost a visitor pays while looking at them.
// 3. Hidden tab. Headless Chromium never hides a page (other tabs, minimised
//    windows and Page.setWebLifecycleState leave document.hidden false, or
//    freeze every timer), so the test does what a hidden tab does to the
//    page: document.hidden and visibilityState read "hidden" and a
//    visibilitychange event fires (the app checks document.hidden on each tick
//    and on visibilitychange). Counts how often the first .lb-timer__hms text
//    changes in 10 s, and how many timer callbacks fire (traced). Goal 0:
//    exits 1 if a hidden tick changed the text. Before: ticks while visible;
//    after: ticks resume, caught up with the true time.
// Writes bench/results/tick.json; exits 1 past any budget.
import fs from 'node:fs';
import path from 'node:path';
import {
  here,
  dist,
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
  elementEnd,
  prerenderedHms,
  machineLoad,
  argValue,
} from './lib.mjs';

const TICKS = Math.max(3, Number(argValue('ticks', 10)) || 10);
const SIZES = String(argValue('sizes', '20,200,1000'))
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const CPU_RATE = 4;
const HIDDEN_MS = 10_000;
const GOAL_RATIO = 1.5;
/** Budget: median main-thread busy ms per tick of the page as shipped, at CPU_RATE. */
const SHIPPED_BUSY_BUDGET_MS = 10;

requireDist();

// ---------------------------------------------------------------------------
// Pages.

/** The first timer island that ticks (a detained person with a known day): its id and markup. */
function firstTickingIsland(html) {
  const re = /<div data-island="timer" data-case="([^"]+)"[^>]*>/g;
  for (let m; (m = re.exec(html)); ) {
    const end = elementEnd(html, m.index);
    const markup = html.slice(m.index, end);
    if (markup.includes('class="lb-timer__hms"')) return { id: m[1], start: m.index, end, markup };
  }
  throw new Error('no ticking timer island in dist/index.html');
}

/** dist/index.html with N copies of the first ticking timer island and every other island off. */
function appPage(n) {
  const html = readIndexHtml();
  const island = firstTickingIsland(html);
  const off = (s) => s.replaceAll('data-island=', 'data-island-off=');
  return (
    off(html.slice(0, island.start)) +
    `<div class="bench-timers" data-bench-n="${n}">` +
    island.markup.repeat(n) +
    '</div>' +
    off(html.slice(island.end))
  );
}

/** bench/plain/index.html, linked to the site's current (hashed) stylesheet,
 *  the one the case pages link (the main page carries it inline). */
function plainPage() {
  const css = fs.readdirSync(dist).find((f) => /^main-[0-9a-f]+\.css$/.test(f));
  const page = fs.readFileSync(path.join(here, 'plain', 'index.html'), 'utf8');
  return css ? page.replace('href="/main.css"', `href="/${css}"`) : page;
}

const html = readIndexHtml();
const island = firstTickingIsland(html);
const prerendered = prerenderedHms(island.markup);
/** The prerendered hh:mm:ss of every ticking timer of the page as shipped, in page order. */
const shippedHms = [...html.matchAll(/class="lb-timer__hms">([^<]*)</g)].map((m) => m[1]);
/** The text of the first element with class `cls` in `markup`, entities decoded. */
function textOf(markup, cls) {
  const m = markup.match(new RegExp(`class="${cls}">([^<]*)<`));
  if (!m) return null;
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return m[1].replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, e) =>
    e[0] === '#'
      ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)))
      : (named[e.toLowerCase()] ?? all),
  );
}
// The copied timer's label and what its screen-reader summary says before
// the time ("Held for ", "Time since the arrest: "...): the plain page writes
// the same, whatever the card.
const timerLabel = textOf(island.markup, 'lb-timer__label') ?? '';
const summaryPrefix = (textOf(island.markup, 'lb-timer__summary') ?? '').match(/^\D*/)[0];
const cases = JSON.parse(fs.readFileSync(path.join(dist, 'cases.json'), 'utf8'));
const person = cases.cases.find((c) => c.id === island.id);
if (!person || !Number.isFinite(person.arrest?.start)) throw new Error(`no arrest.start for ${island.id} in dist/cases.json`);

const routes = { '/bench/plain/': plainPage };
for (const n of SIZES) routes[`/bench/app-${n}.html`] = () => appPage(n);

// ---------------------------------------------------------------------------
// Tracing.

const SCRIPT = new Set([
  'TimerFire',
  'FunctionCall',
  'RunMicrotasks',
  'EvaluateScript',
  'v8.evaluateModule',
  'FireAnimationFrame',
  'FireIdleCallback',
  'EventDispatch',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MC_BACKGROUND_EVACUATE_COPY',
  'BlinkGC.AtomicPhase',
]);

/** Length of the union of [start, end] intervals (µs). */
function unionLength(intervals) {
  intervals.sort((a, b) => a[0] - b[0]);
  let total = 0;
  let cur = null;
  for (const [s, e] of intervals) {
    if (!cur || s > cur[1]) {
      if (cur) total += cur[1] - cur[0];
      cur = [s, e];
    } else if (e > cur[1]) cur[1] = e;
  }
  if (cur) total += cur[1] - cur[0];
  return total;
}

async function trace(cdp, ms) {
  const events = [];
  const onData = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', onData);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute',
    transferMode: 'ReportEvents',
  });
  await sleep(ms);
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

/** The page's main-thread events, and its timer callbacks grouped into ticks. */
function ticksOf(events, frameId) {
  const fire = events.filter((e) => e.name === 'TimerFire' && e.ph === 'X' && e.args?.data?.frame === frameId);
  if (fire.length === 0) return { ticks: [], timerFires: 0 };
  const { pid, tid } = fire[0];
  const main = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const traceEnd = Math.max(...events.filter((e) => e.ts).map((e) => e.ts + (e.dur || 0)));
  // Timer callbacks less than 300 ms apart belong to the same tick.
  const starts = [];
  for (const f of fire.sort((a, b) => a.ts - b.ts)) {
    if (!starts.length || f.ts - starts[starts.length - 1] > 300_000) starts.push(f.ts);
  }
  const ticks = [];
  starts.forEach((t0, i) => {
    // A tick's window runs until the next tick; the last one, until the trace
    // ends, if that leaves it most of a second to finish its rendering.
    const t1 = i + 1 < starts.length ? starts[i + 1] : Math.min(t0 + 1_000_000, traceEnd);
    if (t1 - t0 < 900_000) return;
    const inside = main.filter((e) => e.ts >= t0 && e.ts < t1);
    const script = unionLength(inside.filter((e) => SCRIPT.has(e.name)).map((e) => [e.ts, e.ts + e.dur]));
    const busy = unionLength(
      inside.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask').map((e) => [e.ts, e.ts + e.dur]),
    );
    const layout = unionLength(
      inside.filter((e) => e.name === 'Layout' || e.name === 'UpdateLayoutTree').map((e) => [e.ts, e.ts + e.dur]),
    );
    ticks.push({ scriptMs: script / 1000, busyMs: busy / 1000, styleLayoutMs: layout / 1000 });
  });
  return { ticks, timerFires: fire.length };
}

async function frameIdOf(cdp) {
  const { frameTree } = await cdp.send('Page.getFrameTree');
  return frameTree.frame.id;
}

/** Starts tracing ~300 ms into a wall-clock second, so each traced tick is whole. */
async function alignToSecond() {
  const into = Date.now() % 1000;
  await sleep((1300 - into) % 1000);
}

// ---------------------------------------------------------------------------
// 1. Cost per tick.

/** A phone's screen (Lighthouse's mobile default), for the page as a visitor opens it. */
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };

async function measurePage(browser, url, { kind, n, atTop = false }) {
  const context = await browser.newContext(atTop ? PHONE : { viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await throttleCpu(cdp, CPU_RATE);
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    if (kind === 'plain') {
      await page.waitForFunction(() => window.__plainReady, null, { timeout: 60_000 });
    } else {
      // Mounted: every timer shows another time than its own prerendered one
      // (on the shipped page each card has its own; on the app pages all are
      // copies of one).
      await page.waitForFunction(
        ([sel, texts]) => {
          const all = [...document.querySelectorAll(sel)];
          return all.length > 0 && all.every((el, i) => el.textContent !== (texts.length === 1 ? texts[0] : texts[i]));
        },
        [kind === 'app' ? '.bench-timers .lb-timer__hms' : '.lb-timer__hms', kind === 'app' ? [prerendered] : shippedHms],
        { timeout: 120_000, polling: 200 },
      );
    }
    // The timers at the top of the screen in every page, so each paints what it updates.
    const info = await page.evaluate(
      ([scope, texts, atTop]) => {
        const box = document.querySelector('.bench-timers') || document.querySelector('[data-island="timer"]');
        if (!atTop) box?.firstElementChild?.scrollIntoView?.({ block: 'start' });
        const hms = [...document.querySelectorAll(`${scope}.lb-timer__hms`)];
        const first = (c) => document.querySelector(`${scope}.lb-timer__${c}`)?.textContent;
        return {
          timers: hms.length,
          live: hms.filter((el, i) => el.textContent !== (texts.length === 1 ? texts[0] : texts[i])).length,
          islands: document.querySelectorAll('[data-island]').length,
          domNodes: document.getElementsByTagName('*').length,
          text: { label: first('label'), ymd: first('ymd'), hms: first('hms'), days: first('days'), summary: first('summary') },
        };
      },
      [kind === 'shipped' ? '' : '.bench-timers ', kind === 'shipped' ? shippedHms : [prerendered], atTop],
    );
    await sleep(1500); // let loading work (GC, late tasks) finish
    const frameId = await frameIdOf(cdp);
    await alignToSecond();
    const events = await trace(cdp, TICKS * 1000 + 700);
    const { ticks } = ticksOf(events, frameId);
    return {
      kind,
      n,
      timers: info.timers,
      liveTimers: info.live,
      islands: info.islands,
      domNodes: info.domNodes,
      text: info.text,
      ticksTraced: ticks.length,
      scriptMsPerTick: median(ticks.map((t) => t.scriptMs)),
      busyMsPerTick: median(ticks.map((t) => t.busyMs)),
      styleLayoutMsPerTick: median(ticks.map((t) => t.styleLayoutMs)),
      maxScriptMs: ticks.length ? Math.max(...ticks.map((t) => t.scriptMs)) : null,
      ticks,
    };
  } finally {
    await context.close();
  }
}

/** "median (p25–p75)" of a list of ms. */
function spread(xs) {
  const v = [...xs].sort((a, b) => a - b);
  if (!v.length) return '–';
  const q = (p) => v[Math.min(v.length - 1, Math.max(0, Math.round(p * (v.length - 1))))];
  return `${fmt(median(v), 2)} (${fmt(q(0.25), 1)}–${fmt(q(0.75), 1)})`;
}

// ---------------------------------------------------------------------------
// 2. Hidden tab.

async function hiddenTab(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction((text) => document.querySelector('.lb-timer__hms')?.textContent !== text, prerendered, {
      polling: 100,
    });
    // On screen: a timer off screen is not rewritten, hidden tab or not.
    await page.locator('.lb-timer__hms').first().scrollIntoViewIfNeeded();
    // Counts changes of the first timer's hh:mm:ss text, and every mutation of any .lb-timer__hms.
    await page.evaluate(() => {
      const c = { changes: 0, mutations: 0, last: document.querySelector('.lb-timer__hms').textContent };
      window.__count = c;
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.type === 'characterData' ? r.target.parentElement : r.target;
          if (el?.closest?.('.lb-timer__hms')) c.mutations++;
        }
        const now = document.querySelector('.lb-timer__hms')?.textContent;
        if (now !== c.last) {
          c.changes++;
          c.last = now;
        }
      }).observe(document.body, { subtree: true, characterData: true, childList: true });
      // What a hidden tab shows the page.
      window.__setHidden = (hidden) => {
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
        document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      };
    });
    const read = () =>
      page.evaluate(() => {
        const c = window.__count;
        const out = { changes: c.changes, mutations: c.mutations, text: c.last };
        c.changes = 0;
        c.mutations = 0;
        return out;
      });
    await read();
    await sleep(3000);
    const visibleBefore = await read();

    const frameId = await frameIdOf(cdp);
    await page.evaluate(() => window.__setHidden(true));
    await read();
    const events = await trace(cdp, HIDDEN_MS);
    const hidden = await read();
    const timerFires = ticksOf(events, frameId).timerFires;

    await page.evaluate(() => window.__setHidden(false));
    await sleep(2500);
    const after = await read();
    // Caught up: the seconds shown match the true time (to within a second).
    const caughtUp = await page.evaluate((start) => {
      const shown = document.querySelector('.lb-timer__hms').textContent;
      const s = Number(shown.slice(-2));
      const truth = (Math.floor(Date.now() / 1000) - start) % 60;
      return { shown, ok: Math.min((s - truth + 60) % 60, (truth - s + 60) % 60) <= 1 };
    }, person.arrest.start);
    return {
      method: 'document.hidden/visibilityState overridden to "hidden" + visibilitychange dispatched',
      visibleBefore: { seconds: 3, hmsChanges: visibleBefore.changes },
      hidden: { seconds: HIDDEN_MS / 1000, hmsChanges: hidden.changes, hmsMutations: hidden.mutations, timerCallbacks: timerFires },
      visibleAfter: { seconds: 2.5, hmsChanges: after.changes, caughtUp: caughtUp.ok, shown: caughtUp.shown },
    };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------

const server = await startServer(routes);
const started = Date.now();
const machineBefore = machineLoad('before');
let exitCode = 0;
try {
  const browser = await launchBrowser();
  const results = [];
  let hidden;
  try {
    for (const n of SIZES) {
      results.push(await measurePage(browser, `${server.url}/bench/app-${n}.html`, { kind: 'app', n }));
      const q = new URLSearchParams({
        n,
        start: person.arrest.start,
        offset: person.arrest.offset,
        label: timerLabel,
        prefix: summaryPrefix,
      });
      results.push(await measurePage(browser, `${server.url}/bench/plain/?${q}`, { kind: 'plain', n }));
    }
    // As a visitor opens it (a phone, the top of the page), budgeted; and
    // scrolled to its first timers, where the seconds are on screen, reported.
    results.push(await measurePage(browser, `${server.url}/`, { kind: 'shipped', n: null, atTop: true }));
    results.push(await measurePage(browser, `${server.url}/`, { kind: 'shipped', n: 'timers' }));
    hidden = await hiddenTab(browser, `${server.url}/`);
  } finally {
    await browser.close();
  }

  const by = (kind, n) => results.find((r) => r.kind === kind && r.n === n);
  const rows = SIZES.map((n) => {
    const app = by('app', n);
    const plain = by('plain', n);
    const ratio = app.scriptMsPerTick / plain.scriptMsPerTick;
    const busyRatio = app.busyMsPerTick / plain.busyMsPerTick;
    return { n, app, plain, ratio, busyRatio };
  });
  const shipped = by('shipped', null);
  const shippedAtTimers = by('shipped', 'timers');

  console.log(
    `\nTick cost: CPU ${CPU_RATE}x slower, median over ~${TICKS} traced ticks per page; ms of main thread per tick ` +
      `(script = timer callback incl. microtasks and GC; busy = every main-thread task until the next tick: script + style, layout, paint).\n`,
  );
  console.log(
    mdTable(
      [
        'timers',
        'app script (p25–p75)',
        'plain script (p25–p75)',
        'ratio (budget ≤ 1.5× at ≥ 200)',
        'app busy',
        'plain busy',
        'busy ratio',
        'ticks app/plain',
      ],
      rows.map((r) => [
        String(r.n),
        spread(r.app.ticks.map((t) => t.scriptMs)),
        spread(r.plain.ticks.map((t) => t.scriptMs)),
        `${fmt(r.ratio, 2)}× ${r.ratio <= GOAL_RATIO ? 'ok' : 'over'}`,
        fmt(r.app.busyMsPerTick, 2),
        fmt(r.plain.busyMsPerTick, 2),
        `${fmt(r.busyRatio, 2)}×`,
        `${r.app.ticksTraced}/${r.plain.ticksTraced}`,
      ]),
    ),
  );
  const shippedPass = shipped.busyMsPerTick !== null && shipped.busyMsPerTick <= SHIPPED_BUSY_BUDGET_MS;
  console.log(
    `\nPage as shipped (dist/index.html, all ${shipped.islands} islands live, ${shipped.timers} of them ticking, ` +
      `CPU ${CPU_RATE}x slower, ${shipped.ticksTraced} ticks traced):`,
  );
  console.log(
    `  main-thread busy per tick: ${spread(shipped.ticks.map((t) => t.busyMs))} ms median (p25–p75), ` +
      `budget ≤ ${SHIPPED_BUSY_BUDGET_MS} ms: ${shippedPass ? 'PASS' : 'FAIL'}`,
  );
  console.log(
    `  of which script ${fmt(shipped.scriptMsPerTick, 2)} ms, style + layout ${fmt(shipped.styleLayoutMsPerTick, 2)} ms ` +
      `(the rest: paint, commit, other tasks); ${shipped.domNodes} elements in the page`,
  );
  console.log(
    `  scrolled to its first timers (1280 × 720, their seconds on screen; reported, not budgeted): ` +
      `${spread(shippedAtTimers.ticks.map((t) => t.busyMs))} ms busy per tick, script ${fmt(shippedAtTimers.scriptMsPerTick, 2)} ms, ` +
      `style + layout ${fmt(shippedAtTimers.styleLayoutMsPerTick, 2)} ms (compare the plain page's busy time above: ` +
      `most of it is the browser's own frame)`,
  );
  if (shipped.liveTimers !== shipped.timers)
    console.log(`warning: the page as shipped showed ${shipped.liveTimers} of its ${shipped.timers} timers live when traced`);
  for (const r of rows) {
    if (r.app.liveTimers !== r.n) console.log(`warning: app page with ${r.n} timers mounted ${r.app.liveTimers} live timers`);
  }
  // The baseline writes the same strings as the app (hh:mm:ss may be a tick
  // apart). The summary is compared from its first digit on: what comes before
  // is the card's label ("Held for", "Time since the arrest: "...), which the
  // plain page takes from the copied timer and which is no part of the tick's work.
  const noLabel = (x) => (x ?? '').replace(/^\D*/, '');
  let same = null;
  if (rows.length) {
    const a = rows[0].app.text;
    const p = rows[0].plain.text;
    same = a.ymd === p.ymd && a.days === p.days && noLabel(a.summary) === noLabel(p.summary);
    console.log(
      `plain baseline writes the app's strings (ymd, days, summary after its label): ${same ? 'yes' : 'NO'} ` +
        `(app "${a.ymd} | ${a.days} | ${a.summary}"` +
        (same ? ')' : `, plain "${p.ymd} | ${p.days} | ${p.summary}")`) +
        `; labels: app "${a.label}", plain "${p.label}"`,
    );
  }

  console.log(`\nHidden tab (${hidden.method}):\n`);
  console.log(
    mdTable(
      ['phase', 'seconds', 'hh:mm:ss changes', 'timer callbacks'],
      [
        ['visible, before', '3', String(hidden.visibleBefore.hmsChanges), '–'],
        [
          '**hidden** (goal 0)',
          String(hidden.hidden.seconds),
          `**${hidden.hidden.hmsChanges}** ${hidden.hidden.hmsChanges === 0 ? 'PASS' : 'FAIL'}`,
          String(hidden.hidden.timerCallbacks),
        ],
        [
          'visible again',
          '2.5',
          `${hidden.visibleAfter.hmsChanges} (${hidden.visibleAfter.caughtUp ? 'caught up with the true time' : 'NOT caught up'})`,
          '–',
        ],
      ],
    ),
  );

  const file = writeResults('tick.json', {
    generated: new Date().toISOString(),
    conditions: { cpuSlowdown: CPU_RATE, ticksPerPage: TICKS, viewport: '1280x720', timer: island.id },
    goalRatio: GOAL_RATIO,
    perN: rows.map((r) => ({
      n: r.n,
      appScriptMsPerTick: r.app.scriptMsPerTick,
      plainScriptMsPerTick: r.plain.scriptMsPerTick,
      ratio: r.ratio,
      withinGoal: r.ratio <= GOAL_RATIO,
      appBusyMsPerTick: r.app.busyMsPerTick,
      plainBusyMsPerTick: r.plain.busyMsPerTick,
      busyRatio: r.busyRatio,
    })),
    shipped: {
      islands: shipped.islands,
      timers: shipped.timers,
      domNodes: shipped.domNodes,
      scriptMsPerTick: shipped.scriptMsPerTick,
      busyMsPerTick: shipped.busyMsPerTick,
      styleLayoutMsPerTick: shipped.styleLayoutMsPerTick,
      ticksTraced: shipped.ticksTraced,
      busyBudgetMs: SHIPPED_BUSY_BUDGET_MS,
      pass: shippedPass,
    },
    shippedAtTimers: {
      busyMsPerTick: shippedAtTimers.busyMsPerTick,
      scriptMsPerTick: shippedAtTimers.scriptMsPerTick,
      styleLayoutMsPerTick: shippedAtTimers.styleLayoutMsPerTick,
      ticksTraced: shippedAtTimers.ticksTraced,
    },
    baselineStringsMatch: same,
    hidden,
    pages: results,
    machine: { before: machineBefore, after: machineLoad('after', { warn: false }) },
    seconds: (Date.now() - started) / 1000,
  });
  console.log(`\nwrote ${file} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  // At 20 timers a tick is a few ms and the throttled CPU's jitter moves the
  // ratio from run to run: the stable figures (200 and 1,000) hold the budget.
  for (const r of rows.filter((row) => row.n >= 200 && row.ratio > GOAL_RATIO)) {
    console.error(`the app's tick costs ${r.ratio.toFixed(2)}x the plain page's at ${r.n} timers (budget ${GOAL_RATIO}x)`);
    exitCode = 1;
  }
  if (!shippedPass) {
    console.error(
      `the page as shipped keeps the main thread busy ${fmt(shipped.busyMsPerTick, 2)} ms per tick ` +
        `(budget ${SHIPPED_BUSY_BUDGET_MS} ms at ${CPU_RATE}x CPU)`,
    );
    exitCode = 1;
  }
  if (hidden.hidden.hmsChanges > 0) {
    console.error(`the timers ticked ${hidden.hidden.hmsChanges} time(s) while the page was hidden`);
    exitCode = 1;
  }
  if (hidden.visibleBefore.hmsChanges === 0) {
    console.error('the timers did not tick while visible: the hidden-tab count proves nothing');
    exitCode = 1;
  }
} finally {
  await server.close();
}
process.exit(exitCode);
