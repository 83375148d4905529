// End-to-end tests of the release as deployed: dist/ served by Debian's nginx
// with the configuration the build writes (scripts/serve-release.sh, on
// 127.0.0.1:4175, playwright.config.ts), and a partner's site on 4176 that
// embeds the widget from there.
//
// Every kind of page, in English and under /ru/ and /uk/, runs under the
// strict Content-Security-Policy with no violation and no console error; the
// petition is delivered from each language's page; the site refuses
// to be framed and the widget allows it; each header has its value on each
// kind of response, agreeing with dist/_headers; the pre-compressed files are
// served; the HTTP Observatory's rules give A+; a tampered petition bundle
// never runs; and dist/ holds no inline script or style.
import { test, expect, type Browser, type Page } from '@playwright/test';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ownReceiver } from './fixtures/receiver';
import { watchErrors } from './fixtures/pages';
import { observe, report } from './observatory.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(here, '..', '..', 'dist');
const SITE = 'http://127.0.0.1:4175';
const PARTNER = 'http://127.0.0.1:4176';

const files = (function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? walk(p) : [path.relative(DIST, p).split(path.sep).join('/')];
  });
})(DIST).sort();
const pages = files.filter((f) => f.endsWith('.html'));
/** Where each language's pages live: English at the root, the others under /ru/ and /uk/. */
const PREFIXES = ['', 'ru/', 'uk/'];
/** The main page of each language, which alone inlines the stylesheet. */
const mainPages = PREFIXES.map((p) => `${p}index.html`);
/** The one file at dist/'s root named by `re` (Trunk's hashes have no leading zeros: 8 to 16 digits). */
const rootFile = (re: RegExp) => {
  const found = files.find((f) => re.test(f));
  if (!found) throw new Error(`no ${re} in dist/`);
  return found;
};
/** A person still detained, whose timer runs. */
const caseId = files
  .filter((f) => /^case\/[^/]+\/index\.html$/.test(f))
  .find((f) => /data-state="?running/.test(fs.readFileSync(path.join(DIST, f), 'utf8')))!
  .split('/')[1];

type Watched = { page: Page; errors: string[]; violations: () => Promise<string[]>; close: () => Promise<void> };

/** A fresh context that records every CSP violation, in every frame, and every console error. */
async function watch(browser: Browser): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1000, height: 900 } });
  await context.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (e) => w.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} in ${e.documentURI}`),
      true,
    );
  });
  const page = await context.newPage();
  const errors: string[] = [];
  watchErrors(page, errors);
  const violations = async () => {
    const all = await Promise.all(
      page.frames().map((f) => f.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []).catch(() => [])),
    );
    return all.flat();
  };
  return { page, errors, violations, close: () => context.close() };
}

/** Brings the petition, if the page has one, near the screen so its bundle loads, and waits for it. */
async function bringPetitionToLife(page: Page) {
  const submit = page.locator('[data-island=petition] button[type=submit]');
  if ((await submit.count()) === 0) return;
  await expect
    .poll(
      async () => {
        // The island has no box (display: contents): its section does.
        await page.locator('[data-island=petition]').evaluate((el) => el.parentElement!.scrollIntoView());
        return submit.isEnabled();
      },
      { message: 'the petition comes alive', timeout: 15_000 },
    )
    .toBe(true);
}

test.describe('served by nginx with deploy/nginx.conf', () => {
  let own: Awaited<ReturnType<typeof ownReceiver>>;
  let receiver: Awaited<ReturnType<typeof ownReceiver>>['receiver'];
  test.beforeAll(async () => {
    own = await ownReceiver();
    receiver = own.receiver;
  });
  test.afterAll(async () => {
    await own?.close();
  });

  test('dist/ holds no inline script or handler, no inline style but the main page\'s stylesheet (allowed by its hash), and every script and stylesheet carries its integrity', () => {
    expect(pages.length, 'pages in dist/').toBeGreaterThan(20);
    for (const file of pages) {
      const html = fs.readFileSync(path.join(DIST, file), 'utf8');
      for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
        expect(tag, `${file}: a script with a src`).toMatch(/\ssrc=/);
        expect(tag, `${file}: a script with its integrity`).toMatch(/\sintegrity="?sha384-/);
      }
      for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
        if (/rel="?(stylesheet|modulepreload)/.test(tag)) expect(tag, `${file}: integrity`).toMatch(/\sintegrity="?sha384-/);
        if (/rel="?icon/.test(tag)) expect(tag, `${file}: no integrity on the icon`).not.toMatch(/integrity=/);
      }
      expect(html, `${file}: no style attribute`).not.toMatch(/<[^>]+\sstyle=/);
      expect(html, `${file}: no inline event handler`).not.toMatch(/<[^>]+\son[a-z]+=/);
      const styles = html.match(/<style[\s>]/g)?.length ?? 0;
      expect(styles, `${file}: <style> elements`).toBe(mainPages.includes(file) ? 1 : 0);
      expect(html, `${file}: no empty comment markers`).not.toContain('<!>');
      // The petition's island itself, not the counter's (data-island="petition-count").
      const island = /data-island="?petition(?=["\s>])"?[^>]*/.exec(html)?.[0];
      if (island) expect(island, `${file}: the petition bundle's integrity`).toMatch(/data-integrity="sha384-\S+ sha384-\S+"/);
    }
  });

  const pageTypes = [
    ...PREFIXES.flatMap((p) => [
      [`the main page /${p}`, `/${p}`],
      [`a case page /${p}case/`, `/${p}case/${caseId}/`],
    ]),
    // One page per widget view in each language: widget/<view>.html, or the
    // person's widget/<view>/<id>.html.
    ...pages
      .filter((f) => /^((ru|uk)\/)?widget\/[^/]+\.html$/.test(f) || f.endsWith(`/${caseId}.html`))
      .map((f) => [`the widget page ${f}`, `/${f}`]),
  ];
  const ticking = (url: string) =>
    !url.includes('/counter/') && (PREFIXES.some((p) => url === `/${p}`) || url.includes(caseId) || /cards|timeline/.test(url));
  for (const [name, url] of pageTypes) {
    test(`${name} runs under the policy: no violation, no console error, timers tick`, async ({ browser }) => {
      const w = await watch(browser);
      const res = await w.page.goto(SITE + url);
      expect(res?.status()).toBe(200);
      expect(res?.headers()['content-security-policy'], 'served with its policy').toContain("default-src 'none'");
      if (ticking(url)) {
        // The card's seconds, or the timeline's live "now" entry.
        const live = w.page.locator('.lb-timer[data-state=running] .lb-timer__hms, [data-island=now-clock]').first();
        await expect(live, 'a live clock').toBeAttached({ timeout: 10_000 });
        // Where a person sees it: a clock off screen leaves its seconds alone.
        await live.scrollIntoViewIfNeeded();
        const before = await live.textContent();
        await expect.poll(() => live.textContent(), { message: 'the clock moves', timeout: 5_000 }).not.toBe(before);
      }
      await bringPetitionToLife(w.page);
      if (url === '/') {
        const data = await w.page.evaluate(async () => {
          const got = await Promise.all(['/cases.json', '/exchanges.json', '/anniversaries.ics'].map((u) => fetch(u).then((r) => r.text())));
          return got.map((t) => t.length);
        });
        expect(Math.min(...data), 'the open data reads from the page').toBeGreaterThan(100);
      }
      expect(await w.violations(), 'CSP violations').toEqual([]);
      expect(w.errors, 'console errors').toEqual([]);
      await w.close();
    });
  }

  for (const prefix of PREFIXES) {
    const lang = prefix.slice(0, 2) || 'en';
    test(`the petition on /${prefix} is delivered to the receiver under the policy, in its language`, async ({ browser }) => {
      receiver.reset();
      const w = await watch(browser);
      await w.page.goto(`${SITE}/${prefix}`);
      await w.page.locator('#lb-petition').scrollIntoViewIfNeeded();
      const submit = w.page.locator('#lb-petition button[type=submit]');
      await expect(submit).toBeEnabled({ timeout: 15_000 });
      await w.page.locator('#lb-petition-first-name').fill('Ada');
      await w.page.locator('#lb-petition-last-name').fill('Lovelace');
      await w.page.locator('#lb-petition-email').fill('ada@example.com');
      await w.page.locator('#lb-petition-zip').fill('02134');
      await submit.click();
      await expect(w.page.locator('#lb-petition').getByTestId('petition-thanks')).toBeVisible({ timeout: 10_000 });
      expect(receiver.signatures).toHaveLength(1);
      // So the campaign can answer the signer in the language they signed in.
      expect(receiver.signatures[0].fields.lang, 'the language travels with it').toBe(lang);
      expect(await w.violations()).toEqual([]);
      expect(w.errors).toEqual([]);
      await w.close();
    });
  }

  test('a widget embeds on the partner page and signs there, without a violation', async ({ browser }) => {
    receiver.reset();
    const w = await watch(browser);
    const body = `<div data-left-behind="card" data-case="${caseId}"></div><div data-left-behind="petition" data-partner="family-blog"></div>`;
    await w.page.goto(`${PARTNER}/page?body=${encodeURIComponent(body)}`);
    const frame = async (suffix: string) => {
      await expect.poll(() => w.page.frames().some((f) => f.url().split('#')[0].endsWith(suffix))).toBe(true);
      return w.page.frames().find((f) => f.url().split('#')[0].endsWith(suffix))!;
    };
    const card = await frame(`/widget/card/${caseId}.html`);
    await expect(card.locator('.lb-card')).toBeVisible({ timeout: 15_000 });
    const petition = await frame('/widget/petition.html');
    // A frame's parts load as it comes into the partner page's view.
    await (await petition.frameElement()).scrollIntoViewIfNeeded();
    const submit = petition.locator('button[type=submit]');
    await expect(submit).toBeEnabled({ timeout: 15_000 });
    await petition.locator('#lb-petition-first-name').fill('Grace');
    await petition.locator('#lb-petition-last-name').fill('Hopper');
    await petition.locator('#lb-petition-email').fill('grace@example.com');
    await petition.locator('#lb-petition-zip').fill('10001');
    await submit.click();
    await expect(petition.getByTestId('petition-thanks')).toBeVisible({ timeout: 10_000 });
    expect(receiver.signatures).toHaveLength(1);
    expect(receiver.signatures[0].fields.source, 'the partner id travels with it').toBe('family-blog');
    expect(await w.violations()).toEqual([]);
    expect(w.errors).toEqual([]);
    await w.close();
  });

  test('a page of the site refuses to be framed by another origin; a widget page allows it', async ({ browser }) => {
    const w = await watch(browser);
    const widget = `/widget/card/${caseId}.html`;
    const body = `<iframe id="site" src="${SITE}/"></iframe><iframe id="widget" src="${SITE}${widget}"></iframe>`;
    await w.page.goto(`${PARTNER}/page?body=${encodeURIComponent(body)}`);
    const widgetFrame = w.page.frameLocator('#widget');
    await expect(widgetFrame.locator('.lb-card')).toBeVisible({ timeout: 15_000 });
    await expect
      .poll(() => w.errors.some((e) => e.includes("frame-ancestors 'none'")), { message: 'the browser refuses to frame the site' })
      .toBe(true);
    const siteFrame = w.page.frames().find((f) => f.parentFrame() && !f.url().includes('/widget/'));
    expect(await siteFrame?.locator('.lb-card').count().catch(() => 0), 'no card of the site shows in the frame').toBe(0);
    await w.close();
  });

  test('a tampered petition bundle never runs', async ({ browser }) => {
    const w = await watch(browser);
    await w.page.route(/\/petition-en-[0-9a-f]{16}\.js$/, async (route) => {
      const res = await route.fetch();
      await route.fulfill({ response: res, body: `${await res.text()}\nwindow.__tampered = true;` });
    });
    await w.page.goto(`${SITE}/`);
    await w.page.locator('#lb-petition').scrollIntoViewIfNeeded();
    await expect
      .poll(() => w.errors.some((e) => /integrity/i.test(e)), { message: 'the browser reports the integrity mismatch', timeout: 10_000 })
      .toBe(true);
    // The page's loader gives up on the mismatch (it removes the preload, and
    // no import follows it): the bundle's fate is decided.
    await expect(w.page.locator('link[rel=modulepreload][href*="/petition-"]'), 'the page gives the bundle up').toHaveCount(0);
    expect(await w.page.evaluate(() => (window as unknown as { __tampered?: boolean }).__tampered ?? false)).toBe(false);
    // The page's own code keeps the prerendered form (it may take a press);
    // the live form, which only the bundle mounts, never comes.
    await expect(w.page.locator('#lb-petition form'), 'the form stays as prerendered').not.toHaveAttribute('data-live', /.*/);
    await w.close();
  });

  // The headers dist/_headers gives a path: the common rule and the path's own.
  const headersFile = fs.readFileSync(path.join(DIST, '_headers'), 'utf8');
  const rules = headersFile
    .split(/\n\n+/)
    .map((block) => block.split('\n').filter((l) => l && !l.startsWith('#')))
    .filter((lines) => lines.length > 1)
    .map(([p, ...lines]) => ({
      path: p,
      headers: Object.fromEntries(lines.map((l) => l.trim().split(/:\s(.*)/s).slice(0, 2))) as Record<string, string>,
    }));
  const expectedFor = (urlPath: string) => {
    const matches = (rule: string) => (rule.endsWith('*') ? urlPath.startsWith(rule.slice(0, -1)) : urlPath === rule);
    return Object.assign({}, ...rules.filter((r) => matches(r.path)).map((r) => r.headers)) as Record<string, string>;
  };

  // Each main page's stylesheet is inline, so the policy names its hash.
  const inlineStyle = (file: string) => /<style>([\s\S]*?)<\/style>/.exec(fs.readFileSync(path.join(DIST, file), 'utf8'))?.[1];
  const sheet = fs.readFileSync(path.join(DIST, rootFile(/^main-[0-9a-f]+\.css$/)), 'utf8');
  test('each language\'s main page inlines the stylesheet without the rules only case and widget pages can use, keeping those for what its live parts add', () => {
    for (const file of mainPages) {
      const style = inlineStyle(file);
      expect(style, `${file}: its inline stylesheet`).toBeDefined();
      // Only pages of their own have these.
      for (const other of ['.lb-widget', '.lb-counter', '.lb-story', '.lb-sentence__history']) {
        expect(sheet, `main.css: ${other}`).toContain(other);
        expect(style, `${file}: ${other}`).not.toContain(other);
      }
      // Classes and states that only the islands and the petition's bundle
      // set, after the page has loaded.
      for (const live of ['.lb-petition__thanks', '.lb-count__text', '.lb-count progress', '[aria-invalid=true]', '.lb-embed[open]']) {
        expect(sheet, `main.css: ${live}`).toContain(live);
        expect(style, `${file}: ${live}`).toContain(live);
      }
      // The rest is main.css's, byte for byte.
      expect(style!.length, `${file}: shorter than main.css`).toBeLessThan(sheet.length);
      for (const rule of style!.replace(/@media[^{]*\{/g, '').split('}').filter((r) => r.includes('{'))) {
        expect(sheet, `${file}: ${rule}} from main.css`).toContain(rule.split('{')[1]);
      }
    }
  });
  const STYLE = [...new Set(mainPages.map((file) => `'sha256-${crypto.createHash('sha256').update(inlineStyle(file)!).digest('base64')}'`))]
    .sort()
    .join(' ');
  const SITE_CSP =
    `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${STYLE}; img-src 'self' data:; ` +
    "connect-src 'self' http://127.0.0.1:8787; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";
  const WIDGET_CSP =
    `default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' ${STYLE}; img-src 'self' data:; ` +
    "connect-src 'self' https: http://127.0.0.1:8787; base-uri 'self'; form-action 'none'; frame-ancestors *";
  const COMMON = {
    'strict-transport-security': 'max-age=63072000; includeSubDomains',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'strict-origin-when-cross-origin',
  };
  const kinds: [string, string, Record<string, string | RegExp>][] = [
    ['a site page', '/', { 'content-security-policy': SITE_CSP, 'cross-origin-opener-policy': 'same-origin', 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' }],
    ['a case page', `/case/${caseId}/`, { 'content-security-policy': SITE_CSP, 'cross-origin-opener-policy': 'same-origin', 'cache-control': 'no-cache' }],
    ['a widget page', `/widget/card/${caseId}.html`, { 'content-security-policy': WIDGET_CSP, 'cache-control': 'no-cache' }],
    // The other languages' pages have the same rules as the English ones.
    ['the Russian main page', '/ru/', { 'content-security-policy': SITE_CSP, 'cross-origin-opener-policy': 'same-origin', 'cache-control': 'no-cache', 'content-type': 'text/html; charset=utf-8' }],
    ['a Ukrainian case page', `/uk/case/${caseId}/`, { 'content-security-policy': SITE_CSP, 'cross-origin-opener-policy': 'same-origin', 'cache-control': 'no-cache' }],
    ['a Russian widget page', `/ru/widget/card/${caseId}.html`, { 'content-security-policy': WIDGET_CSP, 'cache-control': 'no-cache', 'cross-origin-resource-policy': 'cross-origin' }],
    ['a Ukrainian widget page', '/uk/widget/petition.html', { 'content-security-policy': WIDGET_CSP, 'cache-control': 'no-cache', 'cross-origin-resource-policy': 'cross-origin' }],
    ['the page WASM', `/${rootFile(/^left-behind-[0-9a-f]{8,16}_bg\.wasm$/)}`, { 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'application/wasm' }],
    ['the page script', `/${rootFile(/^left-behind-[0-9a-f]{8,16}\.js$/)}`, { 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'text/javascript; charset=utf-8' }],
    ['the start-up script', `/${rootFile(/^start-[0-9a-f]{16}\.js$/)}`, { 'cache-control': 'public, max-age=31536000, immutable' }],
    ['the stylesheet', `/${rootFile(/\.css$/)}`, { 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'text/css; charset=utf-8' }],
    ['the petition WASM', `/${rootFile(/^petition-en-[0-9a-f]{16}_bg\.wasm$/)}`, { 'cache-control': 'public, max-age=31536000, immutable' }],
    ['the Russian petition script', `/${rootFile(/^petition-ru-[0-9a-f]{16}\.js$/)}`, { 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'text/javascript; charset=utf-8' }],
    ['the Ukrainian petition WASM', `/${rootFile(/^petition-uk-[0-9a-f]{16}_bg\.wasm$/)}`, { 'cache-control': 'public, max-age=31536000, immutable', 'content-type': 'application/wasm' }],
    ['a wasm-bindgen snippet', `/${rootFile(/^snippets\/.+\.js$/)}`, { 'cache-control': 'public, max-age=31536000, immutable' }],
    ['the widget loader', '/embed.js', { 'cache-control': 'no-cache', 'cross-origin-resource-policy': 'cross-origin' }],
    ['the widget script', '/widget.js', { 'cache-control': 'no-cache' }],
    ['the open data', '/cases.json', { 'cache-control': 'no-cache', 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' }],
    ['the Russian open data', '/ru/exchanges.json', { 'cache-control': 'no-cache', 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' }],
    // Link previews: the image a crawler fetches and a partner's editor shows
    // as the oEmbed thumbnail (so cross-origin), and the oEmbed answer.
    ['a case preview image', `/preview/case/${caseId}.png`, { 'cache-control': 'public, max-age=3600', 'content-type': 'image/png', 'cross-origin-resource-policy': 'cross-origin' }],
    ['the Ukrainian timeline preview', '/uk/preview/timeline.png', { 'cache-control': 'public, max-age=3600', 'content-type': 'image/png', 'cross-origin-resource-policy': 'cross-origin' }],
    ['a case oEmbed answer', `/oembed/case/${caseId}.json`, { 'cache-control': 'no-cache', 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' }],
    ['the Russian petition oEmbed answer', '/ru/oembed/petition.json', { 'cache-control': 'no-cache', 'content-type': 'application/json; charset=utf-8', 'access-control-allow-origin': '*' }],
    ['the calendar', '/anniversaries.ics', { 'cache-control': 'no-cache', 'content-type': 'text/calendar; charset=utf-8' }],
  ];
  for (const [name, urlPath, wanted] of kinds) {
    test(`headers of ${name} (${urlPath}), as in dist/_headers`, async () => {
      const res = await fetch(SITE + urlPath);
      expect(res.status).toBe(200);
      const got = Object.fromEntries(res.headers);
      for (const [header, value] of Object.entries({ ...COMMON, ...wanted })) expect(got[header], header).toEqual(value);
      expect(got['permissions-policy']).toMatch(/camera=\(\).*geolocation=\(\).*microphone=\(\).*payment=\(\).*usb=\(\).*web-share=\(self\)/);
      if (!urlPath.endsWith('/') && !urlPath.endsWith('.html')) {
        expect(got['content-security-policy'], 'only pages carry a policy').toBeUndefined();
      }
      if (!/immutable/.test(String(wanted['cache-control']))) expect(got['cache-control']).not.toContain('immutable');
      // nginx and _headers say the same, header by header.
      for (const [header, value] of Object.entries(expectedFor(urlPath))) {
        expect(got[header.toLowerCase()], `${header} as _headers has it`).toBe(value);
      }
    });
  }

  test('compressed copies: Accept-Encoding br gets the .br file, gzip the .gz', async () => {
    const wasm = rootFile(/^left-behind-[0-9a-f]{8,16}_bg\.wasm$/);
    for (const file of [wasm, 'index.html', 'embed.js']) {
      for (const [encoding, ext] of [['br', '.br'], ['gzip', '.gz']]) {
        const res = await fetch(`${SITE}/${file === 'index.html' ? '' : file}`, { headers: { 'Accept-Encoding': encoding } });
        // fetch decodes the body: compare the raw length nginx sent.
        expect(res.headers.get('content-encoding'), `${file} with ${encoding}`).toBe(encoding);
        expect(Number(res.headers.get('content-length')), `${file}${ext} as built`).toBe(fs.statSync(path.join(DIST, file + ext)).size);
        expect(res.headers.get('vary')).toContain('Accept-Encoding');
      }
    }
    const plain = await fetch(`${SITE}/embed.js`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  test('behind a TLS proxy, a request over plain HTTP is redirected to HTTPS', async () => {
    const res = await fetch(`${SITE}/case/${caseId}/`, { redirect: 'manual', headers: { 'X-Forwarded-Proto': 'http' } });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe(`https://127.0.0.1/case/${caseId}/`);
  });

  test('the HTTP Observatory rules give A+', async () => {
    const result = await observe(`${SITE}/`);
    console.log(report(result));
    expect(result.tests.filter((t) => t.modifier < 0), 'no penalty').toEqual([]);
    expect(result.score).toBeGreaterThanOrEqual(100);
    expect(result.grade).toBe('A+');
  });
});
