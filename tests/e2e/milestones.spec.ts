// Milestones (issue 15): each card names the last milestone passed and the
// next, with their dates (100, 500, 1,000 days and every further 500;
// arrest anniversaries), in every language, and the petition's share text is
// led by one reached within 30 days of the build.
//
// The expected milestones are computed here from data/cases.toml with plain
// JavaScript dates, independently of the app's Rust code: day N falls at the
// arrest's instant plus N × 24 h, year k on the arrest's day k years later
// (28 February for a 29 February), each dated in the calendar of the place
// of arrest; none after a release; none for an arrest day not known.
import { test, expect, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { DAY_MS, ROOT, campaignPeople, longDate, people, thousands, type Person } from './fixtures/data';
import { cardNamed } from './fixtures/pages';
import { casePathIn, daysWord, fullDateIn, grouped, nameIn, prefix, type Lang } from './fixtures/l10n';

type Milestone = { kind: 'days' | 'years'; n: number; at: number; date: string };

/**
 * The moment of the build: the prerender stamps the cards with its clock
 * when it writes the pages, so a milestone passing between the build and
 * this test does not make the page look wrong.
 */
const built = fs.statSync(path.join(ROOT, 'dist', 'index.html')).mtimeMs;

/** "+03:00" in ms east of UTC. */
const offsetMs = (offset: string) => {
  const [, sign, h, m] = /^([+-])(\d{2}):(\d{2})$/.exec(offset)!;
  return (sign === '-' ? -1 : 1) * (Number(h) * 60 + Number(m)) * 60_000;
};

/** "YYYY-MM-DD" of a wall-clock instant (ms, already shifted to the place). */
const isoDay = (wall: number) => new Date(wall).toISOString().slice(0, 10);

/** Every milestone of a person, in order, up to the release, for about 30 years. */
function milestonesOf(p: Person): Milestone[] {
  if (!p.dayKnown) return [];
  const off = offsetMs(p.arrest.offset);
  const out: Milestone[] = [];
  for (const n of [100, 500, ...Array.from({ length: 20 }, (_, i) => (i + 2) * 500)]) {
    const at = p.startMs + n * DAY_MS;
    out.push({ kind: 'days', n, at, date: isoDay(at + off) });
  }
  const wall = new Date(p.startMs + off);
  const [y, m, d] = [wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()];
  const timeOfDay = (p.startMs + off) % DAY_MS;
  for (let k = 1; k <= 30; k++) {
    const lastDay = new Date(Date.UTC(y + k, m + 1, 0)).getUTCDate();
    const local = Date.UTC(y + k, m, Math.min(d, lastDay)) + timeOfDay;
    out.push({ kind: 'years', n: k, at: local - off, date: isoDay(local) });
  }
  return out.sort((a, b) => a.at - b.at).filter((x) => Number.isNaN(p.endMs) || x.at <= p.endMs);
}

/** The last milestone passed at `now` and the next one (none after a release). */
function around(p: Person, now: number) {
  const all = milestonesOf(p);
  const passed = all.filter((x) => x.at <= now);
  return { last: passed.at(-1), next: all.find((x) => x.at > now) };
}

/** One, few or many, as a grammar book states the rule for ru and uk. */
function form(n: number, [one, few, many]: string[]) {
  if (n % 100 >= 11 && n % 100 <= 14) return many;
  if (n % 10 === 1) return one;
  if (n % 10 >= 2 && n % 10 <= 4) return few;
  return many;
}
const YEARS = { ru: ['год', 'года', 'лет'], uk: ['рік', 'роки', 'років'] };

/** "1,000 days on 9 October 2024", «1 000 дней — 9 октября 2024 г.», «5 років — 13 січня 2027 р.». */
function milestoneIn(lang: Lang, x: Milestone): string {
  if (lang === 'en') {
    const unit = x.kind === 'days' ? (x.n === 1 ? 'day' : 'days') : x.n === 1 ? 'year' : 'years';
    return `${thousands(x.n)} ${unit} on ${longDate(x.date)}`;
  }
  const unit = x.kind === 'days' ? daysWord(lang, x.n) : form(x.n, YEARS[lang]);
  return `${grouped(lang, x.n)} ${unit} — ${fullDateIn(lang, x.date)}`;
}

/** The card's line, or null when there is nothing to name. */
function lineIn(lang: Lang, p: Person, now: number): string | null {
  const { last, next } = around(p, now);
  const parts = [last, next].filter((x): x is Milestone => x !== undefined).map((x) => milestoneIn(lang, x));
  return parts.length ? parts.join(' · ') : null;
}

const LANGS: Lang[] = ['en', 'ru', 'uk'];

test.describe('milestones on the cards', () => {
  test('the oracle agrees with the issue on David Barnes', () => {
    // Arrested 13 January 2022 in Moscow: 1,000 days on 9 October 2024 and
    // 2,000 days on 6 July 2027, as issue 15 says.
    const barnes = people.find((p) => p.id === 'david-barnes')!;
    const days = milestonesOf(barnes).filter((x) => x.kind === 'days');
    expect(days.find((x) => x.n === 1000)?.date).toBe('2024-10-09');
    expect(days.find((x) => x.n === 2000)?.date).toBe('2027-07-06');
    expect(milestoneIn('ru', days.find((x) => x.n === 1000)!)).toBe('1\u00a0000 дней — 9 октября 2024\u00a0г.');
  });

  for (const lang of LANGS) {
    test(`each campaign card on ${prefix(lang)} names the last milestone and the next`, async ({ page }) => {
      await page.goto(prefix(lang));
      for (const p of campaignPeople) {
        const card = cardNamed(page, nameIn(lang, p.id, p.name));
        await expect(card, p.id).toBeVisible();
        const expected = lineIn(lang, p, built);
        const line = card.locator('.lb-card__milestones');
        // Exact, no-break spaces and all (toHaveText would fold them).
        if (expected === null) await expect(line, p.id).toHaveCount(0);
        else expect(await line.textContent(), p.id).toBe(expected);
      }
    });
  }

  test('every case page names its milestones, in English and in Russian', async ({ page }) => {
    test.setTimeout(60_000);
    for (const lang of ['en', 'ru'] as Lang[]) {
      for (const p of people) {
        await page.goto(casePathIn(lang, p.id));
        const line = cardNamed(page, nameIn(lang, p.id, p.name)).locator('.lb-card__milestones');
        const expected = lineIn(lang, p, built);
        if (expected === null) await expect(line, `${lang} ${p.id}`).toHaveCount(0);
        else expect(await line.textContent(), `${lang} ${p.id}`).toBe(expected);
      }
    }
  });

  test('people who came home have no next milestone; an unknown arrest day has none', () => {
    // The oracle's own cut, checked against the data so the tests above
    // cover both cases.
    const home = people.filter((p) => p.status.state === 'released' && p.dayKnown && !Number.isNaN(p.endMs));
    expect(home.length).toBeGreaterThan(0);
    for (const p of home) expect(around(p, built).next, p.id).toBeUndefined();
    expect(people.some((p) => !p.dayKnown)).toBe(true);
  });
});

test.describe('the share text', () => {
  for (const lang of ['en', 'ru'] as Lang[]) {
    test(`on ${prefix(lang)} it is led by a milestone only when one is within 30 days of the build`, async ({ page }) => {
      await page.goto(prefix(lang));
      // The campaign's people a source says are held: the lead says "held".
      const recent = campaignPeople
        .filter((p) => p.status.state === 'detained' && !p.status.last_reported)
        .map((p) => ({ p, last: around(p, built).last }))
        .filter(({ last }) => last && built - last.at <= 30 * DAY_MS);
      const share = await page.locator('[data-island=petition]').first().getAttribute('data-share');
      if (recent.length === 0) {
        expect(share, 'no milestone is recent: the bundle keeps its own share text').toBeNull();
        return;
      }
      expect(share).not.toBeNull();
      for (const { p, last } of recent) {
        const name = nameIn(lang, p.id, p.name);
        expect(share).toContain(name);
        expect(share).toContain(lang === 'en' ? longDate(last!.date) : fullDateIn(lang as 'ru', last!.date));
      }
    });
  }

  /** Signs with the honeypot filled: the thank-you shows and nothing is sent. */
  async function thankYou(page: Page) {
    const petition = page.locator('#lb-petition');
    await petition.scrollIntoViewIfNeeded();
    await expect(petition.locator('form[data-live]'), 'the form comes alive').toHaveCount(1, { timeout: 15_000 });
    for (const [label, value] of [
      ['First name', 'Ada'],
      ['Last name', 'Lovelace'],
      ['Email', 'ada@example.com'],
      ['ZIP code', '12345'],
    ]) {
      await petition.getByLabel(label, { exact: true }).fill(value);
    }
    await petition.locator('.lb-petition__hp input').evaluate((el: HTMLInputElement) => {
      el.value = 'bait';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await petition.locator('button[type=submit]').click();
    const thanks = page.getByTestId('petition-thanks');
    await expect(thanks).toBeVisible();
    const href = async (name: string) => (await thanks.getByRole('link', { name, exact: true }).getAttribute('href')) ?? '';
    return { mail: await href('Email'), x: await href('X (Twitter)') };
  }

  const BUNDLE_TEXT = 'Americans are still detained in Russia. Sign the petition to bring them home:';

  test('the thank-you shares what the page gives, and the bundle its own words without it', async ({ browser }) => {
    const lead = 'David Barnes: 2,000 days held in Russia, as of 6 July 2027.';
    for (const given of [`${lead} ${BUNDLE_TEXT}`, null]) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      // As a build in the month after a milestone writes it.
      if (given !== null) {
        await context.addInitScript((text) => {
          document.addEventListener('DOMContentLoaded', () =>
            document.querySelector('[data-island=petition]')!.setAttribute('data-share', text),
          );
        }, given);
      }
      const page = await context.newPage();
      await page.goto('/');
      const { mail, x } = await thankYou(page);
      const text = new URL(x).searchParams.get('text');
      expect(text, 'the X intent').toBe(given ?? BUNDLE_TEXT);
      const body = decodeURIComponent((new URL(mail).search.split('body=')[1] ?? '').replace(/\+/g, ' '));
      expect(body.startsWith(`${given ?? BUNDLE_TEXT} http`), `the email: ${body}`).toBe(true);
      await context.close();
    }
  });
});

// The calendar, as a calendar application reads it: Mozilla's ical.js parses
// dist/anniversaries.ics, and each person still held has their yearly arrest
// anniversary and their next day milestones on the days computed above.
test.describe('anniversaries.ics', () => {
  test('holds each detained person’s anniversary and next day milestones, as ical.js reads them', async () => {
    const ICAL = (await import('ical.js')).default;
    const text = fs.readFileSync(path.join(ROOT, 'dist', 'anniversaries.ics'), 'utf8');
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    expect(byUid.size, 'every UID once').toBe(events.length);
    const held = people.filter((p) => p.status.state === 'detained' && p.dayKnown);
    expect(held.length, 'people to check').toBeGreaterThan(3);
    const horizon = built + 3 * 365 * DAY_MS;
    for (const p of held) {
      const anniversary = byUid.get(`${p.id}-arrest@left-behind`);
      expect(anniversary, `${p.id}: an anniversary event`).toBeDefined();
      expect(anniversary!.startDate.isDate, `${p.id}: all day`).toBe(true);
      expect(anniversary!.startDate.toString(), `${p.id}: on the arrest day`).toBe(p.arrest.date);
      // The next occurrence the calendar will show is the next anniversary the cards name.
      const nextYear = milestonesOf(p).find((x) => x.kind === 'years' && x.at > built)!;
      const it = anniversary!.iterator();
      let next = it.next();
      while (next && next.toString() < nextYear.date) next = it.next();
      expect(next?.toString(), `${p.id}: the next anniversary`).toBe(nextYear.date);

      const want = milestonesOf(p)
        .filter((x) => x.kind === 'days' && x.at > built && x.at <= horizon)
        .slice(0, 2);
      const got = events
        .filter((e) => e.uid.startsWith(`${p.id}-days-`))
        .map((e) => ({ uid: e.uid, date: e.startDate.toString(), allDay: e.startDate.isDate, summary: e.summary }));
      expect(
        got.map(({ uid, date, allDay }) => ({ uid, date, allDay })),
        `${p.id}: the next day milestones`,
      ).toEqual(want.map((x) => ({ uid: `${p.id}-days-${x.n}@left-behind`, date: x.date, allDay: true })));
      for (const [i, e] of got.entries()) expect(e.summary, `${p.id}: says the count`).toContain(thousands(want[i].n));
    }
  });
});
