// Link previews and crawlers: every person has a page of their own whose
// title and Open Graph / Twitter metadata name them and how long they have
// been held, readable without JavaScript, with the card ticking when it runs.
import { test, expect } from '@playwright/test';
import { daysSince as daysSinceInstant, midnight, personById, rawPeople as people, thousands as grouped, type RawPerson } from './fixtures/data';

const barnes = personById.get('david-barnes')!;
/** Whole days since the arrest day's midnight at its offset. */
const daysSince = (p: RawPerson) => daysSinceInstant(midnight(p.arrest.date, p.arrest.offset));

test.describe('case pages for link previews', () => {
  test('every person has a page whose preview metadata names them', async ({ request, baseURL }) => {
    for (const p of people) {
      const res = await request.get(`/case/${p.id}/`);
      expect(res.status(), `/case/${p.id}/`).toBe(200);
      const html = await res.text();
      const title = html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
      expect(title, `${p.id} title`).toContain(p.name);
      // One preview per page: with two sets, a service may show either.
      for (const property of ['og:title', 'og:description', 'og:url', 'og:locale']) {
        expect(html.match(new RegExp(`<meta property="${property}"`, 'g')), `${p.id}: one ${property}`).toHaveLength(1);
      }
      expect(html).toContain(`<meta property="og:title" content="${title}">`);
      // A shared link previews, and is filed under, the English page itself.
      const url = new URL(`/case/${p.id}/`, baseURL).href;
      expect(html).toContain(`<meta property="og:url" content="${url}">`);
      expect(html).toContain(`<link rel="canonical" href="${url}">`);
      expect(html).toContain('<meta property="og:locale" content="en_US">');
      expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
      expect(html).toMatch(/<meta property="og:description" content="[^"]+">/);
      expect(html, 'the card itself is in the HTML').toContain(`id="case-${p.id}"`);
    }
  });

  test('a detained person\u2019s preview says for how long, as of when', async ({ request }) => {
    const html = await (await request.get('/case/david-barnes/')).text();
    const title = html.match(/<title>([^<]*)<\/title>/)?.[1] ?? '';
    const n = daysSince(barnes);
    expect([grouped(n), grouped(n - 1)].some((d) => title.includes(`detained for ${d} days (as of `))).toBe(true);
  });

  test('without JavaScript the case page reads; with it the timer ticks', async ({ browser }) => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const page = await off.newPage();
    await page.goto('/case/david-barnes/');
    await expect(page.locator('#case-david-barnes .lb-card__name')).toHaveText('David Barnes');
    await expect(page.locator('#case-david-barnes .lb-timer__days')).toContainText('days');
    await off.close();

    const on = await browser.newContext();
    const live = await on.newPage();
    await live.goto('/case/david-barnes/');
    const hms = live.locator('#case-david-barnes .lb-timer__hms');
    const first = await hms.textContent();
    await expect(hms).not.toHaveText(first ?? '', { timeout: 3000 });
    await expect(live.getByRole('link', { name: /All cases/ })).toHaveAttribute('href', '/#/case/david-barnes');
    await on.close();
  });
});
