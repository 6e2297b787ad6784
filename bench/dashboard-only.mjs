// Only the dashboard's period-switch measurement (bench/dashboard.mjs), without
// the engine benchmarks of bench/run.mjs: for working on the page itself.
//   node bench/dashboard-only.mjs [S|M ...] [--runs N] [--json out.json] [--root DIR]
// Needs dist/ (bash scripts/build-web.sh) and, for M, build/bench/data/2000x730.json
// (bash scripts/bench.sh makes it).
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';

import { measureDashboard } from './dashboard.mjs';

const HERE = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  if (at < 0) return fallback;
  const [, value] = args.splice(at, 2);
  return value;
};
const ROOT = option('--root', HERE); // the tree whose dist/ to serve
const runs = Number(option('--runs', '1'));
const jsonOut = option('--json', null);
const names = args.length ? args : ['S', 'M'];
const FILES = {
  S: null,
  M: 'build/bench/data/2000x730.json',
  L: 'build/bench/data/10000x365.json',
};
const catalogs = names.map((name) => ({
  name,
  file: FILES[name] ? join(HERE, FILES[name]) : null,
}));
for (const { file } of catalogs)
  if (file && !existsSync(file))
    throw new Error(`${file} is missing (bash scripts/bench.sh generates it)`);
if (catalogs[0].file) catalogs.unshift({ name: 'S', file: null }); // the page opens on S

const pct = (values, p) => {
  if (!values?.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
const ms = (v) => (Number.isFinite(v) ? v.toFixed(1).padStart(6) : '     -');
const line = (label, values) =>
  `${label.padEnd(22)} p50 ${ms(pct(values, 50))}  p95 ${ms(pct(values, 95))}  max ${ms(Math.max(...(values ?? [])))}  (n=${values?.length ?? 0})`;

const all = [];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (let run = 1; run <= runs; run++) {
    const load = os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
    const out = await measureDashboard(browser, ROOT, catalogs, {
      log: (...a) => console.error(...a),
    });
    all.push(out);
    console.log(`run ${run}/${runs} (load average ${load} at start)`);
    if (out.skipped || out.error) console.log(' ', out.skipped ?? out.error);
    if (out.pageErrors?.length) console.log('  page errors:', out.pageErrors);
    for (const [name, c] of Object.entries(out.catalogs ?? {})) {
      console.log(`  ${name} (${c.tableRows} rows shown)`);
      console.log(`    ${line('rapid: painted', c.paintedMs)}`);
      console.log(`    ${line('rapid: DOM updated', c.renderedMs)}`);
      if (c.settled) {
        console.log(`    ${line('settled: painted', c.settled.paintedMs)}`);
        console.log(`    ${line('settled: DOM updated', c.settled.renderedMs)}`);
        console.log(`    ${line('settled: insights drawn', c.settled.insightsMs)}`);
      }
      if (c.uncached) {
        console.log(`    ${line('uncached: painted', c.uncached.paintedMs)}`);
        console.log(`    ${line('uncached: DOM updated', c.uncached.renderedMs)}`);
        console.log(`    ${line('uncached: insights', c.uncached.insightsMs)}`);
      }
      console.log(`    ${line('event timing', c.eventTiming.interactionMs)}`);
      const t = c.trace;
      if (t?.main)
        console.log(
          `    trace/click: main ${t.main.busyMs.toFixed(1)} ms (${Object.entries(t.main.byKindMs)
            .map(([k, v]) => `${k} ${v.toFixed(1)}`)
            .join(', ')}); worker ${t.workerBusyMs.toFixed(1)} ms`,
        );
    }
  }
} finally {
  await browser.close();
}
if (jsonOut) writeFileSync(jsonOut, `${JSON.stringify(all, null, 1)}\n`);
