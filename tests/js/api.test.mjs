// The public API in Node: what createAnalytics accepts, the shapes it returns,
// exact integers, and the package entry points.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';

import { createAnalytics, createAnalyticsWorker } from '../../bindings/js/index.js';
import { ROOT, readExample } from './helpers.mjs';

const tiny = readExample('tiny.json');
const WASM = join(ROOT, 'bindings/js/tta_wasm.wasm');

describe('createAnalytics', () => {
  test('finds the .wasm next to index.js by default', async () => {
    const analytics = await createAnalytics();
    assert.equal(analytics.load(tiny).tracks, 4);
  });

  test('accepts the .wasm as a URL, an absolute path, a relative path or bytes', async () => {
    const sources = [
      { wasmUrl: pathToFileURL(WASM) },
      { wasmUrl: WASM },
      { wasmUrl: relative(process.cwd(), WASM) },
      { wasmBinary: readFileSync(WASM) },
      { wasmBinary: new Uint8Array(readFileSync(WASM)).buffer },
    ];
    for (const options of sources) {
      const analytics = await createAnalytics(options);
      assert.equal(analytics.load(tiny).tracks, 4, JSON.stringify(options));
      analytics.dispose();
    }
  });

  test('rejects a missing .wasm with an Error that names it', async () => {
    await assert.rejects(
      createAnalytics({ wasmUrl: '/nonexistent/tta_wasm.wasm' }),
      /nonexistent\/tta_wasm\.wasm/,
    );
  });

  test('rejects bytes that are not WebAssembly', async () => {
    await assert.rejects(
      createAnalytics({ wasmBinary: new Uint8Array([1, 2, 3]) }),
      WebAssembly.CompileError,
    );
  });

  test('rejects options of the wrong type with a TypeError', async () => {
    await assert.rejects(createAnalytics({ wasmUrl: 42 }), TypeError);
    await assert.rejects(createAnalytics({ wasmBinary: 'bytes' }), TypeError);
  });

  test('gives independent instances', async () => {
    const [a, b] = await Promise.all([createAnalytics(), createAnalytics()]);
    a.load(tiny);
    assert.throws(() => b.overview({ period: 7 }), { message: 'no document is loaded' });
  });

  test('createAnalyticsWorker explains that Node has no Web Workers', async () => {
    await assert.rejects(createAnalyticsWorker(), /needs Web Workers/);
  });
});

describe('load', () => {
  test('returns the summary of the document', async () => {
    const analytics = await createAnalytics();
    assert.deepStrictEqual(analytics.load(tiny), {
      tracks: 4,
      tiktokSeries: 6,
      streamsSeries: 3,
      dailyPoints: 138,
      firstDay: '2026-02-01',
      lastDay: '2026-03-15',
      storeBytes: analytics.summary().storeBytes,
      dataThrough: { tiktok: '2026-03-14', streams: '2026-03-13' },
    });
    assert.ok(analytics.summary().storeBytes > 0);
  });

  test('reads a Uint8Array, a view into a larger buffer, an ArrayBuffer and a string alike', async () => {
    const analytics = await createAnalytics();
    const padded = new Uint8Array(tiny.length + 20);
    padded.set(tiny, 7);
    const inputs = [
      new Uint8Array(tiny),
      padded.subarray(7, 7 + tiny.length),
      new DataView(padded.buffer, 7, tiny.length),
      new Uint8Array(tiny).buffer,
      tiny.toString('utf8'),
    ];
    const expected = analytics.load(tiny);
    const answer = analytics.overview({ period: 28 });
    for (const input of inputs) {
      assert.deepStrictEqual(analytics.load(input), expected);
      assert.deepStrictEqual(analytics.overview({ period: 28 }), answer);
    }
  });

  test("leaves the caller's bytes untouched", async () => {
    const analytics = await createAnalytics();
    const bytes = new Uint8Array(tiny);
    analytics.load(bytes);
    assert.deepStrictEqual(Buffer.from(bytes), tiny);
  });

  test('replaces the previous document', async () => {
    const analytics = await createAnalytics();
    analytics.load(tiny);
    analytics.load('{"asOf": "2026-01-02", "tracks": [{"id": "only"}]}');
    assert.equal(analytics.overview({ period: 7 }).catalogTracks, 1);
    assert.throws(() => analytics.track('A', { period: 7 }), { message: 'unknown track id "A"' });
  });

  test('reports progress phases when asked', async () => {
    const analytics = await createAnalytics();
    const phases = [];
    analytics.load(tiny, { onProgress: (phase) => phases.push(phase) });
    assert.deepStrictEqual(phases, ['copying', 'parsing', 'done']);
  });
});

describe('answers', () => {
  test('overview defaults to every platform and content and the whole ranking', async () => {
    const analytics = await createAnalytics();
    analytics.load(tiny);
    assert.deepStrictEqual(
      analytics.overview({ period: 7 }),
      analytics.overview({
        period: 7,
        platform: 'all',
        content: 'all',
        limit: Infinity,
        offset: 0,
      }),
    );
  });

  test('limit and offset cut the ranking only', async () => {
    const analytics = await createAnalytics();
    analytics.load(tiny);
    const full = analytics.overview({ period: 7 });
    const cut = analytics.overview({ period: 7, limit: 1, offset: 1 });
    assert.deepStrictEqual(cut.tracks, full.tracks.slice(1, 2));
    assert.equal(cut.tracksWithCreations, full.tracksWithCreations);
    assert.deepStrictEqual(
      analytics.overview({ period: 7, offset: Number.MAX_SAFE_INTEGER }).tracks,
      [],
    );
  });

  test('views above 2^32 and up to 2^53-1 arrive exact', async () => {
    const analytics = await createAnalytics();
    const big = 2 ** 53 - 1 - 10;
    analytics.load(
      JSON.stringify({
        asOf: '2026-01-03',
        tracks: [{ id: 'X' }],
        tiktok: [
          { track: 'X', territory: 'FR', start: '2026-01-01', creations: [1, 1], views: [big, 10] },
        ],
      }),
    );
    const answer = analytics.overview({ period: 1 });
    assert.equal(answer.views.current, 10);
    assert.equal(analytics.overview({ period: 2 }).views.current, 2 ** 53 - 1);
    assert.deepStrictEqual(analytics.track('X', { period: 2 }).series.views, [big, 10]);
    assert.equal(tiny.includes('5000000000'), true);
    analytics.load(tiny);
    assert.equal(analytics.overview({ period: 7, platform: 'douyin' }).views.current, 5000000040);
  });

  test('titles with quotes, HTML and non-ASCII text come back unchanged', async () => {
    const analytics = await createAnalytics();
    const title = 'Ça «va» "bien" <b>\\ 日本 🎵 \u0001';
    analytics.load(
      JSON.stringify({
        asOf: '2026-01-02',
        tracks: [{ id: 'é', title }],
        tiktok: [{ track: 'é', territory: 'jp', start: '2026-01-01', creations: [1], views: [1] }],
      }),
    );
    assert.equal(analytics.overview({ period: 1 }).tracks[0].title, title);
    assert.equal(analytics.track('é', { period: 1 }).track.title, title);
  });

  test('a track id with a lone surrogate reaches the core as U+FFFD, like any UTF-8 front end', async () => {
    const analytics = await createAnalytics();
    analytics.load(tiny);
    assert.throws(() => analytics.track('A\ud800', { period: 7 }), {
      message: 'unknown track id "A\ufffd"',
    });
  });

  test('a search with a lone surrogate searches for U+FFFD instead of failing the request', async () => {
    const analytics = await createAnalytics();
    analytics.load(tiny);
    // No id, title, artist or ISRC of tiny.json holds U+FFFD: nothing matches.
    assert.equal(analytics.overview({ period: 7, search: '\udc00' }).matchingTracks, 0);
    assert.equal(analytics.overview({ period: 7, search: 'a\ud800' }).matchingTracks, 0);
  });
});

describe('package', () => {
  test('the package name resolves to the same entry, and ./wasm to the .wasm beside it', async () => {
    const entry = await import('tiktok-catalog-analytics');
    assert.equal(entry.createAnalytics, createAnalytics);
    assert.equal(import.meta.resolve('tiktok-catalog-analytics/wasm'), pathToFileURL(WASM).href);
  });
});
