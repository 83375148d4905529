// End-to-end tests of the embeddable widget: embed.js on a partner's page
// (tests/e2e/host-site.mjs, a second origin on 127.0.0.1:4174, under a strict
// Content-Security-Policy) turning elements into sandboxed iframes of the
// widget pages the release build prerenders in dist/widget/.
//
// The release build must name 127.0.0.1:4173 as its site (scripts/test.sh
// sets LEFT_BEHIND_SITE_URL), so the snippets the cards offer load from here.
import { test, expect, type Browser, type BrowserContext, type Frame, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { startReceiver } from '../receiver/receiver.mjs';
import { WCAG_TAGS, axeReport, axeViolations } from './fixtures/axe';
import { ROOT, SCREENSHOT_DIR, personById } from './fixtures/data';
import { parse } from 'smol-toml';
import { watchErrors } from './fixtures/pages';

const WIDGET = 'http://127.0.0.1:4173';
const HOST = 'http://127.0.0.1:4174';
/** A moment for every clock, so two loads show the same digits. */
const FIXED_NOW = new Date('2026-11-20T12:34:56Z');

const TEXT = {
  failed: 'This Left Behind widget could not load.',
  unknownCase: 'Left Behind could not show the case “nobody”: check the id, or try again later.',
  unknownView: 'Left Behind has no widget “map”. Views: card, cards, counter, timeline, petition',
  seeAll: 'See every case on Left Behind',
  copied: 'Copied.',
  thanks: 'Thank you for signing.',
};

/** What the loader itself says in Russian and Ukrainian (src/core/text/{ru,uk}.rs). */
const LOADER_WORDS = {
  ru: { failed: 'Не удалось загрузить виджет Left Behind.', seeAll: 'Все дела — на сайте Left Behind' },
  uk: { failed: 'Не вдалося завантажити віджет Left Behind.', seeAll: 'Усі справи — на сайті Left Behind' },
};

/** A person's name as data/<lang>/cases.toml spells it. */
const nameIn = (lang: 'ru' | 'uk', id: string): string => {
  const doc = parse(fs.readFileSync(path.join(ROOT, 'data', lang, 'cases.toml'), 'utf8')) as {
    person: Record<string, { name: string }>;
  };
  return doc.person[id].name;
};

/** "1 772 дня": the count grouped and its word in the plural form CLDR gives (Node's Intl, not the app's Rust). */
const DAY_WORDS = {
  ru: { one: 'день', few: 'дня', many: 'дней' },
  uk: { one: 'день', few: 'дні', many: 'днів' },
} as const;
const daysIn = (lang: 'ru' | 'uk', n: number) => {
  const form = new Intl.PluralRules(lang).select(n) as keyof (typeof DAY_WORDS)['ru'];
  return `${new Intl.NumberFormat(lang).format(n)} ${DAY_WORDS[lang][form]}`;
};

/** A partner's page whose body holds `body`, with `css` "plain" or "hostile". */
const hostUrl = (body: string, css: 'plain' | 'hostile' = 'plain') =>
  `${HOST}/page?css=${css}&body=${encodeURIComponent(body)}`;
const slot = (attrs: string, fallback = '') => `<div class="slot" ${attrs}>${fallback}</div>`;

type Opened = { context: BrowserContext; page: Page; errors: string[]; warnings: string[] };

/** A fresh context, on a fixed clock unless `fixed` is false, collecting console errors of every frame. */
async function open(browser: Browser, url: string, { fixed = true } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
  if (fixed) await context.clock.setFixedTime(FIXED_NOW);
  const page = await context.newPage();
  const errors: string[] = [];
  const warnings: string[] = [];
  watchErrors(page, errors);
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(url);
  return { context, page, errors, warnings };
}

/** The widget frame whose page path ends with `suffix`, once its islands run. */
async function widgetFrame(page: Page, suffix: string): Promise<Frame> {
  let frame: Frame | undefined;
  await expect
    .poll(() => (frame = page.frames().find((f) => f.url().split('#')[0].endsWith(suffix))) !== undefined, {
      message: `a frame of ${suffix} appears`,
    })
    .toBe(true);
  await frame!.waitForFunction(() => 'wasmBindings' in window, null, { timeout: 15_000 });
  // Islands mount in batches after the WASM starts.
  await frame!.waitForFunction(() => !document.querySelector('[data-island=timer]') ||
    document.querySelector('[data-island=timer] .lb-timer') !== null);
  // And the last batch has mounted: a batch of 8 a task (src/islands.rs), so one task
  // queued behind each batch. (Not animation frames: an iframe off screen gets none.)
  await frame!.evaluate(async () => {
    const batches = Math.ceil(document.querySelectorAll('[data-island]').length / 8);
    for (let i = 0; i <= batches; i++) await new Promise((r) => setTimeout(r, 0));
  });
  return frame!;
}

/** The iframe's height on the partner's page and its content's height inside. */
async function heights(frame: Frame) {
  const element = await frame.frameElement();
  const outer = (await element.boundingBox())!.height;
  const inner = await frame.evaluate(() => document.body.getBoundingClientRect().height);
  return { outer, inner };
}

async function expectSized(frame: Frame, why: string) {
  await expect
    .poll(async () => {
      const { outer, inner } = await heights(frame);
      return Math.abs(outer - inner);
    }, { message: `the iframe is as tall as its content (${why})` })
    .toBeLessThanOrEqual(3);
}

async function shot(frame: Frame, name: string): Promise<PNG> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const buffer = await (await frame.frameElement()).screenshot({ path: path.join(SCREENSHOT_DIR, name) });
  return PNG.sync.read(buffer);
}

/** `height` rows of an image from row `top`. */
function rows(png: PNG, top: number, height: number): PNG {
  const out = new PNG({ width: png.width, height });
  png.data.copy(out.data, 0, top * png.width * 4, (top + height) * png.width * 4);
  return out;
}

/** Share of pixels that differ between two screenshots of one view. A frame
 * at a fractional position on the page is captured from a row above or
 * below: the best of those alignments counts. */
function difference(a: PNG, b: PNG, diffName: string): number {
  expect(a.width, 'both screenshots have the same width').toBe(b.width);
  expect(Math.abs(a.height - b.height), 'both screenshots have the same height').toBeLessThanOrEqual(1);
  const height = Math.min(a.height, b.height) - 1;
  let best = { changed: Infinity, diff: new PNG({ width: a.width, height }) };
  for (const [ta, tb] of [[0, 0], [1, 0], [0, 1]]) {
    const diff = new PNG({ width: a.width, height });
    const changed = pixelmatch(rows(a, ta, height).data, rows(b, tb, height).data, diff.data, a.width, height, {
      threshold: 0.1,
    });
    if (changed < best.changed) best = { changed, diff };
  }
  fs.writeFileSync(path.join(SCREENSHOT_DIR, diffName), PNG.sync.write(best.diff));
  return best.changed / (a.width * height);
}

const HOST_STYLE_PROPS = ['font-size', 'color', 'font-family', 'letter-spacing', 'text-transform', 'line-height'];
const hostStyles = (page: Page) =>
  page.evaluate((props) => {
    const of = (sel: string) => {
      const s = getComputedStyle(document.querySelector(sel)!);
      return props.map((p) => `${sel} ${p}: ${s.getPropertyValue(p)}`);
    };
    return [...of('.host-heading'), ...of('.host-text'), `body background: ${getComputedStyle(document.body).backgroundColor}`];
  }, HOST_STYLE_PROPS);

const TWO_WIDGETS =
  slot('data-left-behind="card" data-case="robert-gilman"', '<a href="/">Robert Gilman, on Left Behind</a>') +
  slot('data-left-behind="counter" data-case="david-barnes" data-theme="dark"');

test.describe('embed.js on a partner page', () => {
  test('two widgets on a hostile page look exactly as on a plain page, and leave the page alone', async ({ browser }) => {
    const plain = await open(browser, hostUrl(TWO_WIDGETS, 'plain'));
    const hostile = await open(browser, hostUrl(TWO_WIDGETS, 'hostile'));
    const bare = await open(browser, hostUrl('', 'hostile'));
    try {
      for (const [name, suffix] of [['card', '/card/robert-gilman.html'], ['counter', '/counter/david-barnes.html']]) {
        const a = await widgetFrame(plain.page, suffix);
        const b = await widgetFrame(hostile.page, suffix);
        await expectSized(a, `${name}, plain page`);
        await expectSized(b, `${name}, hostile page`);
        const share = difference(await shot(a, `widget-${name}-plain.png`), await shot(b, `widget-${name}-hostile.png`),
          `widget-${name}-diff.png`);
        expect(share, `the ${name} widget on the hostile page differs from the plain page in ${(share * 100).toFixed(2)}% of pixels`)
          .toBeLessThan(0.002);
      }
      await plain.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'widget-host-plain.png'), fullPage: true });
      await hostile.page.screenshot({ path: path.join(SCREENSHOT_DIR, 'widget-host-hostile.png'), fullPage: true });

      const card = await widgetFrame(hostile.page, '/card/robert-gilman.html');
      await expect(card.getByRole('heading', { name: 'Robert Gilman' })).toBeVisible();
      expect(await card.evaluate(() => getComputedStyle(document.querySelector('.lb-card__name')!).fontSize),
        'the host\'s `* { font-size: 40px !important }` does not reach the widget').not.toBe('40px');
      const counter = await widgetFrame(hostile.page, '/counter/david-barnes.html');
      await expect(counter.locator('.lb-counter')).toContainText(/^David Barnes: detained [\d,]+ days$/);
      expect(await counter.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'data-theme="dark"')
        .toBe('dark');

      expect(await hostStyles(hostile.page), 'the host\'s own elements keep their styles').toEqual(await hostStyles(bare.page));
      for (const o of [plain, hostile, bare]) expect(o.errors, 'no console errors').toEqual([]);
    } finally {
      for (const o of [plain, hostile, bare]) await o.context.close();
    }
  });

  test('each iframe is as tall as its content, also after the content or the width changes', async ({ browser }) => {
    const { context, page, errors } = await open(browser, hostUrl(TWO_WIDGETS, 'hostile'));
    try {
      const frame = await widgetFrame(page, '/card/robert-gilman.html');
      await expectSized(frame, 'at load');
      const before = (await heights(frame)).outer;
      await frame.getByText('Read more').click();
      await expect.poll(async () => (await heights(frame)).outer, { message: 'the iframe grows with the story' })
        .toBeGreaterThan(before + 40);
      await expectSized(frame, 'after "Read more"');
      await page.setViewportSize({ width: 400, height: 900 });
      await expectSized(frame, 'on a narrow screen');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  /** Signs the petition in a widget with these attributes; returns what the receiver got. */
  async function signInWidget(browser: Browser, attrs: string, shotName: string) {
    const receiver = await startReceiver({ port: 0, quiet: true });
    const body = slot(`data-left-behind="petition" ${attrs} data-endpoint="${receiver.url}" data-encoding="json"`);
    // Real time: the form's bundle loads on its own clock.
    const { context, page, errors, warnings } = await open(browser, hostUrl(body, 'hostile'), { fixed: false });
    try {
      const frame = await widgetFrame(page, '/widget/petition.html');
      const button = frame.locator('button[type=submit]');
      await expect(frame.locator('form[data-live]'), 'the form comes alive inside the widget').toHaveCount(1, {
        timeout: 15_000,
      });
      await frame.getByLabel('First name', { exact: true }).fill('Ann');
      await frame.getByLabel('Last name', { exact: true }).fill('Lee');
      await frame.getByLabel('Email', { exact: true }).fill('ann@example.com');
      await frame.getByLabel('ZIP code', { exact: true }).fill('02134');
      await button.click();
      await expect(frame.getByText(TEXT.thanks)).toBeVisible({ timeout: 10_000 });
      await expect.poll(() => receiver.signatures.length, { message: 'the receiver gets the signature' }).toBe(1);
      await expectSized(frame, 'after thanks replaced the form');
      await shot(frame, shotName);
      expect(errors).toEqual([]);
      return { fields: receiver.signatures[0].fields as Record<string, unknown>, warnings };
    } finally {
      await context.close();
      await receiver.close();
    }
  }

  test('a signature given in a petition widget reaches the endpoint with the partner id', async ({ browser }) => {
    const { fields } = await signInWidget(browser, 'data-partner="family-blog"', 'widget-petition-signed.png');
    expect(fields.source, 'the partner id travels with the signature').toBe('family-blog');
    expect(fields.first_name).toBe('Ann');
  });

  test('a malformed partner id is left out with a warning, and the signature still arrives', async ({ browser }) => {
    const { fields, warnings } = await signInWidget(browser, 'data-partner="our blog!"', 'widget-petition-bad-partner.png');
    expect(fields.first_name, 'nothing is lost').toBe('Ann');
    expect(fields.source ?? '', 'no malformed source reaches the endpoint').toBe('');
    expect(warnings.join('\n'), 'the editor is told why').toContain('data-partner');
  });

  test('an unknown case, an unknown view and a widget that cannot load each say so in place', async ({ browser }) => {
    const body =
      slot('data-left-behind="card" data-case="nobody"', '<a href="/">A case on Left Behind</a>') +
      slot('data-left-behind="map"') +
      slot('data-left-behind="timeline"', '<a href="/">The timeline on Left Behind</a>');
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    const widgetPages: string[] = [];
    page.on('request', (r) => r.url().includes('/widget/') && widgetPages.push(r.url()));
    await page.route(`${WIDGET}/widget/timeline.html`, (route) => route.abort());
    try {
      await page.goto(hostUrl(body, 'hostile'));
      await expect(page.getByText(TEXT.unknownCase)).toBeVisible({ timeout: 10_000 });
      await expect(page.getByText(TEXT.unknownView)).toBeVisible();
      await expect(page.getByText(TEXT.failed), 'a widget whose page fails says so').toBeVisible({ timeout: 10_000 });
      await expect(page.getByRole('link', { name: TEXT.seeAll })).toHaveCount(3);
      await expect(page.getByRole('link', { name: TEXT.seeAll }).first()).toHaveAttribute('href', `${WIDGET}/`);
      expect(widgetPages.some((u) => u.includes('/widget/map')), 'an unknown view loads nothing').toBe(false);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'widget-messages.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  test('a page without a widget element makes no request; an element added later becomes a widget', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    try {
      await page.goto(hostUrl(''));
      // Nothing more to load: the network stays quiet.
      await page.waitForLoadState('networkidle');
      expect(requests.filter((u) => u.startsWith(WIDGET)), 'only the loader itself').toEqual([`${WIDGET}/embed.js`]);
      await page.evaluate(() => {
        const el = document.createElement('div');
        el.dataset.leftBehind = 'counter';
        el.dataset.case = 'david-barnes';
        document.querySelector('main')!.append(el);
      });
      const frame = await widgetFrame(page, '/counter/david-barnes.html');
      await expect(frame.locator('.lb-counter')).toContainText('David Barnes: detained');
    } finally {
      await context.close();
    }
  });

  test('a widget far down the page loads only when the reader comes near it', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    const widgetPages: string[] = [];
    page.on('request', (r) => r.url().includes('/widget/') && widgetPages.push(r.url()));
    try {
      await page.goto(hostUrl('<div class="spacer"></div>' + slot('data-left-behind="counter" data-case="david-barnes"')));
      // The loader has taken the element, and its "near the screen?" observer has answered once.
      await expect(page.locator('[data-left-behind-state]')).toHaveCount(1);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      expect(widgetPages, 'nothing loads for a widget 6,000 px down').toEqual([]);
      await page.mouse.wheel(0, 5000);
      const frame = await widgetFrame(page, '/counter/david-barnes.html');
      await expect(frame.locator('.lb-counter')).toContainText('David Barnes: detained');
      expect(widgetPages).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  test('options: several cards, compact, themes, and the cards a partner named that do not exist', async ({ browser }) => {
    const body =
      slot('data-left-behind="cards" data-cases="david-barnes, robert-gilman,nobody" data-compact="true"') +
      slot('data-left-behind="timeline" data-compact data-theme="dark"');
    const { context, page, errors } = await open(browser, hostUrl(body));
    try {
      const frame = await widgetFrame(page, '/widget/cards.html');
      await expect(frame.locator('.lb-card')).toHaveCount(2);
      await expect(frame.locator('.lb-card h3')).toHaveText(['Robert Gilman', 'David Barnes']);
      await expect(frame.locator('.lb-story').first(), 'compact: no story').toBeHidden();
      await expect(frame.locator('.lb-sources').first(), 'compact keeps the sources').toBeVisible();
      await expect(frame.getByText('Not found: nobody')).toBeVisible();
      expect(await frame.evaluate(() => getComputedStyle(document.documentElement).colorScheme),
        'no data-theme: the reader\'s setting').toBe('light dark');
      await expectSized(frame, 'two compact cards');
      await shot(frame, 'widget-cards-compact.png');

      const timeline = await widgetFrame(page, '/widget/timeline.html');
      const first = timeline.locator('.lb-event').first();
      await expect(first.locator('.lb-event__summary'), 'compact: no summary').toBeHidden();
      await expect(first.locator('.lb-event__people').first(), 'compact keeps the people').toBeVisible();
      // The timeline folds each exchange's details; its sources are a tap away.
      await first.getByText('Details', { exact: true }).click();
      await expect(first.locator('.lb-sources'), 'compact keeps the sources').toBeVisible();
      expect(await timeline.evaluate(() => getComputedStyle(document.documentElement).colorScheme)).toBe('dark');
      await expectSized(timeline, 'compact timeline');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test.describe('data-lang', () => {
  // Detained, with a known arrest day: on the fixed clock the count is exact.
  const barnes = personById.get('david-barnes')!;
  const barnesDays = Math.floor((FIXED_NOW.getTime() - Date.parse(`${barnes.arrest.date}T00:00:00${barnes.arrest.offset}`)) / 86_400_000);

  for (const lang of ['ru', 'uk'] as const) {
    test(`data-lang="${lang}" shows the card in ${lang}, with its plural`, async ({ browser }) => {
      const body = slot(`data-left-behind="card" data-case="david-barnes" data-lang="${lang}"`) +
        slot(`data-left-behind="counter" data-case="david-barnes" data-lang="${lang}"`);
      const { context, page, errors, warnings } = await open(browser, hostUrl(body, 'hostile'));
      try {
        const card = await widgetFrame(page, `/${lang}/widget/card/david-barnes.html`);
        expect(await card.evaluate(() => document.documentElement.lang)).toBe(lang);
        const name = nameIn(lang, 'david-barnes');
        await expect(card.getByRole('heading', { name })).toBeVisible();
        await expect(card.locator('.lb-card')).toContainText(daysIn(lang, barnesDays));
        const counter = await widgetFrame(page, `/${lang}/widget/counter/david-barnes.html`);
        await expect(counter.locator('.lb-counter')).toContainText(`${name}: `);
        await expect(counter.locator('.lb-counter')).toContainText(daysIn(lang, barnesDays));
        // The frame's links open the language's pages.
        expect(await counter.locator('.lb-counter__name').evaluate((a) => (a as HTMLAnchorElement).href))
          .toBe(`${WIDGET}/${lang}/#/case/david-barnes`);
        // The frame takes the page's own title, in its language.
        await expect.poll(() => card.frameElement().then((f) => f.getAttribute('title')))
          .toBe(`${name} — ${lang === 'ru' ? 'на сайте' : 'на сайті'} Left Behind`);
        await expectSized(card, `${lang} card`);
        await shot(card, `widget-card-${lang}.png`);
        expect(warnings.filter((w) => w.includes('data-lang')), 'a language the site has raises no warning').toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  test('an unknown data-lang shows English and tells the editor why', async ({ browser }) => {
    const body = slot('data-left-behind="card" data-case="david-barnes" data-lang="xx"');
    const { context, page, errors, warnings } = await open(browser, hostUrl(body));
    try {
      const card = await widgetFrame(page, '/card/david-barnes.html');
      expect(new URL(card.url()).pathname, 'the English page').toBe('/widget/card/david-barnes.html');
      expect(await card.evaluate(() => document.documentElement.lang)).toBe('en');
      await expect(card.getByRole('heading', { name: 'David Barnes' })).toBeVisible();
      expect(warnings.join('\n'), 'the warning names the attribute').toContain('data-lang');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the loader\'s own messages are in the widget\'s language and link to its pages', async ({ browser }) => {
    const body = slot('data-left-behind="timeline" data-lang="ru"') + slot('data-left-behind="petition" data-lang="uk"');
    const context = await browser.newContext({ viewport: { width: 800, height: 900 } });
    const page = await context.newPage();
    await page.route(`${WIDGET}/ru/widget/timeline.html`, (route) => route.abort());
    await page.route(`${WIDGET}/uk/widget/petition.html`, (route) => route.abort());
    try {
      await page.goto(hostUrl(body, 'hostile'));
      for (const lang of ['ru', 'uk'] as const) {
        const { failed, seeAll } = LOADER_WORDS[lang];
        await expect(page.getByText(failed), `${lang}: a widget whose page fails says so`).toBeVisible({ timeout: 10_000 });
        await expect(page.getByRole('link', { name: seeAll })).toHaveAttribute('href', `${WIDGET}/${lang}/`);
      }
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'widget-messages-ru-uk.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });
});

test.describe('the widget pages', () => {
  for (const [page, theme] of [
    ['card/robert-gilman', 'light'],
    ['card/ksenia-karelina', 'dark'],
    ['counter/robert-gilman', 'dark'],
    ['cards', 'light'],
    ['timeline', 'dark'],
    ['petition', 'light'],
  ]) {
    test(`axe finds no WCAG 2.2 AA violations: ${page}, ${theme}`, async ({ browser }) => {
      const context = await browser.newContext();
      const tab = await context.newPage();
      try {
        await tab.goto(`${WIDGET}/widget/${page}.html#theme=${theme}`);
        await tab.waitForFunction(() => 'wasmBindings' in window);
        // Islands mount in batches after the WASM starts.
        await tab.waitForFunction(() => !document.querySelector('[data-island=timer]') ||
          document.querySelector('[data-island=timer] .lb-timer') !== null);
        await expect(tab.locator('.lb-embed'), 'a widget offers no embed of itself').toHaveCount(0);
        const violations = await axeViolations(tab, { tags: [...WCAG_TAGS, 'wcag21a'] });
        expect(violations, `axe violations:\n${axeReport(violations)}`).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});

test('every widget view fits a 240 px column without scrolling sideways, in every language', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 240, height: 900 } });
  const tab = await context.newPage();
  try {
    // Cyrillic runs longer than English.
    for (const prefix of ['', 'ru/', 'uk/']) {
      for (const view of ['card/andre-khachatoorian', 'counter/andre-khachatoorian', 'cards', 'timeline', 'petition']) {
        await tab.goto(`${WIDGET}/${prefix}widget/${view}.html`);
        await tab.waitForFunction(() => 'wasmBindings' in window);
        const [client, scroll] = await tab.evaluate(() => [document.documentElement.clientWidth, document.documentElement.scrollWidth]);
        expect(scroll, `${prefix}${view} is ${scroll} px wide in a ${client} px frame`).toBeLessThanOrEqual(client);
      }
    }
  } finally {
    await context.close();
  }
});

test.describe('the Embed action on cards', () => {
  test('shows the snippet, copies it, and the snippet works on a partner page', async ({ browser }) => {
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    try {
      // A card's embed lives with its full record, on the case page.
      await page.goto('/case/robert-gilman/');
      await page.waitForFunction(() => 'wasmBindings' in window);
      const card = page.locator('#case-robert-gilman');
      await card.locator('summary', { hasText: 'Embed' }).click();
      const code = card.locator('#lb-embed-card-robert-gilman');
      await expect(code).toHaveText(
        `<script async src="${WIDGET}/embed.js"></script>\n` +
          `<div data-left-behind="card" data-case="robert-gilman"><a href="${WIDGET}/#/case/robert-gilman">Robert Gilman, on Left Behind</a></div>`,
      );
      const copy = card.locator('button[data-copy="lb-embed-card-robert-gilman"]');
      await copy.click();
      await expect(copy.locator('xpath=following-sibling::*[@role="status"][1]')).toHaveText(TEXT.copied);
      const snippet = await page.evaluate(() => navigator.clipboard.readText());
      expect(snippet).toBe(await code.textContent());
      await card.screenshot({ path: path.join(SCREENSHOT_DIR, 'widget-embed-action.png') });

      await page.goto('/');
      await page.waitForFunction(() => 'wasmBindings' in window);
      for (const [section, view, link] of [
        ['#lb-timeline', 'timeline', 'Exchanges since 1962, on Left Behind'],
        ['#lb-petition', 'petition', 'Sign the petition on Left Behind'],
      ]) {
        await page.locator(`${section} summary.lb-embed__toggle`).click();
        await expect(page.locator(`#lb-embed-${view}`), `the ${view} has its snippet`).toHaveText(
          `<script async src="${WIDGET}/embed.js"></script>\n` +
            `<div data-left-behind="${view}"><a href="${WIDGET}/${section}">${link}</a></div>`,
        );
      }

      // Pasted as is (its script tag too, beside the page's own), it shows the card once.
      const partner = await context.newPage();
      await partner.goto(hostUrl(snippet, 'hostile'));
      const frame = await widgetFrame(partner, '/card/robert-gilman.html');
      await expect(frame.getByRole('heading', { name: 'Robert Gilman' })).toBeVisible();
      await expect(partner.locator('iframe')).toHaveCount(1);
    } finally {
      await context.close();
    }
  });

  test('on a Russian or Ukrainian page the snippets carry their data-lang, and show that language', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto('/ru/case/robert-gilman/');
      await page.waitForFunction(() => 'wasmBindings' in window);
      const card = page.locator('#case-robert-gilman');
      await card.locator('summary.lb-embed__toggle').click();
      const name = nameIn('ru', 'robert-gilman');
      const code = card.locator('#lb-embed-card-robert-gilman');
      await expect(code).toHaveText(
        `<script async src="${WIDGET}/embed.js"></script>\n` +
          `<div data-left-behind="card" data-case="robert-gilman" data-lang="ru">` +
          `<a href="${WIDGET}/ru/#/case/robert-gilman">${name} — на сайте Left Behind</a></div>`,
      );
      await expect(card.locator('#lb-embed-counter-robert-gilman')).toContainText('data-lang="ru"');
      const snippet = (await code.textContent())!;

      await page.goto('/uk/');
      await page.waitForFunction(() => 'wasmBindings' in window);
      await page.locator('#lb-timeline summary.lb-embed__toggle').click();
      await expect(page.locator('#lb-embed-timeline')).toContainText(
        `<div data-left-behind="timeline" data-lang="uk"><a href="${WIDGET}/uk/#lb-timeline">`,
      );

      const partner = await context.newPage();
      await partner.goto(hostUrl(snippet, 'hostile'));
      const frame = await widgetFrame(partner, '/ru/widget/card/robert-gilman.html');
      await expect(frame.getByRole('heading', { name })).toBeVisible();
    } finally {
      await context.close();
    }
  });
});
