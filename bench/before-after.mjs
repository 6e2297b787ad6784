// Memory and overview speed, before and after the store's variable widths,
// in one run: bench/run.mjs calls measureMemory() before it starts the
// browser. Each measurement is `node bench/memory.mjs` in a fresh Node
// process (a fresh instance per load), the engine before (commit
// BEFORE_COMMIT, built by scripts/bench.sh into build/bench/before/) and ours
// alternated, so that both see the same machine load.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

// The last commit whose store held 8-byte cells and 64-bit day values.
export const BEFORE_COMMIT = '63ba0c6';

function memoryRun(root, { engine, label, file, runs }) {
  const args = [join(root, 'bench/memory.mjs'), '--label', label, '--runs', String(runs)];
  if (engine) args.push('--engine', engine);
  args.push(file);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: root, maxBuffer: 1 << 24, timeout: 30 * 60 * 1000 },
      (error, stdout, stderr) => {
        const line = stdout.trim().split('\n').filter(Boolean).pop();
        if (line) {
          try {
            resolve(JSON.parse(line));
            return;
          } catch {
            // not a result line: reported below
          }
        }
        const why = (stderr || error?.message || 'no output').trim().split('\n');
        resolve({ label, file, error: why.find((l) => /Error|error/.test(l)) ?? why[0] });
      },
    );
  });
}

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (!s.length) return null;
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

// One engine's runs of one catalog, summarised: the bytes are the same in
// every run (the first successful run's); each overview p50 is the median of
// the runs' p50s.
function summarise(runs) {
  const ok = runs.filter((r) => !r.error);
  if (!ok.length) return { error: runs[0]?.error ?? 'not run', runs };
  const first = ok[0];
  const overviewMs = {};
  for (const period of [7, 28, 90, 365])
    overviewMs[period] = median(ok.map((r) => r.overviewMs?.[period]));
  return {
    dailyPoints: first.dailyPoints,
    storeBytes: first.storeBytes,
    bytesPerPoint: first.bytesPerPoint,
    memoryBytes: first.memoryBytes,
    streamedMemoryBytes: first.streamed?.memoryBytes ?? null,
    streamedReadBytes: first.streamed?.readMemoryBytes ?? null,
    loadMs: median(ok.map((r) => r.loadMs)),
    streamedLoadMs: median(ok.map((r) => r.streamed?.loadMs)),
    overviewMs,
    runs,
  };
}

// catalogs: [{ name, file, rounds }]. Returns { beforeCommit, catalogs: [...] }.
export async function measureMemory(root, catalogs, { log, runs = 15 }) {
  const before = join(root, 'build/bench/before/src/bindings/js');
  const haveBefore = existsSync(join(before, 'tta_wasm.wasm'));
  const out = { beforeCommit: BEFORE_COMMIT, runsPerPeriod: runs, catalogs: [] };
  if (!haveBefore)
    out.note = `build/bench/before/ is missing (scripts/bench.sh builds it): "before" not measured`;
  for (const { name, file, rounds } of catalogs) {
    const beforeRuns = [],
      afterRuns = [];
    for (let round = 1; round <= rounds; round++) {
      log(`${name}: memory and overview, round ${round} of ${rounds} (Node, before then ours)`);
      if (haveBefore)
        beforeRuns.push(await memoryRun(root, { engine: before, label: 'before', file, runs }));
      afterRuns.push(await memoryRun(root, { engine: null, label: 'after', file, runs }));
    }
    const entry = {
      name,
      file,
      rounds,
      before: haveBefore ? summarise(beforeRuns) : null,
      after: summarise(afterRuns),
    };
    for (const [which, x] of [
      ['before', entry.before],
      ['after', entry.after],
    ])
      if (x?.error) log(`  ${which}: ${x.error}`);
    out.catalogs.push(entry);
  }
  return out;
}

const MB = (bytes) => `${Math.round(bytes / 1e6).toLocaleString('en-US')} MB`;
const ms = (x) => (x === null || x === undefined ? '-' : x < 10 ? x.toFixed(2) : x.toFixed(1));

// The one table: per catalog, before and after.
export function memoryTable(memory) {
  const header = [
    'catalog',
    'engine',
    'daily points',
    'store bytes / point',
    'store',
    'wasm memory after load = peak: buffer',
    'stream (of which: read, before the store is built)',
    'after load / store (stream, else buffer)',
    'overview p50 ms, 7 / 28 / 90 / 365 d',
  ];
  const rows = [];
  for (const c of memory.catalogs) {
    for (const [engine, x] of [
      [`before (${memory.beforeCommit})`, c.before],
      ['after', c.after],
    ]) {
      if (!x) continue;
      if (x.error) {
        rows.push([c.name, engine, '-', '-', '-', `could not load: ${x.error}`, '-', '-', '-']);
        continue;
      }
      const held = x.streamedMemoryBytes ?? x.memoryBytes;
      rows.push([
        c.name,
        engine,
        `${(x.dailyPoints / 1e6).toFixed(1)} M`,
        x.bytesPerPoint.toFixed(2),
        MB(x.storeBytes),
        MB(x.memoryBytes),
        x.streamedMemoryBytes === null
          ? 'no streams'
          : `${MB(x.streamedMemoryBytes)}${x.streamedReadBytes ? ` (${MB(x.streamedReadBytes)})` : ''}`,
        `${(held / x.storeBytes).toFixed(1)}x`,
        [7, 28, 90, 365].map((p) => ms(x.overviewMs[p])).join(' / '),
      ]);
    }
  }
  return { header, rows };
}
