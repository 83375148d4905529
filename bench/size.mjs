// Size report for the release build in dist/, per language.
//
//   node bench/size.mjs            (or: npm run bench:size)
//
// For every file in dist/ prints raw, gzip (level 9) and brotli (quality 11)
// bytes and the totals, then the budgets, counted strictly (KB = 1,000
// bytes), each for every language the build has (`/` is English; `/ru/`,
// `/uk/`: a directory with its own index.html):
//   the page's wasm + JS glue, one binary for all languages (what every
//   visitor downloads) <= 60 KB brotli and no more than 2 KB above the same
//   bundle built with English words only (issue 14). That build is made
//   here, by scripts/build-page.sh, into target/page-en/bundle, whenever it
//   is missing or older than dist/'s;
//   each language's whole first view (its index.html and every file it and
//   its scripts name, the petition bundle aside) <= 60 KB brotli (issue 13's
//   budget for the redesign);
//   each language's petition bundle (petition-<lang>-<hash>.js and _bg.wasm,
//   imported only when the form comes near the screen, named by that
//   language's page) <= 75 KB brotli;
//   every widget page's view (the page and what it names: CSS, widget.js,
//   page wasm + JS) <= 100 KB brotli; the largest per language is printed;
//   embed.js, the widget loader every partner page downloads, <= 1.5 KB.
// Exits 1 past a budget or when dist/ is missing. Writes the figures to
// bench/results/size.json. Node's built-in zlib only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const dist = path.join(root, 'dist');
const outFile = path.join(here, 'results', 'size.json');
const englishOnlyDir = path.join(root, 'target', 'page-en', 'bundle');

const PAGE_BUDGET_BYTES = 60_000;
const PAGE_OVER_ENGLISH_BYTES = 2_000;
const FIRST_VIEW_BUDGET_BYTES = 60_000;
const PETITION_BUDGET_BYTES = 75_000;
const WIDGET_VIEW_BUDGET_BYTES = 100_000;
const LOADER_BUDGET_BYTES = 1_500;

if (!fs.existsSync(dist) || !fs.statSync(dist).isDirectory()) {
  console.error(`dist/ not found at ${dist}: run trunk build --release first`);
  process.exit(1);
}

function walk(dir) {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(p));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

const gzip = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const brotli = (buf) =>
  zlib.brotliCompressSync(buf, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  }).length;

// The build's .br and .gz copies are these files again, compressed here too.
const files = walk(dist)
  .map((p) => path.relative(dist, p).split(path.sep).join('/'))
  .filter((f) => !f.endsWith('.br') && !f.endsWith('.gz'))
  .sort();
if (files.length === 0) {
  console.error(`dist/ is empty: run trunk build --release first`);
  process.exit(1);
}

const rows = files.map((file) => {
  const buf = fs.readFileSync(path.join(dist, file));
  return { file, raw: buf.length, gzip: gzip(buf), brotli: brotli(buf) };
});
const byFile = new Map(rows.map((r) => [r.file, r]));

const sum = (list, key) => list.reduce((n, r) => n + r[key], 0);
const totals = { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') };
const isWasm = (f) => f.endsWith('.wasm');
const isJs = (f) => f.endsWith('.js') || f.endsWith('.mjs');
const isPetition = (f) => f.startsWith('petition');
// The widget's own scripts: the loader on partner pages, and the one script
// of the widget pages. Neither is part of the campaign page.
const isWidgetJs = (f) => f === 'embed.js' || f === 'widget.js';

// The languages: `/` and each directory with a page of its own, by the
// `<html lang>` its page declares.
const htmlLang = (file) => /<html\b[^>]*\blang="?([A-Za-z-]+)/i.exec(fs.readFileSync(path.join(dist, file), 'utf8'))?.[1];
const langs = [
  { code: htmlLang('index.html') ?? 'en', prefix: '' },
  ...fs
    .readdirSync(dist, { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(dist, e.name, 'index.html')))
    .map((e) => ({ code: htmlLang(`${e.name}/index.html`) ?? e.name, prefix: `${e.name}/` })),
];

// What a page fetches as it loads: its <link>, <script>, <img> and <source>
// URLs on this site, and the static imports of those scripts (start.js
// imports the glue). The petition bundle is imported only when the form
// comes near, so no tag names it.
function referencedBy(page) {
  const seen = new Set();
  const local = (u) => {
    const m = /^\/(?!\/)([^?#]*)/.exec(u);
    return m && m[1] ? decodeURIComponent(m[1]) : null;
  };
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const queue = [];
  for (const tag of html.match(/<(?:link|script|img|source)\b[^>]*>/gi) || []) {
    // Alternates and the canonical name other pages, not what this one loads.
    if (/\brel\s*=\s*"?(?:alternate|canonical)\b/i.test(tag)) continue;
    for (const m of tag.matchAll(/\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
      const f = local(m[1] ?? m[2] ?? m[3]);
      if (f) queue.push(f);
    }
  }
  while (queue.length) {
    const f = queue.shift();
    if (seen.has(f)) continue;
    seen.add(f);
    if (isJs(f) && fs.existsSync(path.join(dist, f))) {
      const js = fs.readFileSync(path.join(dist, f), 'utf8');
      for (const m of js.matchAll(/\b(?:import|export)\b[^'"]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]/g)) {
        const g = local(m[1] ?? m[2]);
        if (g) queue.push(g);
      }
    }
  }
  return seen;
}

// A page's view: the page and every file it fetches as it loads. A named
// file missing from dist/ or a petition file named outright is reported.
function view(page) {
  const named = [...referencedBy(page)];
  const counted = [byFile.get(page), ...named.filter((f) => byFile.has(f) && !isPetition(f)).map((f) => byFile.get(f))];
  return {
    page,
    files: counted.map((r) => ({ file: r.file, brotli: r.brotli })),
    brotli: sum(counted, 'brotli'),
    missing: named.filter((f) => !byFile.has(f)),
    petition: named.filter((f) => byFile.has(f) && isPetition(f)),
  };
}

// The page's one bundle for all languages.
const wasmRows = rows.filter((r) => isWasm(r.file) && !isPetition(r.file));
const jsRows = rows.filter((r) => isJs(r.file) && !isPetition(r.file) && !isWidgetJs(r.file));
const payload = {
  wasm: { raw: sum(wasmRows, 'raw'), gzip: sum(wasmRows, 'gzip'), brotli: sum(wasmRows, 'brotli') },
  js: { raw: sum(jsRows, 'raw'), gzip: sum(jsRows, 'gzip'), brotli: sum(jsRows, 'brotli') },
};
const appBrotli = payload.wasm.brotli + payload.js.brotli;

// The same bundle with English words only, built as the release builds the
// real one. Its glue and snippets stand for dist/'s; Trunk's start script,
// which is neither, counts in both.
function englishOnly() {
  const wasm = path.join(englishOnlyDir, 'left-behind_bg.wasm');
  const distWasm = wasmRows[0] && fs.statSync(path.join(dist, wasmRows[0].file)).mtimeMs;
  if (!fs.existsSync(wasm) || (distWasm && fs.statSync(wasm).mtimeMs < distWasm)) {
    console.log(`building the English-only page bundle into ${path.relative(process.cwd(), englishOnlyDir)} (scripts/build-page.sh)`);
    const built = spawnSync('sh', [path.join(root, 'scripts', 'build-page.sh'), 'en', englishOnlyDir], { stdio: 'inherit' });
    if (built.status !== 0) return null;
  }
  const own = walk(englishOnlyDir)
    .filter((p) => isWasm(p) || isJs(p))
    .map((p) => ({ file: path.relative(englishOnlyDir, p).split(path.sep).join('/'), brotli: brotli(fs.readFileSync(p)) }));
  const shared = jsRows.filter((r) => !/^left-behind-[0-9a-f]+\.js$/.test(r.file) && !r.file.startsWith('snippets/'));
  return { files: [...own, ...shared.map((r) => ({ file: r.file, brotli: r.brotli }))], brotli: sum(own, 'brotli') + sum(shared, 'brotli') };
}
const english = englishOnly();
const overEnglish = english ? appBrotli - english.brotli : null;
const pagePass = wasmRows.length > 0 && appBrotli <= PAGE_BUDGET_BYTES && english !== null && overEnglish <= PAGE_OVER_ENGLISH_BYTES;

// Per language: the first view, the petition bundle its page names, and the
// largest widget view.
const perLang = langs.map(({ code, prefix }) => {
  const page = `${prefix}index.html`;
  const firstView = view(page);
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  const named = [...new Set(Array.from(html.matchAll(/\bpetition-([a-z]+)-([0-9a-f]{16})(?![0-9a-f])/g), (m) => `petition-${m[1]}-${m[2]}`))];
  const own = rows.filter((r) => r.file.startsWith(`petition-${code}-`) && (isWasm(r.file) || isJs(r.file)));
  const bundle = {
    files: own.map((r) => ({ file: r.file, brotli: r.brotli })),
    brotli: sum(own, 'brotli'),
    namedByPage: named,
  };
  // The page must name its own language's bundle, and only that one.
  bundle.pass =
    own.length === 2 && bundle.brotli <= PETITION_BUDGET_BYTES && named.length === 1 && own.every((r) => r.file.startsWith(`${named[0]}`));
  const widgetPages = rows.map((r) => r.file).filter((f) => f.startsWith(`${prefix}widget/`) && f.endsWith('.html'));
  const widgets = widgetPages.map(view).sort((a, b) => b.brotli - a.brotli);
  return {
    code,
    firstView: { ...firstView, pass: firstView.brotli <= FIRST_VIEW_BUDGET_BYTES && firstView.missing.length === 0 },
    petition: bundle,
    widgets: {
      count: widgets.length,
      largest: widgets[0] ? { page: widgets[0].page, brotli: widgets[0].brotli, files: widgets[0].files } : null,
      over: widgets.filter((w) => w.brotli > WIDGET_VIEW_BUDGET_BYTES || w.missing.length).map((w) => ({ page: w.page, brotli: w.brotli, missing: w.missing })),
      pass: widgets.length > 0 && widgets.every((w) => w.brotli <= WIDGET_VIEW_BUDGET_BYTES && w.missing.length === 0),
    },
  };
});

const loaderBrotli = byFile.get('embed.js')?.brotli ?? 0;
const loaderPass = loaderBrotli > 0 && loaderBrotli <= LOADER_BUDGET_BYTES;
const pass = pagePass && loaderPass && perLang.every((l) => l.firstView.pass && l.petition.pass && l.widgets.pass);

const kb = (n) => (n / 1000).toFixed(1) + ' KB';
const num = (n) => n.toLocaleString('en-US');
const signed = (n) => (n >= 0 ? '+' : '−') + num(Math.abs(n));
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const header = ['file', 'raw', 'gzip -9', 'brotli -q11'];
const table = [
  ...rows.map((r) => [r.file, num(r.raw), num(r.gzip), num(r.brotli)]),
  null,
  ['total', num(totals.raw), num(totals.gzip), num(totals.brotli)],
  [`wasm (${wasmRows.length} file${wasmRows.length === 1 ? '' : 's'})`, num(payload.wasm.raw), num(payload.wasm.gzip), num(payload.wasm.brotli)],
  [`JS glue (${jsRows.length} file${jsRows.length === 1 ? '' : 's'})`, num(payload.js.raw), num(payload.js.gzip), num(payload.js.brotli)],
];
const widths = header.map((h, i) => Math.max(h.length, ...table.filter(Boolean).map((r) => r[i].length)));
const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
const rule = widths.map((w) => '-'.repeat(w)).join('  ');
const listed = (list) => list.map((f) => `${f.file} ${num(f.brotli)}`).join(', ');

console.log(`Size of ${path.relative(process.cwd(), dist) || dist} (bytes)\n`);
console.log(line(header));
console.log(rule);
for (const r of table) console.log(r ? line(r) : rule);
console.log('\nBudgets (brotli, bytes):\n');
console.log(`page wasm + JS glue, one binary for all languages: ${num(appBrotli)} (budget ${num(PAGE_BUDGET_BYTES)})`);
if (english) {
  console.log(`  English-only build of the same bundle: ${num(english.brotli)} (${listed(english.files)})`);
  console.log(`  all languages − English only: ${signed(overEnglish)} (budget ${signed(PAGE_OVER_ENGLISH_BYTES)})`);
} else {
  console.log('  English-only build: failed (scripts/build-page.sh en), so the difference is not known');
}
console.log(`  ${verdict(pagePass)}`);
console.log(`whole first view per language (its index.html and what it names; budget ${num(FIRST_VIEW_BUDGET_BYTES)} each):`);
for (const { code, firstView: v } of perLang) {
  console.log(`  ${code}: ${num(v.brotli)} ${verdict(v.pass)}${v.pass ? ` (${num(FIRST_VIEW_BUDGET_BYTES - v.brotli)} to spare)` : ` (${num(v.brotli - FIRST_VIEW_BUDGET_BYTES)} over)`}: ${listed(v.files)}`);
  if (v.missing.length) console.log(`    ${v.page} names ${v.missing.join(', ')}, missing from dist/`);
  if (v.petition.length) console.log(`    note: ${v.page} loads ${v.petition.join(', ')} outright, counted in the petition's budget, not here`);
}
console.log(`petition bundle per language, loaded when the form is near (budget ${num(PETITION_BUDGET_BYTES)} each):`);
for (const { code, prefix, petition: b } of perLang.map((l, i) => ({ ...l, prefix: langs[i].prefix }))) {
  const names = b.namedByPage.length ? b.namedByPage.join(', ') : 'none';
  console.log(`  ${code}: ${b.files.length ? num(b.brotli) : 'missing from dist/'} ${verdict(b.pass)} (${listed(b.files)}; ${prefix}index.html names ${names})`);
}
console.log(`widget views per language, the largest (budget ${num(WIDGET_VIEW_BUDGET_BYTES)} each):`);
for (const { code, widgets: w } of perLang) {
  console.log(`  ${code}: ${w.largest ? `${w.largest.page} ${num(w.largest.brotli)}` : 'no widget pages'} of ${w.count} ${verdict(w.pass)}`);
  for (const o of w.over) console.log(`    ${o.page}: ${num(o.brotli)}${o.missing.length ? `, names ${o.missing.join(', ')}, missing from dist/` : ''}`);
}
console.log(`widget loader embed.js: ${loaderBrotli ? num(loaderBrotli) : 'missing from dist/'} (budget ${num(LOADER_BUDGET_BYTES)}) ${verdict(loaderPass)}`);

fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(
  outFile,
  JSON.stringify(
    {
      generated: new Date().toISOString(),
      dist: path.relative(root, dist),
      files: rows,
      totals,
      wasm: payload.wasm,
      js: payload.js,
      wasmPlusGlueBrotli: appBrotli,
      budgetBytes: PAGE_BUDGET_BYTES,
      englishOnlyBrotli: english?.brotli ?? null,
      englishOnlyFiles: english?.files ?? null,
      overEnglishBytes: overEnglish,
      overEnglishBudgetBytes: PAGE_OVER_ENGLISH_BYTES,
      firstViewBudgetBytes: FIRST_VIEW_BUDGET_BYTES,
      petitionBudgetBytes: PETITION_BUDGET_BYTES,
      widgetViewBudgetBytes: WIDGET_VIEW_BUDGET_BYTES,
      languages: perLang,
      loaderBrotli,
      loaderBudgetBytes: LOADER_BUDGET_BYTES,
      pass,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nwrote ${path.relative(process.cwd(), outFile)}`);
process.exit(pass ? 0 : 1);
