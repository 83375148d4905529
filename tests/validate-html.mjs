// The Nu Html Checker (npm vnu-jar, run by Debian's Java) over every page in
// dist/: prints each error with its page and line, and the count per page.
//
//   node tests/validate-html.mjs [dist]
//
// Exits 1 on any error, or when dist/ holds no page, or lacks the main page
// of a language of data/languages.toml (its pages live under dist/<code>/).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const jar = path.join(root, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');

const pages = (function walk(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : e.name.endsWith('.html') ? [p] : [];
  });
})(dist).sort();
if (pages.length === 0) {
  console.error(`no page in ${dist}: build first`);
  process.exit(1);
}
// Every language beside English, so that its pages are checked too: a build
// that leaves a language out would otherwise pass with fewer pages.
const langs = fs
  .readFileSync(path.join(root, 'data', 'languages.toml'), 'utf8')
  .split('\n')
  .flatMap((l) => /^\s*([a-z]{2,3})\s*=/.exec(l)?.[1] ?? []);
const missing = ['', ...langs].filter((code) => !pages.includes(path.join(dist, code, 'index.html')));
if (missing.length > 0) {
  console.error(`no main page for ${missing.map((c) => c || 'en').join(', ')} in ${dist}: build first`);
  process.exit(1);
}

const run = spawnSync('java', ['-jar', jar, '--errors-only', '--format', 'json', '--stdout', ...pages], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error || !run.stdout) {
  console.error(`the checker did not run: ${run.error?.message ?? run.stderr}`);
  process.exit(1);
}
const messages = JSON.parse(run.stdout).messages.filter((m) => m.type === 'error' || m.subType === 'fatal');
const page = (m) => path.relative(dist, fileURLToPath(m.url));
for (const m of messages) console.log(`${page(m)}:${m.lastLine ?? '?'}: ${m.message}`);
const perPage = new Map();
for (const m of messages) perPage.set(page(m), (perPage.get(page(m)) ?? 0) + 1);
for (const [p, n] of perPage) console.log(`  ${n} error(s) in ${p}`);
const under = (code) => pages.filter((p) => path.relative(dist, p).startsWith(`${code}${path.sep}`)).length;
const perLang = langs.map((code) => `${under(code)} under ${code}/`).join(', ');
console.log(`Nu Html Checker: ${pages.length} pages (${perLang}), ${messages.length} error(s)`);
process.exit(messages.length === 0 ? 0 : 1);
