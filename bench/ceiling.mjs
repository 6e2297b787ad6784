// The ceiling: the largest generated catalog that loads within wasm32's 4 GB.
// With BENCH_CEILING=1, bench/run.mjs generates CEILING_TRACKS x 730 days
// (seed 1, about 4.2 GB of JSON, cached in build/bench/data/) and loads it
// from a stream under Node (`node bench/memory.mjs --stream-only`: a document
// that large never fits in memory whole), and writes build/bench/ceiling.json.
// Otherwise the report repeats the last figure from that file, or the one the
// README states.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CEILING_TRACKS = 75000;
// core/ingest.hpp kMaxDailyPoints: past it a load is refused at the element
// that passes it (tests/js/memory.test.mjs).
export const MAX_DAILY_POINTS = 1_000_000_000;

const README_FIGURE = {
  date: '2026-12-04',
  tracks: 75000,
  days: 730,
  jsonBytes: 4.15e9,
  dailyPoints: 968e6,
  storeBytes: 2.3e9,
  memoryBytes: 2.5e9,
  loadMs: 52363,
  firstOverviewMs: 253,
  firstOverviewRows: 50,
  source: 'the README (no ceiling run in build/bench/ceiling.json)',
};

export async function measureCeiling(root, catalogFile, { log }) {
  const file = catalogFile(CEILING_TRACKS, 730);
  log(`ceiling: streaming ${CEILING_TRACKS} tracks x 730 days into one engine (Node)`);
  const line = await new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'bench/memory.mjs'), '--stream-only', file],
      { cwd: root, maxBuffer: 1 << 20, timeout: 30 * 60 * 1000 },
      (error, stdout, stderr) =>
        resolve(stdout.trim() || JSON.stringify({ streamed: { error: stderr || error?.message } })),
    );
  });
  const r = JSON.parse(line);
  const result = {
    date: new Date().toISOString().slice(0, 10),
    tracks: CEILING_TRACKS,
    days: 730,
    jsonBytes: statSync(file).size,
    dailyPoints: r.dailyPoints ?? null,
    storeBytes: r.storeBytes ?? null,
    memoryBytes: r.streamed?.memoryBytes ?? null,
    loadMs: r.streamed?.loadMs ?? null,
    firstOverviewMs: r.streamed?.firstOverviewMs ?? null,
    firstOverviewRows: r.streamed?.firstOverviewRows ?? null,
    error: r.streamed?.error ?? null,
    source: 'this run (BENCH_CEILING=1)',
  };
  writeFileSync(join(root, 'build/bench/ceiling.json'), `${JSON.stringify(result, null, 1)}\n`);
  return result;
}

export function lastCeiling(root) {
  const saved = join(root, 'build/bench/ceiling.json');
  if (existsSync(saved)) {
    const r = JSON.parse(readFileSync(saved, 'utf8'));
    return { ...r, source: `the last ceiling run (build/bench/ceiling.json, ${r.date})` };
  }
  return README_FIGURE;
}

export function ceilingLine(c) {
  const limit = `past ${MAX_DAILY_POINTS.toLocaleString('en-US')} daily points a load is refused at the element that passes the limit, with a message naming it`;
  if (c.error)
    return `ceiling (${c.source}): ${c.tracks.toLocaleString('en-US')} tracks x ${c.days} days did NOT load: ${c.error}; ${limit}`;
  return (
    `ceiling (${c.source}): ${c.tracks.toLocaleString('en-US')} tracks x ${c.days} days ` +
    `(${(c.jsonBytes / 1e9).toFixed(2)} GB of JSON, ${Math.round(c.dailyPoints / 1e6)} M daily points) ` +
    `load from a stream in ${(c.memoryBytes / 1e9).toFixed(2)} GB of wasm memory ` +
    `(store ${Math.round(c.storeBytes / 1e6)} MB)${c.loadMs ? ` in ${(c.loadMs / 1000).toFixed(0)} s` : ''}` +
    `${c.firstOverviewMs ? `, then answer a 28-day overview (${c.firstOverviewRows} rows) in ${c.firstOverviewMs.toFixed(0)} ms` : ''}; ` +
    `${limit}${c.source.startsWith('this run') ? '' : '; BENCH_CEILING=1 measures it again'}`
  );
}
