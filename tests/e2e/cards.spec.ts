// End-to-end tests of the cards, against the release build in dist/: the
// campaign's compact cards and every other person's line on the main page,
// and each person's full card on their case page (/case/<id>/).
//
// The expected values come from data/cases.toml, read by the oracle in
// fixtures/data.ts with smol-toml and computed with plain JavaScript dates,
// independently of the app's Rust code.
import { test, expect, type Browser, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  DAY_MS,
  SCREENSHOT_DIR,
  badgeText,
  campaignPeople,
  daysSince,
  daysText,
  exactDetained,
  hmsWithin,
  instant,
  longDate,
  people,
  personById,
  timerLabel,
  trackedPeople,
  type Person,
} from './fixtures/data';
import { axeCounts, axeReport, axeViolations } from './fixtures/axe';
import {
  campaignSection,
  cardNamed,
  casePath,
  openCards,
  trackedLine,
  trackedSection,
  waitForIslands,
} from './fixtures/pages';

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

/** The card of the person with this id (compact on the main page, full on the case page), found by its name. */
const card = (page: Page, id: string) => cardNamed(page, personById.get(id)!.name);
/** The tracked line of the person with this id. */
const line = (page: Page, id: string) => trackedLine(page, personById.get(id)!.name);
/** The hero's row of a campaign person still held. */
const heldRow = (page: Page, id: string) => page.getByTestId('held-person').filter({ hasText: personById.get(id)!.name });
const toggle = (page: Page) => page.getByRole('button', { name: /^(Pause|Resume) timers$/ });

/** The campaign's people detained with a known arrest day: their timers tick on the main page. */
const campaignExact = exactDetained.filter((p) => p.campaign);
/** Every other detained person with a known arrest day: their tracked lines count the days. */
const trackedExact = exactDetained.filter((p) => !p.campaign);
/** Released people with exact dates: their timers stand at the days between arrest and release. */
const releasedExact = people.filter((p) => p.status.state === 'released' && p.dayKnown && !Number.isNaN(p.endMs));
const frozenDays = (p: Person) => Math.floor((p.endMs - p.startMs) / DAY_MS);
/** A month-only arrest counts from the 1st of the month, as "about N days". */
const aboutStart = (p: Person) => instant(p.arrest.date, p.arrest.offset, p.arrest.time);

/** What a card shows, read in one go: works for the compact and the full card alike. */
const readCards = (page: Page) =>
  page.getByRole('article').evaluateAll((els) =>
    els.map((el) => ({
      id: el.id,
      dataCase: el.getAttribute('data-case'),
      tabindex: el.getAttribute('tabindex'),
      compact: el.classList.contains('lb-card--compact'),
      name: el.querySelector('h3')?.textContent?.trim() ?? null,
      badge: el.querySelector('[data-testid=status-badge]')?.textContent?.trim() ?? null,
      state: el.querySelector('[data-state]')?.getAttribute('data-state') ?? null,
      sources: el.querySelectorAll('.lb-sources a[href]').length,
      asOf: el.querySelector('.lb-card__asof')?.textContent?.trim() ?? null,
    })),
  );

/**
 * A fresh page at `url` on Playwright's clock, stopped 1.9 s before `person`'s
 * timer turns to its next day: the last tick shows 23:59:58.
 */
async function justBeforeTheTurn(browser: Browser, person: Person, url: string) {
  const days = daysSince(person.startMs) + 1;
  const turn = person.startMs + days * DAY_MS;
  const context = await browser.newContext();
  await context.clock.install({ time: turn - 60_000 });
  const page = await context.newPage();
  await page.goto(url);
  await waitForIslands(page);
  await page.clock.pauseAt(turn - 1900);
  return { context, page, days };
}

// ---------------------------------------------------------------------------
test.describe('cards', () => {
  test('a. every person has exactly one card: a compact card for the campaign’s people (held first), a line for everyone else, and a full card on their own page', async ({
    browser,
  }) => {
    const { page, close } = await openCards(browser);

    // The main page: the campaign's people as compact cards, those still detained first.
    const cards = await readCards(page);
    expect(cards.map((c) => c.id), 'card ids in page order (held first, then home)').toEqual(
      campaignPeople.map((p) => `case-${p.id}`),
    );
    await expect(campaignSection(page).getByRole('article'), 'every card of the main page is in the campaign’s section').toHaveCount(
      campaignPeople.length,
    );
    expect(cards.map((c) => c.dataCase)).toEqual(campaignPeople.map((p) => p.id));
    expect(cards.map((c) => c.name), 'card names in page order').toEqual(campaignPeople.map((p) => p.name));
    expect(cards.every((c) => c.compact), 'the main page’s cards are compact').toBe(true);
    expect(cards.every((c) => c.tabindex === '-1'), 'every card is focusable by script (tabindex=-1)').toBe(true);
    // Status a visitor sees: the badge and whether the timer runs.
    // A person no source has reported held lately is not called "Detained".
    expect(cards.map((c) => `${c.dataCase}: ${c.badge} / ${c.state}`)).toEqual(
      campaignPeople.map((p) => `${p.id}: ${badgeText(p)} / ${p.status.state === 'released' ? 'frozen' : 'running'}`),
    );
    for (const c of cards) {
      const p = personById.get(c.dataCase!)!;
      expect(c.asOf, `${c.dataCase} says how current its sources are and when it was checked`).toBe(
        `Sources to ${longDate(p.as_of)} · checked ${longDate(p.checked)}`,
      );
      expect(c.sources, `${c.dataCase}: the sources are on the case page, not on the compact card`).toBe(0);
      // Chromium names the link "Full record : <name>": the name is in a visually hidden span.
      const fullRecord = card(page, p.id).getByRole('link', { name: new RegExp(`^Full record ?: ${p.name}$`) });
      await expect(fullRecord, `${p.id}: "Full record: ${p.name}"`).toHaveAttribute('href', `case/${p.id}/`);
    }

    // Everyone else: one line each, held first, the whole line one link to the full record.
    const lines = await trackedSection(page)
      .getByRole('listitem')
      .evaluateAll((els) =>
        els.map((el) => ({
          id: el.id,
          dataCase: el.getAttribute('data-case'),
          tabindex: el.getAttribute('tabindex'),
          links: [...el.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          badge: el.querySelector('[data-testid=status-badge]')?.textContent?.trim() ?? null,
          text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
        })),
      );
    expect(lines.map((l) => l.id), 'tracked line ids in page order (held first, then home)').toEqual(
      trackedPeople.map((p) => `case-${p.id}`),
    );
    expect(lines.every((l) => l.tabindex === '-1'), 'every line is focusable by script (tabindex=-1)').toBe(true);
    for (const [i, p] of trackedPeople.entries()) {
      const l = lines[i];
      expect(l.links, `${p.id}: one link, to the full record`).toEqual([`case/${p.id}/`]);
      expect(l.badge, `${p.id}: badge`).toBe(badgeText(p));
      await expect(line(page, p.id), `${p.id}: the line names the person`).toHaveCount(1);
      await expect(line(page, p.id).getByRole('link')).toContainText(p.name);
      expect(l.text, `${p.id}: "${timerLabel(p)} N days"`).toMatch(
        new RegExp(`${timerLabel(p)} (about )?[\\d,]+ days?$`),
      );
    }

    // Nobody twice: each person's anchor, which #/case/<id> lands on, is on the page once.
    const anchors = await page.evaluate(
      (ids) => Object.fromEntries(ids.map((id) => [id, document.querySelectorAll(`[id="case-${id}"]`).length])),
      people.map((p) => p.id),
    );
    expect(anchors, 'one #case-<id> per person on the main page').toEqual(Object.fromEntries(people.map((p) => [p.id, 1])));

    // Every person's own page: exactly one card, the full one, with their name and status.
    for (const p of people) {
      await page.goto(casePath(p.id));
      const [c, ...more] = await readCards(page);
      expect(more.length, `${casePath(p.id)} holds one card`).toBe(0);
      expect(c, `${casePath(p.id)} holds a card`).toBeTruthy();
      expect(
        [c.id, c.dataCase, c.name, c.tabindex, c.compact],
        `${casePath(p.id)}: the card of ${p.name}, full, focusable by script`,
      ).toEqual([`case-${p.id}`, p.id, p.name, '-1', false]);
      expect(`${c.badge} / ${c.state}`, `${p.id}: badge and timer`).toBe(
        `${badgeText(p)} / ${p.status.state === 'released' ? 'frozen' : 'running'}`,
      );
      expect(c.sources, `${p.id} links at least one source`).toBeGreaterThan(0);
      expect(c.asOf, `${p.id} says how current its sources are and when it was checked`).toBe(
        `Sources to ${longDate(p.as_of)} · checked ${longDate(p.checked)}`,
      );
      await expect(card(page, p.id).getByText('Charge', { exact: true }), `${p.id}: the full card has the charge`).toBeVisible();
    }
    await close();
  });

  test('b. day counts equal the time since arrest; a released card stands still', async ({ browser }) => {
    const { page, close } = await openCards(browser, {}, '/', { clock: true });
    await waitForIslands(page);
    expect(campaignExact.length, 'data has campaign people detained with a known arrest day').toBeGreaterThan(0);
    expect(trackedExact.length, 'data has other people detained with a known arrest day').toBeGreaterThan(0);

    const before = Date.now();
    const shown = await page.evaluate(() => ({
      cards: Object.fromEntries(
        [...document.querySelectorAll('article[data-case]')].map((el) => [
          el.getAttribute('data-case'),
          el.querySelector('.lb-timer__days')?.textContent?.trim() ?? null,
        ]),
      ),
      hero: Object.fromEntries(
        [...document.querySelectorAll('[data-testid=held-person]')].map((el) => [
          el.querySelector('a')?.textContent?.trim(),
          el.querySelector('.lb-days')?.textContent?.trim() ?? null,
        ]),
      ),
      lines: Object.fromEntries(
        [...document.querySelectorAll('#lb-tracked li[data-case]')].map((el) => [
          el.getAttribute('data-case'),
          (el.textContent ?? '').trim().match(/((?:about )?[\d,]+ days?)$/)?.[1] ?? null,
        ]),
      ),
    }));
    const after = Date.now();
    const ok = (start: number, about = '') =>
      [...new Set([daysSince(start, before), daysSince(start, after)])].map((n) => about + daysText(n));

    // The main page: the campaign's compact cards and the hero, every other person's line.
    for (const p of campaignExact) {
      expect(ok(p.startMs), `${p.name}: compact card's day count (arrested ${p.arrest.date} ${p.arrest.offset})`).toContain(
        shown.cards[p.id],
      );
      expect(ok(p.startMs), `${p.name}: the hero's day count`).toContain(shown.hero[p.name]);
    }
    for (const p of trackedExact) {
      expect(ok(p.startMs), `${p.name}: tracked line's day count (arrested ${p.arrest.date} ${p.arrest.offset})`).toContain(
        shown.lines[p.id],
      );
    }
    for (const p of people.filter((q) => q.status.state === 'detained' && !q.dayKnown)) {
      const where = p.campaign ? shown.cards[p.id] : shown.lines[p.id];
      expect(ok(aboutStart(p), 'about '), `${p.name}: arrested in ${p.arrest.date}, counted from the 1st`).toContain(where);
    }
    // Released people with exact dates: frozen at the days between arrest and release.
    for (const p of releasedExact) {
      const where = p.campaign ? shown.cards[p.id] : shown.lines[p.id];
      expect(where, `${p.name}: frozen day count on the main page`).toBe(daysText(frozenDays(p)));
    }

    // Every full card on the case pages, on the same clock.
    for (const p of [...exactDetained, ...releasedExact]) {
      await page.goto(casePath(p.id));
      await waitForIslands(page);
      const b = Date.now();
      const text = (await card(page, p.id).locator('.lb-timer__days').textContent())?.trim();
      const a = Date.now();
      const want =
        p.status.state === 'released'
          ? [daysText(frozenDays(p))]
          : [...new Set([daysSince(p.startMs, b), daysSince(p.startMs, a)])].map(daysText);
      expect(want, `${p.name}: day count on ${casePath(p.id)}`).toContain(text);
    }

    // Ksenia Karelina: arrested 2024-01-27 (+05:00), released 2025-04-10: 439 days, and it stays there,
    // on her compact card and on her full card.
    const karelina = people.find((p) => p.id === 'ksenia-karelina');
    expect(karelina, 'Ksenia Karelina is in the data file').toBeTruthy();
    expect([karelina!.arrest.date, karelina!.arrest.offset, karelina!.status.state, karelina!.status.date]).toEqual([
      '2024-01-27',
      '+05:00',
      'released',
      '2025-04-10',
    ]);
    for (const url of ['/', casePath('ksenia-karelina')]) {
      await page.goto(url);
      await waitForIslands(page);
      const k = card(page, 'ksenia-karelina');
      await expect(k.locator('.lb-timer__days'), url).toHaveText('439 days');
      const snapshot = () =>
        k.locator('.lb-timer').evaluate((t) =>
          ['.lb-timer__ymd', '.lb-timer__hms', '.lb-timer__days', '.lb-timer__summary'].map(
            (sel) => t.querySelector(sel)?.textContent?.trim() ?? null,
          ),
        );
      const first = await snapshot();
      await page.clock.runFor(2000);
      expect(await snapshot(), `${url}: the released timer does not move`).toEqual(first);
      expect(first[2]).toBe('439 days');
    }
    await close();
  });

  test('c. the seconds keep changing and show the true elapsed time, on the compact card and the full card', async ({ browser }) => {
    const p = campaignExact[0];
    for (const url of ['/', casePath(p.id)]) {
      const { page, close } = await openCards(browser, {}, url);
      const hms = card(page, p.id).locator('.lb-timer__hms');
      await expect(card(page, p.id).locator('.lb-timer')).toHaveAttribute('data-state', 'running');
      // As a person looks at it: a timer off screen leaves its seconds alone.
      await hms.scrollIntoViewIfNeeded();

      const first = (await hms.textContent())?.trim();
      await expect
        .poll(async () => (await hms.textContent())?.trim(), { message: `${url}: ${p.name}'s HH:MM:SS moves within 2 s`, timeout: 2000 })
        .not.toBe(first);

      const r = await readHmsAgainstTruth(page, p);
      expect(r.within, `${url}: ${p.name}: timer shows ${r.shown}, true elapsed time is within ${r.expected}`).toBe(true);
      await close();
    }
  });

  test('c2. at the turn of a day, the day lines and the screen-reader sentence move on with the seconds', async ({ browser }) => {
    const p = campaignExact[0];
    // The full card on the case page, and the compact card and the hero's count on the main page.
    for (const url of [casePath(p.id), '/']) {
      const { context, page, days } = await justBeforeTheTurn(browser, p, url);
      const timer = card(page, p.id).locator('.lb-timer');
      await timer.scrollIntoViewIfNeeded();
      await expect(timer.locator('.lb-timer__hms'), url).toHaveText('23:59:58');
      await expect(timer.locator('.lb-timer__days'), url).toHaveText(daysText(days - 1));
      if (url === '/') await expect(heldRow(page, p.id).locator('.lb-days'), 'the hero’s count').toHaveText(daysText(days - 1));
      const before = await timer.evaluate((t) => [t.querySelector('.lb-timer__ymd')!.textContent, t.querySelector('.lb-timer__summary')!.textContent]);
      await page.clock.runFor(3000);
      await expect(timer.locator('.lb-timer__hms'), url).toHaveText('00:00:01');
      await expect(timer.locator('.lb-timer__days'), `${url}: the day count turns over`).toHaveText(daysText(days));
      await expect(timer.locator('.lb-timer__summary'), url).toContainText(`(${daysText(days)}).`);
      const after = await timer.evaluate((t) => [t.querySelector('.lb-timer__ymd')!.textContent, t.querySelector('.lb-timer__summary')!.textContent]);
      expect(after[0], `${url}: years, months and days move on`).not.toBe(before[0]);
      expect(after[1]).not.toBe(before[1]);
      if (url === '/') await expect(heldRow(page, p.id).locator('.lb-days'), 'the hero’s count turns over').toHaveText(daysText(days));
      await context.close();
    }

    // A tracked line's day count turns at its own person's midnight.
    const q = trackedExact[0];
    const { context, page, days } = await justBeforeTheTurn(browser, q, '/');
    await expect(line(page, q.id).getByRole('link')).toHaveText(new RegExp(`${timerLabel(q)} ${daysText(days - 1)}$`));
    await page.clock.runFor(3000);
    await expect(line(page, q.id).getByRole('link'), `${q.name}: the tracked line's count turns over`).toHaveText(
      new RegExp(`${timerLabel(q)} ${daysText(days)}$`),
    );
    await context.close();
  });

  test('d. pause stops the ticking; resume continues from the true time', async ({ browser }) => {
    // On Playwright's clock, so 2.2 s pass at once; the true time is the page's.
    const { page, close } = await openCards(browser, {}, '/', { clock: true });
    const p = campaignExact[0];
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
    const p = campaignExact[0];
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

  test('f. a deep link focuses its card, and a new hash moves focus, to a card or a tracked line', async ({ browser }) => {
    const { page, close } = await openCards(browser, { viewport: { width: 1280, height: 720 } }, '/#/case/david-barnes');
    expect(personById.get('david-barnes')?.campaign, 'David Barnes has a campaign card').toBe(true);
    const barnes = card(page, 'david-barnes');
    await expect(barnes).toBeFocused();
    await expect(barnes).toBeInViewport();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('case-david-barnes');

    // The last person in the file is tracked, far down the page: the hash change must scroll there too.
    const last = people[people.length - 1];
    expect(last.campaign, `${last.id} is tracked, a line of the main page`).not.toBe(true);
    await page.evaluate((id) => {
      location.hash = `#/case/${id}`;
    }, last.id);
    const target = line(page, last.id);
    await expect(target).toBeFocused();
    await expect(target).toBeInViewport();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`case-${last.id}`);
    await expect(barnes).not.toBeFocused();

    // And back up to a campaign card of someone who came home.
    const home = campaignPeople.find((p) => p.status.state === 'released')!;
    await page.evaluate((id) => {
      location.hash = `#/case/${id}`;
    }, home.id);
    await expect(card(page, home.id)).toBeFocused();
    await expect(card(page, home.id)).toBeInViewport();
    await close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`g. axe finds no WCAG 2.2 AA violations on the main page and a full card of someone home (${colorScheme})`, async ({ browser }) => {
      const home = campaignPeople.find((p) => p.status.state === 'released')!;
      for (const url of ['/', casePath(home.id)]) {
        const { page, close } = await openCards(browser, { colorScheme }, url);
        const violations = await axeViolations(page);
        expect(axeCounts(violations), `axe violations on ${url} in ${colorScheme} mode:\n${axeReport(violations)}`).toEqual([]);
        await close();
      }
    });
  }

  test('h. no console errors or page errors during load and 2 s of ticking', async ({ browser }) => {
    for (const url of ['/', casePath(campaignExact[0].id)]) {
      const { page, consoleErrors, pageErrors, close } = await openCards(browser, {}, url, { clock: true });
      await waitForIslands(page);
      await page.clock.runFor(2000);
      expect(pageErrors, `${url}: uncaught page errors`).toEqual([]);
      expect(consoleErrors, `${url}: console errors`).toEqual([]);
      await close();
    }
  });

  test('i. screenshots at 375 and 1280 px; nothing overflows at 320 px, on the main page or any case page', async ({ browser }) => {
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

    const full = campaignPeople.find((p) => p.status.state === 'released')!;
    const shots: { name: string; url: string; width: number; height: number; colorScheme: 'light' | 'dark' }[] = [
      { name: 'cards-375.png', url: '/', width: 375, height: 800, colorScheme: 'light' },
      { name: 'cards-1280.png', url: '/', width: 1280, height: 900, colorScheme: 'light' },
      { name: 'cards-375-dark.png', url: '/', width: 375, height: 800, colorScheme: 'dark' },
      { name: 'case-375.png', url: casePath(full.id), width: 375, height: 800, colorScheme: 'light' },
      { name: 'case-1280-dark.png', url: casePath(full.id), width: 1280, height: 900, colorScheme: 'dark' },
    ];
    for (const s of shots) {
      // Reduced motion: timers paused, so the screenshots are stable.
      const { page, close } = await openCards(
        browser,
        { viewport: { width: s.width, height: s.height }, colorScheme: s.colorScheme, reducedMotion: 'reduce' },
        s.url,
      );
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, s.name), fullPage: true });
      const m = await measure(page);
      expect
        .soft(m.scrollWidth, `page is wider than ${s.width} px (${s.name}); sticking out: ${m.wide.join(', ')}`)
        .toBeLessThanOrEqual(s.width);
      await close();
    }

    const { page, close } = await openCards(browser, { viewport: { width: 320, height: 800 } });
    for (const url of ['/', ...people.map((p) => casePath(p.id))]) {
      if (url !== '/') await page.goto(url);
      await page.evaluate(() => document.fonts.ready);
      const m = await measure(page);
      expect.soft(m.scrollWidth, `${url} is wider than 320 px; sticking out: ${m.wide.join(', ')}`).toBeLessThanOrEqual(320);
    }
    await close();
  });
});
