// The main page as a phone visitor meets it (issue 13): who is still held,
// for how long, and the button to help, on the first screen; the petition
// within three screens; a page of at most 15 phone screens (8 on a desktop)
// and 1,000 elements; compact cards whose "Full record" holds every source;
// the timeline compact with its details a tap away; touch targets of 44 px.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import { parse } from 'smol-toml';
import { CASES_FILE, detained, exchanges, people, daysText, daysSince, hmsWithin, SCREENSHOT_DIR } from './fixtures/data';
import { openPage, petitionSection, timelineSection, waitForIslands } from './fixtures/pages';
import { axeCounts, axeReport, axeViolations } from './fixtures/axe';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

/** Every source URL of each person, read from the data file itself. */
const sourcesOf = new Map(
  (parse(fs.readFileSync(CASES_FILE, 'utf8')) as { person: { id: string; source: { url: string }[] }[] }).person.map(
    (p) => [p.id, p.source.map((s) => s.url)],
  ),
);

/** The campaign's people the data still lists as detained, as the hero must name them. */
const stillHeld = detained.filter((p) => p.campaign);

/** Days held as of now, as the page shows them (whole days from the arrest instant). */
const daysNow = (p: (typeof people)[number]) => daysText(daysSince(p.startMs));

/** Whether `box` lies inside the first viewport of `page`. */
async function inFirstScreen(page: Page, selector: ReturnType<Page['locator']>) {
  const box = await selector.boundingBox();
  const { height, width } = page.viewportSize()!;
  return box !== null && box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width;
}

test.describe('the first screen on a phone', () => {
  test('holds every still-held campaign person with their live day count, and a visible Sign button', async ({ browser }) => {
    expect(stillHeld.length, 'the data has campaign people still held').toBeGreaterThan(0);
    const { page, close } = await openPage(browser, PHONE);
    await waitForIslands(page);
    const held = page.getByTestId('held-person');
    await expect(held).toHaveCount(stillHeld.length);
    for (const person of stillHeld) {
      const row = held.filter({ hasText: person.name });
      await expect(row.getByRole('link', { name: person.name })).toBeVisible();
      // The day count from the data (about … where the day is unknown).
      const days = person.dayKnown ? daysNow(person) : /about [\d,]+ days/;
      await expect(row.locator('.lb-days')).toHaveText(days);
      expect(await inFirstScreen(page, row.getByRole('link', { name: person.name })), `${person.name} in the first screen`).toBe(true);
      expect(await inFirstScreen(page, row.locator('.lb-days')), `${person.name}'s days in the first screen`).toBe(true);
    }
    // Nobody who came home is listed as held.
    for (const person of people.filter((p) => p.campaign && p.status.state === 'released')) {
      await expect(held.filter({ hasText: person.name })).toHaveCount(0);
    }
    const sign = page.getByRole('link', { name: 'Sign the petition' });
    await expect(sign).toBeVisible();
    expect(await inFirstScreen(page, sign), 'the Sign button in the first screen').toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/phone-first-screen.png` });
    await close();
  });

  test('the Sign button takes a person to the form, whose first field is within three screens', async ({ browser }) => {
    const { page, close } = await openPage(browser, PHONE);
    const first = petitionSection(page).getByLabel('First name');
    const top = await first.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top, 'the first field starts within 3 × 844 px').toBeLessThan(3 * 844);
    await page.getByRole('link', { name: 'Sign the petition' }).tap();
    await expect(first).toBeInViewport();
    await close();
  });
});

test.describe('the cost of a tick', () => {
  test('a timer off screen leaves its seconds alone, and shows the true time once it comes into view', async ({ browser }) => {
    const person = stillHeld.find((p) => p.dayKnown)!;
    const { page, close } = await openPage(browser, PHONE, '/', { clock: true });
    await waitForIslands(page);
    const hms = page.getByRole('region', { name: 'The Americans the campaign speaks for' })
      .getByRole('article', { name: person.name, exact: true })
      .locator('.lb-timer__hms');
    await expect(hms, 'the card is below the first screen').not.toBeInViewport();
    // The first tick after mounting writes, until the observer's first answer.
    await page.clock.runFor(2000);
    const before = await hms.textContent();
    await page.clock.runFor(5000);
    expect(await hms.textContent(), 'five ticks off screen: not rewritten').toBe(before);
    const from = await page.evaluate(() => Date.now());
    await hms.scrollIntoViewIfNeeded();
    await expect
      .poll(async () => hmsWithin((await hms.textContent()) ?? '', person.startMs, from, await page.evaluate(() => Date.now())).within, {
        message: 'in view, it shows the true time at once',
      })
      .toBe(true);
    const shown = await hms.textContent();
    await page.clock.runFor(2000);
    await expect(hms, 'and ticks on').not.toHaveText(shown ?? '');
    await close();
  });
});

test.describe('the size of the page', () => {
  for (const [name, options, screens] of [
    ['phone 390 × 844', PHONE, 15],
    ['desktop 1280 × 900', DESKTOP, 8],
  ] as const) {
    test(`at most ${screens} screens on a ${name}`, async ({ browser }) => {
      const { page, close } = await openPage(browser, options);
      await waitForIslands(page);
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const screen = options.viewport.height;
      console.log(`main page on a ${name}: ${height} px = ${(height / screen).toFixed(1)} screens`);
      expect(height, `${height} px`).toBeLessThanOrEqual(screens * screen);
      await close();
    });
  }

  test('at most 1,000 elements in the main page HTML', async ({ request }) => {
    const html = await (await request.get('/')).text();
    const elements = html.match(/<[a-zA-Z][^>]*>/g)?.length ?? 0;
    console.log(`main page HTML: ${elements} elements`);
    expect(elements).toBeLessThanOrEqual(1000);
    expect(elements, 'the count sees the page').toBeGreaterThan(300);
  });
});

test.describe('compact cards and the full record', () => {
  test('campaign cards show the key facts, still-held first, and link to the case page with a plain link', async ({ browser }) => {
    const { page, close } = await openPage(browser, { ...PHONE, javaScriptEnabled: false });
    const campaign = page.getByRole('region', { name: 'The Americans the campaign speaks for' });
    const cards = campaign.getByRole('article');
    const names = await cards.locator('h3').allTextContents();
    const order = people.filter((p) => p.campaign);
    const expected = [...order.filter((p) => p.status.state === 'detained'), ...order.filter((p) => p.status.state !== 'detained')];
    expect(names, 'held first, then home').toEqual(expected.map((p) => p.name));
    for (const person of expected) {
      const card = campaign.getByRole('article', { name: person.name, exact: true });
      await expect(card.getByText('Arrested', { exact: true })).toBeVisible();
      await expect(card.getByText('Sentence', { exact: true })).toBeVisible();
      await expect(card.getByText('Wrongful-detention designation', { exact: true })).toBeVisible();
      await expect(card.getByText(/checked \d+ \w+ \d{4}/)).toBeVisible();
      // The evidence is on the case page, not here.
      await expect(card.getByText('Sources', { exact: true })).toHaveCount(0);
      await expect(card.getByText('Charge', { exact: true })).toHaveCount(0);
      const link = card.getByRole('link', { name: `Full record: ${person.name}` });
      await expect(link).toHaveAttribute('href', `case/${person.id}/`);
    }
    await close();
  });

  test('"Full record" reaches a case page holding every source of that person', async ({ browser }) => {
    const { page, close } = await openPage(browser, PHONE);
    const person = stillHeld[0];
    await page.getByRole('link', { name: `Full record: ${person.name}` }).tap();
    await expect(page).toHaveURL(new RegExp(`/case/${person.id}/$`));
    const urls = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    for (const url of sourcesOf.get(person.id)!) expect(urls, `${person.name}: ${url}`).toContain(url);
    await close();
  });

  test('every case page holds every source of its person (from the data)', async ({ request }) => {
    for (const person of people) {
      const html = await (await request.get(`/case/${person.id}/`)).text();
      for (const url of sourcesOf.get(person.id)!) {
        expect(html, `${person.id}: ${url}`).toContain(`href="${url.replaceAll('&', '&amp;')}"`);
      }
    }
  });

  test('tracked cases are one line each, linking to the full record, and #/case/<id> still lands on them', async ({ browser }) => {
    const { page, close } = await openPage(browser, PHONE);
    const tracked = page.getByRole('region', { name: 'Other Americans held in Russia' });
    const others = people.filter((p) => !p.campaign);
    await expect(tracked.getByRole('listitem')).toHaveCount(others.length);
    const someone = others.find((p) => p.status.state === 'detained')!;
    const line = tracked.getByRole('link', { name: new RegExp(`^${someone.name}`) });
    await expect(line).toHaveAttribute('href', `case/${someone.id}/`);
    await expect(line).toContainText(someone.dayKnown ? daysNow(someone) : /about [\d,]+ days/);
    const box = await tracked.boundingBox();
    expect(box!.height, 'the tracked list scans in two phone screens').toBeLessThanOrEqual(2 * 844);
    await waitForIslands(page);
    await page.goto(`/#/case/${someone.id}`);
    await expect(page.locator(`#case-${someone.id}`)).toBeInViewport();
    await close();
  });
});

test.describe('the timeline, compact', () => {
  test('opens folded: date, place and who came west; the details a tap away; "now" once', async ({ browser }) => {
    const { page, close } = await openPage(browser, PHONE);
    const timeline = timelineSection(page);
    const entries = timeline.locator('.lb-event:not(.lb-event--now)');
    await expect(entries).toHaveCount(exchanges.length);
    const busiest = [...exchanges].sort((a, b) => b.to_west.length + b.to_east.length - a.to_west.length - a.to_east.length)[0];
    const entry = page.locator(`#exchange-${busiest.id}`);
    const east = entry.getByText('Released to the Soviet Union or Russia');
    await expect(east, 'folded: what went east is behind Details').toBeHidden();
    await entry.getByText('Details', { exact: true }).tap();
    await expect(east).toBeVisible();
    await expect(entry.getByText('Sources', { exact: true }).first()).toBeVisible();
    const now = timeline.locator('.lb-event--now');
    await expect(now).toHaveCount(1);
    await expect(now.getByText(/Left behind/), 'no line per detained person').toHaveCount(0);
    await close();
  });

  test('a link to an exchange opens its details', async ({ browser }) => {
    const exchange = exchanges[exchanges.length - 1];
    const { page, close } = await openPage(browser, PHONE, `/#/exchange/${exchange.id}`);
    await waitForIslands(page);
    const details = page.locator(`#exchange-${exchange.id} > details`);
    await expect(details).toHaveAttribute('open', '');
    await expect(page.locator(`#exchange-${exchange.id}`)).toBeInViewport();
    await close();
  });
});

test.describe('touch targets and accessibility', () => {
  // Controls and standalone links; links inside a sentence or a list of
  // sources are inline targets, which WCAG 2.5.8 exempts.
  const TARGETS =
    'button:visible, summary:visible, input:not([type=checkbox]):not([type=radio]):not([tabindex="-1"]):visible, label:has(input[type=checkbox]):visible, label:has(input[type=radio]):visible, a.lb-button, .lb-held__name, .lb-card__more, .lb-card__permalink, .lb-tracked__link';

  for (const url of ['/', `/case/${stillHeld[0]?.id ?? people[0].id}/`]) {
    test(`every control on ${url} is at least 44 × 44 px at 390 px`, async ({ browser }) => {
      const { page, close } = await openPage(browser, PHONE, url);
      await waitForIslands(page);
      const small = await page.locator(TARGETS).evaluateAll((els) =>
        els
          .map((el) => ({ el, box: el.getBoundingClientRect() }))
          .filter(({ box }) => box.width > 0 && (box.width < 44 || box.height < 44))
          .map(({ el, box }) => `${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`),
      );
      expect(small).toEqual([]);
      expect(await page.locator(TARGETS).count(), 'the check sees the controls').toBeGreaterThanOrEqual(3);
      await close();
    });
  }

  for (const [url, name] of [
    ['/', 'main page'],
    [`/case/${stillHeld[0]?.id ?? people[0].id}/`, 'case page'],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      for (const width of [390, 1280]) {
        test(`axe: no WCAG 2.2 AA violations on the ${name}, ${colorScheme}, ${width} px`, async ({ browser }) => {
          const { page, close } = await openPage(browser, { viewport: { width, height: 900 }, colorScheme }, url);
          await waitForIslands(page);
          const violations = await axeViolations(page);
          expect(axeCounts(violations), axeReport(violations)).toEqual([]);
          if (url === '/') await page.screenshot({ path: `${SCREENSHOT_DIR}/main-${width}-${colorScheme}.png`, fullPage: true });
          await close();
        });
      }
    }
  }
});
