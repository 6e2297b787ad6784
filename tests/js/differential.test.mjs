// Differential: the WebAssembly module (32-bit sizes) and the native CLI
// (64-bit) give the same answer, or the same refusal, on the same random
// documents and queries, including counts near 2^53, totals past it, huge
// periods, offsets and limits, long searches and control characters. A
// difference means a size or a sum that depends on the platform.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import { firstMessage, inBatches, runCli, scratchDir } from './helpers.mjs';

const DOCUMENTS = 60;
const QUERIES = 6;
const MAX_EXACT = 2 ** 53 - 1;

// xorshift32: a failure names its seed and can be replayed.
function randomOf(seed) {
  let x = seed;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
  return {
    int: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const ID_PARTS = ['A', 'b', '7', 'é', '"', '\\', ' ', '\u0085', '\u202e', '\u2028', '🎵', '\n'];
const day = (offset) =>
  new Date(Date.UTC(2026, 10, 26) - offset * 86400000).toISOString().slice(0, 10);

// Mostly small counts; values past 2^32 often; values near 2^53 in a third of
// the documents (whose totals then usually pass 2^53-1: refused).
function count(random, huge) {
  if (random.chance(0.1)) return null;
  if (huge && random.chance(0.05)) return MAX_EXACT - random.int(3);
  if (random.chance(0.05)) return 2 ** 32 + random.int(5);
  return random.int(random.chance(0.5) ? 10 : 1000);
}

function randomDocument(random) {
  const huge = random.chance(1 / 3);
  const ids = [];
  for (let t = 1 + random.int(8); t > 0; t--) {
    let id = '';
    for (let n = 1 + random.int(3); n > 0; n--) id += random.pick(ID_PARTS);
    if (!ids.includes(id)) ids.push(id);
  }
  const tracks = ids.map((id) => ({ id, title: random.chance(0.5) ? `${id} title` : null }));
  const tiktok = [];
  for (let s = random.int(12); s > 0; s--) {
    const length = 1 + random.int(random.chance(0.2) ? 4000 : 40);
    const series = {
      track: random.pick(ids),
      territory: random.pick(['FR', 'US', 'cn', null]), // null: a series without a territory
      start: day(random.int(random.chance(0.2) ? 8000 : 60) + length - 1),
      creations: Array.from({ length }, () => count(random, huge)),
      views: Array.from({ length }, () => count(random, huge)),
    };
    if (random.chance(0.6))
      series.platform = random.pick(['tiktok', 'douyin', 'youtube_shorts', 'instagram_reels']);
    if (random.chance(0.6)) series.content = random.pick(['ugc', 'pgc']);
    tiktok.push(series);
  }
  const streams = ids
    .filter(() => random.chance(0.5))
    .map((track) => {
      const length = 1 + random.int(60);
      return {
        track,
        start: day(length + 1),
        streams: Array.from({ length }, () => count(random, huge)),
      };
    });
  return { asOf: '2026-11-27', tracks, tiktok, streams };
}

// One query as [module call, CLI arguments].
function randomQuery(random, ids) {
  const period = random.pick([1, 7, 28, 365, 3650, 0, 3651, 999999999999]);
  const options = { period };
  const args = ['--period', String(period)];
  if (random.chance(0.3)) {
    options.platform = random.pick(['all', 'tiktok', 'douyin', 'youtube_shorts', 'tv']);
    args.push('--platform', options.platform);
  } else if (random.chance(0.2)) {
    // A set: the CLI's comma list.
    options.platforms = random.pick([
      ['tiktok', 'instagram_reels'],
      ['youtube_shorts', 'douyin', 'tiktok'],
      ['tiktok', 'tv'],
    ]);
    args.push('--platform', options.platforms.join(','));
  }
  if (random.chance(0.3)) {
    options.limit = random.pick([0, 1, 3, 999999999999]);
    args.push('--limit', String(options.limit));
  }
  if (random.chance(0.3)) {
    options.offset = random.pick([0, 1, 999999999999]);
    args.push('--offset', String(options.offset));
  }
  const id = random.chance(0.9) ? random.pick(ids) : 'missing';
  const kind = random.pick([
    'overview',
    'search',
    'range',
    'track',
    'splits',
    'breakouts',
    'lift',
    'liftRanking',
    'overviewCsv',
    'trackCsv',
  ]);
  switch (kind) {
    case 'overview':
      return [(a) => a.overview(options), ['overview', ...args]];
    case 'search': {
      const search = random.chance(0.2)
        ? 'x'.repeat(1001)
        : random.pick(ID_PARTS) + random.pick(ID_PARTS);
      return [(a) => a.overview({ ...options, search }), ['overview', ...args, '--search', search]];
    }
    case 'range': {
      const [end, length] = [random.int(10) - 2, random.pick([1, 30, 3650, 3651])];
      const range = { start: day(end + length - 1), end: day(end) };
      return [
        (a) => a.overview({ ...range, limit: options.limit }),
        [
          'overview',
          '--from',
          range.start,
          '--to',
          range.end,
          ...(options.limit === undefined ? [] : ['--limit', String(options.limit)]),
        ],
      ];
    }
    case 'track':
      return [(a) => a.track(id, options), ['track', id, ...args]];
    case 'splits':
      return [(a) => a.splits(options), ['splits', ...args]];
    case 'breakouts':
      return [
        (a) => a.breakouts({ ...options, minCreations: 1 }),
        ['breakouts', ...args, '--min-creations', '1'],
      ];
    case 'lift':
      return [(a) => a.lift(id, options), ['lift', id, ...args]];
    case 'liftRanking':
      return [(a) => a.liftRanking(options), ['lift-ranking', ...args]];
    case 'overviewCsv':
      return [(a) => a.overviewCsv(options), ['overview', ...args, '--csv']];
    default:
      return [(a) => a.trackCsv(id, options), ['track', id, ...args, '--csv']];
  }
}

function wasmOutcome(call) {
  try {
    const answer = call();
    return typeof answer === 'string' ? { csv: answer } : { answer };
  } catch (error) {
    assert.ok(!(error instanceof TypeError), `a TypeError: ${error.message}`);
    return { refused: error.message };
  }
}

async function nativeOutcome(args) {
  const { code, stdout, stderr } = await runCli(args);
  if (code === 2) return { refused: firstMessage(stderr) };
  assert.equal(code, 0, `tta ${args.join(' ')} exited ${code}: ${stderr}`);
  return args.includes('--csv') ? { csv: stdout } : { answer: JSON.parse(stdout) };
}

describe('the module and the CLI agree on random documents and queries', () => {
  let analytics;
  const dir = scratchDir();
  before(async () => {
    analytics = await createAnalytics();
  });
  after(() => analytics.dispose());

  test(`${DOCUMENTS} documents, ${QUERIES} queries each`, async (t) => {
    let answered = 0,
      refused = 0,
      loads = 0,
      refusedLoads = 0;
    for (let seed = 1; seed <= DOCUMENTS; seed++) {
      const random = randomOf(seed * 7919);
      const document = randomDocument(random);
      const file = join(dir, `doc-${seed}.json`);
      const text = JSON.stringify(document);
      writeFileSync(file, text);
      let loaded = true;
      try {
        analytics.load(text);
      } catch (error) {
        loaded = false;
        refusedLoads++;
        const { code, stderr } = await runCli(['validate', file]);
        assert.equal(code, 2, `seed ${seed}: the module refused, the CLI accepted`);
        assert.equal(error.message, firstMessage(stderr), `seed ${seed}`);
      }
      if (!loaded) continue;
      loads++;
      const queries = Array.from({ length: QUERIES }, () =>
        randomQuery(
          random,
          document.tracks.map((t) => t.id),
        ),
      );
      const outcomes = await inBatches(
        queries.map(([, args]) => async () => {
          const native = await nativeOutcome([...args, file]);
          return [args, native];
        }),
        2,
      );
      for (const [i, [call]] of queries.entries()) {
        const [args, native] = outcomes[i];
        const ours = wasmOutcome(() => call(analytics));
        assert.deepStrictEqual(ours, native, `seed ${seed}: tta ${args.join(' ')}`);
        if (ours.refused) refused++;
        else answered++;
      }
    }
    t.diagnostic(
      `${loads} documents loaded, ${refusedLoads} refused, ${answered} answers, ${refused} refusals`,
    );
    // The mix must hold both answers and refusals to mean anything.
    assert.ok(
      loads >= DOCUMENTS / 2 && refusedLoads >= 5 && answered >= 100 && refused >= 30,
      `${loads} documents loaded, ${refusedLoads} refused, ${answered} answers, ${refused} refusals`,
    );
  });
});
