// The side-by-side benchmark (bash scripts/bench.sh runs it; bench/README.md
// says what it measures). One headless Chromium, one run: our engine and its
// peers on the same generated catalogs, every peer's answer checked equal to
// our engine's before its timings count, then one table (stdout), its
// markdown (build/bench/results.md) and every number (build/bench/results.json).
//
// Environment (all optional):
//   BENCH_CATALOGS=S,M,L     which catalogs
//   BENCH_L_DAYS=365         days of L without trying 730 first
//   BENCH_BUDGET_S=5         seconds per (system, query) after which runs stop (3 runs at least when they fit)
//   BENCH_RUNS=30 BENCH_WARMUPS=3
//   BENCH_SLOW_PEERS_AT_L=1  also run Arquero and crossfilter at L (adds several minutes)
//   BENCH_DASHBOARD=0        skip the dashboard measurement
//   BENCH_MEMORY=0           skip the before/after memory table (Node, bench/before-after.mjs)
//   BENCH_MEMORY_ROUNDS=3    rounds of before/after per catalog (L: 1)
//   BENCH_STREAMING=0        skip the streaming first-overview measurement (M, 50 Mbps)
//   BENCH_PORT=0             the bench server's port (0: any free one)
//   BENCH_CEILING=1          measure the ceiling again (75,000 tracks, 4.2 GB of JSON: about two minutes)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

import { measureMemory, memoryTable } from './before-after.mjs';
import { ceilingLine, lastCeiling, measureCeiling } from './ceiling.mjs';
import { measureDashboard } from './dashboard.mjs';
import { measureStreaming, streamingLines, streamingMedian } from './streaming.mjs';
import { startBenchServer } from './server.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'build/bench');
const DATA = join(OUT, 'data');
const GENERATOR = join(ROOT, 'build/native/generator/tta-generate');
const CLI = join(ROOT, 'build/native/cli/tta');
const WASM = join(ROOT, 'bindings/js/tta_wasm.wasm');
const PROBE = join(OUT, 'probe/core_probe.wasm');
const AS_OF = '2026-11-26';
const SEED = 1;

const env = process.env;
const RUNS = Number(env.BENCH_RUNS ?? 30);
const WARMUPS = Number(env.BENCH_WARMUPS ?? 3);
const BUDGET_MS = Number(env.BENCH_BUDGET_S ?? 5) * 1000;
const WANTED = (env.BENCH_CATALOGS ?? 'S,M,L').split(',').map((s) => s.trim().toUpperCase());
// Which peers run (ids of SYSTEMS below); all by default.
const WANTED_PEERS = env.BENCH_PEERS ? env.BENCH_PEERS.split(',').map((s) => s.trim()) : null;

const CATALOGS = [
  { name: 'S', kind: 'artist', tracks: 200, days: 730 },
  { name: 'M', kind: 'label', tracks: 2000, days: 730 },
  { name: 'L', kind: 'large label', tracks: 10000, days: 730, fallbackDays: 365 },
].filter((c) => WANTED.includes(c.name));

// Systems, in table order. `peer`: compared against ours and timed the same way.
const SYSTEMS = [
  {
    id: 'core',
    label: 'ours: core only',
    short: 'core',
    note: "the store's kernels in wasm, no JSON (bench/probe)",
  },
  {
    id: 'ours',
    label: 'ours: engine call',
    short: 'ours',
    note: 'createAnalytics().overview() in a Worker: core + JSON out + JSON.parse',
  },
  {
    id: 'api',
    label: 'ours: via Worker API',
    short: 'ours/Worker',
    note: 'createAnalyticsWorker() from the page: + postMessage round trip',
  },
  {
    id: 'js-ours',
    label: 'JS: our algorithm',
    short: 'JS ours',
    peer: true,
    note: 'time-major sums sorted by depth, Float64Array',
  },
  {
    id: 'js-scan-series',
    label: 'JS: scan per-series arrays',
    short: 'JS scan series',
    peer: true,
    note: 'series x 2p reads',
  },
  {
    id: 'js-scan-rows',
    label: 'JS: scan long rows',
    short: 'JS scan rows',
    peer: true,
    note: 'day-sorted rows of both windows',
  },
  { id: 'duckdb', label: 'DuckDB-WASM', short: 'DuckDB', peer: true, note: 'SQL over long rows' },
  {
    id: 'arquero',
    label: 'Arquero',
    short: 'Arquero',
    peer: true,
    skipAtL: true,
    note: 'filter/groupby/rollup over long rows',
  },
  {
    id: 'crossfilter',
    label: 'crossfilter2',
    short: 'crossfilter',
    peer: true,
    skipAtL: true,
    stateful: true,
    note: 'day dimension, slot and day groups; each run is a switch from another state',
  },
];
const PEERS = SYSTEMS.filter((s) => s.peer);

const T0 = Date.now();
const log = (...args) =>
  console.error(`[${String(Math.round((Date.now() - T0) / 1000)).padStart(4)} s]`, ...args);
const mb = (bytes) => bytes / 1e6;
const fmtInt = (n) => Math.round(n).toLocaleString('en-US');

function percentile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return null;
  if (q === 0.5) {
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}
const stats = (ms) => ({
  p50: percentile(ms, 0.5),
  p95: percentile(ms, 0.95),
  runs: ms.length,
  ms,
});

function fmtMs(ms) {
  if (ms === null || ms === undefined) return '-';
  if (ms < 1) return ms.toFixed(3);
  if (ms < 10) return ms.toFixed(2);
  if (ms < 100) return ms.toFixed(1);
  return fmtInt(ms);
}
function fmtRatio(x) {
  if (!Number.isFinite(x)) return '-';
  return x >= 100
    ? `${fmtInt(x)}x`
    : x >= 10
      ? `${x.toFixed(0)}x`
      : x >= 1
        ? `${x.toFixed(1)}x`
        : `${x.toFixed(2)}x`;
}

// --- catalogs -------------------------------------------------------------

function catalogFile(tracks, days) {
  const file = join(DATA, `${tracks}x${days}.json`);
  if (!existsSync(file)) {
    log(`generating ${relative(ROOT, file)}`);
    execFileSync(GENERATOR, [
      '--tracks',
      String(tracks),
      '--days',
      String(days),
      '--seed',
      String(SEED),
      '--as-of',
      AS_OF,
      '-o',
      `${file}.tmp`,
    ]);
    execFileSync('mv', [`${file}.tmp`, file]);
  }
  return file;
}

// --- answers: the comparable projection of ours, and the first difference ---

function canonical(answer) {
  const change = ({ current, previous }) => ({ current, previous });
  if (answer.tracks) {
    return {
      creations: change(answer.creations),
      views: change(answer.views),
      streams: change(answer.streams),
      tracksWithCreations: answer.tracksWithCreations,
      tracks: answer.tracks.map(({ id, creations, views, streams, topTerritories }) => ({
        id,
        creations,
        views,
        streams,
        topTerritories,
      })),
    };
  }
  return {
    creations: change(answer.creations),
    views: change(answer.views),
    streams: change(answer.streams),
    territories: answer.territories,
    series: {
      creations: answer.series.creations,
      views: answer.series.views,
      streams: answer.series.streams,
    },
  };
}

function firstDifference(expected, actual, path = 'answer') {
  if (isDeepStrictEqual(expected, actual)) return null;
  if (
    typeof expected !== 'object' ||
    typeof actual !== 'object' ||
    expected === null ||
    actual === null
  )
    return `${path}: ours ${JSON.stringify(expected)}, peer ${JSON.stringify(actual)}`;
  if (Array.isArray(expected) && Array.isArray(actual) && expected.length !== actual.length) {
    const d = expected.findIndex((x, i) => !isDeepStrictEqual(x, actual[i]));
    return `${path}: length ours ${expected.length}, peer ${actual.length}${d >= 0 ? `; first difference at [${d}]: ${firstDifference(expected[d], actual[d], `${path}[${d}]`)}` : ''}`;
  }
  for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
    const d = firstDifference(
      expected[key],
      actual[key],
      Array.isArray(expected) ? `${path}[${key}]` : `${path}.${key}`,
    );
    if (d) return d;
  }
  return `${path}: differs`;
}

// --- the browser side -----------------------------------------------------

async function openBenchPage(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text()))
      log(`  console: ${message.text()}`);
  });
  await page.goto(`${url}bench/page/index.html`);
  await page.waitForFunction(() => window.benchReady === true);
  if (!(await page.evaluate(() => window.bench.crossOriginIsolated)))
    throw new Error('the bench page is not cross-origin isolated');
  return { context, page };
}

const start = (page, system, payload) =>
  page.evaluate(([s, p]) => window.bench.start(s, p), [system, payload]);
const call = (page, handle, cmd, ...args) =>
  page.evaluate(([h, c, a]) => window.bench.call(h, c, ...a), [handle, cmd, args]);
const stop = (page, handle) => page.evaluate((h) => window.bench.stop(h), handle);

// Runs and warm-ups for one query from its first (cold) call: RUNS after
// WARMUPS, but a query stops after about BUDGET_MS once it has 3 runs (fewer
// when even those would not fit; the cold call then serves as warm-up).
function plan(firstMs) {
  const warmups = firstMs > 1000 ? 0 : firstMs > 200 ? 1 : WARMUPS;
  const minRuns = firstMs * (warmups + 3) <= BUDGET_MS ? 3 : firstMs * 2 <= BUDGET_MS ? 2 : 1;
  return { warmups, runs: RUNS, minRuns, budgetMs: Math.max(0, BUDGET_MS - warmups * firstMs) };
}

function queriesOf(topId) {
  return [
    ...[7, 28, 90, 365].map((period) => ({ key: `overview ${period}d`, kind: 'overview', period })),
    ...[28, 365].map((period) => ({ key: `track ${period}d`, kind: 'track', period, id: topId })),
  ];
}
// Where a user comes from before a query: the overview of the period before
// it in the switch (7 <- 365), or, for a drill-down, the overview of its period.
function comingFrom(q) {
  if (q.kind === 'track') return { kind: 'overview', period: q.period };
  const periods = [7, 28, 90, 365];
  return { kind: 'overview', period: periods[(periods.indexOf(q.period) + 3) % 4] };
}

// The dashboard asks for one page of 50 ranked rows: ours only.
const PAGE_QUERIES = [7, 28, 90, 365].map((period) => ({
  key: `overview ${period}d, 50 rows`,
  kind: 'overview',
  period,
  limit: 50,
}));

async function instantiateTimes(browser, url, what, times) {
  const ms = [];
  for (let i = 0; i < times; i++) {
    const context = await browser.newContext(); // a new renderer process: nothing compiled is cached
    const page = await context.newPage();
    await page.goto(`${url}bench/page/instantiate.html?what=${what}`);
    const result = await page.evaluate(() => window.result);
    await context.close();
    if (result.error) throw new Error(`instantiate (${what}): ${result.error}`);
    ms.push(result.ms);
  }
  return stats(ms);
}

// --- one catalog ------------------------------------------------------------

const LONGEST_STRING = 2 ** 29 - 24; // V8's longest string, in characters: JSON.parse cannot read more

// One catalog: our engine (its Worker, the core probe, the Worker API), then
// every peer on the shared columns. Returns the results; `rerun` asks for the
// same catalog with fewer days (our engine could not load it, or the peers
// could not read it).
async function benchCatalog(browser, url, spec) {
  const out = {
    name: spec.name,
    kind: spec.kind,
    tracks: spec.tracks,
    systems: {},
    queries: {},
    notes: [...(spec.notes ?? [])],
  };
  const days = Number(env[`BENCH_${spec.name}_DAYS`] ?? spec.days);
  const { context, page } = await openBenchPage(browser, url);
  try {
    // Our engine in its Worker: load timings, then its answers (the reference).
    const file = catalogFile(spec.tracks, days);
    const size = statSync(file).size;
    const readable = size <= LONGEST_STRING;
    let ours;
    const loads = spec.name === 'S' ? 5 : spec.name === 'M' ? 2 : 1;
    try {
      log(
        `${spec.name}: loading ${relative(ROOT, file)} (${mb(size).toFixed(0)} MB) into our engine`,
      );
      ours = await start(page, 'ours', { url: `/${relative(ROOT, file)}`, loads });
    } catch (error) {
      if (!spec.fallbackDays) throw error;
      const reason = error.message.split('\n')[0].replace(/^page\.evaluate: (Error: )?/, '');
      log(`  ${reason}: falling back to ${spec.fallbackDays} days`);
      return {
        name: spec.name,
        skippedDays: days,
        jsonBytes: size,
        notes: [
          `${spec.name} at ${days} days (${fmtInt(size)} bytes of JSON) could not be loaded by our engine in the browser: "${reason}"` +
            `${readable ? '' : `; JSON.parse cannot read it either (longer than V8's ${fmtInt(LONGEST_STRING)}-character strings)`}. ${spec.name} uses ${spec.fallbackDays} days.`,
        ],
        rerun: { ...spec, days: spec.fallbackDays, fallbackDays: null },
      };
    }
    if (!readable) {
      out.peersUnreadable = `JSON.parse cannot read a ${fmtInt(size)}-byte document (longer than V8's ${fmtInt(LONGEST_STRING)}-character strings), so the peers cannot load it`;
      out.notes.push(
        `${spec.name} at ${days} days: our engine loads it; ${out.peersUnreadable}.` +
          (spec.fallbackDays
            ? ` Every system then runs on ${spec.name} at ${spec.fallbackDays} days.`
            : ''),
      );
      if (spec.fallbackDays)
        out.rerun = { ...spec, days: spec.fallbackDays, fallbackDays: null, notes: [] };
    }
    out.days = days;
    out.file = relative(ROOT, file);
    out.jsonBytes = size;
    const s = ours.info.summary;
    Object.assign(out, {
      series: s.tiktokSeries,
      streamsSeries: s.streamsSeries,
      dailyPoints: s.dailyPoints,
      storeBytes: s.storeBytes,
      memoryBytes: ours.info.memoryBytes,
    });
    out.load = { oursMs: ours.info.loadMs };
    if (readable)
      Object.assign(out.load, await call(page, ours.handle, 'call', 'jsonBaseline', loads));

    const firstCall = await call(page, ours.handle, 'answer', {
      kind: 'overview',
      period: 365,
      limit: 1,
    });
    out.firstCallMs = { ours: firstCall.ms };
    const top = firstCall.answer.tracks[0].id;
    const queries = queriesOf(top);
    out.topTrack = top;
    const expected = {};
    for (const q of [...queries, ...PAGE_QUERIES]) {
      const { ms, answer } = await call(page, ours.handle, 'answer', q);
      expected[q.key] = canonical(answer);
      const timed = await call(page, ours.handle, 'time', q, plan(ms));
      (out.queries[q.key] ??= { query: q, systems: {} }).systems.ours = {
        status: 'ok',
        firstMs: ms,
        ...stats(timed),
      };
      if (!q.limit && q.kind === 'overview') {
        out.queries[q.key].answerTracks = answer.tracks.length;
        out.queries[q.key].answerBytes = JSON.stringify(answer).length;
      }
    }
    out.answerParse = await call(page, ours.handle, 'call', 'answerParse', 28, RUNS);
    if (spec.name === 'S') out.cliCheck = cliCheck(file, queries, expected);
    await stop(page, ours.handle);

    // The core alone.
    log(`${spec.name}: core probe`);
    try {
      const core = await start(page, 'core', { url: `/${relative(ROOT, file)}` });
      out.load.coreMs = core.info.loadMs;
      out.firstCallMs.core = (
        await call(page, core.handle, 'answer', { kind: 'overview', period: 365, limit: 1 })
      ).ms;
      for (const q of [...queries, ...PAGE_QUERIES]) {
        const { ms } = await call(page, core.handle, 'answer', q);
        out.queries[q.key].systems.core = {
          status: 'ok',
          firstMs: ms,
          ...stats(await call(page, core.handle, 'time', q, plan(ms))),
        };
      }
      await stop(page, core.handle);
    } catch (error) {
      out.systems.core = { failed: error.message.split('\n')[0] };
      log(`  core probe FAILED: ${out.systems.core.failed}`);
    }

    // The public Worker API, from the page.
    log(`${spec.name}: Worker API`);
    const apiLoad = await page.evaluate((u) => window.bench.apiLoad(u), `/${relative(ROOT, file)}`);
    out.load.apiMs = apiLoad.ms;
    for (const q of [...queries, ...PAGE_QUERIES]) {
      const { ms } = await page.evaluate(
        ([qq, o]) => window.bench.apiTime(qq, o),
        [q, { warmups: WARMUPS, runs: RUNS, minRuns: 3, budgetMs: BUDGET_MS }],
      );
      out.queries[q.key].systems.api = { status: 'ok', ...stats(ms) };
    }
    await page.evaluate(() => window.bench.apiStop());

    // Peers, on the shared columns.
    if (!readable) {
      for (const system of PEERS)
        out.systems[system.id] = { skipped: out.peersUnreadable, short: 'cannot read' };
      return out;
    }
    log(`${spec.name}: building the peers' columns`);
    out.columns = await page.evaluate((u) => window.bench.columns(u), `/${relative(ROOT, file)}`);
    for (const system of PEERS) {
      if (WANTED_PEERS && !WANTED_PEERS.includes(system.id)) {
        out.systems[system.id] = { skipped: 'not asked for (BENCH_PEERS)', short: 'not run' };
        continue;
      }
      if (spec.name === 'L' && system.skipAtL && env.BENCH_SLOW_PEERS_AT_L !== '1') {
        out.systems[system.id] = {
          skipped:
            'not run at L by default (BENCH_SLOW_PEERS_AT_L=1 runs it): it would take most of the time budget',
          short: 'not run',
        };
        continue;
      }
      log(`${spec.name}: ${system.label}`);
      let peer;
      try {
        peer = await start(page, system.id);
      } catch (error) {
        out.systems[system.id] = { failed: error.message.split('\n')[0] };
        log(`  could not prepare: ${out.systems[system.id].failed}`);
        continue;
      }
      out.systems[system.id] = {
        prepareMs: peer.info.prepareMs,
        version: peer.info.version,
        bundle: peer.info.bundle,
      };
      for (const q of queries) {
        let first;
        try {
          first = await call(page, peer.handle, 'answer', q);
        } catch (error) {
          out.queries[q.key].systems[system.id] = {
            status: 'FAILED',
            detail: error.message.split('\n')[0],
          };
          log(`  ${q.key}: FAILED ${error.message.split('\n')[0]}`);
          continue;
        }
        const difference = firstDifference(expected[q.key], first.answer);
        if (difference) {
          out.queries[q.key].systems[system.id] = { status: 'MISMATCH', detail: difference };
          log(`  ${q.key}: MISMATCH ${difference}`);
          continue;
        }
        const ms = await call(page, peer.handle, 'time', q, {
          ...plan(first.ms),
          before: system.stateful ? comingFrom(q) : null,
        });
        out.queries[q.key].systems[system.id] = { status: 'ok', firstMs: first.ms, ...stats(ms) };
        log(`  ${q.key}: equal; p50 ${fmtMs(percentile(ms, 0.5))} ms over ${ms.length} runs`);
      }
      await stop(page, peer.handle);
    }
    await page.evaluate(() => window.bench.dropColumns());
  } finally {
    await context.close();
  }
  return out;
}

// Our wasm answers against the native CLI's (S only: each call reads the file).
function cliCheck(file, queries, expected) {
  if (!existsSync(CLI)) return { skipped: 'build/native/cli/tta missing' };
  for (const q of queries) {
    const args =
      q.kind === 'track'
        ? ['track', q.id, '--period', String(q.period), file]
        : ['overview', '--period', String(q.period), file];
    const answer = canonical(
      JSON.parse(execFileSync(CLI, args, { maxBuffer: 1 << 28 }).toString()),
    );
    const d = firstDifference(expected[q.key], answer);
    if (d) return { equal: false, detail: `${q.key}: ${d}` };
  }
  return { equal: true, queries: queries.length };
}

// --- report -----------------------------------------------------------------

function pad(text, width, left = false) {
  text = String(text);
  return left ? text.padEnd(width) : text.padStart(width);
}

function cell(result) {
  if (!result) return '-';
  if (result.status !== 'ok') return result.status;
  return `${fmtMs(result.p50)} / ${fmtMs(result.p95)}${result.runs < RUNS ? ` [${result.runs}]` : ''}`;
}

function systemColumns(catalog) {
  return SYSTEMS.filter(
    (s) => Object.values(catalog.queries).some((q) => q.systems[s.id]) || catalog.systems[s.id],
  );
}

function catalogHeading(c) {
  const rows = c.columns
    ? `; ${fmtInt(c.columns.rows)} long rows + ${fmtInt(c.columns.streamsRows)} streams rows`
    : '';
  const lines = [
    `${c.name} (${c.kind}): ${fmtInt(c.tracks)} tracks, ${c.days} days; ${fmtInt(c.series)} TikTok series + ${fmtInt(c.streamsSeries)} streams series; ${fmtInt(c.dailyPoints)} daily points; ${fmtInt(c.jsonBytes)} bytes of JSON (${mb(c.jsonBytes).toFixed(1)} MB)${rows}`,
  ];
  for (const note of c.notes ?? []) lines.push(`NOTE: ${note}`);
  return lines;
}

function queryTable(c) {
  const cols = systemColumns(c);
  const header = ['query (p50 / p95 ms)', ...cols.map((s) => s.short)];
  const rows = Object.values(c.queries).map((q) => [
    q.query.key + (q.answerTracks ? ` (${fmtInt(q.answerTracks)} rows)` : ''),
    ...cols.map((s) => {
      if (c.systems[s.id]?.skipped) return c.systems[s.id].short ?? 'not run';
      if (c.systems[s.id]?.failed) return 'FAILED';
      return cell(q.systems[s.id]);
    }),
  ]);
  return { header, rows };
}

function ratioTable(c) {
  const peers = PEERS.filter((p) =>
    Object.values(c.queries).some((q) => q.systems[p.id]?.status === 'ok'),
  );
  const header = [
    'p50 ratio: peer / ours engine call (peer / core)',
    ...peers.map((p) => `${p.short} / ours`),
  ];
  const rows = Object.values(c.queries)
    .filter((q) => !q.query.limit)
    .map((q) => {
      const ours = q.systems.ours?.p50,
        core = q.systems.core?.p50;
      return [
        q.query.key,
        ...peers.map((p) => {
          const r = q.systems[p.id];
          return r?.status === 'ok'
            ? `${fmtRatio(r.p50 / ours)} (${fmtRatio(r.p50 / core)})`
            : (r?.status ?? '-');
        }),
      ];
    });
  return { header, rows };
}

function textTable({ header, rows }) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (r) => r.map((x, i) => pad(x, widths[i], i === 0)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function mdTable({ header, rows }) {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

function loadLines(c) {
  const oursMs = percentile(c.load.oursMs, 0.5);
  const parseMs = percentile(c.load.parseMs ?? [], 0.5),
    decodeMs = percentile(c.load.decodeMs ?? [], 0.5);
  const speed = (ms) => (ms ? `${(mb(c.jsonBytes) / (ms / 1000)).toFixed(1)} MB/s` : 'n/a');
  const json =
    parseMs === null
      ? 'JSON.parse cannot read it (string limit)'
      : `JSON.parse ${speed(parseMs)} (${fmtMs(parseMs)} ms, string in); TextDecoder+JSON.parse ${speed(parseMs + decodeMs)} (${fmtMs(parseMs + decodeMs)} ms)`;
  const firstBest =
    c.load.oursMs.length > 1
      ? ` [first load ${speed(c.load.oursMs[0])}, best ${speed(Math.min(...c.load.oursMs))}]`
      : ' (a first load: cold code)';
  return [
    `load (median of ${c.load.oursMs.length}): ours ${speed(oursMs)}${firstBest} (${fmtMs(oursMs)} ms, Uint8Array in, store built); ${json}; ` +
      `core alone, first load ${speed(c.load.coreMs)}; via Worker API ${speed(c.load.apiMs)}`,
    `memory: store ${fmtInt(c.storeBytes)} bytes = ${(c.storeBytes / c.dailyPoints).toFixed(2)} bytes per stored daily point; wasm memory after load ${fmtInt(c.memoryBytes)} bytes (${(c.memoryBytes / c.dailyPoints).toFixed(1)} per point, never shrinks)`,
    `first query after load (overview 365d, 1 row; cold code, in no timing above): ours ${fmtMs(c.firstCallMs.ours)} ms, core ${c.systems.core?.failed ? `FAILED (${c.systems.core.failed})` : `${fmtMs(c.firstCallMs.core)} ms`}`,
    `answer way out: TextDecoder+JSON.parse of the 28-day overview (${fmtInt(c.answerParse.bytes)} bytes) ${fmtMs(percentile(c.answerParse.ms, 0.5))} ms`,
    ...(c.columns
      ? [
          `peers' preparation (untimed in queries): ${PEERS.filter((p) => c.systems[p.id])
            .map((p) => {
              const s = c.systems[p.id];
              return `${p.short} ${s.skipped ? (s.short ?? 'not run') : s.failed ? `FAILED (${s.failed})` : `${fmtInt(s.prepareMs)} ms`}`;
            })
            .join(
              ', ',
            )}; columns: JSON.parse ${fmtInt(c.columns.parseMs)} ms + build ${fmtInt(c.columns.buildMs)} ms`,
        ]
      : []),
    ...(c.cliCheck
      ? [
          `ours (wasm) vs native CLI: ${c.cliCheck.equal ? `equal on ${c.cliCheck.queries} queries` : (c.cliCheck.skipped ?? `DIFFERENT: ${c.cliCheck.detail}`)}`,
        ]
      : []),
  ];
}

function targets(results) {
  const t = [];
  const M = results.catalogs.find((c) => c.name === 'M');
  const add = (name, goal, value, met, how = '') => t.push({ name, goal, value, met, how });
  if (M) {
    const overviews = Object.values(M.queries).filter(
      (q) => q.query.kind === 'overview' && !q.query.limit,
    );
    const pages = Object.values(M.queries).filter((q) => q.query.limit);
    const worst = (qs, id) => Math.max(...qs.map((q) => q.systems[id]?.p50 ?? Infinity));
    add(
      'M overview p50, engine call, full answer',
      '<= 1 ms',
      `${fmtMs(worst(overviews, 'ours'))} ms (worst period)`,
      worst(overviews, 'ours') <= 1,
      `core alone ${fmtMs(worst(overviews, 'core'))} ms`,
    );
    add(
      'M overview p50, engine call, dashboard page (50 rows)',
      '<= 1 ms',
      `${fmtMs(worst(pages, 'ours'))} ms (worst period)`,
      worst(pages, 'ours') <= 1,
      `core alone ${fmtMs(worst(pages, 'core'))} ms; via Worker API ${fmtMs(worst(pages, 'api'))} ms`,
    );
    // The smallest peer / ours ratio over the periods, with its period and times.
    const smallest = (peer, base) => {
      let best = null;
      for (const q of overviews) {
        const r = q.systems[peer],
          b = q.systems[base];
        if (r?.status !== 'ok' || !b) return null;
        const ratio = r.p50 / b.p50;
        if (!best || ratio < best.ratio)
          best = { ratio, key: q.query.key, peer: r.p50, base: b.p50 };
      }
      return best;
    };
    const names = { duckdb: 'DuckDB-WASM', arquero: 'Arquero', 'js-ours': 'JS ours' };
    for (const peer of ['duckdb', 'arquero']) {
      const x = smallest(peer, 'ours'),
        y = smallest(peer, 'core');
      add(
        `M overview: ${names[peer]} / ours`,
        '>= 50x',
        x
          ? `${fmtRatio(x.ratio)} at ${x.key}: ${fmtMs(x.peer)} vs ${fmtMs(x.base)} ms`
          : 'not measured',
        x ? x.ratio >= 50 : null,
        y ? `vs core alone: ${fmtRatio(y.ratio)} at ${y.key}` : '',
      );
    }
    const js = smallest('js-ours', 'ours'),
      jsCore = smallest('js-ours', 'core');
    add(
      'M overview: faster than JS version of our algorithm (JS ours / ours)',
      '> 1x',
      js
        ? `${fmtRatio(js.ratio)} at ${js.key}: ours ${fmtMs(js.base)} vs JS ${fmtMs(js.peer)} ms`
        : 'not measured',
      js ? js.ratio > 1 : null,
      jsCore
        ? `vs core alone: ${fmtRatio(jsCore.ratio)} at ${jsCore.key} (core ${fmtMs(jsCore.base)} ms)`
        : '',
    );
  }
  for (const c of results.memory?.catalogs ?? []) {
    const a = c.after,
      b = c.before;
    if (!a || a.error || (c.name !== 'M' && c.name !== 'L')) continue;
    if (b && !b.error)
      add(
        `${c.name} store bytes per point, after / before`,
        '<= 0.5',
        `${a.bytesPerPoint.toFixed(2)} / ${b.bytesPerPoint.toFixed(2)} = ${(a.bytesPerPoint / b.bytesPerPoint).toFixed(2)}`,
        a.bytesPerPoint / b.bytesPerPoint <= 0.5,
      );
    for (const [what, bytes] of [
      ['buffer', a.memoryBytes],
      ['stream', a.streamedMemoryBytes],
    ]) {
      if (!bytes) continue;
      const ratio = bytes / a.storeBytes;
      add(
        `${c.name} wasm memory after a ${what} load / store`,
        '<= 1.5x (after), <= 2x (peak)',
        `${ratio.toFixed(2)}x (${Math.round(bytes / 1e6)} MB for a ${Math.round(a.storeBytes / 1e6)} MB store)`,
        ratio <= 1.5,
        'wasm memory never shrinks: after the load = the peak of the load',
      );
    }
  }
  if (results.streaming && !results.streaming.error) {
    const after = streamingMedian(results.streaming);
    add(
      `M first overview after the last byte, streamed at ${results.streaming.mbps} Mbps, gzip`,
      '<= 0.5 s',
      `${(after / 1000).toFixed(2)} s (median of ${results.streaming.runs.filter((r) => r.mode === 'stream').length})`,
      after <= 500,
    );
  }
  if (results.ceiling)
    add(
      'ceiling: tracks x 730 days that load within 4 GB',
      '>= 25,000',
      results.ceiling.error
        ? `${fmtInt(results.ceiling.tracks)} did not load`
        : `${fmtInt(results.ceiling.tracks)} load (${(results.ceiling.memoryBytes / 1e9).toFixed(2)} GB)`,
      !results.ceiling.error && results.ceiling.tracks >= 25000,
      results.ceiling.source,
    );
  const d = results.dashboard?.catalogs ?? {};
  for (const [name, goal] of [
    ['S', 16],
    ['M', 50],
  ]) {
    const x = d[name];
    const p95 = x ? percentile(x.paintedMs, 0.95) : null;
    const settled = x?.settled
      ? `settled clicks: p95 ${fmtMs(percentile(x.settled.paintedMs, 0.95))} ms`
      : '';
    add(
      `${name} dashboard: period click -> next painted frame, p95`,
      `<= ${goal} ms`,
      x
        ? `${fmtMs(p95)} ms (p50 ${fmtMs(percentile(x.paintedMs, 0.5))}, ${x.clicks} clicks)`
        : 'not measured',
      x ? p95 <= goal : null,
      x ? `answer kept or fetched ahead by the page${settled ? `; ${settled}` : ''}` : '',
    );
    const u = x?.uncached;
    if (u) {
      const u95 = percentile(u.paintedMs, 0.95);
      add(
        `${name} dashboard, answer not kept: click -> painted, p95`,
        `<= ${goal} ms`,
        `${fmtMs(u95)} ms (p50 ${fmtMs(percentile(u.paintedMs, 0.5))}, ${u.clicks} clicks)`,
        u95 <= goal,
        'each click waits for the engine Worker',
      );
    }
  }
  for (const c of results.catalogs.filter((x) => x.load?.parseMs && (x.name === 'M' || !M))) {
    const ours = mb(c.jsonBytes) / (percentile(c.load.oursMs, 0.5) / 1000);
    const parse = mb(c.jsonBytes) / (percentile(c.load.parseMs, 0.5) / 1000);
    const both =
      mb(c.jsonBytes) /
      ((percentile(c.load.parseMs, 0.5) + percentile(c.load.decodeMs, 0.5)) / 1000);
    add(
      `${c.name} load speed vs JSON.parse (string in)`,
      '>= 1x',
      `${ours.toFixed(1)} vs ${parse.toFixed(1)} MB/s = ${(ours / parse).toFixed(2)}x`,
      ours >= parse,
    );
    add(
      `${c.name} load speed vs TextDecoder+JSON.parse`,
      '>= 1x',
      `${ours.toFixed(1)} vs ${both.toFixed(1)} MB/s = ${(ours / both).toFixed(2)}x`,
      ours >= both,
    );
    add(
      `${c.name} bytes per stored daily point`,
      '<= 16',
      (c.storeBytes / c.dailyPoints).toFixed(2),
      c.storeBytes / c.dailyPoints <= 16,
    );
  }
  const w = results.wasm;
  add(
    '.wasm gzipped',
    '<= 300 KB',
    `${(w.gzipBytes / 1024).toFixed(1)} KB (raw ${(w.rawBytes / 1024).toFixed(1)} KB)`,
    w.gzipBytes <= 300 * 1024,
  );
  add(
    'compile + instantiate (createAnalytics, cold)',
    '<= 50 ms',
    `${fmtMs(w.createAnalytics.p50)} ms median of ${w.createAnalytics.runs} (max ${fmtMs(Math.max(...w.createAnalytics.ms))})`,
    w.createAnalytics.p50 <= 50,
  );
  return t;
}

function report(results) {
  const text = [],
    md = [];
  const m = results.machine;
  text.push(
    `tta benchmark, ${results.date}, commit ${results.commit}: Chromium ${m.chromium} headless, ${m.cpus} x ${m.cpuModel}, ${(m.memBytes / 2 ** 30).toFixed(0)} GiB; load average ${m.loadStart.map((x) => x.toFixed(1)).join(' ')} at start, ${m.loadEnd.map((x) => x.toFixed(1)).join(' ')} at end`,
  );
  md.push(`# Benchmark results\n\n${text[0]}\n`);
  text.push(
    `Cells: p50 / p95 in ms of one query, timed inside the Worker that runs it (${RUNS} runs after ${WARMUPS} warm-ups; a query stops after ~${BUDGET_MS / 1000} s once it has 3 runs, [n] = fewer runs). Every peer answer was checked equal to our engine's before timing.`,
  );
  md.push(`${text[1]}\n`);
  for (const c of results.catalogs) {
    if (c.skippedDays) {
      text.push('', ...c.notes.map((n) => `NOTE: ${n}`));
      md.push(...c.notes.map((n) => `> NOTE: ${n}\n`));
      continue;
    }
    const heading = catalogHeading(c);
    const ratios = ratioTable(c);
    const hasRatios = ratios.header.length > 1;
    text.push(
      '',
      ...heading,
      textTable(queryTable(c)),
      ...(hasRatios ? ['', textTable(ratios)] : []),
      ...loadLines(c),
    );
    md.push(
      `## ${heading[0]}\n`,
      ...heading.slice(1).map((n) => `> ${n}\n`),
      mdTable(queryTable(c)),
      '',
      ...(hasRatios ? [mdTable(ratios), ''] : []),
      ...loadLines(c).map((l) => `- ${l}`),
      '',
    );
  }
  if (results.memory || results.streaming || results.ceiling) {
    const lines = [];
    if (results.memory) {
      lines.push(
        `Memory and overview, before (commit ${results.memory.beforeCommit}: 8-byte cells, 64-bit day values) and after, under Node ${results.machine.node} (bench/memory.mjs, a fresh instance per load, the engines alternated; overview p50 = median over ${results.memory.catalogs.map((c) => `${c.name} ${c.rounds}`).join(', ')} rounds of the p50 of ${results.memory.runsPerPeriod} full overviews):`,
      );
      if (results.memory.note) lines.push(`NOTE: ${results.memory.note}`);
    }
    const sLines = results.streaming ? streamingLines('M', results.streaming) : [];
    const cLine = results.ceiling ? [ceilingLine(results.ceiling)] : [];
    text.push('', ...lines);
    md.push('## Memory, streaming and the ceiling\n', ...lines.map((l) => `${l}\n`));
    if (results.memory) {
      text.push(textTable(memoryTable(results.memory)));
      md.push(mdTable(memoryTable(results.memory)), '');
    }
    text.push(...sLines, ...cLine);
    md.push(
      ...sLines.map((l) => (l.startsWith('  ') ? `  - ${l.trim()}` : `- ${l}`)),
      ...cLine.map((l) => `- ${l}`),
      '',
    );
  }
  const w = results.wasm;
  const wasmLine = `.wasm: ${fmtInt(w.rawBytes)} bytes raw, ${fmtInt(w.gzipBytes)} gzip -9, ${fmtInt(w.brotliBytes)} brotli; cold start (fresh renderer each, median of ${w.createAnalytics.runs}): createAnalytics() ${fmtMs(w.createAnalytics.p50)} ms, createAnalyticsWorker() ${fmtMs(w.createAnalyticsWorker.p50)} ms, WebAssembly.compile alone ${fmtMs(w.compile.p50)} ms`;
  text.push('', wasmLine);
  md.push(`## The module\n\n${wasmLine}\n`);
  const d = results.dashboard;
  const dashLines = [];
  if (d?.skipped || d?.error) dashLines.push(`dashboard: ${d.skipped ?? `ERROR ${d.error}`}`);
  for (const [name, x] of Object.entries(d?.catalogs ?? {})) {
    const tr = x.trace?.main;
    const traceLine = tr
      ? `; under tracing, per click: renderer main thread busy ${fmtMs(tr.busyMs)} ms (${Object.entries(
          tr.byKindMs,
        )
          .filter(([, v]) => v >= 0.5)
          .map(([k, v]) => `${k} ${fmtMs(v)}`)
          .join(', ')}), engine Worker busy ${fmtMs(x.trace.workerBusyMs)} ms`
      : '';
    const days = [...results.catalogs].reverse().find((c) => c.name === name && c.days)?.days;
    dashLines.push(
      `dashboard ${name} (${days} days): period click -> next painted frame with the new answer: p50 ${fmtMs(percentile(x.paintedMs, 0.5))} ms, p95 ${fmtMs(percentile(x.paintedMs, 0.95))} ms, max ${fmtMs(Math.max(...x.paintedMs))} ms (DOM updated: p50 ${fmtMs(percentile(x.renderedMs, 0.5))} ms) over ${x.clicks} clicks, ${x.tableRows} table rows; Event Timing (entries >= 16 ms): ${x.eventTiming.interactionMs.length} of ${x.clicks} clicks had one, longest per click p50 ${fmtMs(percentile(x.eventTiming.interactionMs, 0.5))} ms, max ${fmtMs(x.eventTiming.maxMs)} ms (input to the next paint after its handlers, before the answer)${traceLine}`,
    );
  }
  for (const [name, x] of Object.entries(d?.catalogs ?? {})) {
    for (const [label, y] of [
      ['settled clicks (the next once the insights are drawn)', x.settled],
      ['clicks with the answers forgotten (each waits for the engine Worker)', x.uncached],
    ]) {
      if (!y?.paintedMs?.length) continue;
      const insights = y.insightsMs?.filter((v) => v !== null) ?? [];
      dashLines.push(
        `dashboard ${name}, ${label}: click -> painted p50 ${fmtMs(percentile(y.paintedMs, 0.5))} ms, p95 ${fmtMs(percentile(y.paintedMs, 0.95))} ms (DOM updated p50 ${fmtMs(percentile(y.renderedMs, 0.5))} ms${insights.length ? `; insights drawn p50 ${fmtMs(percentile(insights, 0.5))} ms` : ''}) over ${y.clicks} clicks`,
      );
    }
  }
  text.push(...dashLines);
  md.push('## The dashboard\n', ...dashLines.map((l) => `- ${l}`), '');
  const t = targets(results);
  results.targets = t;
  const tt = {
    header: ['target', 'goal', 'measured', 'met', 'context'],
    rows: t.map((x) => [
      x.name,
      x.goal,
      x.value,
      x.met === null ? 'NOT MEASURED' : x.met ? 'MET' : 'MISSED',
      x.how,
    ]),
  };
  text.push('', 'Targets', textTable(tt));
  md.push('## Targets\n', mdTable(tt), '');
  return { text: text.join('\n'), md: md.join('\n') };
}

// --- main -------------------------------------------------------------------

function gitState() {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT })
      .toString()
      .trim();
    const changed = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT })
      .toString()
      .split('\n')
      .filter(Boolean).length;
    return changed ? `${head} + ${changed} changed files` : head;
  } catch {
    return 'unknown';
  }
}

async function main() {
  for (const needed of [GENERATOR, WASM, PROBE])
    if (!existsSync(needed))
      throw new Error(
        `${relative(ROOT, needed)} is missing: run bash scripts/bench.sh (it builds what is missing)`,
      );
  mkdirSync(DATA, { recursive: true });
  const startedAt = Date.now();
  const results = {
    date: new Date().toISOString(),
    commit: gitState(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memBytes: os.totalmem(),
      loadStart: os.loadavg(),
      node: process.version,
    },
    config: {
      runs: RUNS,
      warmups: WARMUPS,
      budgetMs: BUDGET_MS,
      catalogs: WANTED,
      seed: SEED,
      asOf: AS_OF,
      chromiumArgs: CHROMIUM_ARGS,
    },
    systems: SYSTEMS.map(({ id, label, note }) => ({ id, label, note })),
    catalogs: [],
  };
  const wasm = readFileSync(WASM);
  results.wasm = {
    rawBytes: wasm.length,
    gzipBytes: gzipSync(wasm, { level: 9 }).length,
    brotliBytes: brotliCompressSync(wasm, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } })
      .length,
  };
  const daysOf = (spec) => Number(env[`BENCH_${spec.name}_DAYS`] ?? spec.days);
  if (env.BENCH_MEMORY !== '0') {
    const rounds = (spec) => Number(env.BENCH_MEMORY_ROUNDS ?? (spec.name === 'L' ? 1 : 3));
    results.memory = await measureMemory(
      ROOT,
      CATALOGS.map((spec) => ({
        name: spec.name,
        file: catalogFile(spec.tracks, daysOf(spec)),
        rounds: rounds(spec),
      })),
      { log },
    );
  }
  results.ceiling =
    env.BENCH_CEILING === '1'
      ? await measureCeiling(ROOT, catalogFile, { log })
      : lastCeiling(ROOT);
  const server = await startBenchServer({ root: ROOT, port: Number(env.BENCH_PORT ?? 0) });
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  results.machine.chromium = browser.version();
  try {
    log('cold starts of the engine (fresh renderer processes)');
    results.wasm.createAnalytics = await instantiateTimes(browser, server.url, 'api', 7);
    results.wasm.createAnalyticsWorker = await instantiateTimes(browser, server.url, 'worker', 5);
    results.wasm.compile = await instantiateTimes(browser, server.url, 'compile', 5);
    const M = CATALOGS.find((c) => c.name === 'M');
    if (M && env.BENCH_STREAMING !== '0') {
      log('M: first overview after a gzip-encoded download at 50 Mbps (network emulation)');
      try {
        results.streaming = await measureStreaming(
          browser,
          server.url,
          ROOT,
          catalogFile(M.tracks, daysOf(M)),
          { log },
        );
      } catch (error) {
        results.streaming = { error: error.message.split('\n')[0] };
        log(`  streaming FAILED: ${results.streaming.error}`);
      }
    }
    for (const spec of CATALOGS) {
      const t0 = Date.now();
      let result = await benchCatalog(browser, server.url, spec);
      results.catalogs.push(result);
      if (result.rerun) {
        result = await benchCatalog(browser, server.url, result.rerun);
        results.catalogs.push(result);
      }
      log(`${spec.name}: done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
    }
    if (env.BENCH_DASHBOARD !== '0') {
      log('dashboard (dist/)');
      // One catalog per name: the last measured (L at fewer days when the peers needed them:
      // after M, the dashboard's engine cannot also fit L at 730 days in its 4 GB).
      const byName = new Map();
      for (const c of results.catalogs) if (c.file) byName.set(c.name, c);
      const order = [...byName.values()].map((c) => ({
        name: c.name,
        file: c.name === 'S' ? null : join(ROOT, c.file),
      }));
      if (order[0]?.name !== 'S') order.unshift({ name: 'S', file: null });
      results.dashboard = await measureDashboard(browser, ROOT, order, { log });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  results.machine.loadEnd = os.loadavg();
  results.seconds = (Date.now() - startedAt) / 1000;
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 1)}\n`); // before the report, which could fail
  const { text, md } = report(results);
  writeFileSync(join(OUT, 'results.json'), `${JSON.stringify(results, null, 1)}\n`); // now with the targets
  writeFileSync(join(OUT, 'results.md'), `${md}\nTotal time: ${results.seconds.toFixed(0)} s.\n`);
  console.log(text);
  console.log(
    `\nTotal time ${results.seconds.toFixed(0)} s. Written: build/bench/results.json, build/bench/results.md`,
  );
}

// node bench/run.mjs --report: prints the report of build/bench/results.json again.
function reportAgain() {
  const results = JSON.parse(readFileSync(join(OUT, 'results.json'), 'utf8'));
  const { text, md } = report(results);
  writeFileSync(join(OUT, 'results.md'), `${md}\nTotal time: ${results.seconds.toFixed(0)} s.\n`);
  console.log(text);
  console.log(`\nTotal time ${results.seconds.toFixed(0)} s (run of ${results.date}).`);
}

(process.argv.includes('--report') ? Promise.resolve().then(reportAgain) : main()).catch(
  (error) => {
    console.error(`bench: ${error.stack ?? error}`);
    process.exit(1);
  },
);
