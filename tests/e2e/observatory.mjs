// A score for a deployed page by the MDN HTTP Observatory's published rules
// (https://developer.mozilla.org/en-US/observatory/docs/tests_and_scoring,
// and its analyzer, github.com/mdn/mdn-http-observatory): every test's
// result and modifier, the total and the grade.
//
//   node tests/e2e/observatory.mjs https://YOUR-SITE/
//   node tests/e2e/observatory.mjs http://127.0.0.1:8081/   (scripts/serve-release.sh)
//
// An https URL is scored as it answers. An http URL is taken as nginx behind
// a TLS-terminating proxy, as deploy/nginx.conf is written for: the page is
// asked for with `X-Forwarded-Proto: https` and scored as an https site, and
// the redirection test asks with `X-Forwarded-Proto: http`. Sources on a
// loopback address (the test build's local petition receiver) are not
// counted as insecure http: browsers hold them potentially trustworthy
// (Secure Contexts), and no network lies between. Exits 1 below A+.
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const GRADES = [[100, 'A+'], [90, 'A'], [85, 'A-'], [80, 'B+'], [70, 'B'], [65, 'B-'], [60, 'C+'], [50, 'C'], [45, 'C-'], [40, 'D+'], [30, 'D'], [25, 'D-'], [0, 'F']];
const BROAD = new Set(['ftp:', 'http:', 'https:', '*', 'http://*', 'http://*.*', 'https://*', 'https://*.*']);
const UNSAFE_INLINE = new Set(["'unsafe-inline'", 'data:']);
const NONCE_OR_HASH = ["'sha256-", "'sha384-", "'sha512-", "'nonce-"];

const isLoopback = (source) => /^(http|ftp):\/\/(127\.\d+\.\d+\.\d+|\[::1\]|localhost)(:\d+)?(\/|$)/.test(source);
const insecure = (source) => (source.startsWith('http:') || source.startsWith('ftp:')) && !isLoopback(source);

/** Directive → set of sources, the first of each directive winning, as CSP does. */
export function parseCsp(headers) {
  const csp = new Map();
  for (const policy of headers.flatMap((h) => h.split(','))) {
    for (const directive of policy.split(';')) {
      const [name, ...sources] = directive.trim().toLowerCase().split(/\s+/);
      if (!name) continue;
      if (!/^[a-z-]+$/.test(name)) throw new Error(`bad directive ${name}`);
      if (!csp.has(name)) csp.set(name, new Set(sources.length ? sources : ["'none'"]));
    }
  }
  return csp;
}

function cspTest(headers, https) {
  const raw = headers.get('content-security-policy');
  if (!raw) return ['csp-not-implemented', -25];
  let csp;
  try {
    csp = parseCsp([raw]);
  } catch {
    return ['csp-header-invalid', -25];
  }
  const any = new Set(['*']);
  const get = (name, fallback = true) => new Set(csp.get(name) ?? (fallback ? csp.get('default-src') : null) ?? any);
  const script = get('script-src');
  const object = get('object-src');
  const style = get('style-src');
  for (const list of [script, style]) {
    if ([...list].some((s) => NONCE_OR_HASH.some((p) => s.startsWith(p)))) list.delete("'unsafe-inline'");
  }
  if (script.has("'strict-dynamic'")) {
    if (![...script].some((s) => NONCE_OR_HASH.some((p) => s.startsWith(p)))) return ['csp-header-invalid', -25];
    for (const s of [...script]) {
      if ([...BROAD].some((b) => s.startsWith(b)) || s === "'self'" || s === "'unsafe-inline'") script.delete(s);
    }
  }
  const active = [...csp].filter(([d]) => !['img-src', 'media-src', 'script-src'].includes(d)).flatMap(([, s]) => [...s]);
  active.push(...script);
  const passive = ['img-src', 'media-src'].flatMap((d) => [...(csp.get(d) ?? csp.get('default-src') ?? [])]);
  if ([...script].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s)) || [...object].some((s) => BROAD.has(s))) {
    return ['csp-implemented-with-unsafe-inline', -20];
  }
  if (https && active.some(insecure)) return ['csp-implemented-with-insecure-scheme', -20];
  if (new Set([...script, ...style]).has("'unsafe-eval'")) return ['csp-implemented-with-unsafe-eval', -10];
  if (https && passive.some(insecure)) return ['csp-implemented-with-insecure-scheme-in-passive-content-only', -10];
  if ([...style].some((s) => BROAD.has(s) || UNSAFE_INLINE.has(s))) return ['csp-implemented-with-unsafe-inline-in-style-src-only', 0];
  const def = csp.get('default-src');
  const formAction = csp.get('form-action');
  const lockedForms = formAction && [...formAction].every((s) => s === "'none'" || s === "'self'");
  if (def?.has("'none'") && def.size === 1 && lockedForms) return ['csp-implemented-with-no-unsafe-default-src-none', 10];
  return ['csp-implemented-with-no-unsafe', 5];
}

function cookiesTest(headers) {
  const cookies = headers.getSetCookie?.() ?? [];
  if (cookies.length === 0) return ['cookies-not-found', 0];
  const flags = cookies.map((c) => c.toLowerCase());
  if (!flags.every((c) => c.includes('; secure'))) return ['cookies-without-secure-flag', -20];
  const sameSite = flags.every((c) => /;\s*samesite=(strict|lax)/.test(c));
  return sameSite ? ['cookies-secure-with-httponly-sessions-and-samesite', 5] : ['cookies-secure-with-httponly-sessions', 0];
}

async function corsTest(headers, base, request) {
  const acao = headers.get('access-control-allow-origin');
  if (acao) {
    const credentials = headers.get('access-control-allow-credentials') === 'true';
    if (acao !== '*' && credentials) return ['cross-origin-resource-sharing-implemented-with-universal-access', -50];
    return [acao === '*' ? 'cross-origin-resource-sharing-implemented-with-public-access' : 'cross-origin-resource-sharing-implemented-with-restricted-access', 0];
  }
  for (const file of ['crossdomain.xml', 'clientaccesspolicy.xml']) {
    const res = await request(new URL(file, base), 'https');
    if (res.status === 200) return ['cross-origin-resource-sharing-implemented-with-restricted-access', 0];
  }
  return ['cross-origin-resource-sharing-not-implemented', 0];
}

async function redirectionTest(url, request) {
  let res;
  try {
    res = await request(url, 'http');
  } catch {
    return ['redirection-not-needed-no-http', 0];
  }
  const location = res.headers.get('location');
  if (![301, 302, 303, 307, 308].includes(res.status) || !location) return ['redirection-missing', -20];
  const to = new URL(location, url);
  if (to.protocol !== 'https:') return ['redirection-not-to-https', -20];
  if (to.hostname !== url.hostname) return ['redirection-off-host-from-http', -5];
  return ['redirection-to-https', 0];
}

function referrerTest(headers) {
  const value = headers.get('referrer-policy');
  if (!value) return ['referrer-policy-not-implemented', 0];
  const last = value.split(',').map((v) => v.trim().toLowerCase()).filter(Boolean).at(-1);
  if (['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(last)) return ['referrer-policy-private', 5];
  if (['origin', 'origin-when-cross-origin', 'unsafe-url', 'no-referrer-when-downgrade'].includes(last)) return ['referrer-policy-unsafe', -5];
  return ['referrer-policy-header-invalid', -5];
}

function hstsTest(headers, https) {
  if (!https) return ['hsts-not-implemented-no-https', -20];
  const value = headers.get('strict-transport-security');
  if (!value) return ['hsts-not-implemented', -20];
  const maxAge = /max-age="?(\d+)"?/i.exec(value);
  if (!maxAge) return ['hsts-header-invalid', -20];
  // hsts-preloaded (+5) needs the host on the browsers' preload list.
  return Number(maxAge[1]) >= 15768000 ? ['hsts-implemented-max-age-at-least-six-months', 0] : ['hsts-implemented-max-age-less-than-six-months', -10];
}

function sriTest(headers, body, url) {
  if (!/text\/html/.test(headers.get('content-type') ?? '')) return ['sri-not-implemented-response-not-html', 0];
  const scripts = [...body.matchAll(/<script\b([^>]*)>/gi)]
    .map((m) => m[1])
    .map((attrs) => ({ src: /\bsrc=["']?([^"'\s>]+)/i.exec(attrs)?.[1], integrity: /\bintegrity=/i.test(attrs) }))
    .filter((s) => s.src);
  if (scripts.length === 0) return ['sri-not-implemented-but-no-scripts-loaded', 0];
  const resolved = scripts.map((s) => ({ ...s, url: new URL(s.src, url), protocolRelative: s.src.startsWith('//') }));
  const similar = (u) => u.hostname === url.hostname;
  const external = resolved.filter((s) => !similar(s.url));
  const withSri = resolved.filter((s) => s.integrity);
  const insecureExternal = external.some((s) => s.url.protocol !== 'https:' || s.protocolRelative);
  if (external.length === 0) {
    return withSri.length === resolved.length ? ['sri-implemented-and-all-scripts-loaded-securely', 5] : ['sri-not-implemented-but-all-scripts-loaded-from-secure-origin', 0];
  }
  const externalSri = external.every((s) => s.integrity);
  if (insecureExternal) return externalSri ? ['sri-implemented-but-external-scripts-not-loaded-securely', -20] : ['sri-not-implemented-and-external-scripts-not-loaded-securely', -50];
  return externalSri ? ['sri-implemented-and-external-scripts-loaded-securely', 5] : ['sri-not-implemented-but-external-scripts-loaded-securely', -5];
}

function nosniffTest(headers) {
  const value = headers.get('x-content-type-options');
  if (!value) return ['x-content-type-options-not-implemented', -5];
  return value.trim().toLowerCase() === 'nosniff' ? ['x-content-type-options-nosniff', 0] : ['x-content-type-options-header-invalid', -5];
}

function framingTest(headers) {
  const csp = headers.get('content-security-policy');
  const ancestors = csp ? parseCsp([csp]).get('frame-ancestors') : null;
  if (ancestors && ![...ancestors].some((s) => BROAD.has(s))) return ['x-frame-options-implemented-via-csp', 5];
  const xfo = headers.get('x-frame-options')?.trim().toLowerCase();
  if (!xfo) return ['x-frame-options-not-implemented', -20];
  if (xfo === 'deny' || xfo === 'sameorigin') return ['x-frame-options-sameorigin-or-deny', 0];
  if (xfo.startsWith('allow-from ')) return ['x-frame-options-allow-from-origin', 0];
  return ['x-frame-options-header-invalid', -20];
}

function corpTest(headers) {
  const value = headers.get('cross-origin-resource-policy')?.trim().toLowerCase();
  if (!value) return ['corp-not-implemented', 0];
  if (value === 'same-origin') return ['corp-implemented-with-same-origin', 10];
  if (value === 'same-site') return ['corp-implemented-with-same-site', 10];
  if (value === 'cross-origin') return ['corp-implemented-with-cross-origin', 0];
  return ['corp-header-invalid', -5];
}

/** Every test's result for the page at `target`, the score and the grade. */
export async function observe(target) {
  const url = new URL(target);
  const direct = url.protocol === 'https:';
  // `as`: the scheme the request is made over, or forwarded as.
  const request = async (u, as) => {
    if (!direct) return fetch(u, { redirect: 'manual', headers: { 'X-Forwarded-Proto': as } });
    const over = new URL(u);
    over.protocol = `${as}:`;
    return fetch(over, { redirect: 'manual' });
  };
  const res = await request(url, 'https');
  const body = await res.text();
  // Scored as an https site either way (see the top of this file).
  const https = true;
  const tests = [
    ['Content Security Policy', cspTest(res.headers, https)],
    ['Cookies', cookiesTest(res.headers)],
    ['Cross-Origin Resource Sharing', await corsTest(res.headers, url, request)],
    ['Redirection', await redirectionTest(url, request)],
    ['Referrer Policy', referrerTest(res.headers)],
    ['Strict Transport Security', hstsTest(res.headers, https)],
    ['Subresource Integrity', sriTest(res.headers, body, url)],
    ['X-Content-Type-Options', nosniffTest(res.headers)],
    ['X-Frame-Options', framingTest(res.headers)],
    ['Cross-Origin Resource Policy', corpTest(res.headers)],
  ].map(([test, [result, modifier]]) => ({ test, result, modifier }));
  // Penalties first; bonuses count only from an A (90) up.
  const penalties = tests.filter((t) => t.modifier < 0).reduce((n, t) => n + t.modifier, 0);
  const bonuses = tests.filter((t) => t.modifier > 0).reduce((n, t) => n + t.modifier, 0);
  const base = Math.max(0, 100 + penalties);
  const score = base >= 90 ? base + bonuses : base;
  const grade = GRADES.find(([min]) => score >= min)[1];
  const loopback = (res.headers.get('content-security-policy') ?? '').split(/[\s;]+/).filter(isLoopback);
  const notes = loopback.length ? [`loopback sources, not counted as insecure http: ${loopback.join(' ')}`] : [];
  return { url: url.href, status: res.status, tests, score, grade, notes };
}

export function report({ url, status, tests, score, grade, notes }) {
  const lines = [`HTTP Observatory rules for ${url} (status ${status})`];
  for (const t of tests) {
    lines.push(`  ${t.test.padEnd(30)} ${(t.modifier > 0 ? '+' : '') + t.modifier}`.padEnd(38) + `  ${t.result}`);
  }
  for (const note of notes) lines.push(`  note: ${note}`);
  lines.push(`  score ${score}, grade ${grade}`);
  return lines.join('\n');
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const target = process.argv[2] ?? 'http://127.0.0.1:8081/';
  const result = await observe(target);
  console.log(report(result));
  process.exit(result.score >= 100 ? 0 : 1);
}
