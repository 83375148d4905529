// A partner's site on a second origin, for the widget's end-to-end tests:
//
//   node tests/e2e/host-site.mjs [--port 4174] [--widget http://127.0.0.1:4173]
//
// GET /page?css=plain|hostile&body=<html> answers a page whose body is the
// given markup, under a strict Content-Security-Policy that allows the
// widget's origin only in script-src and frame-src (no 'unsafe-inline', no
// 'unsafe-eval', no connections). `css=hostile` adds Bootstrap (from npm) and
// rules written to break anything they can reach.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BOOTSTRAP = path.resolve(here, '../../node_modules/bootstrap/dist/css/bootstrap.min.css');

// The host's own elements, and a fixed width for each widget's slot so the
// plain and hostile pages lay widgets out at the same size.
const PLAIN_CSS = `
.slot { display: block !important; width: 480px !important; box-sizing: content-box !important; margin: 16px 0 !important; }
.host-heading { font-size: 28px; color: #123456; font-family: Georgia, serif; }
.host-text { font-size: 17px; color: #333; }
.spacer { height: 6000px; }
`;

export const HOSTILE_CSS = `
* { font-size: 40px !important; color: red !important; line-height: 3 !important; }
div { padding: 30px !important; background: yellow !important; }
iframe { height: 50px !important; width: 200px !important; border: 10px dashed lime !important; display: inline !important; }
[data-left-behind] * { display: none !important; }
p, a, h1, h2, h3 { text-transform: uppercase !important; letter-spacing: 5px !important; }
${PLAIN_CSS}`;

export function hostPage({ widget, css, body }) {
  const links = css === 'hostile'
    ? '<link rel="stylesheet" href="/bootstrap.css"><link rel="stylesheet" href="/hostile.css">'
    : '<link rel="stylesheet" href="/plain.css">';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Partner page</title>${links}</head>
<body><main class="container"><h1 class="host-heading">Partner news</h1>
<p class="host-text">An article on a partner's site.</p>
${body}
</main><script async src="${widget}/embed.js"></script></body></html>`;
}

export function serveHost({ port = 4174, widget = 'http://127.0.0.1:4173' } = {}) {
  const csp = [
    "default-src 'none'",
    `script-src ${widget}`,
    `frame-src ${widget}`,
    "style-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, `http://127.0.0.1:${port}`);
    const send = (type, body, headers = {}) => {
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
      res.end(body);
    };
    if (url.pathname === '/bootstrap.css') return send('text/css', fs.readFileSync(BOOTSTRAP));
    if (url.pathname === '/hostile.css') return send('text/css', HOSTILE_CSS);
    if (url.pathname === '/plain.css') return send('text/css', PLAIN_CSS);
    if (url.pathname === '/page') {
      const page = hostPage({
        widget,
        css: url.searchParams.get('css'),
        body: url.searchParams.get('body') ?? '',
      });
      return send('text/html; charset=utf-8', page, { 'Content-Security-Policy': csp });
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not Found\n');
  });
  server.listen(port, '127.0.0.1');
  return server;
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
  };
  const server = serveHost({ port: Number(arg('port', 4174)), widget: arg('widget', 'http://127.0.0.1:4173') });
  server.on('listening', () => console.log(`partner site at http://127.0.0.1:${server.address().port}/`));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.close(() => process.exit(0)));
}
