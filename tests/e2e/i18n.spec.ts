// The site in English, Russian and Ukrainian (issue 14), as a reader of each
// meets it in the release build: day counts that are right and read right
// («1 801 день», «1 783 дня»), dates with genitive months, the head a link
// preview and a search engine read, a switcher that keeps the person, pages
// that pass axe and fit a 320 px phone, and a petition signed on /uk/ that
// says so. The words to expect come from tests/e2e/fixtures/l10n.ts, written
// independently of the app's Rust text module.
import { test, expect, type APIRequestContext, type Page } from '@playwright/test';
import { DAY_MS, daysSince, detained, instant, people, personById, type Person } from './fixtures/data';
import { openPage, waitForIslands } from './fixtures/pages';
import { axeCounts, axeReport, axeViolations } from './fixtures/axe';
import { ownReceiver } from './fixtures/receiver';
import {
  LANGS,
  OG_LOCALE,
  OWN_NAME,
  casePathIn,
  daysIn,
  daysWord,
  formWords,
  fullDateIn,
  isFullDateIn,
  monthDateIn,
  nameIn,
  parseDays,
  prefix,
  type Lang,
} from './fixtures/l10n';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
/** The origin the build names in its absolute URLs (LEFT_BEHIND_SITE_URL), which is where Playwright serves dist/. */
const SITE = 'http://127.0.0.1:4173';

const campaign = people.filter((p) => p.campaign === true);
/** The campaign's people the data still lists as detained: the hero counts their days. */
const stillHeld = detained.filter((p) => p.campaign === true);
const karelina = personById.get('ksenia-karelina')!;
const barnes = personById.get('david-barnes')!;

/** Before a count when the arrest day is not known. */
const ABOUT: Record<Lang, string> = { en: 'about ', ru: 'примерно ', uk: 'приблизно ' };

/** Where a held person's count starts: the arrest instant, or the first of the month when the day is unknown. */
const countFrom = (p: Person) => (p.dayKnown ? p.startMs : instant(p.arrest.date, p.arrest.offset, p.arrest.time));

/**
 * Checks a shown day count of `p` read between `before` and `after`: the number
 * is the days since the arrest at one of those moments, the digits are grouped
 * as `lang` groups them and the word after it is the plural form for that number.
 */
function expectDayCount(lang: Lang, p: Person, shown: string, before: number, after: number, what: string) {
  const about = p.dayKnown ? '' : ABOUT[lang];
  expect(shown.startsWith(about), `${what}: "${shown}" starts with "${about}"`).toBe(true);
  const parsed = parseDays(lang, shown.slice(about.length));
  expect(parsed, `${what}: "${shown}" reads as a grouped number and one word`).not.toBeNull();
  const { n, word } = parsed!;
  const truth = [...new Set([daysSince(countFrom(p), before), daysSince(countFrom(p), after)])];
  expect(truth, `${what}: ${n} is the days since ${p.arrest.date} ${p.arrest.offset}`).toContain(n);
  expect(word, `${what}: the word after ${n}`).toBe(daysWord(lang, n));
  expect(shown, `${what}: digits grouped as ${lang} groups them`).toBe(about + daysIn(lang, n));
}

test.describe('the site in English, Russian and Ukrainian', () => {
  for (const lang of LANGS) {
    test(`${prefix(lang)}: the hero counts each held person's days with the right word, and the cards theirs`, async ({ browser }) => {
      expect(stillHeld.length, 'the data has campaign people still held').toBeGreaterThan(0);
      const { page, pageErrors, close } = await openPage(browser, PHONE, prefix(lang));
      await waitForIslands(page);
      await expect(page.locator('html'), '<html lang>').toHaveAttribute('lang', lang);
      const held = page.getByTestId('held-person');
      await expect(held, 'one hero row per campaign person still held').toHaveCount(stillHeld.length);

      const before = Date.now();
      const shown = await page.evaluate(() => ({
        hero: [...document.querySelectorAll('[data-testid=held-person]')].map((el) => ({
          name: el.querySelector('a')?.textContent?.trim() ?? '',
          days: el.querySelector('.lb-days')?.textContent?.trim() ?? '',
        })),
        cards: Object.fromEntries(
          [...document.querySelectorAll('article[data-case]')].map((el) => [
            el.getAttribute('data-case'),
            el.querySelector('.lb-timer__days')?.textContent?.trim() ?? '',
          ]),
        ),
      }));
      const after = Date.now();

      for (const p of stillHeld) {
        const name = nameIn(lang, p.id, p.name);
        const row = shown.hero.find((r) => r.name === name);
        expect(row, `the hero names ${name}; it shows ${shown.hero.map((r) => r.name).join(', ')}`).toBeDefined();
        expectDayCount(lang, p, row!.days, before, after, `${name} in the hero`);
        expectDayCount(lang, p, shown.cards[p.id] ?? '', before, after, `${name}'s card`);
      }
      // A timer that came home stands at the days between arrest and release.
      for (const p of campaign.filter((q) => q.status.state === 'released' && !Number.isNaN(q.endMs))) {
        const n = Math.floor((p.endMs - p.startMs) / DAY_MS);
        expect(shown.cards[p.id], `${p.name}'s card, frozen at the release`).toBe(daysIn(lang, n));
      }
      expect(pageErrors, 'uncaught page errors').toEqual([]);
      await close();

      // Without JavaScript (or before it runs) the prerendered count reads right
      // too: as of the build, today or yesterday.
      const off = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
      const still = await off.newPage();
      await still.goto(prefix(lang));
      for (const p of stillHeld) {
        const name = nameIn(lang, p.id, p.name);
        const row = still.getByTestId('held-person').filter({ has: still.getByRole('link', { name, exact: true }) });
        const days = (await row.locator('.lb-days').textContent())?.trim() ?? '';
        const now = Date.now();
        expectDayCount(lang, p, days, now - DAY_MS, now, `${name} in the prerendered hero`);
      }
      await off.close();
    });
  }

  test('the head of every main and case page: <html lang>, hreflang alternates that resolve, og:locale, one og:title', async ({
    browser,
    request,
  }) => {
    // What crawlers and link previews read: the prerendered HTML, no script run.
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const resolved = new Map<string, string>();
    /** The `<html lang>` of the page at `url` in the built site (404 fails). */
    const langAt = async (request: APIRequestContext, url: string) => {
      if (!resolved.has(url)) {
        const res = await request.get(url);
        expect(res.status(), `${url} is in the built site`).toBe(200);
        resolved.set(url, /<html lang="([^"]+)"/.exec(await res.text())?.[1] ?? '(none)');
      }
      return resolved.get(url)!;
    };

    const paths = ['', ...people.map((p) => `case/${p.id}/`)];
    for (const lang of LANGS) {
      for (const rest of paths) {
        const url = `${prefix(lang)}${rest}`;
        await page.goto(url);
        const head = await page.evaluate(() => {
          const all = (sel: string, attr: string) => [...document.querySelectorAll(sel)].map((e) => e.getAttribute(attr) ?? '');
          return {
            lang: document.documentElement.getAttribute('lang'),
            title: document.title,
            alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [
              l.getAttribute('hreflang') ?? '',
              l.getAttribute('href') ?? '',
            ]),
            canonical: all('link[rel=canonical]', 'href'),
            ogTitle: all('meta[property="og:title"]', 'content'),
            ogUrl: all('meta[property="og:url"]', 'content'),
            ogLocale: all('meta[property="og:locale"]', 'content'),
            ogLocaleAlternate: all('meta[property="og:locale:alternate"]', 'content'),
          };
        });
        expect(head.lang, `${url}: <html lang>`).toBe(lang);
        expect(head.ogTitle, `${url}: exactly one og:title, the page's title`).toEqual([head.title]);
        if (rest) {
          const p = personById.get(rest.split('/')[1])!;
          expect(head.title, `${url}: the title names the person as ${lang} spells it`).toContain(nameIn(lang, p.id, p.name));
        }
        if (lang !== 'en') expect(head.title, `${url}: the title is in Cyrillic`).toMatch(/[а-яіїєґ]/i);
        const self = `${SITE}${url}`;
        expect(head.canonical, `${url}: canonical`).toEqual([self]);
        expect(head.ogUrl, `${url}: og:url`).toEqual([self]);
        expect(head.ogLocale, `${url}: og:locale`).toEqual([OG_LOCALE[lang]]);
        expect([...head.ogLocaleAlternate].sort(), `${url}: og:locale:alternate`).toEqual(
          LANGS.filter((l) => l !== lang)
            .map((l) => OG_LOCALE[l])
            .sort(),
        );
        expect(head.alternates.map(([h]) => h).sort(), `${url}: one alternate per language and x-default`).toEqual(
          ['en', 'ru', 'uk', 'x-default'].sort(),
        );
        const alternates = Object.fromEntries(head.alternates);
        for (const l of LANGS) {
          expect(alternates[l], `${url}: hreflang=${l}, an absolute URL of the same page`).toBe(`${SITE}${prefix(l)}${rest}`);
          expect(await langAt(request, alternates[l]), `${alternates[l]} is the ${l} page`).toBe(l);
        }
        expect(alternates['x-default'], `${url}: x-default is the English page`).toBe(`${SITE}/${rest}`);
      }
    }
    await context.close();
  });

  test('the switcher keeps the person: /ru/case/<id>/ → Українська → the same person in Ukrainian', async ({ browser }) => {
    const { page, pageErrors, close } = await openPage(browser, {}, '/ru/');
    const switcher = () => page.locator('nav.lb-langs');
    for (const p of campaign) {
      await page.goto(casePathIn('ru', p.id));
      await expect(switcher().getByRole('link', { name: OWN_NAME.ru, exact: true }), 'Русский is the current one').toHaveAttribute(
        'aria-current',
        'page',
      );
      await switcher().getByRole('link', { name: OWN_NAME.uk, exact: true }).click();
      await expect(page, `${p.id}: Українська leads to the same person`).toHaveURL(`${SITE}${casePathIn('uk', p.id)}`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
      await expect(page.locator(`#case-${p.id} .lb-card__name`), 'the person, named in Ukrainian').toHaveText(
        nameIn('uk', p.id, p.name),
      );
      await expect(switcher().getByRole('link', { name: OWN_NAME.uk, exact: true })).toHaveAttribute('aria-current', 'page');
      await waitForIslands(page);
      const before = Date.now();
      const days = (await page.locator(`#case-${p.id} .lb-timer__days`).textContent())?.trim() ?? '';
      const after = Date.now();
      if (p.status.state === 'released') {
        expect(days, `${p.id}: held days, in Ukrainian`).toBe(daysIn('uk', Math.floor((p.endMs - p.startMs) / DAY_MS)));
      } else {
        expectDayCount('uk', p, days, before, after, `${p.id}'s timer in Ukrainian`);
      }
      // And back to English, the same person at the root.
      await switcher().getByRole('link', { name: OWN_NAME.en, exact: true }).click();
      await expect(page).toHaveURL(`${SITE}/case/${p.id}/`);
      await expect(page.locator(`#case-${p.id} .lb-card__name`)).toHaveText(p.name);
    }
    // On the main page the switcher goes to the other language's main page.
    await page.goto('/ru/');
    await switcher().getByRole('link', { name: OWN_NAME.uk, exact: true }).click();
    await expect(page).toHaveURL(`${SITE}/uk/`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  for (const url of ['/ru/', '/uk/', casePathIn('ru', barnes.id)]) {
    test(`axe: no WCAG 2.2 AA violations on ${url}`, async ({ browser }) => {
      const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } }, url);
      await waitForIslands(page);
      const violations = await axeViolations(page);
      expect(axeCounts(violations), axeReport(violations)).toEqual([]);
      await close();
    });
  }

  test('nothing overflows at 320 px on /ru/ and /uk/, main and case pages (Cyrillic runs longer)', async ({ browser }) => {
    const { page, close } = await openPage(browser, { viewport: { width: 320, height: 800 } }, '/ru/');
    const urls = (['ru', 'uk'] as const).flatMap((lang) => [prefix(lang), ...people.map((p) => casePathIn(lang, p.id))]);
    const wide: string[] = [];
    for (const url of urls) {
      await page.goto(url);
      await waitForIslands(page);
      await page.evaluate(() => document.fonts.ready);
      const m = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const describe = (el: Element) =>
          el.tagName.toLowerCase() +
          (el.id ? '#' + el.id : '') +
          (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
        const out = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
          .slice(0, 4)
          .map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
        return { scrollWidth: document.documentElement.scrollWidth, out };
      });
      if (m.scrollWidth > 320) wide.push(`${url} is ${m.scrollWidth} px wide; sticking out: ${m.out.join(', ')}`);
    }
    expect(wide, 'pages wider than 320 px').toEqual([]);
    await close();
  });

  test('a petition signed on /uk/ arrives with lang=uk and thanks in Ukrainian', async ({ browser }) => {
    const words = formWords('uk');
    const english = formWords('en');
    expect(words.thanks, 'uk.rs has its own thank-you').not.toBe(english.thanks);
    const own = await ownReceiver();
    try {
      const { page, pageErrors, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } }, '/uk/');
      const broken: string[] = [];
      page.on('response', (r) => {
        if (/\/petition-/.test(r.url()) && r.status() >= 400) broken.push(`${r.status()} ${r.url()}`);
      });
      // Scrolled to by its section: the live form takes the prerendered one's
      // place as it comes near, and an element being replaced cannot be scrolled to.
      await page.locator('#lb-petition').scrollIntoViewIfNeeded();
      const form = page.locator('#lb-petition form[data-live]');
      // The form comes alive when its bundle has loaded (what a person waits for: it answers);
      // a bundle that does not load is named.
      await expect(async () => {
        expect(broken, "the petition's bundle loads").toEqual([]);
        await expect(page.locator('#lb-petition form[data-live]')).toHaveCount(1, { timeout: 500 });
      }).toPass({ timeout: 15_000 });
      await form.getByLabel(words.first_name, { exact: true }).fill('Олена');
      await form.getByLabel(words.last_name, { exact: true }).fill('Коваленко');
      await form.getByLabel(words.email, { exact: true }).fill('olena@example.com');
      await form.getByLabel(words.zip, { exact: true }).fill('02134');
      await form.getByRole('button', { name: words.sign, exact: true }).click();

      const thanks = page.getByTestId('petition-thanks');
      await expect(thanks, 'the thank-you appears').toBeVisible({ timeout: 10_000 });
      await expect(thanks.getByText(words.thanks, { exact: true }), `it says "${words.thanks}"`).toBeVisible();
      await expect(thanks.getByRole('button', { name: words.share, exact: true }), 'sharing, in Ukrainian').toBeVisible();

      await expect.poll(() => own.receiver.signatures.length, { message: 'the signature arrives' }).toBe(1);
      const fields = own.receiver.signatures[0].fields as Record<string, string>;
      expect(
        { lang: fields.lang, first_name: fields.first_name, last_name: fields.last_name, email: fields.email, zip: fields.zip },
        'the signature as the campaign gets it, with the language it was given in',
      ).toEqual({ lang: 'uk', first_name: 'Олена', last_name: 'Коваленко', email: 'olena@example.com', zip: '02134' });
      expect(pageErrors, 'uncaught page errors').toEqual([]);
      await close();
    } finally {
      await own.close();
    }
  });

  for (const lang of ['ru', 'uk'] as const) {
    test(`${prefix(lang)}: dates read with genitive months after a day, the nominative alone`, async ({ browser }) => {
      const { page, close } = await openPage(browser, {}, prefix(lang));
      // Karelina's card: her arrest date from the data, «27 января 2024 г.».
      const arrest = page.locator(`#case-${karelina.id} time[datetime="${karelina.arrest.date}"]`).first();
      await expect(arrest, `${karelina.name}'s arrest date`).toHaveText(fullDateIn(lang, karelina.arrest.date));
      if (lang === 'ru') expect(fullDateIn(lang, '2024-01-27')).toBe('27 января 2024\u00a0г.');
      // Every date on the page, as its datetime says it should read.
      const times = await page.locator('time[datetime]').evaluateAll((els) =>
        els.map((el) => [el.getAttribute('datetime') ?? '', el.textContent ?? '']),
      );
      expect(times.length, 'the page has dates').toBeGreaterThan(10);
      const wrong = times
        .map(([iso, text]) => {
          const want = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? fullDateIn(lang, iso) : /^\d{4}-\d{2}$/.test(iso) ? monthDateIn(lang, iso) : iso;
          // A deal over days reads "11 февраля 2025 г. – 12 февраля 2025 г.", its datetime the first day.
          const [first, ...ends] = text.split(' – ');
          const ok = first === want && ends.every((end) => isFullDateIn(lang, end));
          return ok ? null : `${iso}: "${text}", not "${want}"`;
        })
        .filter((w) => w !== null);
      expect(wrong, 'dates that read wrong').toEqual([]);
      await close();
    });
  }

  test('no sentence on a ru or uk case page ends twice after «г.» / «р.»', async ({ browser }) => {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    const doubled: string[] = [];
    for (const lang of ['ru', 'uk'] as const) {
      for (const p of people) {
        await page.goto(`${SITE}${casePathIn(lang, p.id)}`);
        const text = (await page.locator('main').textContent()) ?? '';
        for (const m of text.matchAll(/.{0,30}[гр]\.\..{0,20}/g)) doubled.push(`${lang} ${p.id}: ${m[0]}`);
      }
    }
    expect(doubled, 'a year marker followed by another full stop').toEqual([]);
    await ctx.close();
  });
});
