// The WebAssembly module answers exactly what the native CLI answers, for the
// worked examples, small hand-written documents and generated catalogs.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import {
  EXAMPLES,
  FILTERS,
  PERIODS,
  cliAnswer,
  generate,
  inBatches,
  queryArgs,
  readExample,
  scratchDir,
} from './helpers.mjs';

const dir = scratchDir();

// Compares every listed query on one document, wasm against the CLI.
async function assertParity(file, { overviews = [], tracks = [] }) {
  const analytics = await createAnalytics();
  try {
    analytics.load(readFileSync(file));
    const tasks = [
      ...overviews.map((query) => async () => {
        const expected = await cliAnswer(['overview', ...queryArgs(query), file]);
        assert.deepStrictEqual(
          analytics.overview(query),
          expected,
          `overview ${JSON.stringify(query)}`,
        );
      }),
      ...tracks.map(({ id, ...query }) => async () => {
        const expected = await cliAnswer(['track', id, ...queryArgs(query), file]);
        assert.deepStrictEqual(
          analytics.track(id, query),
          expected,
          `track ${id} ${JSON.stringify(query)}`,
        );
      }),
    ];
    await inBatches(tasks);
  } finally {
    analytics.dispose();
  }
}

const everyOverview = PERIODS.flatMap((period) => FILTERS.map((f) => ({ period, ...f })));
const slices = [
  { limit: 0 },
  { limit: 1 },
  { limit: 3, offset: 2 },
  { offset: 1 },
  { limit: 5, offset: 1000000 },
].map((slice) => ({ period: 90, ...slice }));

describe('worked examples', () => {
  const cases = [
    ['overview-p7.json', (a) => a.overview({ period: 7 })],
    [
      'overview-p7-tiktok-ugc.json',
      (a) => a.overview({ period: 7, platform: 'tiktok', content: 'ugc' }),
    ],
    ['track-A-p7.json', (a) => a.track('A', { period: 7 })],
  ];
  for (const [name, ask] of cases) {
    test(`the answer for tiny.json equals examples/${name}`, async () => {
      const analytics = await createAnalytics();
      analytics.load(readExample('tiny.json'));
      assert.deepStrictEqual(ask(analytics), JSON.parse(readExample(name)));
      analytics.dispose();
    });
  }

  test('every overview and track answer for tiny.json equals the CLI', async () => {
    const tracks = ['A', 'B', 'C', 'D'].flatMap((id) => everyOverview.map((q) => ({ id, ...q })));
    await assertParity(join(EXAMPLES, 'tiny.json'), {
      overviews: [...everyOverview, ...slices],
      tracks,
    });
  });
});

describe('hand-written documents', () => {
  // Edge cases of the answers' rules, each checked against the CLI.
  const documents = {
    'no asOf: the last days come from the data': {
      tracks: [{ id: 'X' }, { id: 'Y', title: 'Ÿ «quoted» \\ "title"', artist: null }],
      tiktok: [
        {
          track: 'X',
          territory: 'fr',
          start: '2025-12-20',
          creations: [1, null, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
          views: [9007199254, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
        },
        {
          track: 'Y',
          territory: 'US',
          platform: 'douyin',
          content: 'pgc',
          start: '2026-01-01',
          creations: [2, 2],
          views: [4294967296, 4294967297],
        },
      ],
      streams: [
        {
          track: 'X',
          start: '2025-12-01',
          streams: [
            5,
            null,
            7,
            8,
            9,
            10,
            11,
            12,
            13,
            14,
            15,
            16,
            17,
            18,
            19,
            20,
            21,
            22,
            23,
            24,
            25,
            26,
            27,
            28,
            29,
          ],
        },
      ],
    },
    'no streams series: streams are null through': {
      asOf: '2024-03-01',
      tracks: [{ id: 'X' }],
      tiktok: [
        {
          track: 'X',
          territory: 'BR',
          platform: 'tiktok',
          content: 'ugc',
          start: '2024-02-01',
          creations: [1, 2, 3],
          views: [10, 20, 30],
        },
      ],
    },
    'no tiktok series: the window ends the day after the streams': {
      tracks: [{ id: 'X' }, { id: 'Z' }],
      streams: [{ track: 'Z', start: '2026-01-01', streams: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }],
    },
    'series with no day and an asOf only': {
      asOf: '2026-06-01',
      tracks: [{ id: 'X' }],
      tiktok: [{ track: 'X', territory: 'DE', start: '2026-05-01', creations: [], views: [] }],
      streams: [],
    },
  };
  for (const [name, document] of Object.entries(documents)) {
    test(`${name}: every answer equals the CLI`, async () => {
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(file, JSON.stringify(document));
      const tracks = document.tracks.flatMap(({ id }) => everyOverview.map((q) => ({ id, ...q })));
      await assertParity(file, { overviews: [...everyOverview, ...slices], tracks });
    });
  }
});

describe('generated catalogs', () => {
  const catalogs = [
    { tracks: 6, days: 45, seed: 11 },
    { tracks: 40, days: 400, seed: 12 },
    { tracks: 25, days: 500, seed: 13, quiet: true }, // the dashboard's empty state
    { tracks: 30, days: 200, seed: 14, asOf: '2024-03-01' },
    { tracks: 120, days: 730, seed: 15 },
  ];
  for (const options of catalogs) {
    test(`a catalog of ${options.tracks} tracks over ${options.days} days (seed ${options.seed}${options.quiet ? ', quiet' : ''}) answers like the CLI`, async () => {
      const file = await generate(dir, options);
      const document = JSON.parse(readFileSync(file, 'utf8'));
      const tracks = sampleTracks(document).flatMap(trackQueries);
      await assertParity(file, { overviews: [...everyOverview, ...slices], tracks });
    });
  }
});

describe('short-form platforms and series without a territory', () => {
  // One platform, sets of two and three, and the four named platforms (which
  // leave out series without a platform, unlike "all").
  const sets = [
    { platform: 'youtube_shorts' },
    { platform: 'instagram_reels' },
    { platforms: ['tiktok', 'instagram_reels'] },
    { platforms: ['youtube_shorts', 'douyin', 'tiktok'] },
    { platforms: ['tiktok', 'douyin', 'youtube_shorts', 'instagram_reels'] },
  ];
  const setQueries = PERIODS.flatMap((period) => sets.map((set) => ({ period, ...set })));

  test('a generated catalog with YouTube Shorts and Instagram Reels answers like the CLI', async () => {
    const file = await generate(dir, { tracks: 40, days: 400, seed: 21, shortForm: true });
    const document = JSON.parse(readFileSync(file, 'utf8'));
    // The catalog has what the queries are about: series without a territory, and Reels.
    assert.ok(document.tiktok.some((s) => s.territory === undefined));
    assert.ok(document.tiktok.some((s) => s.platform === 'instagram_reels'));
    const tracks = sampleTracks(document).flatMap((id) => [
      ...trackQueries(id),
      ...setQueries.slice(0, 6).map((q) => ({ id, ...q })),
    ]);
    await assertParity(file, { overviews: [...everyOverview, ...setQueries, ...slices], tracks });
    // The module's packed rows carry creationsWithoutTerritory like the CLI's JSON
    // (checked above); here also by hand: a Shorts-only row has no territory at all.
    const analytics = await createAnalytics();
    analytics.load(readFileSync(file));
    const shorts = analytics.overview({ period: 90, platform: 'youtube_shorts' });
    assert.ok(shorts.tracks.length > 0);
    for (const row of shorts.tracks) {
      assert.deepStrictEqual(row.topTerritories, []);
      assert.equal(row.creationsWithoutTerritory, row.creations);
    }
    analytics.dispose();
  });
});

// Every period with no filter, and every filter with one of the periods: the
// CLI reads the whole document for each answer, so all 36 per track is slow.
function trackQueries(id) {
  return [
    ...PERIODS.map((period) => ({ id, period })),
    ...FILTERS.slice(1).map((filter, i) => ({
      id,
      period: PERIODS[i % PERIODS.length],
      ...filter,
    })),
  ];
}

// The first, last and a middle track, plus one without TikTok series if any.
function sampleTracks(document) {
  const ids = document.tracks.map((t) => t.id);
  const withTiktok = new Set(document.tiktok?.map((s) => s.track));
  const picked = new Set([ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)]);
  const silent = ids.find((id) => !withTiktok.has(id));
  if (silent) picked.add(silent);
  return [...picked];
}
