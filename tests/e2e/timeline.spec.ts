// End-to-end tests of the exchange timeline, against the release build in dist/.
//
// The expected values come from data/exchanges.toml and data/cases.toml, read
// by the oracle in fixtures/data.ts with smol-toml and computed with plain
// JavaScript dates, independently of the app's Rust code.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import {
  DAY_MS,
  FULL_DATE,
  SCREENSHOT_DIR,
  detained,
  exchanges,
  firstDay,
  heldDays,
  instant,
  lastExchange,
  lastExchangeMs,
  listsCase,
  longDate as fmtDate,
  news,
  people,
  personById,
  campaignPeople,
  releasedViaExchange,
  thousands,
  trackedPeople,
  year,
  type RawPerson,
} from './fixtures/data';
import { axeCounts, axeReport, axeViolations } from './fixtures/axe';
import {
  campaignSection,
  cardNamed,
  casePath,
  openTimeline as openPage,
  scrollSettled,
  timelineSection,
  trackedLine,
  waitForIslands,
} from './fixtures/pages';

// ---------------------------------------------------------------------------
// Page helpers.

type Filter = 'all' | 'recent' | 'ours';
const FILTER_LABEL: Record<Filter, string> = {
  all: 'All exchanges',
  recent: 'Since 2022',
  ours: 'Involving the people on this page',
};

const list = (page: Page) => page.locator('#lb-timeline-list');
/** An exchange, by the id its deep link names. */
const event = (page: Page, id: string) => page.locator(`#exchange-${id}`);
const eventTitle = (page: Page, id: string) => event(page, id).getByRole('heading', { level: 3 });
const nowEntry = (page: Page) => list(page).getByRole('listitem', { name: 'Now', exact: true });
const filterGroup = (page: Page) => page.getByRole('group', { name: 'Show' });
const radio = (page: Page, value: Filter) => filterGroup(page).getByRole('radio', { name: FILTER_LABEL[value], exact: true });
/** The card of the person with this id, found by its name as a person reads it. */
const card = (page: Page, id: string) => cardNamed(page, personById.get(id)!.name);
/** Where a person is on the main page: the campaign's people a compact card, everyone else a tracked line. */
const onMainPage = (page: Page, id: string) => {
  const p = personById.get(id)!;
  return p.campaign ? card(page, id) : trackedLine(page, p.name);
};
const SEE_FREED = /^See the (exchange|release)$/;
/** A card's "See the exchange" (or "See the release") link. */
const freedLink = (page: Page, id: string) => card(page, id).getByRole('link', { name: SEE_FREED });
/** The hero's "Came home" line of a campaign person, with its own "See the exchange". */
const cameHomeLink = (page: Page, id: string) =>
  page
    .getByRole('banner')
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: personById.get(id)!.name, exact: true }) })
    .getByRole('link', { name: SEE_FREED });
/** What went east, inside an exchange's folded details. */
const eastHeading = (page: Page, id: string) =>
  event(page, id).getByRole('heading', { level: 4, name: 'Released to the Soviet Union or Russia', exact: true });
/** The people freed in an exchange or release whose compact card is on the main page. */
const campaignFreed = releasedViaExchange.filter((p) => p.campaign);

/** For each event id (and "now"): whether it is rendered (not display:none anywhere up the tree). */
const visibility = (page: Page) =>
  page.locator('#lb-timeline-list > li').evaluateAll((els) =>
    Object.fromEntries(els.map((el) => [el.id, (el as HTMLElement).checkVisibility()])),
  );

const expectedVisibility = (filter: Filter) =>
  Object.fromEntries([
    ...exchanges.map((e) => [
      `exchange-${e.id}`,
      filter === 'all' ? true : filter === 'recent' ? year(e) >= 2022 : listsCase(e),
    ]),
    ['exchange-now', true],
  ]);

const describeEl = () => {
  const el = document.activeElement;
  if (!el) return 'nothing';
  const id = el.id ? `#${el.id}` : '';
  const href = el.getAttribute('href') ? `[href="${el.getAttribute('href')}"]` : '';
  const value = el.getAttribute('value') ? `[value="${el.getAttribute('value')}"]` : '';
  return `${el.tagName.toLowerCase()}${id}${href}${value}`;
};

// ---------------------------------------------------------------------------

test.describe('exchange timeline', () => {
  test('1. every exchange in the data file renders, in file order and date order, with "now" last', async ({ browser }) => {
    const { page, close } = await openPage(browser);
    const items = await page.locator('#lb-timeline-list > li').evaluateAll((els) =>
      els.map((el) => {
        const link = el.querySelector('h3.lb-event__title a');
        return {
          id: el.id,
          classes: el.className,
          tabindex: el.getAttribute('tabindex'),
          recent: el.hasAttribute('data-recent'),
          ours: el.hasAttribute('data-ours'),
          href: link?.getAttribute('href') ?? null,
          datetime: link?.querySelector('time')?.getAttribute('datetime') ?? null,
          title: el.querySelector('h3.lb-event__title')?.textContent?.trim() ?? '',
          west: el.querySelector('h4')?.textContent?.trim() ?? null,
          folded: (el.querySelector(':scope > details') as HTMLDetailsElement | null)?.open === false,
        };
      }),
    );

    // Every exchange, nothing extra, in the data file's order; then "now", last.
    expect(items.map((i) => i.id), 'timeline entries in page order').toEqual([
      ...exchanges.map((e) => `exchange-${e.id}`),
      'exchange-now',
    ]);
    const now = items.at(-1)!;
    expect(now.classes.split(/\s+/), 'the last entry is the "now" entry').toContain('lb-event--now');
    expect(items.filter((i) => i.classes.includes('lb-event--now')).length, 'exactly one "now" entry').toBe(1);

    const events = items.slice(0, -1);
    for (const [i, e] of exchanges.entries()) {
      const got = events[i];
      expect(got.classes.split(/\s+/), `${e.id} is an .lb-event`).toContain('lb-event');
      expect(got.tabindex, `${e.id} can take focus from a deep link (tabindex=-1)`).toBe('-1');
      expect(got.href, `${e.id}: title link`).toBe(`#/exchange/${e.id}`);
      expect(got.datetime, `${e.id}: <time datetime> is the data file's date`).toBe(e.date);
      expect(got.title, `${e.id}: title shows the date`).toContain(fmtDate(e.date));
      expect(got.title, `${e.id}: title shows the place`).toContain(e.place);
      expect(got.recent, `${e.id}: data-recent (year ${year(e)})`).toBe(year(e) >= 2022);
      expect(got.ours, `${e.id}: data-ours (lists someone from cases.toml)`).toBe(listsCase(e));
      expect(got.west, `${e.id}: says who was released to the West`).toBe('Released to the West');
      expect(got.folded, `${e.id}: opens folded, its details a tap away`).toBe(true);
    }

    // The dates a visitor reads go forward in time.
    const days = events.map((e) => firstDay(e.datetime ?? ''));
    for (let i = 1; i < days.length; i++) {
      expect(
        days[i] >= days[i - 1],
        `${events[i].id} (${events[i].datetime}) comes after ${events[i - 1].id} (${events[i - 1].datetime})`,
      ).toBe(true);
    }
    await close();
  });

  test('2a. card → exchange: "See the exchange" links to and focuses the right event, and opens its details', async ({ browser }) => {
    expect(campaignFreed.length, 'data has campaign people who came home in an exchange or release').toBeGreaterThan(0);

    // From the compact card and from the hero's "Came home" line, each from a fresh page,
    // as a visitor arriving on the page would.
    for (const p of campaignFreed) {
      for (const [where, linkOf] of [
        ['compact card', freedLink],
        ['"Came home" line', cameHomeLink],
      ] as const) {
        const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
        await waitForIslands(page);
        const link = linkOf(page, p.id);
        await expect(link, `${p.name}'s ${where} links "See the exchange"`).toHaveCount(1);
        await expect(link).toHaveAttribute('href', `#/exchange/${p.status.exchange}`);
        // A one-way release is not called an exchange.
        const kind = exchanges.find((e) => e.id === p.status.exchange)?.kind;
        await expect(link).toHaveText(kind === 'release' ? 'See the release' : 'See the exchange');
        await expect(eastHeading(page, p.status.exchange!), 'the details start folded').toBeHidden();
        await link.click();
        const target = event(page, p.status.exchange!);
        await expect(target, `${p.name}'s ${where}: "See the exchange" focuses #exchange-${p.status.exchange}`).toBeFocused();
        await expect(eastHeading(page, p.status.exchange!), `${p.name}'s ${where}: the exchange's details open`).toBeVisible();
        await scrollSettled(page);
        await expect(target, `${p.name}'s ${where}: the exchange is scrolled into view`).toBeInViewport();
        await close();
      }
    }
  });

  test('2a2. every full card of someone freed in an exchange links to it on their case page', async ({ browser }) => {
    expect(releasedViaExchange.length, 'data has people released in an exchange').toBeGreaterThan(0);
    const { page, close } = await openPage(browser, {}, '/');
    for (const p of releasedViaExchange) {
      await page.goto(casePath(p.id));
      const link = freedLink(page, p.id);
      await expect(link, `${casePath(p.id)}: the full card links to how ${p.name} came home`).toHaveCount(1);
      await expect(link).toHaveAttribute('href', `#/exchange/${p.status.exchange}`);
      const kind = exchanges.find((e) => e.id === p.status.exchange)?.kind;
      await expect(link).toHaveText(kind === 'release' ? 'See the release' : 'See the exchange');
    }
    await close();
  });

  test('2a3. on a case page, "See the exchange" takes the visitor to that exchange on the timeline', async ({ browser }) => {
    // The case page has no timeline: it resolves its links against the site's root
    // (<base href="/">), so "#/exchange/<id>" leads to the main page's entry.
    const p = releasedViaExchange.find((q) => !q.campaign) ?? releasedViaExchange[0];
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } }, '/');
    await page.goto(casePath(p.id));
    await waitForIslands(page);
    await freedLink(page, p.id).click();
    await expect(event(page, p.status.exchange!), `${p.name}: from the case page to #exchange-${p.status.exchange}`).toBeFocused();
    await close();
  });

  test('2b. card → exchange: a second link to the same exchange also takes the visitor there', async ({ browser }) => {
    // Two links on the main page to the same exchange: the second must work too, although the
    // URL already ends in that exchange's hash. Two compact cards freed in the same exchange
    // where the data has them; otherwise the hero's "Came home" line and the compact card of
    // the same person.
    expect(campaignFreed.length, 'data has campaign people who came home in an exchange or release').toBeGreaterThan(0);
    const byExchange = new Map<string, RawPerson[]>();
    for (const p of campaignFreed) byExchange.set(p.status.exchange!, [...(byExchange.get(p.status.exchange!) ?? []), p]);
    const shared = [...byExchange.entries()].find(([, ps]) => ps.length >= 2);
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await waitForIslands(page);
    const [exId, firstLink, secondLink, what] = shared
      ? [shared[0], freedLink(page, shared[1][0].id), freedLink(page, shared[1][1].id), `${shared[1][1].name}'s card`]
      : [
          campaignFreed[0].status.exchange!,
          cameHomeLink(page, campaignFreed[0].id),
          freedLink(page, campaignFreed[0].id),
          `${campaignFreed[0].name}'s card, after the "Came home" line's link,`,
        ];
    await firstLink.click();
    await expect(event(page, exId)).toBeFocused();
    await scrollSettled(page);
    await secondLink.scrollIntoViewIfNeeded();
    await scrollSettled(page);
    await expect(event(page, exId)).not.toBeInViewport();
    await secondLink.click();
    await expect(
      event(page, exId),
      `${what} "See the exchange" (URL already #/exchange/${exId}) must take the visitor to the exchange too`,
    ).toBeFocused({ timeout: 2000 });
    await scrollSettled(page);
    await expect(event(page, exId)).toBeInViewport();
    await close();
  });

  test('2c. exchange → card: each of our people links to their card or tracked line, which gets focus; "held N days" is right', async ({ browser }) => {
    // Exchange → card, and the "held N days" after each name.
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await waitForIslands(page);
    const parties = await page.locator('#lb-timeline-list li.lb-event li.lb-party--ours').evaluateAll((els) =>
      els.map((el) => ({
        event: el.closest('li.lb-event')?.id ?? '',
        href: el.querySelector('a')?.getAttribute('href') ?? null,
        name: el.querySelector('a')?.textContent?.trim() ?? '',
        text: (el.textContent ?? '').replace(/\s+/g, ' ').trim(),
      })),
    );
    const expectedParties = exchanges.flatMap((e) =>
      [...e.to_west, ...e.to_east].filter((x) => x.case).map((x) => ({ event: `exchange-${e.id}`, exId: e.id, id: x.case! })),
    );
    expect(
      parties.map((x) => `${x.event} → ${x.href}`),
      'every { case = … } in the exchanges links to its card',
    ).toEqual(expectedParties.map((x) => `${x.event} → #/case/${x.id}`));

    for (const x of expectedParties) {
      const p = personById.get(x.id);
      expect(p, `${x.id} (listed in ${x.event}) is in cases.toml`).toBeTruthy();
      const got = parties.find((q) => q.href === `#/case/${x.id}` && q.event === x.event)!;
      expect(got.name).toBe(p!.name);
      const target = onMainPage(page, x.id);
      await expect(target, `${x.id} has one ${p!.campaign ? 'compact card' : 'tracked line'} on the main page`).toHaveCount(1);
      await expect(target, `the link lands on #case-${x.id}`).toHaveAttribute('id', `case-${x.id}`);
      if (p!.status.state === 'released' && p!.status.date) {
        // A month-only arrest date counts from the 1st, as "about N days" (as the card says).
        const n = heldDays(p!);
        const about = FULL_DATE.test(p!.arrest.date) ? '' : 'about ';
        expect(
          got.text,
          `${p!.name} in ${x.event}: arrested ${p!.arrest.date} (${p!.arrest.offset}), released ${p!.status.date}`,
        ).toBe(`${p!.name} — held ${about}${thousands(n)} days`);
      }
    }

    for (const x of expectedParties) {
      const p = personById.get(x.id)!;
      const link = event(page, x.exId).getByRole('link', { name: p.name, exact: true });
      await link.click();
      const target = onMainPage(page, x.id);
      await expect(target, `clicking ${x.id} in ${x.event} focuses the ${p.campaign ? 'card' : 'tracked line'}`).toBeFocused();
      await scrollSettled(page);
      await expect(target, `${x.id}'s ${p.campaign ? 'card' : 'tracked line'} is scrolled into view`).toBeInViewport();
    }
    await close();
  });

  test('3. /#/exchange/2024-08-ankara focuses that exchange and shows it', async ({ browser }) => {
    const id = '2024-08-ankara';
    expect(exchanges.some((e) => e.id === id), `${id} is in the data file`).toBe(true);
    for (const viewport of [{ width: 1280, height: 720 }, { width: 375, height: 800 }]) {
      const { page, close } = await openPage(browser, { viewport }, `/#/exchange/${id}`);
      const target = event(page, id);
      await expect(target, `${viewport.width} px: the event is focused`).toBeFocused();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(`exchange-${id}`);
      await scrollSettled(page);
      await expect(target, `${viewport.width} px: the event is in the viewport once scrolling stops`).toBeInViewport();
      await expect(eastHeading(page, id), `${viewport.width} px: the link opens the event's details`).toBeVisible();
      await close();
    }
  });

  test('3b. a deep link to a tall event stops with its title (date and place) on screen', async ({ browser }) => {
    // The Ankara event is taller than a phone's or a small laptop's viewport. The visitor
    // followed a link to "the August 2024 exchange": where the page stops, its heading must show.
    const id = '2024-08-ankara';
    for (const viewport of [{ width: 1280, height: 720 }, { width: 1280, height: 900 }, { width: 375, height: 800 }]) {
      const { page, close } = await openPage(browser, { viewport }, `/#/exchange/${id}`);
      const target = event(page, id);
      await expect(target).toBeFocused();
      const scrollY = await scrollSettled(page);
      const title = eventTitle(page, id);
      const [titleBox, eventBox] = [await title.boundingBox(), await target.boundingBox()];
      await expect
        .soft(
          title,
          `${viewport.width}×${viewport.height}: the title of #exchange-${id} is on screen once scrolling stops ` +
            `(stopped at scrollY ${Math.round(scrollY)}; title top at ${Math.round(titleBox?.y ?? NaN)} px; ` +
            `event ${Math.round(eventBox?.height ?? NaN)} px tall)`,
        )
        .toBeInViewport({ timeout: 500 });
      await close();
    }
  });

  test('4. the filter hides and shows events, keeps "now", and works from the keyboard', async ({ browser }) => {
    const { page, close } = await openPage(browser);
    await waitForIslands(page);

    await expect(filterGroup(page).locator('legend')).toHaveText('Show');
    const labels = await filterGroup(page).locator('label').evaluateAll((els) =>
      els.map((l) => ({ text: l.textContent?.trim(), value: l.querySelector('input')?.getAttribute('value') })),
    );
    expect(labels).toEqual([
      { text: 'All exchanges', value: 'all' },
      { text: 'Since 2022', value: 'recent' },
      { text: 'Involving the people on this page', value: 'ours' },
    ]);
    await expect(radio(page, 'all')).toBeChecked();
    await expect(list(page)).toHaveAttribute('data-filter', 'all');
    expect(await visibility(page), 'at first every event shows').toEqual(expectedVisibility('all'));

    const choose = async (label: string, value: Filter) => {
      await page.getByLabel(label, { exact: true }).check();
      await expect(radio(page, value)).toBeChecked();
      await expect(list(page)).toHaveAttribute('data-filter', value);
      await expect
        .poll(() => visibility(page), { message: `"${label}": which events show (true) and which are hidden`, timeout: 2000 })
        .toEqual(expectedVisibility(value));
      await expect(nowEntry(page), `"${label}": the now entry stays visible`).toBeVisible();
    };
    await choose('Since 2022', 'recent');
    await choose('Involving the people on this page', 'ours');
    await choose('All exchanges', 'all');

    // Keyboard: Tab into the group from the element before it, then arrow keys.
    await page.reload();
    await waitForIslands(page);
    // The petition just above takes over its prerendered form when its own
    // bundle arrives; let that happen first so the element focused below is
    // the one that stays.
    await timelineSection(page).scrollIntoViewIfNeeded();
    await expect(page.locator('#lb-petition form[data-live]')).toHaveCount(1, { timeout: 10_000 });
    const focusedBefore = await page.evaluate(() => {
      const tabbable = [
        ...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]'),
      ].filter((el) => el.tabIndex >= 0 && !(el as HTMLInputElement).disabled && el.checkVisibility());
      const first = document.querySelector('fieldset.lb-filter input');
      const i = tabbable.findIndex((el) => el === first || (first && el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_PRECEDING));
      const before = tabbable[i - 1];
      before?.focus();
      return before ? `${before.tagName.toLowerCase()} ${before.getAttribute('href') ?? ''}` : null;
    });
    expect(focusedBefore, 'there is a tabbable element before the filter').toBeTruthy();
    await page.keyboard.press('Tab');
    await expect(radio(page, 'all'), `Tab from ${focusedBefore} reaches the filter's checked radio`).toBeFocused();

    const steps: [string, Filter][] = [
      ['ArrowDown', 'recent'],
      ['ArrowDown', 'ours'],
      ['ArrowUp', 'recent'],
      ['ArrowLeft', 'all'],
      ['ArrowRight', 'recent'],
    ];
    for (const [key, value] of steps) {
      await page.keyboard.press(key);
      await expect(radio(page, value), `${key} moves to "${value}"`).toBeFocused();
      await expect(radio(page, value), `${key} selects "${value}"`).toBeChecked();
      await expect(list(page), `${key}: the list follows the keyboard choice`).toHaveAttribute('data-filter', value);
      await expect
        .poll(() => visibility(page), { message: `keyboard "${value}": which events show`, timeout: 2000 })
        .toEqual(expectedVisibility(value));
    }
    await close();
  });

  test('5. the now entry appears once, ticks and counts those still detained; "left behind" on a held person’s case page counts the days since the last exchange', async ({
    browser,
  }) => {
    expect(lastExchange, 'the data has an exchange that freed Americans').toBeTruthy();
    const { page, close } = await openPage(browser);
    await waitForIslands(page);
    const now = nowEntry(page);
    await expect(now, 'one "now" entry').toHaveCount(1);
    await expect(page.locator('#exchange-now')).toHaveCount(1);

    // How many are still detained, as the data says.
    const count = /^(\d+) Americans? in this data (?:is|are) still detained/.exec(
      (await now.getByText(/still detained/).textContent())?.trim() ?? '',
    );
    expect(count, 'the now entry says how many are still detained').toBeTruthy();
    expect(Number(count![1]), 'the count of people still detained').toBe(detained.length);

    // "Time since the last exchange that freed Americans: <date>", linking to it.
    const since = now.locator('a[href^="#/exchange/"]').first();
    await expect(since).toHaveAttribute('href', `#/exchange/${lastExchange!.id}`);
    await expect(since).toHaveText(fmtDate(lastExchange!.date));

    // The clock ticks, and its HH:MM:SS is the time since the last exchange's midnight UTC.
    const clock = now.locator('.lb-now__clock');
    await expect(clock).toHaveCount(1);
    await clock.scrollIntoViewIfNeeded();
    const first = (await clock.textContent())?.trim() ?? '';
    expect(first, 'the now clock ends in HH:MM:SS').toMatch(/ \d{2}:\d{2}:\d{2}$/);
    await expect
      .poll(async () => (await clock.textContent())?.trim(), { message: 'the now clock changes within 2 s', timeout: 2000 })
      .not.toBe(first);
    const before = Date.now();
    const shown = (await clock.textContent())?.trim() ?? '';
    const after = Date.now();
    const secs = (t: number) => Math.floor((t - lastExchangeMs) / 1000) % 86_400;
    const m = / (\d{2}):(\d{2}):(\d{2})$/.exec(shown);
    expect(m, `now clock shows "${shown}"`).toBeTruthy();
    const s = Number(m![1]) * 3600 + Number(m![2]) * 60 + Number(m![3]);
    const ok = [s, s + 86_400, s - 86_400].some((v) => v >= secs(before) - 1 && v <= secs(after) + 1);
    expect(ok, `now clock "${shown}" shows the time since ${lastExchange!.date} 00:00 UTC`).toBe(true);

    // No line per person any more: nobody is named in the now entry.
    for (const p of people) await expect(now.getByRole('link', { name: p.name }), `${p.name} in the now entry`).toHaveCount(0);
    await expect(now.getByText(/Left behind/), 'no "Left behind" lines in the timeline').toHaveCount(0);
    await close();

    // Each detained person's full card, on their own page, counts whole days since that midnight.
    const { page: cases, close: closeCases } = await openPage(browser, {}, '/');
    for (const p of detained) {
      await cases.goto(casePath(p.id));
      await waitForIslands(cases);
      const line = card(cases, p.id).locator('.lb-left-behind');
      if (p.status.last_reported) {
        // "Left behind" would claim the person is held today.
        await expect(line, `${p.name}: no claim beyond the last report`).toHaveCount(0);
        await expect(card(cases, p.id).getByTestId('status-badge')).toHaveText('Last reported detained');
        continue;
      }
      const arrestMs = instant(p.arrest.date, p.arrest.offset, p.arrest.time);
      if (arrestMs >= lastExchangeMs) {
        await expect(line, `${p.name} was arrested after the last exchange`).toHaveText('Arrested after the last exchange.');
        continue;
      }
      const text = (await line.textContent())?.trim() ?? '';
      const expectedDays = Math.floor((Date.now() - lastExchangeMs) / DAY_MS);
      const mm = /^Left behind: ([\d,]+) days? since the last exchange \((.+)\)\.$/.exec(text);
      expect(mm, `${p.name}: "${text}"`).toBeTruthy();
      const n = Number(mm![1].replace(/,/g, ''));
      expect(mm![2], `${p.name}: the exchange named`).toBe(fmtDate(lastExchange!.date));
      expect(
        Math.abs(n - expectedDays),
        `${p.name}: ${n} days shown; floor((now − ${firstDay(lastExchange!.date)}T00:00Z) / 1 day) = ${expectedDays}`,
      ).toBeLessThanOrEqual(1);
      await expect(line.getByRole('link'), `${p.name}: the line links to the exchange`).toHaveAttribute(
        'href',
        `#/exchange/${lastExchange!.id}`,
      );
    }
    await closeCases();
  });

  test('6. Tab from the filter reaches the first event, and every focused link shows an outline', async ({ browser }) => {
    const { page, close } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await waitForIslands(page);

    // Every event has a focusable, visible title link.
    const titleLinks = await page.locator('#lb-timeline-list > li.lb-event:not(.lb-event--now)').evaluateAll((els) =>
      els.map((el) => {
        const a = el.querySelector<HTMLAnchorElement>('h3.lb-event__title a[href]');
        return { id: el.id, ok: !!a && a.tabIndex >= 0 && a.checkVisibility() };
      }),
    );
    expect(titleLinks.filter((t) => !t.ok).map((t) => t.id), 'events without a focusable title link').toEqual([]);

    await radio(page, 'all').focus();
    await page.keyboard.press('Tab');
    const firstLink = eventTitle(page, exchanges[0].id).getByRole('link');
    await expect(firstLink, `Tab from the filter goes to ${exchanges[0].id}'s title link, not ${await page.evaluate(describeEl)}`).toBeFocused();

    // Walk the whole timeline with Tab; note each focused element's outline.
    const seen: { el: string; inTimeline: boolean; isTitle: boolean; isLink: boolean; style: string; width: string; color: string }[] = [];
    for (let i = 0; i < 300; i++) {
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const cs = el ? getComputedStyle(el) : null;
        const href = el?.getAttribute('href');
        return {
          el: el ? `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${href ? `[href="${href}"]` : ''}` : 'nothing',
          inTimeline: !!el?.closest('#lb-timeline'),
          isTitle: !!el?.closest('h3.lb-event__title'),
          isLink: el?.tagName === 'A',
          style: cs?.outlineStyle ?? '',
          width: cs?.outlineWidth ?? '',
          color: cs?.outlineColor ?? '',
        };
      });
      if (!info.inTimeline) break;
      seen.push(info);
      await page.keyboard.press('Tab');
    }
    const visitedTitles = new Set(seen.filter((s) => s.isTitle).map((s) => s.el));
    const missed = exchanges.filter((e) => !visitedTitles.has(`a[href="#/exchange/${e.id}"]`));
    expect(missed.map((e) => e.id), 'event title links never reached by Tab').toEqual([]);
    const noOutline = seen.filter(
      (s) => s.isLink && (s.style === 'none' || parseFloat(s.width) === 0 || /rgba\(.*, 0\)$/.test(s.color)),
    );
    expect(
      noOutline.map((s) => `${s.el}: outline ${s.style} ${s.width} ${s.color}`),
      'focused links in the timeline without a visible outline',
    ).toEqual([]);
    expect(seen.filter((s) => s.isLink).length, 'links focused in the timeline').toBeGreaterThan(exchanges.length);

    // With "Since 2022", Tab from the filter skips the hidden events.
    await radio(page, 'recent').check();
    await radio(page, 'recent').focus();
    await page.keyboard.press('Tab');
    const firstRecent = exchanges.find((e) => year(e) >= 2022)!;
    await expect(
      eventTitle(page, firstRecent.id).getByRole('link'),
      `"Since 2022": Tab from the filter goes to ${firstRecent.id}, not ${await page.evaluate(describeEl)}`,
    ).toBeFocused();
    await close();
  });

  test('7. without JavaScript the page is readable: names, places, headlines, day counts', async ({ browser }) => {
    const { page, close } = await openPage(browser, { javaScriptEnabled: false });

    // The campaign's cards, held first, and every other person's line.
    const names = await campaignSection(page).getByRole('article').getByRole('heading').allTextContents();
    expect(names.map((n) => n.trim()), 'every campaign card name, held first').toEqual(campaignPeople.map((p) => p.name));
    for (const p of campaignPeople) await expect(card(page, p.id).getByRole('heading', { name: p.name, exact: true })).toBeVisible();
    for (const p of trackedPeople) await expect(trackedLine(page, p.name), `${p.name}'s line`).toBeVisible();

    for (const e of exchanges) {
      const title = eventTitle(page, e.id);
      await expect(title, `${e.id}: place`).toContainText(e.place);
      await expect(title, `${e.id}: date`).toContainText(fmtDate(e.date));
      await expect(title).toBeVisible();
      // Who came west, our people by name.
      for (const x of e.to_west.filter((q) => q.case)) {
        await expect(event(page, e.id).getByRole('link', { name: personById.get(x.case!)!.name, exact: true })).toBeVisible();
      }
    }

    expect(news.length, 'the data has news').toBeGreaterThan(0);
    const headlines = (await page.getByRole('region', { name: 'Latest news' }).getByRole('heading', { level: 3 }).allTextContents()).map((h) => h.trim());
    expect(headlines, 'every news headline, in file order').toEqual(news.map((n) => n.headline));

    const dayCount = /^(about )?[\d,]+ days?$/;
    for (const p of detained) {
      if (p.campaign) {
        const days = card(page, p.id).locator('.lb-timer__days');
        await expect(days, `${p.name}'s card shows a day count without script`).toHaveText(dayCount);
        await expect(days).toBeVisible();
        const hero = page.getByTestId('held-person').filter({ hasText: p.name }).locator('.lb-days');
        await expect(hero, `${p.name}'s day count in the hero`).toHaveText(dayCount);
        await expect(hero).toBeVisible();
      } else {
        await expect(trackedLine(page, p.name), `${p.name}'s line shows a day count without script`).toHaveText(
          /(Detained for|Time since the arrest) (about )?[\d,]+ days?$/,
        );
      }
    }
    // The now entry reads too.
    await expect(nowEntry(page).getByText(/still detained/)).toBeVisible();
    await expect(nowEntry(page).locator('.lb-now__clock')).toHaveText(/\d{2}:\d{2}:\d{2}$/);

    // Each held person's full card says, without script, how long since the last exchange.
    for (const p of detained) {
      await page.goto(casePath(p.id));
      const days = card(page, p.id).locator('.lb-timer__days');
      await expect(days, `${casePath(p.id)} shows a day count without script`).toHaveText(dayCount);
      const leftBehind = card(page, p.id).locator('.lb-left-behind');
      if (p.status.last_reported) {
        await expect(leftBehind, `${p.name} is not said to be left behind today`).toHaveCount(0);
        continue;
      }
      await expect(leftBehind, `${p.name}'s card says how long since the last exchange`).toContainText(
        /Left behind: [\d,]+ days?|Arrested after the last exchange/,
      );
    }
    await close();
  });

  test('8. axe finds no WCAG 2.2 AA violations in the timeline, whatever the filter', async ({ browser }) => {
    const { page, close } = await openPage(browser);
    await waitForIslands(page);
    const reports: string[] = [];
    const counts: Record<string, string[]> = {};
    for (const value of ['all', 'recent', 'ours'] as const) {
      await radio(page, value).check();
      await expect(list(page)).toHaveAttribute('data-filter', value);
      const violations = await axeViolations(page, { include: '#lb-timeline' });
      counts[value] = axeCounts(violations);
      if (violations.length) reports.push(axeReport(violations, `[filter=${value}] `));
    }
    expect(counts, `axe violations in #lb-timeline:\n${reports.join('\n')}`).toEqual({ all: [], recent: [], ours: [] });
    await close();
  });

  test('9. screenshots of the timeline at 375 and 1280 px, and of the Ankara deep link', async ({ browser }) => {
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const sizes = [
      { width: 375, height: 800 },
      { width: 1280, height: 900 },
    ];
    for (const viewport of sizes) {
      // Reduced motion: clocks paused, so the screenshots are stable.
      const opts = { viewport, reducedMotion: 'reduce' as const };
      let { page, close } = await openPage(browser, opts);
      await waitForIslands(page);
      await page.evaluate(() => document.fonts.ready);
      await timelineSection(page).screenshot({ path: path.join(SCREENSHOT_DIR, `timeline-${viewport.width}.png`) });
      const wide = await timelineSection(page).evaluate((section) => {
        const vw = document.documentElement.clientWidth;
        return [...section.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > vw + 0.5)
          .slice(0, 6)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${(el as HTMLElement).className}`);
      });
      expect.soft(wide, `${viewport.width} px: timeline elements sticking out past the right edge`).toEqual([]);
      await close();

      ({ page, close } = await openPage(browser, opts, '/#/exchange/2024-08-ankara'));
      await waitForIslands(page);
      await expect(event(page, '2024-08-ankara')).toBeFocused();
      await scrollSettled(page);
      await page.evaluate(() => document.fonts.ready);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `timeline-ankara-${viewport.width}.png`) });
      await close();
    }
    // Dark mode, narrow: for a look at contrast.
    const { page, close } = await openPage(browser, {
      viewport: { width: 375, height: 800 },
      colorScheme: 'dark',
      reducedMotion: 'reduce',
    });
    await waitForIslands(page);
    await timelineSection(page).screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-375-dark.png') });
    await close();
  });
});
