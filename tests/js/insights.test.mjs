// The answers beyond the contract's two pages (ranges, sort and search,
// weekly buckets, splits, breakouts, lift, CSV) from the module equal the
// CLI's, which the native tests check against the brute-force reference.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import { execFileSync } from 'node:child_process';

import { EXAMPLES, GENERATOR, generate, runCli, scratchDir } from './helpers.mjs';

async function cli(args) {
  const { code, stdout, stderr } = await runCli(args);
  if (code !== 0) throw new Error(`tta ${args.join(' ')} failed (${code}): ${stderr}`);
  return stdout;
}

// [module call, CLI arguments, answer is CSV text]
function cases(ids) {
  const [a, b] = ids;
  return [
    [
      (e) => e.overview({ start: '2026-10-01', end: '2026-10-31' }),
      ['overview', '--from', '2026-10-01', '--to', '2026-10-31'],
    ],
    [
      (e) => e.overview({ period: 90, sort: 'title', descending: false, limit: 20 }),
      ['overview', '--period', '90', '--sort', 'title', '--asc', '--limit', '20'],
    ],
    [
      (e) => e.overview({ period: 28, sort: 'streams', search: 't0', offset: 2, limit: 5 }),
      [
        'overview',
        '--period',
        '28',
        '--sort',
        'streams',
        '--search',
        't0',
        '--offset',
        '2',
        '--limit',
        '5',
      ],
    ],
    [(e) => e.track(a, { period: 90, weekly: true }), ['track', a, '--period', '90', '--weekly']],
    [
      (e) => e.track(b, { start: '2026-09-01', end: '2026-09-10', platform: 'tiktok' }),
      ['track', b, '--from', '2026-09-01', '--to', '2026-09-10', '--platform', 'tiktok'],
    ],
    [(e) => e.splits({ period: 28 }), ['splits', '--period', '28']],
    [
      (e) => e.splits({ period: 365, track: a, content: 'ugc' }),
      ['splits', a, '--period', '365', '--content', 'ugc'],
    ],
    [
      (e) => e.breakouts({ period: 7, minCreations: 5 }),
      ['breakouts', '--period', '7', '--min-creations', '5'],
    ],
    [(e) => e.lift(a, { period: 90 }), ['lift', a, '--period', '90']],
    [
      (e) => e.liftRanking({ period: 28, limit: 10 }),
      ['lift-ranking', '--period', '28', '--limit', '10'],
    ],
    [(e) => e.overviewCsv({ period: 28 }), ['overview', '--period', '28', '--csv'], true],
    [(e) => e.trackCsv(b, { period: 28 }), ['track', b, '--period', '28', '--csv'], true],
  ];
}

describe('answers beyond the two pages', () => {
  let file;
  let engine;
  before(async () => {
    file = await generate(scratchDir(), { tracks: 40, days: 500, seed: 5 });
    engine = await createAnalytics();
    engine.load(readFileSync(file));
  });

  test('every insight query from the module equals the CLI for the same flags', async () => {
    const top = engine.overview({ period: 365, limit: 2 }).tracks.map((t) => t.id);
    for (const [ask, args, csv] of cases(top)) {
      const stdout = await cli([...args, file]);
      const expected = csv ? stdout : JSON.parse(stdout);
      assert.deepStrictEqual(ask(engine), expected, args.join(' '));
    }
  });

  test('a search counts its matches and keeps the catalog count', () => {
    const all = engine.overview({ period: 365 });
    const some = engine.overview({ period: 365, search: all.tracks[0].title });
    assert.equal(some.tracksWithCreations, all.tracksWithCreations);
    assert.equal(some.matchingTracks, some.tracks.length);
    assert.ok(some.tracks.some((t) => t.id === all.tracks[0].id));
  });

  test('a range equal to the last p days answers like period p', () => {
    const byPeriod = engine.overview({ period: 28 });
    const byRange = engine.overview({ start: byPeriod.window.start, end: byPeriod.window.end });
    assert.deepStrictEqual(byRange, byPeriod);
  });

  test('bad requests throw the core messages', () => {
    assert.throws(() => engine.overview({ start: '2026-11-01', end: '2026-12-31' }), {
      message: 'range end 2026-12-31 is after the last complete TikTok day 2026-11-25',
    });
    assert.throws(() => engine.overview({ period: 7, sort: 'fame' }), {
      message: 'sort must be creations, views, streams, title or artist, got "fame"',
    });
    assert.throws(() => engine.lift('nope', { period: 7 }), { message: 'unknown track id "nope"' });
    assert.throws(() => engine.overview({ start: '2026-11-01' }), {
      message: 'a date range needs both start and end',
    });
    // The instance still answers after refusals.
    assert.equal(engine.overview({ period: 7 }).window.days, 7);
  });
});

test('CSV cells that a spreadsheet would run as formulas are neutralised', async () => {
  const engine = await createAnalytics();
  const doc = JSON.parse(readFileSync(join(EXAMPLES, 'tiny.json'), 'utf8'));
  doc.tracks[0].title = '=HYPERLINK("http://x","click")';
  doc.tracks[1].artist = '@Nova, "the" band';
  engine.load(JSON.stringify(doc));
  const csv = engine.overviewCsv({ period: 7 });
  assert.match(csv, /\r\n1,A,"'=HYPERLINK\(""http:\/\/x"",""click""\)",Nova,/);
  assert.match(csv, /\r\n2,B,Beta <b>bold<\/b>,"'@Nova, ""the"" band",28,280,600,US GB\r\n$/);
  engine.dispose();
});

test('loadCsv gives the answers of the same rows loaded through the CLI from JSON', async () => {
  const engine = await createAnalytics();
  const tiktok =
    'date,track,territory,platform,content,creations,views\n' +
    '2026-03-01,A,FR,tiktok,ugc,3,300\n2026-03-02,A,FR,tiktok,ugc,,\n2026-03-03,A,FR,tiktok,ugc,5,500\n' +
    '2026-03-03,"B, live",us,,,7,70\n';
  const streams = 'date,track,streams\n2026-03-01,A,100\n2026-03-02,A,110\n';
  const summary = engine.loadCsv({
    tiktok,
    streams: new TextEncoder().encode(streams),
    asOf: '2026-03-05',
  });
  assert.equal(summary.tracks, 2);
  const json = {
    asOf: '2026-03-05',
    tracks: [{ id: 'A' }, { id: 'B, live' }],
    tiktok: [
      {
        track: 'A',
        territory: 'FR',
        platform: 'tiktok',
        content: 'ugc',
        start: '2026-03-01',
        creations: [3, null, 5],
        views: [300, null, 500],
      },
      { track: 'B, live', territory: 'US', start: '2026-03-03', creations: [7], views: [70] },
    ],
    streams: [{ track: 'A', start: '2026-03-01', streams: [100, 110] }],
  };
  const file = join(scratchDir(), 'same-as-csv.json');
  writeFileSync(file, JSON.stringify(json));
  assert.deepStrictEqual(
    engine.overview({ period: 7 }),
    JSON.parse(await cli(['overview', '--period', '7', file])),
  );
  assert.throws(() => engine.loadCsv({ tiktok: 'date,track\n' }), {
    message:
      'tiktok CSV line 1: the header must be date,track,territory,platform,content,creations,views',
  });
  assert.equal(engine.overview({ period: 7 }).tracksWithCreations, 2); // the refused CSV changed nothing
  engine.dispose();
});

// Lift claims on a catalog with a planted lag and ratio per track: the
// module's answers are the CLI's to the last bit (claims, correlations,
// rounded ratios and intervals), and the ranking lists only claims.
describe('lift on a planted catalog', () => {
  let file;
  let engine;
  const truth = new Map();
  before(async () => {
    const dir = scratchDir();
    file = join(dir, 'planted.json');
    const truthFile = join(dir, 'planted-truth.csv');
    execFileSync(GENERATOR, [
      '--tracks',
      '30',
      '--days',
      '200',
      '--seed',
      '9',
      '--lift',
      'planted',
      '--truth',
      truthFile,
      '-o',
      file,
    ]);
    for (const line of readFileSync(truthFile, 'utf8').trim().split('\n').slice(1)) {
      const [id, lag, ratio] = line.split(',');
      truth.set(id, { lag: Number(lag), ratio: Number(ratio) });
    }
    engine = await createAnalytics();
    engine.load(readFileSync(file));
  });

  test("every track's lift and the ranking equal the CLI's", async () => {
    const ranking = engine.liftRanking({ period: 28 });
    assert.deepStrictEqual(
      ranking,
      JSON.parse(await cli(['lift-ranking', '--period', '28', file])),
    );
    for (const { id } of engine.overview({ period: 28 }).tracks) {
      const answer = engine.lift(id, { period: 28 });
      assert.deepStrictEqual(
        answer,
        JSON.parse(await cli(['lift', id, '--period', '28', file])),
        id,
      );
      // A claim has no reason; no claim has no lag, no ratio and a reason.
      assert.equal(answer.reason === null, answer.bestLag !== null, id);
      if (answer.bestLag === null) {
        assert.ok(['thin-activity', 'no-streams', 'not-significant'].includes(answer.reason), id);
        assert.equal(answer.streamsPerCreation, null);
        assert.equal(answer.streamsPerCreationInterval, null);
      }
    }
    assert.equal(ranking.claims, ranking.tracks.length);
    assert.ok(ranking.tracks.length >= 10, `${ranking.tracks.length} claims`);
    let right = 0;
    for (const row of ranking.tracks) {
      assert.equal(row.reason, null);
      if (Math.abs(row.bestLag - truth.get(row.id).lag) <= 1) right += 1;
    }
    assert.ok(
      right >= 0.85 * ranking.tracks.length,
      `${right} of ${ranking.tracks.length} right lags`,
    );
    assert.equal(ranking.history.days, 84);
  });
});
