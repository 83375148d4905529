// Shrinks the page's WASM and JS glue, what every visitor downloads, once
// Trunk has staged them (post-build.sh, release builds, before the prerender
// copies the page's head):
// 1. the names the WASM imports and exports, wasm-bindgen's long hashed ones
//    (`__wbg_querySelector_1555c239948f2bf0`, written in the WASM and again in
//    the glue, where compression cannot shorten a hash), become a letter or
//    two: wasm-opt renames them and prints the mapping, applied to the glue;
// 2. terser minifies the glue and its snippets: Trunk's minifier cannot parse
//    wasm-bindgen's glue (`export { initSync, __wbg_init as default }`) and
//    leaves it whole;
// 3. the page's integrity attributes follow the files.
// Any change in the glue's shape stops the build here rather than ship a
// page whose names disagree.
//
//   node scripts/shrink-page.mjs <staging dir>
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staging = process.argv[2];
const page = path.join(staging, 'index.html');
let html = fs.readFileSync(page, 'utf8');

function fail(message) {
  console.error(`shrink-page: ${message}`);
  process.exit(1);
}

const sri = (file) => `sha384-${createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;

// Every file rewritten here is named on the page with its integrity.
function rewrite(file, change) {
  const before = sri(file);
  if (html.split(before).length !== 2) fail(`${path.basename(file)}'s integrity is not on the page once`);
  change();
  html = html.replace(before, sri(file));
}

// The page's bundle, as Trunk names it: `left-behind-<hash>.js` and `_bg.wasm`.
const wasmName = fs.readdirSync(staging).find((f) => /^left-behind-[0-9a-f]+_bg\.wasm$/.test(f));
if (!wasmName) fail('no left-behind-<hash>_bg.wasm staged');
const wasm = path.join(staging, wasmName);
const glue = wasm.replace(/_bg\.wasm$/, '.js');
let code = fs.readFileSync(glue, 'utf8');

let names;
rewrite(wasm, () => {
  const out = execFileSync(
    path.join(root, 'node_modules/.bin/wasm-opt'),
    [wasm, '--all-features', '--minify-imports-and-exports-and-modules', '-o', wasm],
    { encoding: 'utf8' },
  );
  names = JSON.parse(out.slice(out.indexOf('{')));
});

// Imports: the keys of the one object the glue hands to the WASM per module,
// and the module's name for it; wasm-opt names every module "a".
const modules = new Set(names.imports.map(([module]) => module));
for (const module of modules) {
  const key = `${JSON.stringify(module)}: import0,`;
  if (modules.size !== 1 || code.split(key).length !== 2) fail(`the glue does not import ${module} as expected`);
  code = code.replace(key, '"a": import0,');
}
for (const [, name, short] of names.imports) {
  const key = new RegExp(`^(\\s+)${name}:`, 'gm');
  if (code.match(key)?.length !== 1) fail(`the glue does not define the import ${name} once`);
  code = code.replace(key, `$1${JSON.stringify(short)}:`);
}
// Exports: read off the instance as `wasm.<name>` and nowhere else.
const exports = new Map(names.exports);
code = code.replace(/\bwasm\.([A-Za-z0-9_$]+)/g, (_, name) => {
  if (!exports.has(name)) fail(`the glue reads ${name}, which the WASM does not export`);
  return `wasm.${exports.get(name)}`;
});

const minified = async (source) => {
  const result = await minify(source, { module: true, ecma: 2020, compress: true, mangle: true });
  return result.code;
};
const shortGlue = await minified(code);
rewrite(glue, () => fs.writeFileSync(glue, shortGlue));

const snippets = path.join(staging, 'snippets');
for (const dir of fs.existsSync(snippets) ? fs.readdirSync(snippets) : []) {
  for (const name of fs.readdirSync(path.join(snippets, dir)).filter((f) => f.endsWith('.js'))) {
    const file = path.join(snippets, dir, name);
    const short = await minified(fs.readFileSync(file, 'utf8'));
    rewrite(file, () => fs.writeFileSync(file, short));
  }
}

fs.writeFileSync(page, html);
