// End-to-end tests of the cards page, against the release build in dist/.
//
// The expected values come from data/cases.toml, read by the oracle in
// fixtures/data.ts with smol-toml and computed with plain JavaScript dates,
// independently of the app's Rust code.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  DAY_MS,
  SCREENSHOT_DIR,
  daysSince,
  daysText,
  exactDetained,
  hmsWithin,
  longDate,
  people,
  personById,
  type Person,
} from './fixtures/data';
import { axeCounts, axeReport, axeViolations } from './fixtures/axe';
import { cardNamed, openCards } from './fixtures/pages';

/** The time on the page's clock (Playwright's, where a test installs it). */
const pageNow = (page: Page) => page.evaluate(() => Date.now());

/**
 * Reads a card's HH:MM:SS and checks it against the true elapsed time at the
 * moment of reading (window [before, after] widened by 1 s either side for the tick).
 * `now` tells the time: the test's own clock, or the page's where it runs on Playwright's.
 */
async function readHmsAgainstTruth(page: Page, person: Person, now: () => Promise<number> | number = Date.now) {
  const before = await now();
  const shown = (await card(page, person.id).locator('.lb-timer__hms').textContent()) ?? '';
  const after = await now();
  return hmsWithin(shown, person.startMs, before, after);
}

/** The card of the person with this id, found by its name as a person reads it. */
const card = (page: Page, id: string) => cardNamed(page, personById.get(id)!.name);
const toggle = (page: Page) => page.getByRole('button', { name: /^(Pause|Resume) timers$/ });

// ---------------------------------------------------------------------------

test.describe('cards page', () => {
  test('a. every person in the data file has exactly one card, in file order, with the right name', async ({ browser }) => {
    const { page, close } = await openCards(browser);
    const cards = await page.getByRole('article').evaluateAll((els) =>
      els.map((el) => ({
        id: el.id,
        dataCase: el.getAttribute('data-case'),
        tabindex: el.getAttribute('tabindex'),
        name: el.querySelector('.lb-card__name')?.textContent?.trim() ?? null,
        badge: el.querySelector('.lb-badge')?.textContent?.trim() ?? null,
        state: el.querySelector('.lb-timer')?.getAttribute('data-state') ?? null,
        sources: el.querySelectorAll('.lb-sources a[href]').length,
        asOf: el.querySelector('.lb-card__asof')?.textContent?.trim() ?? null,
      })),
    );

    // Exactly one card per person, nothing extra, in the data file's order.
    expect(cards.map((c) => c.id), 'card ids in page order').toEqual(people.map((p) => `case-${p.id}`));
    expect(cards.map((c) => c.dataCase)).toEqual(people.map((p) => p.id));
    expect(cards.map((c) => c.name), 'card names in page order').toEqual(people.map((p) => p.name));
    expect(cards.every((c) => c.tabindex === '-1'), 'every card is focusable by script (tabindex=-1)').toBe(true);

    // Status a visitor sees: the badge and whether the timer runs.
    // A person no source has reported held lately is not called "Detained".
    expect(cards.map((c) => `${c.dataCase}: ${c.badge} / ${c.state}`)).toEqual(
      people.map((p) =>
        p.status.state === 'released'
          ? `${p.id}: Released / frozen`
          : `${p.id}: ${p.status.last_reported ? 'Last reported detained' : 'Detained'} / running`,
      ),
    );
    for (const c of cards) {
      expect(c.sources, `${c.dataCase} links at least one source`).toBeGreaterThan(0);
      const p = people.find((q) => q.id === c.dataCase)!;
      expect(c.asOf, `${c.dataCase} says how current its sources are and when it was checked`).toBe(
        `Sources to ${longDate(p.as_of)} · checked ${longDate(p.checked)}`,
      );
    }
    await close();
  });

  test('b. day counts equal the time since arrest; a released card stands still', async ({ browser }) => {
    const { page, close } = await openCards(browser, {}, '/', { clock: true });
    expect(exactDetained.length, 'data has detained people with a known arrest day').toBeGreaterThan(0);

    const before = Date.now();
    const shown = await page.getByRole('article').evaluateAll((els) =>
      Object.fromEntries(
        els.map((el) => {
          const d = el.querySelector('.lb-timer__days');
          return [el.getAttribute('data-case'), { text: d?.textContent?.trim() ?? null }];
        }),
      ),
    );
    const after = Date.now();

    for (const p of exactDetained) {
      const ok = new Set([daysSince(p.startMs, before), daysSince(p.startMs, after)]);
      const got = shown[p.id];
      expect(got, `card for ${p.id}`).toBeTruthy();
      expect([...ok].map(daysText), `${p.name}: visible day count (arrested ${p.arrest.date} ${p.arrest.offset})`).toContain(got.text);
    }

    // Released people with exact dates: frozen at the days between arrest and release.
    for (const p of people.filter((q) => q.status.state === 'released' && q.dayKnown && !Number.isNaN(q.endMs))) {
      const n = Math.floor((p.endMs - p.startMs) / DAY_MS);
      expect(shown[p.id], `${p.name}: frozen day count`).toEqual({ text: daysText(n) });
    }

    // Ksenia Karelina: arrested 2024-01-27 (+05:00), released 2025-04-10: 439 days, and it stays there.
    const karelina = people.find((p) => p.id === 'ksenia-karelina');
    expect(karelina, 'Ksenia Karelina is in the data file').toBeTruthy();
    expect([karelina!.arrest.date, karelina!.arrest.offset, karelina!.status.state, karelina!.status.date]).toEqual([
      '2024-01-27',
      '+05:00',
      'released',
      '2025-04-10',
    ]);
    const k = card(page, 'ksenia-karelina');
    await expect(k.locator('.lb-timer__days')).toHaveText('439 days');
    const snapshot = () =>
      k.locator('.lb-timer').evaluate((t) =>
        ['.lb-timer__ymd', '.lb-timer__hms', '.lb-timer__days', '.lb-timer__summary'].map(
          (sel) => t.querySelector(sel)?.textContent?.trim() ?? null,
        ),
      );
    const first = await snapshot();
    await page.clock.runFor(2000);
    expect(await snapshot(), 'the released timer does not move').toEqual(first);
    expect(first[2]).toBe('439 days');
    await close();
  });

  test('c. the seconds keep changing and show the true elapsed time', async ({ browser }) => {
    const { page, close } = await openCards(browser);
    const p = exactDetained[0];
    const hms = card(page, p.id).locator('.lb-timer__hms');
    await expect(card(page, p.id).locator('.lb-timer')).toHaveAttribute('data-state', 'running');

    const first = (await hms.textContent())?.trim();
    await expect
      .poll(async () => (await hms.textContent())?.trim(), { message: `${p.name}'s HH:MM:SS moves within 2 s`, timeout: 2000 })
      .not.toBe(first);

    const r = await readHmsAgainstTruth(page, p);
    expect(r.within, `${p.name}: timer shows ${r.shown}, true elapsed time is within ${r.expected}`).toBe(true);
    await close();
  });

  test('c2. at the turn of a day, the day lines and the screen-reader sentence move on with the seconds', async ({ browser }) => {
    const p = exactDetained[0];
    // Two seconds before the timer's day count turns over.
    const days = daysSince(p.startMs) + 1;
    const context = await browser.newContext();
    await context.clock.install({ time: p.startMs + days * DAY_MS - 2000 });
    const page = await context.newPage();
    await page.goto('/');
    const timer = card(page, p.id).locator('.lb-timer');
    await expect(timer.locator('.lb-timer__hms')).toHaveText('23:59:58');
    await expect(timer.locator('.lb-timer__days')).toHaveText(daysText(days - 1));
    const before = await timer.evaluate((t) => [t.querySelector('.lb-timer__ymd')!.textContent, t.querySelector('.lb-timer__summary')!.textContent]);
    await context.clock.runFor(3000);
    await expect(timer.locator('.lb-timer__hms')).toHaveText('00:00:01');
    await expect(timer.locator('.lb-timer__days'), 'the day count turns over').toHaveText(daysText(days));
    await expect(timer.locator('.lb-timer__summary')).toContainText(`(${daysText(days)}).`);
    const after = await timer.evaluate((t) => [t.querySelector('.lb-timer__ymd')!.textContent, t.querySelector('.lb-timer__summary')!.textContent]);
    expect(after[0], 'years, months and days move on').not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    await context.close();
  });

  test('d. pause stops the ticking; resume continues from the true time', async ({ browser }) => {
    // On Playwright's clock, so 2.2 s pass at once; the true time is the page's.
    const { page, close } = await openCards(browser, {}, '/', { clock: true });
    const p = exactDetained[0];
    const hms = card(page, p.id).locator('.lb-timer__hms');
    const button = toggle(page);

    await expect(button).toHaveCount(1);
    await expect(button).toHaveText('Pause timers');
    await button.click();
    await expect(button).toHaveText('Resume timers');

    const paused = (await hms.textContent())?.trim();
    await page.clock.runFor(2200);
    expect((await hms.textContent())?.trim(), 'paused timer does not move over 2.2 s').toBe(paused);

    await button.click();
    await expect(button).toHaveText('Pause timers');
    // Resuming jumps to the true current time (≥ 2.2 s past the paused value), not where it stopped.
    await expect
      .poll(async () => (await readHmsAgainstTruth(page, p, () => pageNow(page))).within, {
        message: `${p.name}: after resume the timer shows the true elapsed time (was paused at ${paused})`,
        timeout: 1500,
      })
      .toBe(true);
    expect((await hms.textContent())?.trim()).not.toBe(paused);
    // And it ticks again.
    const resumed = (await hms.textContent())?.trim();
    await expect.poll(async () => (await hms.textContent())?.trim(), { timeout: 2000 }).not.toBe(resumed);
    await close();
  });

  test('e. with reduced motion the timers start paused', async ({ browser }) => {
    const { page, close } = await openCards(browser, { reducedMotion: 'reduce' }, '/', { clock: true });
    const p = exactDetained[0];
    const hms = card(page, p.id).locator('.lb-timer__hms');

    await expect(toggle(page)).toHaveText('Resume timers');
    const first = (await hms.textContent())?.trim();
    await page.clock.runFor(1500);
    expect((await hms.textContent())?.trim(), 'no ticking under prefers-reduced-motion').toBe(first);

    // The day count is still right while paused.
    const d = card(page, p.id).locator('.lb-timer__days');
    const now = await pageNow(page);
    expect([daysText(daysSince(p.startMs, now - 2000)), daysText(daysSince(p.startMs, now))]).toContain(
      (await d.textContent())?.trim(),
    );
    await close();
  });

  test('f. a deep link focuses its card, and a new hash moves focus', async ({ browser }) => {
    const { page, close } = await openCards(browser, { viewport: { width: 1280, height: 720 } }, '/#/case/david-barnes');
    const barnes = card(page, 'david-barnes');
    await expect(barnes).toBeFocused();
    await expect(barnes).toBeInViewport();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('case-david-barnes');

    // The last card in the file is far down the page: the hash change must scroll there too.
    const last = people[people.length - 1];
    expect(last.id).not.toBe('david-barnes');
    await page.evaluate((id) => {
      location.hash = `#/case/${id}`;
    }, last.id);
    const target = card(page, last.id);
    await expect(target).toBeFocused();
    await expect(target).toBeInViewport();
    await expect(barnes).not.toBeFocused();
    await close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`g. axe finds no WCAG 2.2 AA violations (${colorScheme})`, async ({ browser }) => {
      const { page, close } = await openCards(browser, { colorScheme });
      const violations = await axeViolations(page);
      expect(axeCounts(violations), `axe violations in ${colorScheme} mode:\n${axeReport(violations)}`).toEqual([]);
      await close();
    });
  }

  test('h. no console errors or page errors during load and 2 s of ticking', async ({ browser }) => {
    const { page, consoleErrors, pageErrors, close } = await openCards(browser, {}, '/', { clock: true });
    await page.clock.runFor(2000);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
    await close();
  });

  test('i. screenshots at 375 and 1280 px; nothing overflows at 320 px', async ({ browser }) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    /** Page width, and the elements sticking out past the right edge (for the failure message). */
    const measure = (page: Page) =>
      page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const describe = (el: Element) =>
          el.tagName.toLowerCase() +
          (el.id ? '#' + el.id : '') +
          (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '');
        const wide = [...document.querySelectorAll('body *')]
          .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
          .slice(0, 6)
          .map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
        return { scrollWidth: document.documentElement.scrollWidth, wide };
      });

    const shots: { name: string; width: number; height: number; colorScheme: 'light' | 'dark' }[] = [
      { name: 'cards-375.png', width: 375, height: 800, colorScheme: 'light' },
      { name: 'cards-1280.png', width: 1280, height: 900, colorScheme: 'light' },
      { name: 'cards-375-dark.png', width: 375, height: 800, colorScheme: 'dark' },
    ];
    for (const s of shots) {
      // Reduced motion: timers paused, so the screenshots are stable.
      const { page, close } = await openCards(browser, {
        viewport: { width: s.width, height: s.height },
        colorScheme: s.colorScheme,
        reducedMotion: 'reduce',
      });
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, s.name), fullPage: true });
      const m = await measure(page);
      expect
        .soft(m.scrollWidth, `page is wider than ${s.width} px (${s.name}); sticking out: ${m.wide.join(', ')}`)
        .toBeLessThanOrEqual(s.width);
      await close();
    }

    const { page, close } = await openCards(browser, { viewport: { width: 320, height: 800 } });
    await page.evaluate(() => document.fonts.ready);
    const m = await measure(page);
    expect(m.scrollWidth, `page is wider than 320 px; sticking out: ${m.wide.join(', ')}`).toBeLessThanOrEqual(320);
    await close();
  });
});
