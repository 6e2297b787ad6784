// Lifecycle: dispose() frees everything, and repeated use does not grow memory
// without bound (the wasm memory is counted in process.memoryUsage().external).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { before, describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import { generate, readExample, scratchDir } from './helpers.mjs';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
const MB = 1024 * 1024;

async function settledMemory() {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, 5)); // lets finalizers run
  }
  return process.memoryUsage();
}

let document;
before(async () => {
  // A ~0.2 MB catalog.
  document = readFileSync(await generate(scratchDir(), { tracks: 12, days: 150, seed: 21 }));
});

describe('dispose', () => {
  test('every call after dispose throws "this Analytics instance was disposed"', async () => {
    const analytics = await createAnalytics();
    analytics.load(document);
    analytics.dispose();
    const calls = [
      () => analytics.load(document),
      () => analytics.summary(),
      () => analytics.overview({ period: 7 }),
      () => analytics.track('A', { period: 7 }),
      () => analytics.memoryBytes(),
    ];
    for (const call of calls)
      assert.throws(call, { message: 'this Analytics instance was disposed' });
  });

  test('dispose twice is harmless', async () => {
    const analytics = await createAnalytics();
    analytics.dispose();
    analytics.dispose();
    assert.throws(() => analytics.summary(), { message: 'this Analytics instance was disposed' });
  });

  test('disposing one instance leaves the others answering', async () => {
    const [a, b] = await Promise.all([createAnalytics(), createAnalytics()]);
    a.load(document);
    b.load(readExample('tiny.json'));
    const answer = b.overview({ period: 7 });
    a.dispose();
    assert.deepStrictEqual(b.overview({ period: 7 }), answer);
    b.dispose();
  });
});

describe('memory', () => {
  test('200 create, load and dispose cycles do not grow memory', async () => {
    const cycle = async () => {
      const analytics = await createAnalytics();
      analytics.load(document);
      analytics.overview({ period: 28 });
      analytics.dispose();
    };
    for (let i = 0; i < 20; i++) await cycle();
    const early = await settledMemory();
    for (let i = 0; i < 180; i++) await cycle();
    const late = await settledMemory();
    // Each instance owns at least 16 MB of wasm memory: 180 leaked would be ~3 GB.
    assert.ok(
      late.external - early.external < 64 * MB,
      `external memory grew from ${(early.external / MB) | 0} MB to ${(late.external / MB) | 0} MB`,
    );
    assert.ok(
      late.rss - early.rss < 96 * MB,
      `RSS grew from ${(early.rss / MB) | 0} MB to ${(late.rss / MB) | 0} MB`,
    );
  });

  test('many loads, refused loads and queries on one instance reach a plateau', async () => {
    const analytics = await createAnalytics();
    const refused = document.subarray(0, document.length - 10); // truncated
    const round = () => {
      analytics.load(document);
      assert.throws(() => analytics.load(refused));
      for (const period of [7, 28, 90, 365]) analytics.overview({ period });
      analytics.track(analytics.overview({ period: 365, limit: 1 }).tracks[0]?.id ?? 'A', {
        period: 365,
      });
    };
    for (let i = 0; i < 10; i++) round();
    const plateau = analytics.memoryBytes();
    for (let i = 0; i < 90; i++) round();
    assert.equal(
      analytics.memoryBytes(),
      plateau,
      'the wasm memory grew after the first 10 rounds',
    );
    analytics.dispose();
  });
});
