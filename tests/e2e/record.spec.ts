// The record as of the fact check of 1 December 2026, against the release
// build: who is said to be held comes from the statuses in data/cases.toml
// (read by fixtures/data.ts with smol-toml, independently of the app), people who came home
// are shown as home, and every detained card says when it was last checked.
import { test, expect, type Page } from '@playwright/test';
import { cardNamed, casePath, waitForIslands } from './fixtures/pages';
import { DAY_MS, askNames, exchanges, longDate, midnight, rawPeople as people, thousands as grouped } from './fixtures/data';

const campaign = people.filter((p) => p.campaign);
const detained = people.filter((p) => p.status.state === 'detained');
const gilman = people.find((p) => p.id === 'robert-gilman')!;

/** The hero's list under a heading: the names, in order. */
async function namesUnder(page: Page, heading: string) {
  const list = page.getByRole('heading', { level: 2, name: heading, exact: true }).locator('xpath=following-sibling::ul[1]');
  return list.locator('li > a:first-child').allTextContents();
}

test.describe('the record of December 2026', () => {
  test('Robert Gilman is home: his cards stand still at the days from arrest to release', async ({ page }) => {
    expect(gilman.status.state, 'the data says he was released').toBe('released');
    expect(gilman.campaign, 'he is one of the campaign’s people, with a card on the main page').toBe(true);
    const days = Math.floor(
      (midnight(gilman.status.date!, gilman.arrest.offset) - midnight(gilman.arrest.date, gilman.arrest.offset)) /
        DAY_MS,
    );
    // His full card, on his own page: home, frozen, and both reported destinations, neither picked.
    await page.goto(casePath(gilman.id));
    await waitForIslands(page);
    const full = cardNamed(page, gilman.name);
    await expect(full.getByTestId('status-badge')).toHaveText('Released');
    await expect(full.locator('.lb-timer')).toHaveAttribute('data-state', 'frozen');
    await expect(full.locator('.lb-timer__days')).toHaveText(`${grouped(days)} days`);
    await expect(full.locator('.lb-timer__summary')).toContainText(`Held for`);
    await expect(full.locator('.lb-card__freed')).toContainText('Dulles');
    await expect(full.locator('.lb-card__freed')).toContainText('Andrews Air Force Base');
    await expect(full.getByText(/^Left behind/), 'no "Left behind" line for someone home').toHaveCount(0);

    // His compact card on the main page says the same, after those still held.
    await page.goto('/');
    await waitForIslands(page);
    const card = cardNamed(page, gilman.name);
    await expect(card.getByTestId('status-badge')).toHaveText('Released');
    await expect(card.locator('.lb-timer')).toHaveAttribute('data-state', 'frozen');
    await expect(card.locator('.lb-timer__days')).toHaveText(`${grouped(days)} days`);
    await expect(card.locator('.lb-card__freed')).toContainText(`Freed ${longDate(gilman.status.date!)}.`);
    // The release is on the timeline, linked both ways, and not called an exchange.
    const release = exchanges.find((e) => e.id === gilman.status.exchange)!;
    expect(release.kind).toBe('release');
    expect(release.to_west.some((p) => p.case === gilman.id)).toBe(true);
    await card.getByRole('link', { name: 'See the release' }).click();
    const entry = page.locator(`#exchange-${release.id}`);
    await expect(entry).toBeFocused();
    await expect(entry.getByRole('link', { name: 'Robert Gilman' })).toHaveAttribute('href', '#/case/robert-gilman');
    // Still the same after a running timer has ticked.
    const ticking = cardNamed(page, 'David Barnes').locator('.lb-timer__hms');
    await ticking.scrollIntoViewIfNeeded();
    const before = await ticking.textContent();
    await expect(ticking).not.toHaveText(before ?? '', { timeout: 3000 });
    await expect(card.locator('.lb-timer__days')).toHaveText(`${grouped(days)} days`);
  });

  test('the hero names as held only campaign people the data says are detained', async ({ page }) => {
    await page.goto('/');
    const held = campaign.filter((p) => p.status.state === 'detained');
    const home = campaign.filter((p) => p.status.state === 'released');
    expect(await namesUnder(page, 'Still left behind')).toEqual(held.map((p) => p.name));
    expect(await namesUnder(page, 'Came home')).toEqual(home.map((p) => p.name));
    // The ask names those held and not designated ("… have not been designated …"), or,
    // when everyone held is designated, those held with no gap in reporting; never anyone home.
    const lead = (await page.getByTestId('ask-lead').textContent()) ?? '';
    const named = askNames.length
      ? askNames
      : held.filter((p) => !p.status.last_reported).map((p) => p.name);
    for (const p of campaign) {
      expect(lead.includes(p.name), `${p.name} in "${lead}"`).toBe(named.includes(p.name));
    }
    if (askNames.length) expect(lead).toMatch(/(has|have) not been designated “wrongfully detained” by the State Department\./);
    else expect(lead).toMatch(/(is|are) still held in Russia\./);
    // Someone no source has reported on lately is said to be last reported held, on that date.
    for (const p of held) {
      const row = page.getByTestId('held-person').filter({ hasText: p.name });
      const line = row.getByText(/^last reported held /);
      if (p.status.last_reported) await expect(line, p.name).toHaveText(`last reported held ${longDate(p.status.last_reported)}`);
      else await expect(line, `${p.name} is reported held`).toHaveCount(0);
    }
    // The petition asks for the same people, never for those who came home.
    const ask = (await page.locator('.lb-petition__ask').textContent()) ?? '';
    for (const p of home) expect(ask, `the petition does not ask for ${p.name}`).not.toContain(p.name);
  });

  test('every detained card says when its record was checked', async ({ page }) => {
    // The full card on each case page.
    for (const p of detained) {
      await page.goto(casePath(p.id));
      await expect(cardNamed(page, p.name).locator('.lb-card__asof'), casePath(p.id)).toContainText(
        `· checked ${longDate(p.checked)}`,
      );
    }
    // And the campaign's compact cards on the main page (the tracked lines show no dates).
    await page.goto('/');
    for (const p of detained.filter((q) => q.campaign)) {
      await expect(cardNamed(page, p.name).locator('.lb-card__asof'), p.id).toContainText(`· checked ${longDate(p.checked)}`);
    }
  });

  test('Gilman’s case page preview and counter say he is home', async ({ page, request }) => {
    const html = await (await request.get('/case/robert-gilman/')).text();
    const title = html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
    expect(title).toMatch(/^Robert Gilman: held [\d,]+ days, now home$/);
    expect(html).toContain(`<meta property="og:title" content="${title}">`);
    expect(html).not.toContain('detained for');
    await page.goto('/widget/counter/robert-gilman.html');
    await expect(page.locator('.lb-counter')).toHaveText(
      new RegExp(`^Robert Gilman: held [\\d,]+ days, free since ${longDate(gilman.status.date!)}$`),
    );
  });

  test('the open data carries the record and its checked dates', async ({ request }) => {
    const cases = await (await request.get('/cases.json')).json();
    expect(cases.version).toBe(1);
    for (const p of people) {
      const c = cases.cases.find((q: { id: string }) => q.id === p.id);
      expect(c.checked, p.id).toBe(p.checked);
      expect(c.status.state, p.id).toBe(p.status.state);
    }
    const ex = await (await request.get('/exchanges.json')).json();
    expect(ex.exchanges.map((e: { id: string }) => e.id)).toContain(gilman.status.exchange);
    const ics = (await (await request.get('/anniversaries.ics')).text()).replace(/\r\n /g, '');
    expect(ics).not.toContain('UID:robert-gilman-arrest');
    for (const p of detained.filter((q) => /^\d{4}-\d{2}-\d{2}$/.test(q.arrest.date))) {
      expect(ics, p.id).toContain(`UID:${p.id}-arrest`);
    }
  });
});
