// A shared link previews the person (issue 15): every page of every language
// carries exactly one set of preview properties with absolute addresses that
// resolve in the built site; each case's image is a 1200 × 630 PNG of at most
// 100 KB; a well-known link-preview library (open-graph-scraper, as link
// unfurlers run it) reads each case page and gets the person's title,
// description and image; the oEmbed discovery link answers with JSON whose
// iframe shows the card. A sheet of every preview image per language, each at
// the 600 × 315 a feed shows it, goes to test-results/screenshots.
import { test, expect, type APIRequestContext } from '@playwright/test';
import ogs from 'open-graph-scraper';
import { PNG } from 'pngjs';
import fs from 'node:fs';
import path from 'node:path';
import { rawPeople as people, SCREENSHOT_DIR } from './fixtures/data';

const LANGS = [
  { code: 'en', prefix: '', locale: 'en_US' },
  { code: 'ru', prefix: 'ru/', locale: 'ru_RU' },
  { code: 'uk', prefix: 'uk/', locale: 'uk_UA' },
] as const;

/** Every property a page names once, and what twitter:card must be. */
const ONCE = ['og:type', 'og:site_name', 'og:title', 'og:description', 'og:url', 'og:locale', 'og:image', 'og:image:width', 'og:image:height', 'og:image:alt'];

type Kind = 'main' | 'case' | 'widget';
const pagesOf = (prefix: string): { path: string; kind: Kind; shows?: string }[] => [
  { path: `/${prefix}`, kind: 'main' },
  ...people.map((p) => ({ path: `/${prefix}case/${p.id}/`, kind: 'case' as const, shows: p.id })),
  ...people.flatMap((p) => ['card', 'counter'].map((v) => ({ path: `/${prefix}widget/${v}/${p.id}.html`, kind: 'widget' as const, shows: p.id }))),
  ...['cards', 'timeline', 'petition'].map((v) => ({ path: `/${prefix}widget/${v}.html`, kind: 'widget' as const })),
];

const decode = (s: string) =>
  s.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/** The `content` of every `<meta property|name="name">` in `html`. */
const metas = (html: string, name: string) =>
  [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].filter((m) => m[1] === name).map((m) => decode(m[2]));
const links = (html: string, rel: string, type?: string) =>
  [...html.matchAll(/<link ([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => attrs.includes(`rel="${rel}"`) && (!type || attrs.includes(`type="${type}"`)))
    .map((attrs) => ({ href: decode(attrs.match(/href="([^"]*)"/)?.[1] ?? ''), title: decode(attrs.match(/title="([^"]*)"/)?.[1] ?? '') }));
const head = (html: string) => html.slice(0, html.indexOf('<body'));
const cardName = (html: string) => decode(html.match(/class="lb-card__name"[^>]*>([^<]+)</)?.[1] ?? '');

/** Fetches `url` once per run. */
const seen = new Map<string, Promise<{ status: number; type: string; body: Buffer }>>();
function fetchOnce(request: APIRequestContext, url: string) {
  if (!seen.has(url)) {
    seen.set(url, request.get(url).then(async (r) => ({ status: r.status(), type: r.headers()['content-type'] ?? '', body: await r.body() })));
  }
  return seen.get(url)!;
}

test.describe('sharing: link previews and oEmbed', () => {
  for (const lang of LANGS) {
    test(`every ${lang.code} page has one set of preview properties whose addresses resolve`, async ({ request, baseURL }) => {
      const site = new URL('/', baseURL).href;
      for (const page of pagesOf(lang.prefix)) {
        const res = await request.get(page.path);
        expect(res.status(), page.path).toBe(200);
        const html = head(await res.text());
        for (const property of ONCE) {
          expect(metas(html, property), `${page.path}: one ${property}`).toHaveLength(1);
        }
        expect(metas(html, 'twitter:card'), `${page.path}: twitter:card`).toEqual(['summary_large_image']);
        expect(metas(html, 'og:locale')).toEqual([lang.locale]);
        expect(metas(html, 'og:image:width')).toEqual(['1200']);
        expect(metas(html, 'og:image:height')).toEqual(['630']);
        const canonical = links(html, 'canonical');
        expect(canonical, `${page.path}: one canonical`).toHaveLength(1);
        const [ogUrl] = metas(html, 'og:url');
        const [image] = metas(html, 'og:image');
        for (const url of [ogUrl, image, canonical[0].href]) {
          expect(url.startsWith(site), `${page.path}: ${url} is absolute, on the site`).toBe(true);
          const got = await fetchOnce(request, url);
          expect(got.status, `${page.path}: ${url} resolves`).toBe(200);
        }
        expect((await fetchOnce(request, image)).type, image).toBe('image/png');
        // Each page shares what it shows: a case (its own image), or the site.
        if (page.shows) {
          expect(image).toBe(`${site}${lang.prefix}preview/case/${page.shows}.png`);
          expect(canonical[0].href).toBe(`${site}${lang.prefix}case/${page.shows}/`);
        }
        if (page.kind === 'widget') {
          expect(html, `${page.path} stays out of search`).toContain('<meta name="robots" content="noindex">');
        } else {
          expect(canonical[0].href, `${page.path} is its own canonical`).toBe(new URL(page.path, site).href);
          expect(ogUrl).toBe(canonical[0].href);
        }
        // The alt text is in the page's language and names who the image shows.
        const [alt] = metas(html, 'og:image:alt');
        if (page.kind === 'case') expect(alt, `${page.path} alt`).toContain(cardName(await (await request.get(page.path)).text()));
        if (lang.code !== 'en') expect(alt, `${page.path} alt in ${lang.code}`).toMatch(/[а-яіїєґ]/i);
      }
    });

    test(`each ${lang.code} case's image is a 1200 x 630 PNG of at most 100 KB`, async ({ request }) => {
      for (const p of people) {
        const res = await request.get(`/${lang.prefix}preview/case/${p.id}.png`);
        expect(res.status(), p.id).toBe(200);
        const body = await res.body();
        expect(body.length, `${p.id}: ${body.length} bytes`).toBeLessThanOrEqual(100 * 1024);
        const png = PNG.sync.read(body);
        expect([png.width, png.height], p.id).toEqual([1200, 630]);
      }
    });

    test(`a link-preview library reads each ${lang.code} case page as the person`, async ({ baseURL, request }) => {
      for (const p of people) {
        const url = new URL(`/${lang.prefix}case/${p.id}/`, baseURL).href;
        const page = await (await request.get(url)).text();
        // The library's own defaults, as an unfurler runs it.
        const { error, result } = await ogs({ url });
        expect(error, url).toBe(false);
        const name = cardName(page);
        expect(name, `${url}: the card names the person`).not.toBe('');
        expect(result.ogTitle, url).toContain(name);
        expect(result.ogTitle).toBe(decode(page.match(/<title>([^<]*)<\/title>/)?.[1] ?? ''));
        expect(result.ogDescription, url).toBe(metas(head(page), 'description')[0]);
        expect(result.twitterCard).toBe('summary_large_image');
        expect(result.ogImage?.[0]?.url, url).toBe(new URL(`/${lang.prefix}preview/case/${p.id}.png`, baseURL).href);
        expect(result.ogImage?.[0]?.width).toBe('1200');
        expect(result.ogImage?.[0]?.height).toBe('630');
        expect(result.ogLocale).toBe(lang.locale);
      }
    });
  }

  // One case of each standing, and the main page's two, in each language.
  const embeds = LANGS.flatMap((lang) => [
    ...['david-barnes', 'andre-khachatoorian', 'robert-gilman'].map((id) => ({ lang, page: `/${lang.prefix}case/${id}/`, id, shows: '.lb-card__name' })),
    { lang, page: `/${lang.prefix}`, id: 'timeline', shows: '.lb-timeline' },
    { lang, page: `/${lang.prefix}widget/petition.html`, id: 'petition', shows: 'form' },
  ]);
  for (const { lang, page, id, shows } of embeds) {
    test(`the oEmbed answer of ${page} (${id}) embeds the ${id === 'petition' ? 'form' : id === 'timeline' ? 'timeline' : 'card'}`, async ({ request, browser, baseURL }) => {
      const html = head(await (await request.get(page)).text());
      const discovered = links(html, 'alternate', 'application/json+oembed');
      const link = discovered.find((l) => l.href.endsWith(`/${id === 'timeline' || id === 'petition' ? id : `case/${id}`}.json`));
      expect(link, `${page} advertises ${id}: ${JSON.stringify(discovered)}`).toBeTruthy();
      expect(link!.title).not.toBe('');
      const res = await request.get(link!.href);
      expect(res.status()).toBe(200);
      expect(res.headers()['content-type']).toContain('application/json');
      const answer = await res.json();
      expect(answer).toMatchObject({ version: '1.0', type: 'rich', provider_name: 'Left Behind', provider_url: new URL(`/${lang.prefix}`, baseURL).href, thumbnail_width: 1200, thumbnail_height: 630 });
      expect(answer.title).toBe(link!.title);
      expect(typeof answer.width).toBe('number');
      expect(typeof answer.height).toBe('number');
      expect(answer.html).toMatch(/^<iframe [^>]*><\/iframe>$/);
      expect(answer.html).not.toContain('<script');
      const thumb = await request.get(answer.thumbnail_url);
      expect(thumb.status(), answer.thumbnail_url).toBe(200);
      expect(PNG.sync.read(await thumb.body()).width).toBe(1200);

      // An editor pastes the link; its page shows the answer's html as is.
      const context = await browser.newContext({ viewport: { width: answer.width + 40, height: answer.height + 40 } });
      const editor = await context.newPage();
      await editor.setContent(`<!doctype html><title>editor</title><body style="margin:0">${answer.html}</body>`);
      const frame = editor.frameLocator('iframe');
      const shown = frame.locator(shows).first();
      await expect(shown, `${id} shows in the frame`).toBeVisible({ timeout: 15_000 });
      if (shows === '.lb-card__name') {
        const name = cardName(await (await request.get(page)).text());
        await expect(shown).toHaveText(name);
        // The name is in the frame's first screen, not scrolled out of it.
        const box = await shown.boundingBox();
        expect(box!.y + box!.height).toBeLessThanOrEqual(answer.height);
      }
      fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await editor.screenshot({ path: path.join(SCREENSHOT_DIR, `oembed-${lang.code}-${id}.png`) });
      await context.close();
    });
  }

  test('a sheet of every preview image, each at 600 x 315, per language', async ({ browser, baseURL }) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const lang of LANGS) {
      const images = ['preview/site.png', 'preview/timeline.png', ...people.map((p) => `preview/case/${p.id}.png`)];
      const context = await browser.newContext({ viewport: { width: 1240, height: 800 } });
      const page = await context.newPage();
      await page.goto(`/${lang.prefix}`);
      await page.setContent(
        `<!doctype html><body style="margin:0;padding:10px;background:#888;display:grid;grid-template-columns:600px 600px;gap:10px">` +
          images.map((src) => `<img src="${new URL(`/${lang.prefix}${src}`, baseURL).href}" width="600" height="315" alt="">`).join('') +
          '</body>',
      );
      await page.waitForFunction(() => [...document.images].every((i) => i.complete && i.naturalWidth === 1200));
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `previews-${lang.code}.png`), fullPage: true });
      await context.close();
    }
  });
});
