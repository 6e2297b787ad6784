// Memory of loads: what a refused, failed or replaced load used is reused by
// the next one (the instance reaches a plateau), a load needs little more
// than the store it builds, and a document past the
// engine's ceiling is refused with a message naming the limit, not a crash.
// Byte counts are asserted only as loose upper bounds; figures are in the
// benchmark (bench/memory.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import { generate, scratchDir } from './helpers.mjs';

const MB = 1024 * 1024;

function streamOf(bytes, size, { failAt = Infinity } = {}) {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= failAt) return controller.error(new Error('network error halfway'));
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, Math.min(at + size, failAt)));
      at += size;
    },
  });
}

let document; // ~3 MB
before(async () => {
  document = new Uint8Array(
    readFileSync(await generate(scratchDir(), { tracks: 40, days: 400, seed: 5 })),
  );
});

describe('memory', () => {
  test('loads that succeed, fail halfway, are refused or replaced reuse memory: 20 more add nothing', async () => {
    const analytics = await createAnalytics();
    const kinds = [
      async () => analytics.load(document),
      async () => analytics.load(streamOf(document, 65536)),
      async () =>
        analytics
          .load(streamOf(document, 65536, { failAt: document.length * 0.7 }))
          .catch(() => {}),
      async () => {
        try {
          analytics.load(document.slice(0, -10));
        } catch {}
      }, // refused at the end
      async () => {
        // a stream refused halfway: a bad byte in the middle of the document
        const bad = document.slice();
        bad[bad.indexOf(0x5b, bad.length >> 1) + 1] = 0x78; // 'x' after a '['
        await assert.rejects(analytics.load(streamOf(bad, 65536)), {
          message: /^line \d+, column \d+: syntax error/,
        });
      },
      async () => {
        // a stream replaced halfway by a buffer load
        const pending = analytics.load(streamOf(document, 65536, { failAt: Infinity }));
        analytics.load(document);
        await pending.catch(() => {});
      },
    ];
    const round = async () => {
      for (let i = 0; i < 20; i++) {
        await kinds[i % kinds.length]();
        analytics.overview({ period: 28 });
      }
      return analytics.memoryBytes();
    };
    const first = await round();
    const second = await round();
    // A leak of what one load reads (its catalog, its store) would add
    // several MB per load, over 20 loads far more than this.
    assert.ok(
      second <= first + 8 * MB,
      `memory grew from ${(first / MB) | 0} MB to ${(second / MB) | 0} MB`,
    );
    // The last load left the whole catalog answering.
    assert.equal(analytics.summary().tracks, 40);
    analytics.dispose();
  });

  test('a 1,000-track catalog, from a stream or a buffer, needs at most 1.5 times its store', async () => {
    // 61 MB of JSON, 12.4 M daily points. The store's sums are built a batch
    // of series at a time while the document is read, so the day values of
    // the whole catalog are never in memory at once. Wasm memory never
    // shrinks, so what it holds after the load is the load's peak, the
    // instance's first 16 MB included. (Summed at the end, as before, it
    // took 2.3 times the store.)
    const file = await generate(scratchDir(), { tracks: 1000, days: 730, seed: 3 });
    const bytes = new Uint8Array(readFileSync(file));
    for (const from of ['stream', 'buffer']) {
      const analytics = await createAnalytics();
      if (from === 'stream') await analytics.load(streamOf(bytes, 65536));
      else analytics.load(bytes);
      const { storeBytes, tracks } = analytics.summary();
      assert.equal(tracks, 1000);
      const memory = analytics.memoryBytes();
      assert.ok(
        memory <= 1.5 * storeBytes,
        `${from}: ${(memory / MB).toFixed(1)} MB of wasm memory for a store of ${(storeBytes / MB).toFixed(1)} MB`,
      );
      analytics.dispose();
    }
  });

  test('a document past the ceiling is refused early, naming the limit, and the previous catalog answers', async () => {
    const analytics = await createAnalytics();
    analytics.load(document);
    const before = analytics.overview({ period: 28 });
    // One series with more days than the engine can hold, streamed as it is
    // made: a billion zeros and one more, never whole in memory (2 GB of
    // text; the day values of one series wait for its end, 1 GB here).
    const head = new TextEncoder().encode(
      '{"schema":"tiktok-analytics/v1","tracks":[{"id":"A"}],"tiktok":[{"track":"A","territory":"FR",' +
        '"start":"1900-01-01","creations":[0',
    );
    const zeros = new TextEncoder().encode(',0'.repeat(1 << 19)); // 2^19 zeros a chunk
    let sent = 0;
    const huge = new ReadableStream({
      pull(controller) {
        if (sent === 0) controller.enqueue(head);
        else if (sent > 3e9)
          controller.close(); // far past the limit: the load must stop before
        else controller.enqueue(zeros);
        sent += sent === 0 ? 1 : zeros.length;
      },
    });
    await assert.rejects(analytics.load(huge), {
      message:
        /^tiktok\[0\]\.creations\[1000000000\]: the document has more than 1,000,000,000 daily points, the most/,
    });
    assert.ok(sent < 3e9, 'the load stopped reading when it refused the document');
    assert.deepEqual(analytics.overview({ period: 28 }), before);
    analytics.dispose();
  });
});
