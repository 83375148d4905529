// End-to-end tests of the petition form, against the release build in dist/
// and the test receiver (tests/receiver/receiver.mjs) on 127.0.0.1:8787, where
// the build posts its signatures.
//
// The form is prerendered with its button disabled; it comes alive when its own
// bundle (petition-<hash>.js + petition-<hash>_bg.wasm) loads, which the page does once the
// form is near the viewport (or at once when a signature waits in localStorage).
// A submission less than 3 s after the form came alive is taken for a bot's, so
// the tests wait HUMAN_DELAY_MS after the button is enabled before submitting.
import {
  test,
  expect,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Route,
} from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { parse } from 'smol-toml';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startReceiver } from '../receiver/receiver.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const SCREENSHOT_DIR = path.join(root, 'test-results', 'screenshots');
const CASES_FILE = path.join(root, 'data', 'cases.toml');

/** Where the build posts signatures (data/petition.toml), so where the receiver listens. */
const SITE_ENDPOINT = 'http://127.0.0.1:8787/sign';
const RECEIVER_PORT = 8787;
const OUTBOX_PREFIX = 'left-behind:outbox:';
const HUMAN_DELAY_MS = 3200;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const CAMPAIGN = 'americans-left-behind';

const TEXT = {
  sending: 'Sending…',
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

/** Waits until `n` POSTs have arrived, then `settleMs` more, so a late extra one is seen too. */
async function expectPosts(n: number, { timeout = 10_000, settleMs = 1000 } = {}) {
  await expect.poll(() => posts().length, { message: `the receiver gets ${n} POST(s)`, timeout }).toBeGreaterThanOrEqual(n);
  await new Promise((r) => setTimeout(r, settleMs));
  expect(
    posts().map((p) => `${p.method} ${p.path} ${p.status} ${p.body}`),
    `exactly ${n} POST(s) reach the receiver`,
  ).toHaveLength(n);
}

// ---------------------------------------------------------------------------
// The data, read independently of the app: the ask names the campaign's people
// still detained and not designated.

type RawPerson = { name: string; campaign?: boolean; status: { state: string }; designation: { status: string } };
const askNames = (parse(fs.readFileSync(CASES_FILE, 'utf8')) as unknown as { person: RawPerson[] }).person
  .filter((p) => p.campaign === true && p.status.state === 'detained' && p.designation.status !== 'designated')
  .map((p) => p.name);

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
  /** Date.now() when the submit button became enabled (the form came alive). */
  liveAt: number;
  pageErrors: string[];
  close: () => Promise<void>;
};

type OpenOptions = BrowserContextOptions & {
  /** Set on the island before the form scrolls into view. */
  endpoint?: string;
  encoding?: 'json' | 'form';
  /** Runs on the fresh context before the page opens (routes, cookies). */
  setup?: (context: BrowserContext) => Promise<void>;
};

const section = (page: Page) => page.locator('section#lb-petition');
const form = (page: Page) => page.locator('#lb-petition .lb-petition__form');
const submitButton = (page: Page) => page.locator('#lb-petition button[type=submit]');
const statusLine = (page: Page) => page.locator('#lb-petition p.lb-petition__status[role=status]');
const thanks = (page: Page) => page.locator('#lb-petition .lb-petition__thanks');
const input = (page: Page, name: 'first-name' | 'last-name' | 'email' | 'zip' | 'country') =>
  page.locator(`#lb-petition-${name}`);
const errorOf = (page: Page, name: 'first-name' | 'last-name' | 'email' | 'zip' | 'country') =>
  page.locator(`#lb-petition-${name}-error`);
const outsideUs = (page: Page) => page.getByRole('checkbox', { name: 'I live outside the United States' });

/** Opens the page in a fresh context (so localStorage is empty) and brings the form to life. */
async function openPetition(browser: Browser, options: OpenOptions = {}): Promise<Opened> {
  const { endpoint, encoding, setup, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  if (setup) await setup(context);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (err) => pageErrors.push(`${err.name}: ${err.message}`));
  const bundleRequests: string[] = [];
  page.on('request', (r) => {
    if (/\/petition-[0-9a-f]{16}(\.js|_bg\.wasm)$/.test(new URL(r.url()).pathname)) bundleRequests.push(r.url());
  });

  await page.goto('/');
  await expect(page.locator('[data-island=petition]'), 'the page has one petition island').toHaveCount(1);
  expect(await outboxKeys(page), 'a fresh context starts with an empty outbox').toEqual([]);
  if (endpoint !== undefined || encoding !== undefined) {
    await page.evaluate(
      ([url, enc]) => {
        const island = document.querySelector('[data-island=petition]')!;
        if (url !== null) island.setAttribute('data-endpoint', url);
        if (enc !== null) island.setAttribute('data-encoding', enc);
      },
      [endpoint ?? null, encoding ?? null] as const,
    );
    expect(bundleRequests, 'the petition bundle is not loaded before the form nears the viewport').toEqual([]);
  }
  await expect(submitButton(page), 'the prerendered button waits for the bundle').toBeDisabled();
  await section(page).scrollIntoViewIfNeeded();
  await expect(submitButton(page), 'the form comes alive once scrolled into view').toBeEnabled({ timeout: 15_000 });
  const liveAt = Date.now();
  return { context, page, liveAt, pageErrors, close: () => context.close() };
}

/** Waits until a person could have filled the form (past the 3 s bot threshold). */
async function humanPause(page: Page, liveAt: number) {
  const left = liveAt + HUMAN_DELAY_MS - Date.now();
  if (left > 0) await page.waitForTimeout(left);
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
  if (v.updates) await page.locator('#lb-petition-updates').check();
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
  await expect(t.locator('.lb-petition__thanks-title')).toHaveText(title);
  await expect(t.getByRole('button', { name: TEXT.share })).toBeVisible();
  await expect(t.locator('.lb-petition__share a[href]'), 'share links').toHaveCount(3);
  await expect(form(page), 'the form is gone').toHaveCount(0);
}

function axeReport(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 8)
        .map((n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`);
      if (v.nodes.length > 8) nodes.push(`    … and ${v.nodes.length - 8} more`);
      return `${v.id} (${v.impact}, ${v.nodes.length} element${v.nodes.length === 1 ? '' : 's'}): ${v.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}

// ---------------------------------------------------------------------------

test.describe('petition form', () => {
  test.beforeAll(async () => {
    try {
      receiver = (await startReceiver({ port: RECEIVER_PORT, file: null, host: '127.0.0.1', quiet: true })) as Receiver;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(
          `Port ${RECEIVER_PORT} on 127.0.0.1 is busy. The site is built to post signatures to ` +
            `http://127.0.0.1:${RECEIVER_PORT}/sign and these tests start their own receiver there: stop whatever ` +
            `listens on it (often a \`node tests/receiver/receiver.mjs\` left running; see \`ss -ltnp | grep ${RECEIVER_PORT}\`) ` +
            `and run the tests again.`,
        );
      }
      throw err;
    }
  });

  test.afterAll(async () => {
    await receiver?.close();
  });

  test.beforeEach(() => {
    receiver.reset();
  });

  test('1. happy path, form encoding: one POST with exactly the typed fields, no cookies; thank-you focused; outbox empty', async ({ browser }) => {
    const { page, liveAt, pageErrors, close } = await openPetition(browser, {
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
    await expect(page.locator('#lb-petition-updates'), '"Keep me updated" is unticked by default').not.toBeChecked();
    await humanPause(page, liveAt);
    await submitButton(page).click();

    await expectThanks(page, TEXT.thanks);
    await expect(thanks(page), 'focus moves to the thank-you').toBeFocused();
    await expectPosts(1);

    const [post] = posts();
    expect(essence(post.headers['content-type']), 'content type').toBe('application/x-www-form-urlencoded');
    expect(post.path).toBe('/sign');
    const fields = post.fields as Record<string, string>;
    expect(Object.keys(fields).sort(), 'exactly these fields').toEqual(
      ['campaign', 'email', 'first_name', 'idempotency_key', 'last_name', 'updates', 'zip'].sort(),
    );
    expect(fields.idempotency_key, 'idempotency_key is a UUID v4').toMatch(UUID_V4);
    expect({ ...fields, idempotency_key: '<uuid>' }).toEqual({
      first_name: 'Zoë',
      last_name: "O'Brien",
      email: 'zoe@example.com',
      zip: '02134',
      updates: 'false',
      idempotency_key: '<uuid>',
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
    const { page, liveAt, pageErrors, close } = await openPetition(browser, { endpoint: receiver.url, encoding: 'json' });
    await fillForm(page, { first: 'Zoë', last: "O'Brien", email: 'zoe@example.com', zip: '12345-6789', updates: true });
    await humanPause(page, liveAt);
    await submitButton(page).click();

    await expectThanks(page, TEXT.thanks);
    await expectPosts(1);
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
      campaign: CAMPAIGN,
    });
    expect(typeof body.updates, 'updates is a JSON boolean').toBe('boolean');
    expect(post.headers['idempotency-key'], 'the Idempotency-Key header equals the body key').toBe(body.idempotency_key);
    expect(post.headers.cookie).toBeUndefined();
    expect(await outboxKeys(page)).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('3. a 500 queues the signature; it is retried with the same key after a backoff and recorded once', async ({ browser }) => {
    test.setTimeout(60_000);
    receiver.setBehavior({ queue: [{ status: 500 }] });
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    await fillForm(page);
    await humanPause(page, liveAt);
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
    await expectPosts(2);
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
    const { context, page, liveAt, pageErrors, close } = await openPetition(browser, {
      setup: (c) => c.route(sendPattern, block),
    });
    await fillForm(page, { first: 'Ada', last: 'Lovelace', email: 'ada@example.com', zip: '48104' });
    await humanPause(page, liveAt);
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

    await expect(submitButton(page), 'with a signature waiting, the bundle loads without scrolling').toBeEnabled({
      timeout: 15_000,
    });
    await expect
      .poll(() => receiver.signatures.length, { message: 'the waiting signature is delivered', timeout: 15_000 })
      .toBe(1);
    await expectPosts(1, { settleMs: 2000 });
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
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    await fillForm(page);
    await humanPause(page, liveAt);
    await submitButton(page).dblclick();
    await expect(statusLine(page), 'sending').toHaveText(TEXT.sending);
    // One more impatient click while it is sending (aria-disabled does not stop a click).
    if (await submitButton(page).count()) await submitButton(page).click({ force: true, timeout: 1000 }).catch(() => {});

    await expectThanks(page, TEXT.thanks);
    await expectPosts(1, { settleMs: 2000 });
    expect(receiver.signatures).toHaveLength(1);
    expect(await outboxKeys(page)).toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('6. a 409 shows the "already signed" thank-you', async ({ browser }) => {
    receiver.setBehavior({ queue: [{ status: 409 }] });
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    await fillForm(page);
    await humanPause(page, liveAt);
    await submitButton(page).click();

    await expectThanks(page, TEXT.already);
    await expect(thanks(page)).toBeFocused();
    await expectPosts(1);
    expect(await outboxKeys(page), 'nothing left to retry').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('7. an endpoint that never answers: after ~10 s the request is aborted and the person sees the queued message', async ({ browser }) => {
    test.setTimeout(60_000);
    receiver.setBehavior({ queue: [{ hang: true }] });
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    const failed: string[] = [];
    page.on('requestfailed', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/sign') failed.push(r.failure()?.errorText ?? '?');
    });
    await fillForm(page);
    await humanPause(page, liveAt);
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
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    const fields = ['first-name', 'last-name', 'email', 'zip'] as const;
    for (const f of fields) {
      await expect(input(page, f), `${f} points at its error`).toHaveAttribute('aria-describedby', `lb-petition-${f}-error`);
      await expect(input(page, f)).toHaveAttribute('aria-invalid', 'false');
      await expect(errorOf(page, f)).toHaveClass(/lb-field__error/);
    }

    // Blur on an invalid email shows its message (not before the blur).
    await input(page, 'email').fill('paul.example.com');
    await expect(errorOf(page, 'email'), 'no message while typing').toHaveText('');
    await input(page, 'email').press('Tab');
    await expect(errorOf(page, 'email'), 'the message on blur').toHaveText(TEXT.emailInvalid);
    await expect(input(page, 'email')).toHaveAttribute('aria-invalid', 'true');
    await input(page, 'email').fill('');

    // Submitting the empty form: every field says what is missing; focus on the first name.
    await humanPause(page, liveAt);
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
    await expectPosts(1);
    const sent = posts()[0].fields as Record<string, string>;
    expect(sent.country, 'the receiver gets the country').toBe('Deutschland');
    expect(sent, 'and no ZIP code').not.toHaveProperty('zip');
    expect(sent).toMatchObject({ first_name: 'Paul', last_name: 'Whelan', email: 'paul@example.com' });
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('9. markup in the names is taken as text: nothing runs, the receiver gets the literal strings', async ({ browser }) => {
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
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
    await humanPause(page, liveAt);
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await expectPosts(1);

    expect(posts()[0].fields).toMatchObject({ first_name: first, last_name: last });
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), 'no script ran').toBeUndefined();
    expect(await section(page).locator('script, img').count(), 'no element was made from the names').toBe(0);
    expect(strayRequests, 'the <img> was never loaded').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('10. a filled honeypot: the thank-you is shown and nothing is sent', async ({ browser }) => {
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    const hp = page.locator('#lb-petition .lb-petition__hp input[name=website]');
    await expect(page.locator('#lb-petition .lb-petition__hp')).toHaveAttribute('aria-hidden', 'true');
    await expect(hp).toHaveAttribute('tabindex', '-1');
    const box = await hp.boundingBox();
    expect(box === null || box.x + box.width <= 0, `the honeypot is off-screen (${JSON.stringify(box)})`).toBe(true);

    await fillForm(page);
    await hp.evaluate((el: HTMLInputElement) => {
      el.value = 'https://spam.example';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await humanPause(page, liveAt);
    await submitButton(page).click();
    await expectThanks(page, TEXT.thanks);
    await page.waitForTimeout(2000);
    expect(receiver.requests, 'the receiver got no request at all').toHaveLength(0);
    expect(await outboxKeys(page), 'nothing queued either').toEqual([]);
    expect(pageErrors, 'uncaught page errors').toEqual([]);
    await close();
  });

  test('11. a 422 shows the endpoint’s message; the form stays filled, no thank-you', async ({ browser }) => {
    receiver.setBehavior({ queue: [{ status: 422, body: { message: 'Email is on a blocklist' } }] });
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    await fillForm(page, { first: 'Zoë', last: "O'Brien", email: 'zoe@example.com', zip: '02134' });
    await humanPause(page, liveAt);
    await submitButton(page).click();

    await expect(statusLine(page), 'the endpoint’s own message').toHaveText('Email is on a blocklist', { timeout: 10_000 });
    await expectPosts(1);
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
    const { page, liveAt, pageErrors, close } = await openPetition(browser);
    const found: Record<string, string[]> = {};
    const reports: string[] = [];
    const check = async (state: string) => {
      const results = await new AxeBuilder({ page })
        .include('#lb-petition')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
        .analyze();
      found[state] = results.violations.map((v) => `${v.id} × ${v.nodes.length}`);
      if (results.violations.length) reports.push(`${state}:\n${axeReport(results.violations)}`);
    };

    await check('empty');
    await humanPause(page, liveAt);
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
      const { page, liveAt, pageErrors, close } = await openPetition(browser, {
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

      await humanPause(page, liveAt);
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
    await expectPosts(2);
  });
});
