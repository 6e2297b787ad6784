// A small static file server for the demo and the browser tests: the right
// MIME types (application/wasm lets browsers compile while downloading) and
// the dashboard's Content-Security-Policy on every response.
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.d.ts': 'text/plain; charset=utf-8',
};

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' data:; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

// An HTML page's inline import map (the demo's) is allowed by its hash, the
// one inline script the policy lets through.
function withImportMap(csp, path) {
  if (extname(path) !== '.html') return csp;
  const map = /<script type="importmap">([\s\S]*?)<\/script>/.exec(readFileSync(path, 'utf8'));
  if (!map) return csp;
  const hash = createHash('sha256').update(map[1]).digest('base64');
  return csp.replace("script-src 'self'", `script-src 'self' 'sha256-${hash}'`);
}

export function startServer({ root, port = 0, host = '127.0.0.1', csp = CSP } = {}) {
  const base = resolve(root);
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = normalize(join(base, decodeURIComponent(url.pathname)));
    if (!path.startsWith(base)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    let stat;
    try {
      stat = statSync(path);
      if (stat.isDirectory()) {
        path = join(path, 'index.html');
        stat = statSync(path);
      }
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Content-Length': stat.size,
      'Content-Security-Policy': withImportMap(csp, path),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    });
    createReadStream(path).pipe(res);
  });
  return new Promise((resolveStart) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolveStart({
        server,
        url: `http://${host}:${actual}/`,
        close: () => new Promise((r) => server.close(r)),
      });
    });
  });
}

// node scripts/serve.mjs ROOT [PORT]
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [root = '.', port = '8080'] = process.argv.slice(2);
  const { url } = await startServer({ root, port: Number(port) });
  console.log(`Serving ${resolve(root)} at ${url}`);
}
