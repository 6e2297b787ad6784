// The Worker API in headless Chromium, under the dashboard's CSP
// (script-src 'self' 'wasm-unsafe-eval'): answers equal the native CLI's,
// refusals carry the CLI's message, and the page logs no error.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { launchChromium } from '../../scripts/chromium.mjs';

import { startServer } from '../../scripts/serve.mjs';
import {
  FILTERS,
  PERIODS,
  ROOT,
  cliAnswer,
  cliLoadError,
  generate,
  queryArgs,
  scratchDir,
} from '../js/helpers.mjs';

const root = scratchDir();
let server, browser, page;
const problems = []; // console errors, page errors and failed requests
const wasmResponses = [];
const BAD_DOCUMENT = '{"tracks": [{"id": "A"}, {"id": "A"}], "asOf": "2026-01-01"}';

// The served folder mimics the dashboard: the engine copied flat into engine/.
// TTA_ENGINE_DIR tests another copy of the engine (e.g. the demo's dist/bindings/js).
const engineDir = resolve(ROOT, process.env.TTA_ENGINE_DIR ?? 'bindings/js');

async function buildSite() {
  cpSync(join(ROOT, 'tests/browser/fixtures/worker'), root, { recursive: true });
  mkdirSync(join(root, 'engine'));
  for (const name of readdirSync(engineDir).filter((n) => /\.(js|wasm)$/.test(n)))
    cpSync(join(engineDir, name), join(root, 'engine', name));
  mkdirSync(join(root, 'data'));
  const catalog = await generate(join(root, 'data'), { tracks: 60, days: 400, seed: 31 });
  cpSync(catalog, join(root, 'data/catalog.json'));
  writeFileSync(join(root, 'data/bad.json'), BAD_DOCUMENT);
  // A second catalog whose tracks differ (count, ids and titles), for replacing the first.
  writeFileSync(
    join(root, 'data/second.json'),
    JSON.stringify({
      schema: 'tiktok-analytics/v1',
      asOf: '2026-03-01',
      tracks: [
        { id: 'Z9', title: 'Second <b>catalog</b>', artist: 'Other' },
        { id: 'Y8', title: 'Zweiter \u00e9' },
      ],
      tiktok: [
        {
          track: 'Y8',
          territory: 'DE',
          start: '2026-02-20',
          creations: [1, 2, 3, 4, 5, 6, 7, 8, 9],
          views: [9, 8, 7, 6, 5, 4, 3, 2, 1],
        },
        {
          track: 'Z9',
          territory: 'SE',
          start: '2026-02-25',
          creations: [40, 0, 2, 0],
          views: [1, 1, 1, 1],
        },
      ],
      streams: [
        {
          track: 'Z9',
          start: '2026-02-01',
          streams: [5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
        },
      ],
    }),
  );
}

function watch(target, where) {
  target.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(
        `${where} console ${message.type()}: ${message.text()} (${message.location().url})`,
      );
  });
}

before(async () => {
  await buildSite();
  server = await startServer({ root });
  browser = await launchChromium();
  page = await browser.newPage();
  watch(page, 'page');
  page.on('worker', (worker) => watch(worker, 'worker'));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    if (response.url().endsWith('.wasm') && response.ok())
      wasmResponses.push(response.headers()['content-type']);
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.fixture !== undefined, null, { timeout: 10000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

describe('the Worker API under the CSP', () => {
  test('a document loaded through the Worker answers like the native CLI', async () => {
    const file = join(root, 'data/catalog.json');
    const overviews = PERIODS.flatMap((period) =>
      FILTERS.filter((_, i) => i % 4 === 0).map((f) => ({ period, ...f })),
    );
    overviews.push({ period: 28, limit: 3, offset: 1 });
    const { tracks: all } = JSON.parse(readFileSync(file, 'utf8'));
    const ids = [all[0].id, all[Math.floor(all.length / 2)].id];
    const tracks = ids.flatMap((id) => PERIODS.map((period) => ({ id, period })));
    const got = await page.evaluate(
      ({ overviews, tracks }) =>
        window.fixture.workerAnswers('/data/catalog.json', { overviews, tracks }),
      { overviews, tracks },
    );

    assert.deepStrictEqual(got.phases, ['copying', 'parsing', 'done']);
    assert.equal(got.detached, true, 'the loaded ArrayBuffer was transferred, not copied');
    assert.ok(got.summary.tracks > 0);
    const expected = await Promise.all([
      ...overviews.map((q) => cliAnswer(['overview', ...queryArgs(q), file])),
      ...tracks.map(({ id, ...q }) => cliAnswer(['track', id, ...queryArgs(q), file])),
    ]);
    assert.deepStrictEqual([...got.overviews, ...got.tracks], expected);
  });

  test("a bad document rejects with the CLI's message and the loaded one keeps answering", async () => {
    const expected = await cliLoadError(Buffer.from(BAD_DOCUMENT));
    const got = await page.evaluate(() =>
      window.fixture.workerRefusal('/data/catalog.json', '/data/bad.json'),
    );
    assert.deepStrictEqual(got.error, { name: 'Error', message: expected, isError: true });
    assert.equal(got.typeError, 'TypeError');
    assert.equal(got.rangeError, 'period must be a whole number of days from 1 to 3650, got 0');
    assert.equal(got.unchanged, true);
  });

  test("a second catalog replaces the first in the Worker's answers, and a refused third keeps it", async () => {
    const query = { period: 28 };
    const got = await page.evaluate(
      (q) =>
        window.fixture.workerReplace(
          '/data/catalog.json',
          '/data/second.json',
          '/data/bad.json',
          q,
        ),
      query,
    );
    assert.deepStrictEqual(
      got.first,
      await cliAnswer(['overview', ...queryArgs(query), join(root, 'data/catalog.json')]),
    );
    const second = await cliAnswer([
      'overview',
      ...queryArgs(query),
      join(root, 'data/second.json'),
    ]);
    assert.deepStrictEqual(got.second, second);
    assert.deepStrictEqual(
      second.tracks.map((t) => t.title),
      ['Zweiter \u00e9', 'Second <b>catalog</b>'],
    );
    assert.equal(got.refused, await cliLoadError(Buffer.from(BAD_DOCUMENT)));
    assert.deepStrictEqual(got.afterRefusal, second);
  });

  test('terminate rejects the request in flight and every later call', async () => {
    const got = await page.evaluate(() => window.fixture.workerTermination('/data/catalog.json'));
    assert.deepStrictEqual(got, {
      inFlight: 'this AnalyticsWorker was terminated',
      later: 'this AnalyticsWorker was terminated',
    });
  });

  test('after dispose the Worker refuses queries with a clear message', async () => {
    const got = await page.evaluate(() => window.fixture.workerDispose('/data/catalog.json'));
    assert.equal(got, 'this Analytics instance was disposed');
  });

  test('a wasmUrl relative to the page works, and a missing .wasm rejects with its address', async () => {
    const got = await page.evaluate(() => window.fixture.workerWasmUrl());
    assert.equal(got.tracks, 0);
    assert.equal(
      got.missing,
      `could not download the analytics engine ${server.url}nowhere/tta_wasm.wasm (HTTP 404)`,
    );
  });

  test('the same-thread API in the page answers like the Worker', async () => {
    const file = join(root, 'data/catalog.json');
    const got = await page.evaluate(() =>
      window.fixture.pageAnswer('/data/catalog.json', { period: 90, platform: 'tiktok' }),
    );
    assert.deepStrictEqual(
      got,
      await cliAnswer(['overview', ...queryArgs({ period: 90, platform: 'tiktok' }), file]),
    );
  });

  test('the .wasm is served as application/wasm', () => {
    assert.ok(wasmResponses.length > 0, 'no .wasm response was seen');
    for (const type of wasmResponses) assert.equal(type, 'application/wasm');
  });

  test('nothing was logged as an error, thrown or blocked by the CSP', async () => {
    // The 404 of the missing-.wasm test was wanted (its console message may arrive late).
    assert.deepStrictEqual(
      problems.filter((p) => !p.includes('/nowhere/tta_wasm.wasm')),
      [],
    );
    assert.deepStrictEqual(await page.evaluate(() => window.fixture.violations), []);
  });

  test('the page really forbids eval (control)', async () => {
    assert.equal(await page.evaluate(() => window.fixture.evalIsBlocked()), true);
  });
});
