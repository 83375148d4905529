// Shrinks a WASM bundle and its JS glue once they are built (release builds):
// 1. the classes wasm-bindgen exports for wasm-streams, which Leptos's server
//    functions bring and nothing here uses (no Rust stream becomes a JS one),
//    leave the glue; then every export the glue no longer reads leaves the
//    WASM (wasm-metadce), with all the code only they reached;
// 2. the names the WASM imports and exports, wasm-bindgen's long hashed ones
//    (`__wbg_querySelector_1555c239948f2bf0`, written in the WASM and again in
//    the glue, where compression cannot shorten a hash), become a letter or
//    two: wasm-opt renames them and prints the mapping, applied to the glue;
// 3. terser minifies the glue (and the page's snippets): Trunk's minifier
//    cannot parse wasm-bindgen's glue (`export { initSync, __wbg_init as
//    default }`) and leaves it whole.
// For the page, what every visitor downloads, the integrity attributes Trunk
// wrote on the staged page follow the files (post-build.sh, before the
// prerender copies the page's head); the petition's bundle is shrunk before
// build-petition.sh names it by its content.
// Any change in the glue's shape stops the build here rather than ship a
// bundle whose names disagree.
//
//   node scripts/shrink-page.mjs <staging dir>
//   node scripts/shrink-page.mjs --bundle <name_bg.wasm> <name.js>
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`shrink-page: ${message}`);
  process.exit(1);
}

const sri = (file) => `sha384-${createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;

const minified = async (source) => {
  const result = await minify(source, { module: true, ecma: 2020, compress: true, mangle: true });
  return result.code;
};

const binaryen = (tool, args) =>
  execFileSync(path.join(root, 'node_modules/.bin', tool), args, { encoding: 'utf8' });

async function shrink(wasm, glue) {
  let code = fs.readFileSync(glue, 'utf8');
  for (const [, name] of code.matchAll(/^export class (\w+) \{$/gm)) {
    const free = `${name}.prototype.free`;
    code = code
      .replace(new RegExp(`^export class ${name} \\{\\n[\\s\\S]*?^\\}\\nif \\(Symbol\\.dispose\\) [^\\n]*= ${free};\\n`, 'm'), '')
      .replace(new RegExp(`^const ${name}Finalization = [^\\n]*\\n[^\\n]*\\n[^\\n]*_free\\(ptr, 1\\)\\);\\n`, 'm'), '');
    if (code.includes(name)) fail(`${glue} still names ${name}`);
  }
  // Exports: read off the instance as `wasm.<name>` and nowhere else.
  const read = new Set(Array.from(code.matchAll(/\bwasm\.([A-Za-z0-9_$]+)/g), ([, name]) => name));
  const graph = `${wasm}.graph.json`;
  fs.writeFileSync(graph, JSON.stringify([...read].map((name) => ({ name, export: name, root: true }))));
  binaryen('wasm-metadce', [wasm, '--graph-file', graph, '-o', wasm]);
  fs.rmSync(graph);
  // Optimized again for what the removal left single-use, the control flow
  // flattened and rebuilt first (a few hundred bytes less than -Oz alone),
  // and once more the same way: the first round leaves code the second
  // rebuilds smaller (the page's WASM: 260 B brotli less; a third round
  // gains nothing).
  // The features come from the module's own section, dropped once read: more
  // than it uses (`--all-features`) would write imports in an encoding
  // browsers do not read yet.
  const out = binaryen('wasm-opt', [
    wasm, '--flatten', '--rereloop', '-Oz', '--flatten', '--rereloop', '-Oz', '--low-memory-unused',
    '--minify-imports-and-exports-and-modules', '--strip-target-features', '-o', wasm,
  ]);
  const names = JSON.parse(out.slice(out.indexOf('{')));
  // Imports: the functions of the one object the glue hands to the WASM
  // (those it no longer imports go), and the module's name for it;
  // wasm-opt names every module "a".
  const modules = new Set(names.imports.map(([module]) => module));
  for (const module of modules) {
    const key = `${JSON.stringify(module)}: import0,`;
    if (modules.size !== 1 || code.split(key).length !== 2) fail(`${glue} does not import ${module} as expected`);
    code = code.replace(key, '"a": import0,');
  }
  const imported = new Map(names.imports.map(([, name, short]) => [name, short]));
  code = code.replace(
    /^( {8})([A-Za-z0-9_$]+): function\(.*\n(?:.*\n)*?\1\}(?:, arguments\); \})?,\n/gm,
    (entry, indent, name) => (imported.has(name) ? entry.replace(name, JSON.stringify(imported.get(name))) : ''),
  );
  for (const [name] of imported) {
    if (code.includes(name)) fail(`${glue} does not define the import ${name} as expected`);
  }
  const exports = new Map(names.exports);
  code = code.replace(/\bwasm\.([A-Za-z0-9_$]+)/g, (_, name) => {
    if (!exports.has(name)) fail(`${glue} reads ${name}, which the WASM does not export`);
    return `wasm.${exports.get(name)}`;
  });
  fs.writeFileSync(glue, await minified(code));
}

if (process.argv[2] === '--bundle') {
  await shrink(process.argv[3], process.argv[4]);
} else {
  const staging = process.argv[2];
  const page = path.join(staging, 'index.html');
  let html = fs.readFileSync(page, 'utf8');
  // Every file rewritten here is named on the page with its integrity.
  const rewrite = async (files, change) => {
    const before = files.map(sri);
    for (const [i, hash] of before.entries()) {
      if (html.split(hash).length !== 2) fail(`${files[i]}'s integrity is not on the page once`);
    }
    await change();
    before.forEach((hash, i) => (html = html.replace(hash, sri(files[i]))));
  };
  // The page's bundle, as Trunk names it: `left-behind-<hash>.js` and `_bg.wasm`.
  const wasmName = fs.readdirSync(staging).find((f) => /^left-behind-[0-9a-f]+_bg\.wasm$/.test(f));
  if (!wasmName) fail('no left-behind-<hash>_bg.wasm staged');
  const wasm = path.join(staging, wasmName);
  const glue = wasm.replace(/_bg\.wasm$/, '.js');
  await rewrite([wasm, glue], () => shrink(wasm, glue));
  const snippets = path.join(staging, 'snippets');
  for (const dir of fs.existsSync(snippets) ? fs.readdirSync(snippets) : []) {
    for (const name of fs.readdirSync(path.join(snippets, dir)).filter((f) => f.endsWith('.js'))) {
      const file = path.join(snippets, dir, name);
      const short = await minified(fs.readFileSync(file, 'utf8'));
      await rewrite([file], () => fs.writeFileSync(file, short));
    }
  }
  fs.writeFileSync(page, html);
}
