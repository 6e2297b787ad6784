// Bad input: every refused document or query throws one Error whose message is
// the CLI's, and the data loaded before keeps answering exactly as before.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import { cliLoadError, firstMessage, readExample, runCli } from './helpers.mjs';

const tiny = readExample('tiny.json');
const utf8 = (text) => Buffer.from(text, 'utf8');
const doc = (fields) =>
  utf8(
    JSON.stringify({
      schema: 'tiktok-analytics/v1',
      asOf: '2026-03-15',
      tracks: [{ id: 'A' }],
      ...fields,
    }),
  );
const series = (fields) => ({
  track: 'A',
  territory: 'FR',
  start: '2026-03-01',
  creations: [1, 2],
  views: [10, 20],
  ...fields,
});

// Deterministic "random" bytes (xorshift32), so a failure can be replayed.
function randomBytes(length, seed) {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

const badDocuments = {
  'a syntax error': utf8('{"tracks": [}'),
  'a truncated document': tiny.subarray(0, Math.floor(tiny.length * 0.6)),
  'a wrong schema': doc({ schema: 'tiktok-analytics/v2' }),
  'a top-level array': utf8('[{"tracks": []}]'),
  'a missing tracks field': utf8('{"tiktok": []}'),
  'an unknown track': doc({ tiktok: [series({ track: 'Z' })] }),
  'a duplicate track id': doc({ tracks: [{ id: 'A' }, { id: 'B' }, { id: 'A' }] }),
  'two series covering the same day': doc({ tiktok: [series(), series({ start: '2026-03-02' })] }),
  'a negative value': doc({ tiktok: [series({ creations: [1, -1] })] }),
  'a float value': doc({ tiktok: [series({ views: [10, 2.5] })] }),
  'creations and views of different lengths': doc({ tiktok: [series({ views: [10] })] }),
  'a value above 2^53-1': utf8(
    '{"asOf":"2026-03-15","tracks":[{"id":"A"}],"streams":[{"track":"A","start":"2026-03-01","streams":[9007199254740992]}]}',
  ),
  'totals above 2^53-1': doc({ tiktok: [series({ views: [Number.MAX_SAFE_INTEGER, 1] })] }),
  'a bad date': doc({ tiktok: [series({ start: '2026-02-30' })] }),
  'a bad territory': doc({ tiktok: [series({ territory: 'FRA' })] }),
  'a bad platform': doc({ tiktok: [series({ platform: 'youtube' })] }),
  'a document with no series and no asOf': utf8('{"tracks": [{"id": "A"}]}'),
  '200,000 nested brackets': utf8(
    `{"tracks": [], "extra": ${'['.repeat(200000)}${']'.repeat(200000)}}`,
  ),
  '200,000 nested brackets at the top': utf8('['.repeat(200000)),
  'random bytes': randomBytes(4096, 0x2545f491),
  'random bytes after a valid start': Buffer.concat([
    utf8('{"tracks": [{"id": "'),
    randomBytes(512, 7),
  ]),
  'empty input': new Uint8Array(0),
  'only whitespace': utf8(' \n\t '),
  'non-UTF-8 bytes in a string': Buffer.concat([
    utf8('{"tracks": [{"id": "A'),
    Uint8Array.of(0xff, 0xfe),
    utf8('"}], "asOf": "2026-01-01"}'),
  ]),
  'a second document after the first': Buffer.concat([tiny, tiny]),
  'a NUL byte and garbage after the document': Buffer.concat([
    tiny,
    Uint8Array.of(0),
    utf8('garbage'),
  ]),
};

describe('a refused document', () => {
  let analytics, before_;
  const snapshot = (a) => ({
    summary: a.summary(),
    overview: a.overview({ period: 7 }),
    track: a.track('A', { period: 28, platform: 'tiktok' }),
  });

  before(async () => {
    analytics = await createAnalytics();
    analytics.load(tiny);
    before_ = snapshot(analytics);
  });

  for (const [name, bytes] of Object.entries(badDocuments)) {
    test(`${name} throws the CLI's message and changes nothing`, async () => {
      const expected = await cliLoadError(bytes);
      assert.throws(
        () => analytics.load(bytes),
        (error) => {
          assert.ok(error instanceof Error);
          assert.equal(error.message, expected);
          return true;
        },
      );
      assert.deepStrictEqual(snapshot(analytics), before_);
    });
  }

  test('the same refused document as an ArrayBuffer and as a string throws the same message', async () => {
    const bytes = badDocuments['a negative value'];
    const expected = await cliLoadError(bytes);
    const copy = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    assert.throws(() => analytics.load(copy), { message: expected });
    assert.throws(() => analytics.load(bytes.toString('utf8')), { message: expected });
  });
});

describe('a refused query', () => {
  let analytics;
  before(async () => {
    analytics = await createAnalytics();
    analytics.load(tiny);
  });

  // Ranges and words are the core's checks: the same message as the CLI.
  const cases = [
    ['a period of 0', ['overview', '--period', '0'], (a) => a.overview({ period: 0 })],
    ['a period of 3651', ['overview', '--period', '3651'], (a) => a.overview({ period: 3651 })],
    [
      'an unknown platform',
      ['overview', '--period', '7', '--platform', 'youtube'],
      (a) => a.overview({ period: 7, platform: 'youtube' }),
    ],
    [
      'an unknown content',
      ['track', 'A', '--period', '7', '--content', 'UGC'],
      (a) => a.track('A', { period: 7, content: 'UGC' }),
    ],
    ['an unknown track', ['track', 'nope', '--period', '7'], (a) => a.track('nope', { period: 7 })],
    [
      'an unknown word in a platform set',
      ['overview', '--period', '7', '--platform', 'tiktok,reels'],
      (a) => a.overview({ period: 7, platforms: ['tiktok', 'reels'] }),
    ],
  ];
  for (const [name, args, ask] of cases) {
    test(`${name} throws the CLI's message`, async () => {
      const { code, stderr } = await runCli([...args, '-'], tiny);
      assert.equal(code, 2);
      assert.throws(() => ask(analytics), { message: firstMessage(stderr) });
    });
  }

  test("a negative period throws the core's range message", () => {
    assert.throws(() => analytics.overview({ period: -5 }), {
      message: 'period must be a whole number of days from 1 to 3650, got -5',
    });
  });

  // Types are checked in JS, before anything reaches the engine.
  const typeCases = {
    'a fractional period': (a) => a.overview({ period: 7.5 }),
    'a period given as a string': (a) => a.overview({ period: '7' }),
    'a missing period': (a) => a.overview({}),
    'a missing query': (a) => a.track('A'),
    'a platform that is not a string': (a) => a.overview({ period: 7, platform: 1 }),
    'a platform set that is a string': (a) => a.overview({ period: 7, platforms: 'tiktok' }),
    'a platform set holding a number': (a) => a.splits({ period: 7, platforms: ['tiktok', 2] }),
    'a negative limit': (a) => a.overview({ period: 7, limit: -1 }),
    'a fractional offset': (a) => a.overview({ period: 7, offset: 0.5 }),
    'a track id that is not a string': (a) => a.track(1, { period: 7 }),
    'a document that is a number': (a) => a.load(42),
    'a document that is a plain object': (a) => a.load({ tracks: [] }),
    // The request route (options beyond period, filters and paging) checks the same types.
    'a NaN period with a search': (a) => a.overview({ period: NaN, search: 'a' }),
    'an Infinity period in a range query': (a) => a.splits({ period: Infinity }),
    'a period given as a string with a sort': (a) => a.overview({ period: '7', sort: 'title' }),
    'a search that is a number': (a) => a.overview({ period: 7, search: 5 }),
    'a fractional minCreations': (a) => a.breakouts({ period: 7, minCreations: 1.5 }),
    'a weekly flag that is a string': (a) => a.track('A', { period: 7, weekly: 'yes' }),
    'a lift track id that is not a string': (a) => a.lift(7, { period: 7 }),
  };
  for (const [name, ask] of Object.entries(typeCases)) {
    test(`${name} throws a TypeError`, () => {
      assert.throws(() => ask(analytics), TypeError);
      assert.equal(analytics.overview({ period: 7 }).catalogTracks, 4);
    });
  }

  test('a NaN period on the request route names the period, not "period is required"', () => {
    assert.throws(() => analytics.overview({ period: NaN, search: 'a' }), {
      name: 'TypeError',
      message: 'period must be a whole number of days, got NaN',
    });
  });

  test('a lone surrogate in a search or a track id crosses as U+FFFD, as from any UTF-8 front end', () => {
    // tiny.json holds no U+FFFD: the search matches nothing, the track is unknown.
    assert.equal(analytics.overview({ period: 7, search: 'ab\uD800' }).matchingTracks, 0);
    assert.throws(() => analytics.lift('\uDC00A', { period: 7 }), {
      message: 'unknown track id "\uFFFDA"',
    });
    // A surrogate pair is well-formed: searched for, and not found.
    assert.equal(analytics.overview({ period: 7, search: '\u{1F3B5}' }).matchingTracks, 0);
  });

  test('a query before any document is loaded throws "no document is loaded"', async () => {
    const empty = await createAnalytics();
    assert.throws(() => empty.overview({ period: 7 }), { message: 'no document is loaded' });
    assert.throws(() => empty.track('A', { period: 7 }), { message: 'no document is loaded' });
    empty.dispose();
  });
});
