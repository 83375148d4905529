// Dependency-free petition endpoint for development and end-to-end tests.
//
//   node tests/receiver/receiver.mjs [--port 8787] [--file signatures.jsonl]
//                                    [--key-field idempotency_key] [--goal 10000]
//
// Binds to the loopback interface only. From code:
//
//   const r = await startReceiver({ port: 0, file: null });
//   // r.url is http://127.0.0.1:<port>/sign; r.requests and r.signatures are
//   // live arrays; r.setBehavior({...}) as POST /__behavior; await r.close().
//
// POST to any path (the app is pointed at /sign) with an
// application/x-www-form-urlencoded or application/json body (64 KB at most,
// 413 past that; any other content type is 415) signs. The idempotency key is
// the body field `idempotency_key` (--key-field) or else the Idempotency-Key
// header, in either encoding. A key is stored once: a repeat is answered
// exactly as the request that stored it was (status and body; 201 {"ok":true}
// when that answer was lost to a hang or an error), takes no `queue` entry and
// stores nothing. Signatures without a key are all stored. With --file each
// new signature is appended as one JSON line.
//
// Every response carries CORS headers (any origin; Content-Type and
// Idempotency-Key allowed; Retry-After exposed so the app can read it), and
// OPTIONS answers the preflight with 204.
//
// Inspection and control (not recorded in `requests`):
//   GET  /requests    every recorded request: method, path, headers, body, fields, time
//   GET  /signatures  the stored signatures: key, fields, path, time; `fields`
//                     is the body as sent, every field kept (the page's
//                     `lang` too), so a test sees what the campaign would
//   GET  /count       {"count": n, "goal": 10000}: n is the signatures held
//                     (each key once), the goal --goal; never cached. This is
//                     the page's count URL (data/petition.toml), with CORS.
//   POST /__reset     forget requests, signatures, keys and behaviour
//   POST /__behavior  JSON, e.g. {"queue": [{"status": 500}, {"status": 200}],
//                     "delayMs": 0, "retryAfter": "2"}
//   POST /__forward   {"to": "http://127.0.0.1:<port>"} hands every other
//                     request to that receiver, as it comes, until {"to": null}:
//                     a test file with its own receiver takes over the fixed
//                     port the build names, shared with other test files.
//
// Behaviour: each signing request takes the next `queue` entry, then the
// default (201 {"ok":true}). An entry (or the top level, which sets the
// default) may hold: status; body (object or string); retryAfter (sent as the
// Retry-After header); delayMs (wait before answering); hang: true (never
// answer, for timeout tests); store (whether the signature is stored: by
// default only for 2xx, so `{"hang": true, "store": true}` simulates a
// response lost after the signature was kept). {"status": 409} answers
// "already signed". Top-level delayMs applies to every answer and top-level
// retryAfter to every 408, 425, 429 and 5xx, unless an entry has its own.
// `count` changes GET /count for a broken count endpoint: {"status": 500},
// {"body": "<html>"} (sent as it is), {"hang": true}.
// Each POST /__behavior replaces the previous behaviour whole.
import http from 'node:http';
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';

export const MAX_BODY_BYTES = 64 * 1024;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
  'Access-Control-Expose-Headers': 'Retry-After',
  'Access-Control-Max-Age': '600',
};

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|localhost)$/;

function send(res, status, body, headers = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(status, { ...CORS, 'Content-Type': type, ...headers });
  res.end(text);
}

function defaultBody(status) {
  if (status === 409) return { ok: false, message: 'You have already signed.' };
  if (status >= 200 && status < 300) return { ok: true };
  return { ok: false, message: `Test response ${status}.` };
}

/** Reads the body as a string, or resolves null once it passes `limit` bytes. */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        resolve(null);
      } else {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The body's fields as a plain object, or a string saying why it can't be read. */
function parseFields(contentType, body) {
  const essence = (contentType || '').split(';')[0].trim().toLowerCase();
  if (essence === 'application/x-www-form-urlencoded') {
    return Object.fromEntries(new URLSearchParams(body));
  }
  if (essence === 'application/json') {
    try {
      const value = JSON.parse(body);
      if (value && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // Falls through to the message below.
    }
    return 'The body is not a JSON object.';
  }
  return `Unsupported content type: ${essence || '(none)'}.`;
}

export async function startReceiver({
  port = 0,
  file = null,
  host = '127.0.0.1',
  keyField = 'idempotency_key',
  goal = 10000,
  quiet = true,
} = {}) {
  if (!LOOPBACK.test(host)) throw new Error(`refusing to bind to non-loopback host ${host}`);
  const requests = [];
  const signatures = [];
  /** The answer each stored key got, repeated to every request with that key. */
  const answers = new Map();
  const sockets = new Set();
  const fresh = () => ({ queue: [], fallback: { status: 201 }, delayMs: 0, retryAfter: null, count: null });
  let behavior = fresh();
  let forwardTo = null;

  function setBehavior(b = {}) {
    const next = fresh();
    if (Array.isArray(b.queue)) next.queue = b.queue.map((e) => ({ ...e }));
    if (b.status !== undefined || b.hang !== undefined || b.body !== undefined) {
      next.fallback = { status: 201, ...b };
      delete next.fallback.queue;
    }
    next.delayMs = Number(b.delayMs) || 0;
    next.retryAfter = b.retryAfter == null ? null : String(b.retryAfter);
    next.count = b.count && typeof b.count === 'object' ? { ...b.count } : null;
    behavior = next;
  }

  function reset() {
    requests.length = 0;
    signatures.length = 0;
    answers.clear();
    behavior = fresh();
  }

  function count(res) {
    const c = behavior.count;
    if (c?.hang) return;
    const headers = { 'Cache-Control': 'no-store' };
    if (c?.body !== undefined) {
      res.writeHead(Number(c.status) || 200, { ...CORS, 'Content-Type': 'application/json', ...headers });
      return res.end(typeof c.body === 'string' ? c.body : JSON.stringify(c.body));
    }
    send(res, Number(c?.status) || 200, { count: signatures.length, goal }, headers);
  }

  /** Hands the request to the receiver at `forwardTo` and its answer back. */
  function forward(req, res) {
    const upstream = http.request(new URL(req.url || '/', forwardTo), { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) send(res, 502, { ok: false, message: 'The forwarded receiver did not answer.' });
      else res.destroy();
    });
    // A client that gives up (the app's timeout) gives up on the forward too.
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  }

  async function sign(req, res, path) {
    const record = {
      method: req.method,
      path,
      headers: req.headers,
      body: null,
      fields: null,
      time: new Date().toISOString(),
    };
    requests.push(record);
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === null) {
      record.status = 413;
      return send(res, 413, { ok: false, message: 'The body is too large.' }, { Connection: 'close' });
    }
    record.body = body;
    const fields = parseFields(req.headers['content-type'], body);
    if (typeof fields === 'string') {
      record.status = fields.startsWith('Unsupported') ? 415 : 400;
      return send(res, record.status, { ok: false, message: fields });
    }
    record.fields = fields;

    const key = String(fields[keyField] ?? req.headers['idempotency-key'] ?? '');
    const delay = (e) => Number(e.delayMs ?? behavior.delayMs) || 0;
    const later = (ms, status, payload, headers = {}) =>
      setTimeout(() => {
        if (!res.destroyed) send(res, status, payload, headers);
      }, ms);
    const recorded = key === '' ? undefined : answers.get(key);
    if (recorded) {
      record.status = recorded.status;
      return later(delay({}), recorded.status, recorded.payload);
    }

    const entry = behavior.queue.length ? behavior.queue.shift() : behavior.fallback;
    const status = Number(entry.status) || 201;
    const ok = status >= 200 && status < 300;
    const payload = entry.body ?? defaultBody(status);
    if (entry.store ?? (ok && !entry.hang)) {
      if (key !== '') answers.set(key, ok && !entry.hang ? { status, payload } : { status: 201, payload: { ok: true } });
      const signature = { key: key || null, fields, path, time: record.time };
      signatures.push(signature);
      if (file) fs.appendFileSync(file, JSON.stringify(signature) + '\n');
    }
    if (entry.hang) {
      record.status = 'hang';
      return;
    }
    record.status = status;
    const headers = {};
    // The shared Retry-After goes only on answers the app retries.
    const retryable = [408, 425, 429].includes(status) || status >= 500;
    const retryAfter = entry.retryAfter ?? (retryable ? behavior.retryAfter : null);
    if (retryAfter != null) headers['Retry-After'] = String(retryAfter);
    later(delay(entry), status, payload, headers);
  }

  const server = http.createServer(async (req, res) => {
    const path = (req.url || '/').split('?')[0];
    try {
      if (path === '/__forward' && req.method === 'POST') {
        const body = await readBody(req, MAX_BODY_BYTES);
        let to;
        try {
          to = JSON.parse(body ?? '').to ?? null;
          if (to !== null) to = new URL(to).origin;
        } catch {
          return send(res, 400, { ok: false, message: 'Send {"to": "http://127.0.0.1:<port>"} or {"to": null}.' });
        }
        forwardTo = to;
        return send(res, 200, { ok: true, to });
      }
      if (forwardTo) return forward(req, res);
      if (req.method === 'OPTIONS') {
        requests.push({
          method: 'OPTIONS',
          path,
          headers: req.headers,
          body: null,
          fields: null,
          time: new Date().toISOString(),
          status: 204,
        });
        res.writeHead(204, CORS);
        return res.end();
      }
      if (req.method === 'GET') {
        if (path === '/requests') return send(res, 200, requests);
        if (path === '/signatures') return send(res, 200, signatures);
        if (path === '/count') return count(res);
        if (path === '/') return send(res, 200, 'Petition receiver: POST signatures to /sign.\n');
        return send(res, 404, 'Not found\n');
      }
      if (req.method !== 'POST') return send(res, 405, 'Method not allowed\n', { Allow: 'GET, POST, OPTIONS' });
      if (path === '/__reset') {
        await readBody(req, MAX_BODY_BYTES);
        reset();
        return send(res, 200, { ok: true });
      }
      if (path === '/__behavior') {
        const body = await readBody(req, MAX_BODY_BYTES);
        let parsed;
        try {
          parsed = JSON.parse(body ?? '');
        } catch {
          return send(res, 400, { ok: false, message: 'The behaviour must be JSON.' });
        }
        setBehavior(parsed);
        return send(res, 200, { ok: true });
      }
      return await sign(req, res, path);
    } catch (err) {
      if (!quiet) console.error(err);
      if (!res.headersSent) send(res, 500, { ok: false, message: 'Receiver error.' });
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actual = server.address().port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${actual}/sign`;
  if (!quiet) console.log(`Petition receiver listening on ${url}`);

  function close() {
    // Hanging requests would keep the server open forever.
    for (const socket of sockets) socket.destroy();
    return new Promise((resolve) => server.close(() => resolve()));
  }

  return { url, port: actual, requests, signatures, setBehavior, reset, close, server };
}

function parseArgs(argv) {
  const options = { port: 8787, file: null, keyField: 'idempotency_key', goal: 10000, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--port':
        options.port = Number(value);
        i++;
        break;
      case '--file':
        options.file = value;
        i++;
        break;
      case '--key-field':
        options.keyField = value;
        i++;
        break;
      case '--goal':
        options.goal = Number(value);
        i++;
        break;
      default:
        throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) {
    throw new Error('--port needs a number from 0 to 65535');
  }
  return options;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  let receiver;
  try {
    receiver = await startReceiver(parseArgs(process.argv.slice(2)));
  } catch (err) {
    console.error(err.message);
    process.exit(2);
  }
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => receiver.close().then(() => process.exit(0)));
  }
}
