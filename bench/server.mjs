// The benchmark page's static server. Unlike scripts/serve.mjs (the
// dashboard's, with its CSP) it serves the repository root
//   - cross-origin isolated (COOP + COEP), so that performance.now() ticks in
//     5 µs steps instead of 100 µs and the peers can share SharedArrayBuffers;
//   - without a CSP: DuckDB-WASM and Arquero build functions at run time;
//   - rewriting the bare module names the peers import (apache-arrow,
//     flatbuffers, tslib) to files under node_modules/: Workers have no import maps;
//   - with `?gzip` after a file's path, sending FILE.gz (made beforehand) as
//     that file with `Content-Encoding: gzip`, as a server that compresses
//     does: the browser decompresses it (the streaming measurement).
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const BARE = {
  'apache-arrow': '/node_modules/apache-arrow/Arrow.dom.mjs',
  flatbuffers: '/node_modules/flatbuffers/mjs/flatbuffers.js',
  tslib: '/node_modules/tslib/tslib.es6.mjs',
};
const BARE_IMPORT = /(\bfrom\s*|\bimport\s*\(?\s*)(["'])(apache-arrow|flatbuffers|tslib)\2/g;

export function startBenchServer({ root, port = 0, host = '127.0.0.1' }) {
  const base = resolve(root);
  const rewritten = new Map(); // path -> Buffer
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    const path = normalize(join(base, decodeURIComponent(url.pathname)));
    let stat;
    try {
      if (!path.startsWith(base)) throw new Error('outside');
      stat = statSync(path);
      if (!stat.isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    const headers = {
      'Content-Type': TYPES[extname(path)] ?? 'application/octet-stream',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Cache-Control': 'no-store',
    };
    if (path.includes(`${join(base, 'node_modules')}`) && /\.m?js$/.test(path)) {
      let body = rewritten.get(path);
      if (!body) {
        body = Buffer.from(
          readFileSync(path, 'utf8').replace(
            BARE_IMPORT,
            (_, lead, quote, name) => `${lead}${quote}${BARE[name]}${quote}`,
          ),
        );
        rewritten.set(path, body);
      }
      res.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
      return;
    }
    if (url.searchParams.has('gzip')) {
      let gz;
      try {
        gz = statSync(`${path}.gz`);
      } catch {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no .gz next to this file');
        return;
      }
      res.writeHead(200, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': gz.size });
      createReadStream(`${path}.gz`).pipe(res);
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': stat.size });
    createReadStream(path).pipe(res);
  });
  return new Promise((done) => {
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      done({
        url: `http://${host}:${actual}/`,
        close: () =>
          new Promise((r) => {
            server.closeAllConnections?.();
            server.close(r);
          }),
      });
    });
  });
}
