// End-to-end tests of the petition form, against the release build in dist/
// and the test receiver (tests/receiver/receiver.mjs) on 127.0.0.1:8787, where
// the build posts its signatures and asks for its count. Playwright's config
// starts that one for every test file; this file starts its own and has the
// shared one forward to it, to drive it from the tests.
//
// The form is prerendered; its button works as soon as the page's own WASM
// runs (a press then waits for the bundle), and the form comes alive
// (`form[data-live]`) when its own bundle (petition-<hash>.js +
// petition-<hash>_bg.wasm) loads, which the page does once the form is near the
// viewport, at a press of its button, or at once when a signature waits in
// localStorage. Nothing is dropped for speed: the tests sign as fast as they can.
import {
  test,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Route,
} from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startReceiver } from '../receiver/receiver.mjs';
import { forwardSiteEndpoint, SITE_RECEIVER_PORT as RECEIVER_PORT } from './fixtures/receiver';
import { SCREENSHOT_DIR, askNames } from './fixtures/data';
import { axeCounts, axeReport, axeViolations } from './fixtures/axe';
import { petitionSection, watchErrors } from './fixtures/pages';

/** Where the build posts signatures (data/petition.toml), so where the receiver listens. */
const SITE_ENDPOINT = 'http://127.0.0.1:8787/sign';
const OUTBOX_PREFIX = 'left-behind:outbox:';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CAMPAIGN = 'americans-left-behind';

const TEXT = {
  sending: 'Sending…',
  onItsWay: 'Your signature is on its way…',
  didNotLoad: 'The petition didn’t load. Check your connection and press the button again: what you typed is kept.',
  queued:
    'We couldn’t reach the petition just now. Your signature is saved on this device and will be sent automatically.',
  thanks: 'Thank you for signing.',
  already: 'You have already signed. Thank you!',
  share: 'Share this page',
  firstMissing: 'Enter your first name.',
  lastMissing: 'Enter your last name.',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  zipMissing: 'Enter your ZIP code, or choose a country if you live outside the US.',
  zipInvalid: 'Enter a 5-digit ZIP code, like 12345 or 12345-6789.',
  firstControl: 'Your first name can’t contain control or invisible characters.',
};

// ---------------------------------------------------------------------------
// The receiver.

type RecordedRequest = {
  method: string;
  path: string;
  headers: Record<string, string | undefined>;
  body: string | null;
  fields: Record<string, unknown> | null;
  time: string;
  status?: number | string;
};
type Receiver = {
  url: string;
  port: number;
  requests: RecordedRequest[];
  signatures: { key: string | null; fields: Record<string, unknown>; path: string; time: string }[];
  setBehavior: (b: Record<string, unknown>) => void;
  reset: () => void;
  close: () => Promise<void>;
};

let receiver: Receiver;

const posts = () => receiver.requests.filter((r) => r.method === 'POST');
const essence = (contentType: string | undefined) => (contentType ?? '').split(';')[0].trim().toLowerCase();

/**
 * Waits until `n` POSTs have arrived and `page`'s outbox is empty, then checks that there were exactly
 * `n`. A signature waits in the outbox from before its request until its answer, so once the outbox is
 * empty no request of the page is still to come: a late extra one would already be here. Without a
 * page (its context closed), nothing more can come at all.
 */
async function expectPosts(n: number, page: Page | null, { timeout = 10_000 } = {}) {
  await expect.poll(() => posts().length, { message: `the receiver gets ${n} POST(s)`, timeout }).toBeGreaterThanOrEqual(n);
  if (page) await expect.poll(() => outboxKeys(page), { message: 'nothing is left to send', timeout }).toEqual([]);
  expect(
    posts().map((p) => `${p.method} ${p.path} ${p.status} ${p.body}`),
    `exactly ${n} POST(s) reach the receiver`,
  ).toHaveLength(n);
}

// The data (fixtures/data.ts): the ask names the campaign's people still
// detained and not designated (askNames).

// ---------------------------------------------------------------------------
// Page helpers.

type Signer = {
  first?: string;
  last?: string;
  email?: string;
  zip?: string;
  country?: string;
  updates?: boolean;
};

const DEFAULT_SIGNER: Required<Omit<Signer, 'country'>> = {
  first: 'Zoë',
  last: "O'Brien",
  email: 'zoe@example.com',
  zip: '02134',
  updates: false,
};

type Opened = {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  /** Console errors, with where they come from. */
  consoleErrors: string[];
  close: () => Promise<void>;
};

type OpenOptions = BrowserContextOptions & {
  /** Set on the island before the form scrolls into view. */
  endpoint?: string;
  encoding?: 'json' | 'form';
  /** Runs on the fresh context before the page opens (routes, cookies). */
  setup?: (context: BrowserContext) => Promise<void>;
  /** Leaves the form prerendered, its bundle not asked for yet. */
  scroll?: boolean;
};

type FieldName = 'first-name' | 'last-name' | 'email' | 'zip' | 'country';
const LABEL: Record<FieldName, string> = {
  'first-name': 'First name',
  'last-name': 'Last name',
  email: 'Email',
  zip: 'ZIP code',
  country: 'Country',
};

const section = petitionSection;
const form = (page: Page) => section(page).locator('form');
const liveForm = (page: Page) => page.locator('#lb-petition form[data-live]');
const counter = (page: Page) => section(page).getByTestId('petition-count');
const submitButton = (page: Page) => page.locator('#lb-petition button[type=submit]');
const statusLine = (page: Page) => section(page).getByTestId('petition-status');
const thanks = (page: Page) => section(page).getByTestId('petition-thanks');
/** A field of the form, by its label. */
const input = (page: Page, name: FieldName) => section(page).getByLabel(LABEL[name], { exact: true });
const updates = (page: Page) => section(page).getByRole('checkbox', { name: 'Keep me updated about the campaign' });
const errorOf = (page: Page, name: FieldName) =>
  page.locator(`#lb-petition-${name}-error`);
const outsideUs = (page: Page) => page.getByRole('checkbox', { name: 'I live outside the United States' });

/** A context setup that holds the petition bundle's script back until `release()`. */
function heldBundle() {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const setup = (c: BrowserContext) =>
    c.route(/\/petition-en-[0-9a-f]{16}\.js$/, async (route) => {
      await released;
      await route.continue();
    });
  return { setup, release };
}

/** Opens the page in a fresh context (so localStorage is empty) and brings the form to life. */
async function openPetition(browser: Browser, options: OpenOptions = {}): Promise<Opened> {
  const { endpoint, encoding, setup, scroll = true, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  if (setup) await setup(context);
  // The form is near the top, so its bundle may load as soon as the page has:
  // the endpoint is set on the island before any script of the page runs.
  if (endpoint !== undefined || encoding !== undefined) {
    await context.addInitScript(
      ([url, enc]) =>
        document.addEventListener('DOMContentLoaded', () => {
          const island = document.querySelector('[data-island=petition]')!;
          if (url !== null) island.setAttribute('data-endpoint', url);
          if (enc !== null) island.setAttribute('data-encoding', enc);
        }),
      [endpoint ?? null, encoding ?? null] as const,
    );
  }
  const page = await context.newPage();
  const { pageErrors, consoleErrors } = watchErrors(page);

  await page.goto('/');
  await expect(page.locator('[data-island=petition]'), 'the page has one petition island').toHaveCount(1);
  expect(await outboxKeys(page), 'a fresh context starts with an empty outbox').toEqual([]);
  const early = await page.evaluate(() => {
    const loaded = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart;
    return performance
      .getEntriesByType('resource')
      .filter((r) => /\/petition-[a-z]{2}-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(new URL(r.name).pathname) && r.startTime < loaded)
      .map((r) => r.name);
  });
  expect(early, 'the petition bundle is not requested before the page has loaded').toEqual([]);
  await expect(submitButton(page), 'the prerendered button works before the bundle').toBeEnabled();
  if (scroll) {
    await section(page).scrollIntoViewIfNeeded();
    await expect(liveForm(page), 'the form comes alive once scrolled into view').toHaveCount(1, { timeout: 15_000 });
  }
  return { context, page, pageErrors, consoleErrors, close: () => context.close() };
}

async function fillForm(page: Page, s: Signer = {}) {
  const v = { ...DEFAULT_SIGNER, ...s };
  await input(page, 'first-name').fill(v.first);
  await input(page, 'last-name').fill(v.last);
  await input(page, 'email').fill(v.email);
  if (s.country !== undefined) {
    await outsideUs(page).check();
    await input(page, 'country').fill(s.country);
  } else {
    await input(page, 'zip').fill(v.zip);
  }
  if (v.updates) await updates(page).check();
}

async function outboxKeys(page: Page): Promise<string[]> {
  return page.evaluate((prefix) => Object.keys(localStorage).filter((k) => k.startsWith(prefix)), OUTBOX_PREFIX);
}

async function outboxEntries(page: Page): Promise<Record<string, string>> {
  return page.evaluate(
    (prefix) =>
      Object.fromEntries(
        Object.keys(localStorage)
          .filter((k) => k.startsWith(prefix))
          .map((k) => [k, localStorage.getItem(k) ?? '']),
      ),
    OUTBOX_PREFIX,
  );
}

async function expectThanks(page: Page, title: string, timeout = 10_000) {
  const t = thanks(page);
  await expect(t, `the thank-you appears ("${title}")`).toBeVisible({ timeout });
  await expect(t.getByText(title, { exact: true }), 'its title').toBeVisible();
  await expect(t.getByRole('button', { name: TEXT.share })).toBeVisible();
  await expect(t.getByRole('list').first().getByRole('link'), 'share links').toHaveCount(3);
  await expect(form(page), 'the form is gone').toHaveCount(0);
}

/**
 * A thank-you that sent nothing (the honeypot): no request arrives, nothing is queued, no error. Read
 * once the thank-you shows, when the form has decided: a signature on its way is in the outbox from
 * before its request until the receiver has answered it, so it would be in one or the other.
 */
async function expectNothingSent(page: Page, pageErrors: string[]) {
  await expect(thanks(page), 'the form has decided').toBeVisible();
  expect(receiver.requests, 'the receiver got no request at all').toHaveLength(0);
  expect(await outboxKeys(page), 'nothing queued either').toEqual([]);
  expect(pageErrors, 'uncaught page errors').toEqual([]);
}

// ---------------------------------------------------------------------------

test.describe('petition form', () => {
  test.beforeAll(async () => {
    receiver = (await startReceiver({ port: 0, file: null, host: '127.0.0.1', quiet: true })) as Receiver;
    await forwardSiteEndpoint(receiver.url);
  });

  test.afterAll(async () => {
    await forwardSiteEndpoint(null);
    await receiver?.close();
  });

  test.beforeEach(() => {
    receiver.reset();
  });

  test('1. happy path, form encoding: one POST with exactly the typed fields, no cookies; thank-you focused; outbox empty', async ({ browser }) => {
    const { page, pageErrors, close } = await openPetition(browser, {
      // A cookie for the receiver's host: a request made with credentials would carry it.
      setup: (context) =>
        context.addCookies([{ name: 'lb_tracker', value: 'should-not-leave', url: 'http://127.0.0.1:8787/' }]),
    });

    // The ask names the campaign's people still detained and not designated.
    const ask = (await page.locator('#lb-petition .lb-petition__ask').textContent()) ?? '';
    expect(askNames.length, 'cases.toml has people for the ask').toBeGreaterThan(0);
    for (const name of askNames) expect(ask, `the ask names ${name}`).toContain(name);
    expect(ask).not.toContain('{names}');

    await fillForm(page, { first: '  Zoë ', last: "O'Brien  ", email: ' zoe@example.com ', zip: ' 02134 ' });
    await expect(updates(page), '"Keep me updated" is unticked by default').not.toBeChecked();
    await submitButton(page).click();

    await expectThanks(page, TEXT.thanks);
    await expect(thanks(page), 'focus moves to the thank-you').toBeFocused();
    await expectPosts(1, page);

    const [post] = posts();
    expect(essence(post.headers['content-type']), 'content type').toBe('application/x-www-form-urlencoded');
    expect(post.path).toBe('/sign');
    const fields = post.fields as Record<string, string>;
    expect(Object.keys(fields).sort(), 'exactly these fields').toEqual(
      ['campaign', 'email', 'fill_ms', 'first_name', 'idempotency_key', 'lang', 'last_name', 'updates', 'zip'].sort(),
    );
    expect(fields.idempotency_key, 'idempotency_key is a UUID v4').toMatch(UUID_V4);
    expect(fields.fill_ms, 'the fill time is whole milliseconds').toMatch(/^\d+$/);
    expect({ ...fields, idempotency_key: '<uuid>', fill_ms: '<ms>' }).toEqual({
      first_name: 'Zoë',
      last_name: "O'Brien",
      email: 'zoe@example.com',
      zip: '02134',
      updates: 'false',
      idempotency_key: '<uuid>',
      fill_ms: '<ms>',
      // Signed on the English page: the campaign answers in English.
      lang: 'en',
      campaign: CAMPAIGN,
    });
    expect(post.headers.cookie, 'no cookie is sent with the signature').toBeUndefined();
    expect(post.headers['idempotency-key'], 'a form post carries no custom header').toBeUndefined();
    expect(
      receiver.requests.filter((r) => r.method === 'OPTIONS'),
      'a form post is a simple request (no preflight)',
    ).toHaveLength(0);
    expect(receiver.signatures).toHaveLength(1);
    expect(await outboxKeys(page), 'the outbox is empty once delivered').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('2. happy path, JSON encoding: one JSON POST with the mapped fields and an Idempotency-Key header', async ({ browser }) => {
    const { page, pageErrors, close } = await openPetition(browser, { endpoint: receiver.url, encoding: 'json' });
    await fillForm(page, { first: 'Zoë', last: "O'Brien", email: 'zoe@example.com', zip: '12345-6789', updates: true });
    await submitButton(page).click();

    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, page);
    const [post] = posts();
    expect(essence(post.headers['content-type']), 'content type').toBe('application/json');
    const body = JSON.parse(post.body ?? 'null');
    expect(body.idempotency_key, 'idempotency_key is a UUID v4').toMatch(UUID_V4);
    expect(body).toEqual({
      first_name: 'Zoë',
      last_name: "O'Brien",
      email: 'zoe@example.com',
      zip: '12345-6789',
      updates: true,
      idempotency_key: body.idempotency_key,
      fill_ms: body.fill_ms,
      lang: 'en',
      campaign: CAMPAIGN,
    });
    expect(typeof body.updates, 'updates is a JSON boolean').toBe('boolean');
    expect(Number.isInteger(body.fill_ms) && body.fill_ms >= 0, 'the fill time is a JSON whole number').toBe(true);
    expect(post.headers['idempotency-key'], 'the Idempotency-Key header equals the body key').toBe(body.idempotency_key);
    expect(post.headers.cookie).toBeUndefined();
    expect(await outboxKeys(page)).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('3. a 500 queues the signature; it is retried with the same key after a backoff and recorded once', async ({ browser }) => {
    test.setTimeout(60_000);
    receiver.setBehavior({ queue: [{ status: 500 }] });
    const { page, pageErrors, close } = await openPetition(browser);
    await fillForm(page);
    await submitButton(page).click();

    await expect(statusLine(page), 'the person is told the signature is saved and will be sent').toHaveText(TEXT.queued, {
      timeout: 10_000,
    });
    await expect(thanks(page)).toHaveCount(0);
    expect(await outboxKeys(page), 'the signature waits in the outbox').toHaveLength(1);
    // Clicking again while it waits must not send a second signature.
    await submitButton(page).click();

    await expect
      .poll(() => receiver.signatures.length, { message: 'the retry is recorded', timeout: 15_000 })
      .toBe(1);
    await expect(thanks(page), 'once the retry lands, the person is thanked without another click').toBeVisible({
      timeout: 5_000,
    });
    await expectPosts(2, page);
    const [first, second] = posts();
    expect([first.status, second.status]).toEqual([500, 201]);
    expect(first.fields?.idempotency_key, 'the first attempt has a UUID v4 key').toMatch(UUID_V4);
    expect(second.fields?.idempotency_key, 'the retry carries the same key').toBe(first.fields?.idempotency_key);
    const gap = Date.parse(second.time) - Date.parse(first.time);
    expect(gap, 'the retry waits at least the 1 s minimum backoff').toBeGreaterThanOrEqual(1000);
    expect(receiver.signatures, 'recorded exactly once').toHaveLength(1);
    await expect.poll(() => outboxKeys(page), { message: 'the outbox is empty at the end' }).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('4. endpoint unreachable: queued in localStorage; after a reload the waiting signature is delivered once', async ({ browser }) => {
    test.setTimeout(60_000);
    const sendPattern = SITE_ENDPOINT;
    const block = (route: Route) => route.abort('connectionrefused');
    const { context, page, pageErrors, close } = await openPetition(browser, {
      setup: (c) => c.route(sendPattern, block),
    });
    await fillForm(page, { first: 'Ada', last: 'Lovelace', email: 'ada@example.com', zip: '48104' });
    await submitButton(page).click();

    await expect(statusLine(page), 'the queued message').toHaveText(TEXT.queued, { timeout: 10_000 });
    const entries = await outboxEntries(page);
    expect(Object.keys(entries), 'one outbox entry in localStorage').toHaveLength(1);
    const [storageKey, stored] = Object.entries(entries)[0];
    const queuedKey = storageKey.slice(OUTBOX_PREFIX.length);
    expect(queuedKey, 'the outbox entry is keyed by a UUID v4').toMatch(UUID_V4);
    expect(new URLSearchParams(stored).get('email'), 'the entry holds the signature').toBe('ada@example.com');
    expect(posts(), 'nothing reached the receiver while it was unreachable').toHaveLength(0);

    // Back at the top of the page, so the reloaded page has no reason to load the
    // form's bundle except the waiting signature.
    await page.evaluate(() => window.scrollTo(0, 0));
    await context.unroute(sendPattern, block);
    const reloadStart = Date.now();
    await page.reload();

    await expect(liveForm(page), 'with a signature waiting, the bundle loads without scrolling').toHaveCount(1, {
      timeout: 15_000,
    });
    await expect
      .poll(() => receiver.signatures.length, { message: 'the waiting signature is delivered', timeout: 15_000 })
      .toBe(1);
    await expectPosts(1, page);
    const [post] = posts();
    expect(Date.parse(post.time), 'delivered by the reloaded page').toBeGreaterThanOrEqual(reloadStart - 50);
    expect(post.fields?.idempotency_key, 'with the key it was queued under').toBe(queuedKey);
    expect(post.fields).toMatchObject({ first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com', zip: '48104' });
    expect(await page.evaluate(() => window.scrollY), 'the page was not scrolled to the form').toBeLessThan(1000);
    await expect.poll(() => outboxKeys(page), { message: 'the outbox is empty after delivery' }).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('5. a double click on the submit button sends one POST', async ({ browser }) => {
    // A slow answer keeps the first request in flight while the extra clicks land.
    receiver.setBehavior({ delayMs: 1500 });
    const { page, pageErrors, close } = await openPetition(browser);
    await fillForm(page);
    await submitButton(page).dblclick();
    await expect(statusLine(page), 'sending').toHaveText(TEXT.sending);
    // One more impatient click while it is sending (aria-disabled does not stop a click).
    if (await submitButton(page).count()) await submitButton(page).click({ force: true, timeout: 1000 }).catch(() => {});

    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, page);
    expect(receiver.signatures).toHaveLength(1);
    expect(await outboxKeys(page)).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('6. a 409 shows the "already signed" thank-you', async ({ browser }) => {
    receiver.setBehavior({ queue: [{ status: 409 }] });
    const { page, pageErrors, close } = await openPetition(browser);
    await fillForm(page);
    await submitButton(page).click();

    await expectThanks(page, TEXT.already);
    await expect(thanks(page)).toBeFocused();
    await expectPosts(1, page);
    expect(await outboxKeys(page), 'nothing left to retry').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('7. an endpoint that never answers: after ~10 s the request is aborted and the person sees the queued message', async ({ browser }) => {
    test.setTimeout(60_000);
    receiver.setBehavior({ queue: [{ hang: true }] });
    const { page, pageErrors, close } = await openPetition(browser);
    const failed: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/sign') failed.push(r.failure()?.errorText ?? '?');
    });
    await fillForm(page);
    const submittedAt = Date.now();
    await submitButton(page).click();
    await expect(statusLine(page)).toHaveText(TEXT.sending);

    await expect(statusLine(page), 'the queued message within 14 s').toHaveText(TEXT.queued, { timeout: 14_000 });
    const waited = Date.now() - submittedAt;
    expect(waited, 'the app waited for the answer (about 10 s) before giving up').toBeGreaterThanOrEqual(9000);
    await expect.poll(() => failed, { message: 'the hanging request was aborted by the page', timeout: 3000 }).toHaveLength(1);
    expect(await outboxKeys(page), 'the signature waits in the outbox').toHaveLength(1);
    expect(receiver.signatures, 'the hung request stored nothing').toHaveLength(0);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('8. validation: messages, aria-invalid, focus, blur, bidi override, ZIP formats, a country instead of a ZIP', async ({ browser }) => {
    const { page, pageErrors, close } = await openPetition(browser);
    const fields = ['first-name', 'last-name', 'email', 'zip'] as const;
    for (const f of fields) {
      await expect(input(page, f), `${f} points at its error`).toHaveAttribute('aria-describedby', `lb-petition-${f}-error`);
      await expect(input(page, f)).toHaveAttribute('aria-invalid', 'false');
      await expect(errorOf(page, f)).toHaveClass(/lb-field__error/);
    }
    await expect(statusLine(page), 'the status line is announced as one').toHaveAttribute('role', 'status');

    // Blur on an invalid email shows its message (not before the blur).
    await input(page, 'email').fill('paul.example.com');
    await expect(errorOf(page, 'email'), 'no message while typing').toHaveText('');
    await input(page, 'email').press('Tab');
    await expect(errorOf(page, 'email'), 'the message on blur').toHaveText(TEXT.emailInvalid);
    await expect(input(page, 'email')).toHaveAttribute('aria-invalid', 'true');
    await input(page, 'email').fill('');

    // Submitting the empty form: every field says what is missing; focus on the first name.
    await submitButton(page).click();
    const expected = {
      'first-name': TEXT.firstMissing,
      'last-name': TEXT.lastMissing,
      email: TEXT.emailMissing,
      zip: TEXT.zipMissing,
    };
    for (const f of fields) {
      await expect(errorOf(page, f), `${f} message`).toHaveText(expected[f]);
      await expect(errorOf(page, f)).toBeVisible();
      await expect(input(page, f), `${f} aria-invalid`).toHaveAttribute('aria-invalid', 'true');
    }
    await expect(input(page, 'first-name'), 'focus goes to the first name').toBeFocused();

    // A name with a right-to-left override is refused, with a message.
    await input(page, 'first-name').fill('\u202Enaleh\u202CW');
    await expect(errorOf(page, 'first-name')).toHaveText(TEXT.firstControl);
    await expect(input(page, 'first-name')).toHaveAttribute('aria-invalid', 'true');

    // Fixing a field removes its message.
    await input(page, 'first-name').fill('Paul');
    await expect(errorOf(page, 'first-name'), 'fixed: message gone').toHaveText('');
    await expect(input(page, 'first-name')).toHaveAttribute('aria-invalid', 'false');
    await input(page, 'last-name').fill('Whelan');
    await expect(errorOf(page, 'last-name')).toHaveText('');
    await input(page, 'email').fill('paul@example.com');
    await expect(errorOf(page, 'email')).toHaveText('');
    await expect(input(page, 'email')).toHaveAttribute('aria-invalid', 'false');

    // ZIP: 1234 refused, 12345-6789 accepted.
    await input(page, 'zip').fill('1234');
    await input(page, 'zip').press('Tab');
    await expect(errorOf(page, 'zip'), '1234 is refused').toHaveText(TEXT.zipInvalid);
    await expect(input(page, 'zip')).toHaveAttribute('aria-invalid', 'true');
    await submitButton(page).click();
    await expect(input(page, 'zip'), 'submit focuses the ZIP, the only problem left').toBeFocused();
    await input(page, 'zip').fill('12345-6789');
    await expect(errorOf(page, 'zip'), '12345-6789 is accepted').toHaveText('');
    await expect(input(page, 'zip')).toHaveAttribute('aria-invalid', 'false');
    expect(posts(), 'nothing was sent while the form had errors').toHaveLength(0);

    // Living outside the US: the country replaces the ZIP code.
    await expect(input(page, 'country'), 'the country is hidden at first').toBeHidden();
    await outsideUs(page).check();
    await expect(input(page, 'country'), 'the country appears').toBeVisible();
    await expect(input(page, 'zip'), 'the ZIP hides').toBeHidden();
    await input(page, 'country').fill('Deutschland');
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, page);
    const sent = posts()[0].fields as Record<string, string>;
    expect(sent.country, 'the receiver gets the country').toBe('Deutschland');
    expect(sent, 'and no ZIP code').not.toHaveProperty('zip');
    expect(sent).toMatchObject({ first_name: 'Paul', last_name: 'Whelan', email: 'paul@example.com' });
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('9. markup in the names is taken as text: nothing runs, the receiver gets the literal strings', async ({ browser }) => {
    const { page, pageErrors, close } = await openPetition(browser);
    const strayRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/x$/.test(new URL(r.url()).pathname)) strayRequests.push(r.url());
    });
    const first = '<script>window.__pwned=1</script>';
    const last = '<img src=x onerror="window.__pwned=1">';
    await fillForm(page, { first, last });
    await input(page, 'last-name').press('Tab');
    await expect(errorOf(page, 'first-name'), 'accepted as a name').toHaveText('');
    await expect(errorOf(page, 'last-name'), 'accepted as a name').toHaveText('');
    await expect(input(page, 'first-name')).toHaveValue(first);
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, page);

    expect(posts()[0].fields).toMatchObject({ first_name: first, last_name: last });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), 'no script ran').toBeUndefined();
    expect(await section(page).locator('script, img').count(), 'no element was made from the names').toBe(0);
    expect(strayRequests, 'the <img> was never loaded').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('10. a filled honeypot: the thank-you is shown and nothing is sent; autofill has nothing to match in it', async ({ browser }) => {
    const { page, pageErrors, close } = await openPetition(browser);
    const hp = page.locator('#lb-petition .lb-petition__hp input');
    await expect(hp).toHaveCount(1);
    await expect(page.locator('#lb-petition .lb-petition__hp')).toHaveAttribute('aria-hidden', 'true');
    await expect(hp).toHaveAttribute('tabindex', '-1');
    await expect(hp, 'autofill is told to stay out').toHaveAttribute('autocomplete', 'off');
    const described = await hp.evaluate((el: HTMLInputElement) => ({
      name: el.name,
      id: el.id,
      placeholder: el.placeholder,
      autocomplete: el.getAttribute('autocomplete'),
      label: el.closest('label')?.textContent ?? '',
      labels: [...(el.labels ?? [])].map((l) => l.textContent ?? ''),
      type: el.type,
    }));
    expect(described.type, 'a plain text field').toBe('text');
    expect(described.name, 'no name for autofill to read').toBe('');
    expect(described.id, 'no id for autofill to read').toBe('');
    // The words browsers' autofill heuristics look for in a field's name, id or label.
    const AUTOFILL_WORDS =
      /name|mail|phone|tel|mobile|address|street|zip|postal|post|code|city|town|state|country|region|province|company|org|url|web|site|homepage|birth|card|cc-|pass|user|login|search|first|last|given|family|honorific|title/i;
    for (const [what, value] of Object.entries({ ...described, labels: described.labels.join(' | '), type: '' })) {
      expect(String(value), `the honeypot's ${what} has no word autofill matches`).not.toMatch(AUTOFILL_WORDS);
    }
    const box = await hp.boundingBox();
    expect(box === null || box.x + box.width <= 0, `the honeypot is off-screen (${JSON.stringify(box)})`).toBe(true);

    await fillForm(page);
    await hp.evaluate((el: HTMLInputElement) => {
      el.value = 'https://spam.example';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await expectNothingSent(page, pageErrors);
    await close();
  });

  test('11. a 422 shows the endpoint’s message; the form stays filled, no thank-you', async ({ browser }) => {
    receiver.setBehavior({ queue: [{ status: 422, body: { message: 'Email is on a blocklist' } }] });
    const { page, pageErrors, close } = await openPetition(browser);
    await fillForm(page, { first: 'Zoë', last: "O'Brien", email: 'zoe@example.com', zip: '02134' });
    await submitButton(page).click();

    await expect(statusLine(page), 'the endpoint’s own message').toHaveText('Email is on a blocklist', { timeout: 10_000 });
    await expectPosts(1, page);
    await expect(thanks(page), 'no thank-you').toHaveCount(0);
    await expect(input(page, 'first-name')).toHaveValue('Zoë');
    await expect(input(page, 'last-name')).toHaveValue("O'Brien");
    await expect(input(page, 'email')).toHaveValue('zoe@example.com');
    await expect(input(page, 'zip')).toHaveValue('02134');
    await expect(submitButton(page), 'the person can try again').toBeEnabled();
    await expect(submitButton(page)).toHaveAttribute('aria-disabled', 'false');
    expect(receiver.signatures).toHaveLength(0);
    expect(await outboxKeys(page), 'a refusal is not retried').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('12. axe finds no WCAG 2.2 AA violations in the form: empty, with errors, and the thank-you', async ({ browser }) => {
    const { page, pageErrors, close } = await openPetition(browser);
    const found: Record<string, string[]> = {};
    const reports: string[] = [];
    const check = async (state: string) => {
      const violations = await axeViolations(page, { include: '#lb-petition' });
      found[state] = axeCounts(violations);
      if (violations.length) reports.push(`${state}:\n${axeReport(violations)}`);
    };

    await check('empty');
    await submitButton(page).click();
    await expect(errorOf(page, 'first-name')).toHaveText(TEXT.firstMissing);
    await check('errors');
    await fillForm(page);
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await check('thank-you');

    expect(found, `axe violations in #lb-petition:\n${reports.join('\n')}`).toEqual({
      empty: [],
      errors: [],
      'thank-you': [],
    });
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('13. screenshots of the error and success states at 375 and 1280 px', async ({ browser }) => {
    test.setTimeout(60_000);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    for (const width of [375, 1280]) {
      const { page, pageErrors, close } = await openPetition(browser, {
        viewport: { width, height: 900 },
        reducedMotion: 'reduce',
      });
      const fits = () =>
        section(page).evaluate((el) => {
          const r = el.getBoundingClientRect();
          return {
            left: r.left,
            right: r.right,
            overflowing: [el, ...el.querySelectorAll('*')]
              .filter((e) => e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'hidden')
              .filter((e) => !e.closest('.lb-petition__hp'))
              .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')}`),
            pageWidth: document.documentElement.scrollWidth,
          };
        });

        await submitButton(page).click();
      for (const f of ['first-name', 'last-name', 'email', 'zip'] as const) await expect(errorOf(page, f)).toBeVisible();
      const errorFit = await fits();
      expect(errorFit.left, `${width} px, errors: the form starts inside the viewport`).toBeGreaterThanOrEqual(0);
      expect(errorFit.right, `${width} px, errors: the form ends inside the viewport`).toBeLessThanOrEqual(width);
      expect(errorFit.overflowing, `${width} px, errors: nothing overflows sideways`).toEqual([]);
      expect(errorFit.pageWidth, `${width} px: no horizontal page scroll`).toBeLessThanOrEqual(width);
      await section(page).screenshot({ path: path.join(SCREENSHOT_DIR, `petition-error-${width}.png`) });

      await fillForm(page);
      await submitButton(page).click();
      await expectThanks(page, TEXT.thanks);
      const doneFit = await fits();
      expect(doneFit.right, `${width} px, thank-you: inside the viewport`).toBeLessThanOrEqual(width);
      expect(doneFit.overflowing, `${width} px, thank-you: nothing overflows sideways`).toEqual([]);
      // Keyboard focus on the thank-you would draw an outline; the screenshot shows it as a person sees it.
      await section(page).screenshot({ path: path.join(SCREENSHOT_DIR, `petition-success-${width}.png`) });
      expect(pageErrors, 'uncaught page errors').toEqual([]);
      await close();
    }
    await expectPosts(2, null);
  });
  test('14. autofill speed: every field filled and the button pressed within 300 ms of the form coming alive; one signature, one key', async ({ browser }) => {
    // The form sits in the first screen, so its bundle comes right after the
    // page loads: it is held back until the page watches for the live form.
    const { setup, release } = heldBundle();
    const { page, pageErrors, consoleErrors, close } = await openPetition(browser, { scroll: false, setup });
    // As a browser's autofill does: every value at once, with input events,
    // then the press, as soon as the live form appears.
    const timed = page.evaluate(
      (v) =>
        new Promise<{ aliveToPress: number; pressedAt: number }>((resolve) => {
          const act = (form: HTMLFormElement) => {
            const aliveAt = performance.now();
            const set = (id: string, value: string) => {
              const input = document.getElementById(id) as HTMLInputElement;
              input.value = value;
              input.dispatchEvent(new Event('input', { bubbles: true }));
              input.dispatchEvent(new Event('change', { bubbles: true }));
            };
            set('lb-petition-first-name', v.first);
            set('lb-petition-last-name', v.last);
            set('lb-petition-email', v.email);
            set('lb-petition-zip', v.zip);
            (form.querySelector('button[type=submit]') as HTMLButtonElement).click();
            const pressedAt = performance.now();
            resolve({ aliveToPress: pressedAt - aliveAt, pressedAt });
          };
          new MutationObserver((_, observer) => {
            const form = document.querySelector<HTMLFormElement>('#lb-petition form[data-live]');
            if (form) {
              observer.disconnect();
              act(form);
            }
          }).observe(document.body, { subtree: true, childList: true });
          (window as unknown as { lbWatching: boolean }).lbWatching = true;
          document.getElementById('lb-petition')!.scrollIntoView();
        }),
      DEFAULT_SIGNER,
    );
    await page.waitForFunction(() => (window as unknown as { lbWatching?: boolean }).lbWatching === true);
    release();
    const timing = await timed;
    expect(timing.aliveToPress, 'filled and pressed within 300 ms of the form coming alive').toBeLessThan(300);

    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, page);
    expect(receiver.signatures, 'exactly one signature at the receiver').toHaveLength(1);
    const [signature] = receiver.signatures;
    expect(signature.key, 'under one idempotency key').toMatch(UUID_V4);
    expect(signature.fields).toMatchObject({ first_name: 'Zoë', last_name: "O'Brien", email: 'zoe@example.com', zip: '02134' });
    const fill = Number(signature.fields.fill_ms);
    expect(fill, 'the fill time counts from the page starting to load').toBeGreaterThan(0);
    expect(fill).toBeLessThanOrEqual(Math.ceil(timing.pressedAt));
    expect(await outboxKeys(page)).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
    await close();
  });

  test('15. the button pressed before the bundle has loaded: it says the signature is on its way, then sends it once', async ({ browser }) => {
    // The bundle is held back until the test lets it go, so the press lands before it.
    const { setup, release } = heldBundle();
    const { page, pageErrors, consoleErrors, close } = await openPetition(browser, { scroll: false, setup });
    await section(page).scrollIntoViewIfNeeded();
    await fillForm(page);
    await submitButton(page).click();
    await expect(statusLine(page), 'the person is told it is on its way').toHaveText(TEXT.onItsWay);
    await expect(submitButton(page)).toHaveAttribute('aria-disabled', 'true');
    // An impatient second press (aria-disabled does not stop a click) sends nothing more.
    await submitButton(page).click({ force: true });
    await expect(liveForm(page), 'still the prerendered form').toHaveCount(0);
    expect(posts(), 'nothing can be sent before the bundle').toHaveLength(0);

    release();
    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, page);
    expect(receiver.signatures, 'exactly one signature, from one press').toHaveLength(1);
    expect(receiver.signatures[0].key).toMatch(UUID_V4);
    expect(receiver.signatures[0].fields).toMatchObject({
      first_name: 'Zoë',
      last_name: "O'Brien",
      email: 'zoe@example.com',
      zip: '02134',
    });
    expect(Number(receiver.signatures[0].fields.fill_ms), 'the fill time is that of the press').toBeGreaterThan(0);
    expect(await outboxKeys(page)).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
    await close();
  });

  test('15b. a honeypot filled before the bundle has loaded: the thank-you, and nothing is sent', async ({ browser }) => {
    const { setup, release } = heldBundle();
    const { page, pageErrors, close } = await openPetition(browser, { scroll: false, setup });
    await fillForm(page);
    await page.locator('#lb-petition .lb-petition__hp input').evaluate((el: HTMLInputElement) => {
      el.value = 'https://spam.example';
    });
    await submitButton(page).click();
    await expect(statusLine(page)).toHaveText(TEXT.onItsWay);
    release();
    await expectThanks(page, TEXT.thanks);
    await expectNothingSent(page, pageErrors);
    await close();
  });

  test('16. a bundle that does not load: the person is told, keeps what they typed, and the next press sends it', async ({ browser }) => {
    let failing = true;
    const { page, pageErrors, close } = await openPetition(browser, {
      scroll: false,
      setup: (c) => c.route(/\/petition-en-[0-9a-f]{16}\.js$/, (route) => (failing ? route.abort('connectionrefused') : route.continue())),
    });
    await fillForm(page);
    await submitButton(page).click();
    await expect(statusLine(page), 'no dead button: it says what went wrong').toHaveText(TEXT.didNotLoad);
    await expect(input(page, 'email')).toHaveValue('zoe@example.com');
    expect(posts()).toHaveLength(0);

    failing = false;
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, page);
    expect(receiver.signatures).toHaveLength(1);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('17. the counter shows the receiver’s real count and goal, and after signing it includes the signer', async ({ browser }) => {
    // Two people signed before, one of them twice (the same key): two signatures.
    for (const key of ['11111111-1111-4111-8111-111111111111', '22222222-2222-4222-8222-222222222222', '11111111-1111-4111-8111-111111111111']) {
      const answer = await fetch(SITE_ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ first_name: 'Earlier', idempotency_key: key }).toString(),
      });
      expect(answer.status).toBe(201);
    }
    expect(receiver.signatures).toHaveLength(2);
    const { page, pageErrors, consoleErrors, close } = await openPetition(browser);
    await expect(counter(page).getByRole('paragraph'), 'the receiver’s count and goal').toHaveText('2 of 10,000 signatures');
    await expect(counter(page).getByRole('progressbar')).toHaveAttribute('value', '2');
    await expect(counter(page).getByRole('progressbar')).toHaveAttribute('max', '10000');
    await expect(counter(page).getByRole('progressbar')).toHaveAttribute('aria-label', '2 of 10,000 signatures');

    await fillForm(page);
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await expect(counter(page).getByRole('paragraph'), 'the signer is counted').toHaveText('3 of 10,000 signatures');
    await expect(counter(page).getByRole('progressbar')).toHaveAttribute('value', '3');
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    expect(consoleErrors, 'console errors').toEqual([]);
    await close();
  });

  test('18. a count endpoint that fails, hangs or answers nonsense hides the counter, without an error', async ({ browser }) => {
    test.setTimeout(90_000);
    const cases: [string, Record<string, unknown>][] = [
      ['not JSON', { body: '<html><body>Service Unavailable</body></html>' }],
      ['a negative count', { body: { count: -3, goal: 100 } }],
      ['a goal of 0', { body: { count: 3, goal: 0 } }],
      ['a count above a billion', { body: { count: 1_000_000_001, goal: 2_000_000_000 } }],
      ['a count as text', { body: { count: '3', goal: 100 } }],
      ['a fractional count', { body: '{"count": 2.5, "goal": 100}' }],
      ['a 500 with a count', { status: 500, body: { count: 3, goal: 100 } }],
      ['no answer', { hang: true }],
    ];
    for (const [what, count] of cases) {
      receiver.setBehavior({ count });
      // Every count request that got its whole answer, an error status (whose
      // body the page leaves unread), or that the page gave up on (a hang).
      const settled: string[] = [];
      const { page, pageErrors, consoleErrors, close } = await openPetition(browser, {
        setup: async (c) => {
          const note = (r: { url: () => string }) => r.url().endsWith(':8787/count') && settled.push(r.url());
          c.on('requestfinished', note);
          c.on('requestfailed', note);
          c.on('response', (r) => r.status() >= 400 && note(r));
        },
      });
      await expect.poll(() => settled.length, { message: `${what}: the page asks for the count`, timeout: 15_000 }).toBeGreaterThanOrEqual(1);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      await expect(counter(page), `${what}: no counter`).toHaveCount(0);
      await expect(section(page).getByText(/\d+ of [\d,]+ signatures/), `${what}: no count shown`).toHaveCount(0);
      expect(pageErrors, `${what}: uncaught page errors`).toEqual([]);
      // A 500 is reported by Chromium itself ("Failed to load resource"), not by the page.
      const ours = consoleErrors.filter((e) => !(count.status === 500 && e.startsWith('Failed to load resource: the server responded with a status of 500')));
      expect(ours, `${what}: console errors`).toEqual([]);
      await close();
    }
  });

  test('19. the receiver records a repeated key once and answers it the same way, in both encodings', async () => {
    const key = '33333333-3333-4333-8333-333333333333';
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) {
      const form = await fetch(SITE_ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ first_name: `Try ${i}`, idempotency_key: key }).toString(),
      });
      answers.push(`${form.status} ${await form.text()}`);
    }
    receiver.setBehavior({ status: 200, body: { ok: true, id: 'json-1' } });
    for (let i = 0; i < 3; i++) {
      const json = await fetch(SITE_ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key.replace(/3/g, '4') },
        body: JSON.stringify({ first_name: `Try ${i}` }),
      });
      answers.push(`${json.status} ${await json.text()}`);
    }
    expect(answers).toEqual([
      ...Array(3).fill('201 {"ok":true}'),
      ...Array(3).fill('200 {"ok":true,"id":"json-1"}'),
    ]);
    expect(receiver.signatures.map((sig) => [sig.key, sig.fields.first_name])).toEqual([
      [key, 'Try 0'],
      [key.replace(/3/g, '4'), 'Try 0'],
    ]);
    const count = await (await fetch(`http://127.0.0.1:${RECEIVER_PORT}/count`)).json();
    expect(count, 'the count is of distinct keys').toEqual({ count: 2, goal: 10000 });
  });
});
