// Limits and hostile cases through the WebAssembly module, where size_t has
// 32 bits: a catalog large enough that tracks x days wraps 2^32, every query
// type at 3,650 days and over a 3,650-day range, repeated refusals, and the
// memory a load reserves. Every answer is checked against numbers computed
// here from how the document was built, and against the native CLI on the
// same bytes. Documents are generated here as bytes (no file is committed).
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import { firstMessage, readExample, runCli, scratchDir } from './helpers.mjs';

const MB = 1024 * 1024;
const encoder = new TextEncoder();

// Appends text to a growing byte buffer, chunk by chunk, so that a document
// of hundreds of MB is never one JS string.
class Bytes {
  #buffer = new Uint8Array(16 * MB);
  length = 0;
  add(text) {
    while (this.#buffer.length - this.length < text.length * 3) {
      const bigger = new Uint8Array(this.#buffer.length * 2);
      bigger.set(this.#buffer.subarray(0, this.length));
      this.#buffer = bigger;
    }
    this.length += encoder.encodeInto(text, this.#buffer.subarray(this.length)).written;
  }
  get bytes() {
    return this.#buffer.subarray(0, this.length);
  }
}

// The review's reproduction: 1,176,704 tracks, each with one two-day TikTok
// series ending on E = 2026-11-26: creations [1, t % 3], views [10, 1]. With
// 3,650 days, tracks x days = 4,294,969,600, which wraps to 2,304 in 32 bits.
const TRACKS = 1176704;
const E = '2026-11-26';
function reproduction() {
  const out = new Bytes();
  out.add('{"schema": "tiktok-analytics/v1", "asOf": "2026-11-27", "tracks": [');
  let chunk = '';
  for (let t = 0; t < TRACKS; t++) {
    chunk += `${t ? ',' : ''}{"id": "T${t}"}`;
    if (chunk.length > 65536) {
      out.add(chunk);
      chunk = '';
    }
  }
  out.add(`${chunk}], "tiktok": [`);
  chunk = '';
  for (let t = 0; t < TRACKS; t++) {
    chunk +=
      `${t ? ',' : ''}{"track": "T${t}", "territory": "FR", "start": "2026-11-25", ` +
      `"creations": [1, ${t % 3}], "views": [10, 1]}`;
    if (chunk.length > 65536) {
      out.add(chunk);
      chunk = '';
    }
  }
  out.add(`${chunk}]}`);
  return out.bytes;
}

const byteOrder = (a, b) => (a < b ? -1 : a > b ? 1 : 0); // ids are ASCII

// The CLI's answer (parsed) or its refusal ({ refused: message }) for the same file.
async function native(args) {
  const { code, stdout, stderr } = await runCli(args);
  if (code === 0) return JSON.parse(stdout);
  assert.equal(code, 2, `tta ${args.join(' ')} exited ${code}: ${stderr}`);
  return { refused: firstMessage(stderr) };
}

describe('the 131 MB reproduction: 1,176,704 tracks, queries over 3,650 days', () => {
  let analytics, file;
  // Hand-computed from the construction.
  let creations = 0,
    lastDayCreations = 0;
  for (let t = 0; t < TRACKS; t++) {
    creations += 1 + (t % 3);
    lastDayCreations += t % 3;
  }
  const views = 11 * TRACKS;

  before(async () => {
    const bytes = reproduction();
    assert.ok(bytes.length > 120 * MB, `the document is ${bytes.length} bytes`);
    file = join(scratchDir(), 'reproduction.json');
    writeFileSync(file, bytes);
    analytics = await createAnalytics();
    const summary = analytics.load(bytes);
    assert.equal(summary.tracks, TRACKS);
    assert.equal(summary.tiktokSeries, TRACKS);
  });
  after(() => analytics?.dispose());

  test('liftRanking over 3,650 days answers as natively, and the instance keeps answering', async () => {
    assert.equal((TRACKS * 3650) % 2 ** 32, 2304); // what the buffer was once sized to in wasm32
    // Every track has creations on 2 days, fewer than the 10 a claim needs
    // (docs/INSIGHTS.md): no track is ranked.
    const ranking = analytics.liftRanking({ period: 3650 });
    assert.deepEqual(ranking.tracks, []);
    assert.deepEqual(await native(['lift-ranking', '--period', '3650', file]), ranking);
    // Ten times more: the same answer, and the memory does not grow.
    const memory = analytics.memoryBytes();
    for (let i = 0; i < 10; i++)
      assert.deepEqual(analytics.liftRanking({ period: 3650, limit: 5 }).tracks, []);
    assert.equal(analytics.memoryBytes(), memory);
    const overview = analytics.overview({ period: 7, limit: 1 });
    assert.equal(overview.creations.current, creations);
    assert.equal(overview.views.current, views);
  });

  test('liftRanking answers at 28 and 29 days, and with a filter that leaves no track', () => {
    assert.deepEqual(analytics.liftRanking({ period: 28 }).tracks, []);
    assert.deepEqual(analytics.liftRanking({ period: 29 }).tracks, []);
    assert.deepEqual(analytics.liftRanking({ period: 28, platform: 'douyin' }).tracks, []);
  });

  // The CLI loads the 131 MB anew for each command: one command here, one
  // above; tests/js/differential.test.mjs compares every query type.
  test('every other query type answers at 3,650 days, equal to the hand-computed values', async () => {
    const overview = analytics.overview({ period: 3650, limit: 3 });
    assert.equal(overview.window.start, '2016-11-29');
    assert.equal(overview.window.end, E);
    assert.deepEqual(overview.creations, { current: creations, previous: 0, change: null });
    assert.equal(overview.views.current, views);
    assert.equal(overview.tracksWithCreations, TRACKS);
    assert.equal(overview.catalogTracks, TRACKS);
    // Ranked by creations (3 when t % 3 == 2), then views (all 11), then id.
    const top = [];
    for (let t = 2; t < TRACKS; t += 3) top.push(`T${t}`);
    top.sort(byteOrder);
    assert.deepEqual(
      overview.tracks.map((row) => [row.id, row.creations]),
      top.slice(0, 3).map((id) => [id, 3]),
    );
    assert.deepEqual(
      overview,
      await native(['overview', '--period', '3650', '--limit', '3', file]),
    );

    // The same over a 3,650-day custom range.
    const range = analytics.overview({ start: '2016-11-29', end: E, limit: 3 });
    assert.deepEqual(range.creations, overview.creations);
    assert.deepEqual(range.tracks, overview.tracks);

    const track = analytics.track('T5', { period: 3650 });
    assert.equal(track.creations.current, 3);
    assert.equal(track.series.dates.length, 3650);
    assert.deepEqual(track.series.creations.slice(-3), [0, 1, 2]);
    assert.ok(track.series.creations.slice(0, -2).every((c) => c === 0));

    const splits = analytics.splits({ period: 3650 });
    assert.deepEqual(
      splits.platform.map((e) => [e.key, e.creations]),
      [
        ['tiktok', 0],
        ['douyin', 0],
        ['youtube_shorts', 0],
        ['instagram_reels', 0],
        ['unknown', creations],
      ],
    );

    const breakouts = analytics.breakouts({ period: 3650, minCreations: 3, limit: 2 });
    assert.equal(breakouts.breakouts, top.length);
    assert.deepEqual(
      breakouts.tracks.map((row) => row.id),
      top.slice(0, 2),
    );

    // T5 has 3 creations on 2 days: too little to test (docs/INSIGHTS.md).
    const lift = analytics.lift('T5', { period: 3650 });
    assert.deepEqual(lift.lags, []);
    assert.equal(lift.bestLag, null);
    assert.equal(lift.reason, 'thin-activity');

    const csv = analytics.overviewCsv({ period: 3650, limit: 2 }).split('\r\n');
    assert.deepEqual(
      csv.slice(1, 3).map((line) => line.split(',').slice(0, 5)),
      top.slice(0, 2).map((id, i) => [String(i + 1), id, '', '', '3']),
    );
    const trackCsv = analytics.trackCsv('T5', { period: 3650 }).split('\r\n');
    assert.equal(trackCsv.length, 3652); // header, 3,650 days, and the empty string after the last \r\n
    assert.equal(trackCsv[3650], `${E},2,1,`);

    const lastDay = analytics.overview({ period: 1, limit: 0 });
    assert.equal(lastDay.creations.current, lastDayCreations);
  });
});

describe('refusals and memory', () => {
  test('a title of commas does not inflate the memory a load reserves', async () => {
    // 48 MB of commas inside a string. Counting them as day values reserved
    // 16 bytes each (768 MB); the text and the title need about 100 MB.
    const commas = 48 * MB;
    const head = encoder.encode('{"asOf": "2026-11-27", "tracks": [{"id": "A", "title": "');
    const tail = encoder.encode(
      '"}], "tiktok": [{"track": "A", "territory": "FR", "start": "2026-11-26", ' +
        '"creations": [3], "views": [4]}]}',
    );
    const bytes = new Uint8Array(head.length + commas + tail.length);
    bytes.set(head);
    bytes.fill(0x2c, head.length, head.length + commas);
    bytes.set(tail, head.length + commas);
    const analytics = await createAnalytics();
    analytics.load(bytes);
    assert.equal(analytics.overview({ period: 1 }).creations.current, 3);
    const memory = analytics.memoryBytes();
    analytics.dispose();
    assert.ok(memory < 400 * MB, `wasm memory after the load: ${(memory / MB) | 0} MB`);
  });

  test('a search of 5,001 characters is refused by the engine; 1,000 over 1 MB titles answers', async () => {
    const analytics = await createAnalytics();
    const title = 'a'.repeat(MB);
    analytics.load(
      JSON.stringify({
        asOf: '2026-11-27',
        tracks: [
          { id: 'A', title },
          { id: 'B', title: `${title}b` },
        ],
        tiktok: ['A', 'B'].map((track) => ({
          track,
          territory: 'FR',
          start: '2026-11-26',
          creations: [1],
          views: [1],
        })),
      }),
    );
    assert.throws(() => analytics.overview({ period: 7, search: 'a'.repeat(5001) }), {
      message: 'search must be at most 1000 bytes of UTF-8, got 5001',
    });
    // The worst case of a naive search: a long run of 'a' then one 'b'.
    const found = analytics.overview({ period: 7, search: `${'A'.repeat(999)}B` });
    assert.equal(found.matchingTracks, 1);
    assert.equal(found.tracks[0].id, 'B');
    assert.equal(analytics.overview({ period: 7, search: 'a'.repeat(1000) }).matchingTracks, 2);
    analytics.dispose();
  });

  test('50 refused loads and queries over loaded data leave every answer as it was', async () => {
    const analytics = await createAnalytics();
    analytics.load(readExample('tiny.json'));
    const before = JSON.stringify([
      analytics.overview({ period: 3650 }),
      analytics.liftRanking({ period: 3650 }),
    ]);
    const refusals = [
      () => analytics.load('{"tracks": ['),
      () => analytics.load('{"tracks": [{"id": "A"}, {"id": "A"}]}'),
      () => analytics.overview({ period: 3651 }),
      () => analytics.overview({ period: 7, search: 'x'.repeat(1001) }),
      () => analytics.track('Z', { period: 3650 }),
    ];
    for (let i = 0; i < 50; i++) assert.throws(refusals[i % refusals.length]);
    const memory = analytics.memoryBytes();
    for (let i = 0; i < 50; i++) assert.throws(refusals[i % refusals.length]);
    assert.equal(analytics.memoryBytes(), memory);
    const now = JSON.stringify([
      analytics.overview({ period: 3650 }),
      analytics.liftRanking({ period: 3650 }),
    ]);
    assert.equal(now, before);
    analytics.dispose();
  });
});
