// Dependency-free static file server for the built dist/ directory.
//
//   node tests/e2e/serve-dist.mjs [--dir dist] [--port 4173]
//
// Binds to 127.0.0.1 only. `serve({ dir, port })` starts the same server from
// code and returns the http.Server (already listening, or about to).
import http from 'node:http';
import zlib from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ics': 'text/calendar; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/** Resolves a URL path inside `root`, or returns null when it would escape it. */
export function resolveInside(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rel = path.relative(root, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return file;
}

const compressed = new Map();

/** The file's brotli bytes, cached until the file changes. */
function brotli(file, st) {
  const key = `${file}:${st.mtimeMs}:${st.size}`;
  if (!compressed.has(key)) {
    compressed.set(key, zlib.brotliCompressSync(fs.readFileSync(file), {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
    }));
  }
  return compressed.get(key);
}

export function serve({ dir = 'dist', port = 4173, host = '127.0.0.1', quiet = false } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return send(res, 405, 'Method Not Allowed\n', { Allow: 'GET, HEAD' });
    }
    const rawPath = (req.url || '/').split('?')[0].split('#')[0];
    // Reject traversal outright, including encoded forms, before resolving.
    let decodedRaw;
    try {
      decodedRaw = decodeURIComponent(rawPath);
    } catch {
      return send(res, 400, 'Bad Request\n');
    }
    if (decodedRaw.split(/[\\/]/).includes('..')) return send(res, 403, 'Forbidden\n');
    let file = resolveInside(root, rawPath);
    if (!file) return send(res, 403, 'Forbidden\n');
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        file = path.join(file, 'index.html');
        return fs.stat(file, (err2, st2) => respond(err2, st2));
      }
      respond(err, st);
    });

    function respond(err, st) {
      if (err || !st.isFile()) return send(res, 404, 'Not Found\n');
      const type = MIME[path.extname(file).toLowerCase()] || 'application/octet-stream';
      const headers = {
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        Vary: 'Accept-Encoding',
      };
      // Like any static host or CDN, send text and WASM brotli-compressed to
      // browsers that accept it, so the loading figures are a real deploy's.
      const compressible = /^(text\/|application\/(wasm|json|javascript))|svg|calendar/.test(type);
      if (compressible && /\bbr\b/.test(req.headers['accept-encoding'] || '')) {
        const body = brotli(file, st);
        res.writeHead(200, { ...headers, 'Content-Encoding': 'br', 'Content-Length': body.length });
        return req.method === 'HEAD' ? res.end() : res.end(body);
      }
      res.writeHead(200, { ...headers, 'Content-Length': st.size });
      if (req.method === 'HEAD') return res.end();
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
    }
  });
  server.listen(port, host, () => {
    if (!quiet) {
      const addr = server.address();
      console.log(`serving ${root} at http://${host}:${addr.port}/`);
    }
  });
  return server;
}

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const [key, inline] = a.startsWith('--') ? a.slice(2).split('=', 2) : [null];
    if (key === 'dir' || key === 'port') {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${key} needs a value`);
      out[key] = key === 'port' ? Number(value) : value;
    } else {
      throw new Error(`unknown argument: ${a} (use --dir <path> --port <n>)`);
    }
  }
  return out;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
  const dir = args.dir ?? 'dist';
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    console.error(`${path.resolve(dir)}/index.html not found: run trunk build --release first`);
    process.exit(1);
  }
  const server = serve({ dir, port: args.port ?? 4173 });
  server.on('error', (e) => {
    console.error(e.message);
    process.exit(1);
  });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}
