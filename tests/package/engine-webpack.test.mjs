// The engine alone in a webpack 5 production build (tests/package/webpack),
// served under the host CSP and run in headless Chromium: webpack emitted the
// Worker and the .wasm as files of their own, and the page's 28-day overview,
// computed in that Worker, is the CLI's answer for the same catalog.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';

import {
  addCatalog,
  app,
  cliAnswer,
  isWorkerBundle,
  launch,
  serve,
  watchPage,
} from './support.mjs';

const dist = join(app('webpack'), 'dist');
let server, browser, page, seen, catalog;

before(async () => {
  catalog = await addCatalog(dist, { tracks: 80, days: 200, seed: 5 });
  server = await serve(dist, Number(process.env.TTA_PACKAGE_PORT ?? 8210));
  browser = await launch();
  page = await browser.newPage();
  seen = watchPage(page);
  await page.goto(server.url);
  await page.waitForSelector('#answer:not([data-state="loading"])', { timeout: 20000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the build emitted the Worker, bundled with the engine, and the .wasm as files', () => {
  const files = readdirSync(dist);
  assert.equal(files.filter((name) => name.endsWith('.wasm')).length, 1, files.join(' '));
  assert.doesNotMatch(
    readFileSync(join(dist, 'main.js'), 'utf8'),
    /data:(text|application)\/javascript/,
  );
  // The Worker's own bundle: its message loop and the engine it imports (not a bare copy of worker.js).
  const workers = files.filter(
    (name) => name.endsWith('.js') && isWorkerBundle(readFileSync(join(dist, name), 'utf8')),
  );
  assert.equal(workers.length, 1, files.join(' '));
});

test('the page shows the overview the CLI gives for that catalog', async () => {
  const state = await page.getAttribute('#answer', 'data-state');
  const text = await page.textContent('#answer');
  assert.equal(state, 'done', text);
  const { summary, overview } = JSON.parse(text);
  assert.deepEqual(
    overview,
    await cliAnswer(['overview', '--period', '28', '--limit', '50', catalog]),
  );
  assert.equal(summary.tracks, 80);
});

test('the engine ran in a same-origin Worker file and fetched the emitted .wasm', () => {
  assert.equal(seen.workers.length, 1);
  const worker = new URL(seen.workers[0]);
  assert.equal(worker.origin, new URL(server.url).origin);
  assert.match(worker.pathname, /\.js$/);
  assert.equal(seen.wasm.length, 1);
  assert.equal(seen.wasm[0].status, 200);
  assert.equal(seen.wasm[0].type, 'application/wasm');
});

test('nothing failed: no console error, CSP violation or failed request', () => {
  assert.deepEqual(seen.problems, []);
});
