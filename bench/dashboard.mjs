// The dashboard itself (dist/, built by scripts/build-web.sh), served with its
// CSP by scripts/serve.mjs: the latency from a click on a period to the next
// painted frame that shows the new answer.
//
// Per click: the click event's timeStamp (when the input happened) -> the
// dashboard's render finishes (it sets aria-busy="false" on <main> after the
// DOM holds the new answer) -> requestAnimationFrame -> setTimeout 0, which
// runs once that frame is painted. Event Timing entries (PerformanceObserver
// 'event', durationThreshold 16) are collected too: they cover the input's
// own handlers up to the next paint, which shows the new answer only when the
// page had it at hand (drawn in the click's task), else just the checked period.
//
// Clicks come two ways. Rapid (paintedMs, renderedMs, eventTiming, trace): the
// next click as soon as the last one's answer is painted, so the insights it
// draws after that paint may still run into the next click. Settled
// (settled.paintedMs, settled.renderedMs, settled.insightsMs): the next click
// once <main data-insights="ready"> (splits, lift ranking, breakout badges
// drawn) and one more frame, as a person looks at the page before clicking
// again; insightsMs is from the click to data-insights="ready". The page
// keeps the answers it drew and asks for the other periods' ahead (data.js,
// app.js), so after the warm-up these clicks find their answer at hand;
// uncached (uncached.paintedMs, .renderedMs, .insightsMs; null if the page
// cannot forget) is settled clicks after the page forgot them, each waiting
// for the engine.
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';

import { startServer } from '../scripts/serve.mjs';

const PERIODS = [7, 28, 90, 365];

function install() {
  // The dashboard lives in the shadow root of the demo's <tiktok-analytics>.
  window.__root = () => document.querySelector('tiktok-analytics').shadowRoot;
  const m = { clicks: [], events: [], pending: null, drawing: null };
  window.__ttaBench = m;
  const main = __root().querySelector('main');
  __root()
    .getElementById('period-switch')
    .addEventListener(
      'click',
      (event) => {
        if (!m.pending) m.pending = { t0: event.timeStamp, sawBusy: false };
      },
      true,
    );
  new MutationObserver((records) => {
    // The values aria-busy took since the last call, in order (a record holds
    // the value before its change): an answer the page already had is drawn
    // in the click's own task, busy and idle again before this runs.
    const busyRecords = records.filter((r) => r.attributeName === 'aria-busy');
    const values = busyRecords.map((r, i) =>
      i + 1 < busyRecords.length ? busyRecords[i + 1].oldValue : main.getAttribute('aria-busy'),
    );
    // The insights of the click last rendered are drawn (only a settled click
    // waits for them; a newer click leaves them unfinished).
    if (m.drawing && main.dataset.insights === 'ready') {
      m.drawing.insights = performance.now() - m.drawing.t0;
      m.drawing = null;
    }
    const p = m.pending;
    if (!p) return;
    if (values.includes('true')) p.sawBusy = true;
    if (p.sawBusy && values.includes('false') && main.getAttribute('aria-busy') === 'false') {
      m.pending = null;
      const rendered = performance.now();
      const click = { t0: p.t0, rendered: rendered - p.t0, painted: null, insights: null };
      // (With nothing to show, e.g. no creations, the insights are ready at once.)
      if (main.dataset.insights === 'ready') click.insights = click.rendered;
      else m.drawing = click;
      requestAnimationFrame(() =>
        setTimeout(() => {
          click.painted = performance.now() - p.t0;
          m.clicks.push(click);
        }, 0),
      );
    }
  }).observe(main, {
    attributes: true,
    attributeOldValue: true,
    attributeFilter: ['aria-busy', 'data-insights'],
  });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      m.events.push({ name: e.name, duration: e.duration, interactionId: e.interactionId });
  }).observe({ type: 'event', durationThreshold: 16 });
}

const currentPeriod = (page) =>
  page.evaluate(() => Number(__root().querySelector('#period-switch input:checked')?.value));

// Rapid clicks: the next period as soon as the last click's answer is painted
// (its insights may still be on their way). Settled clicks ({ settled: true }):
// the next one once the insights are drawn too (<main data-insights="ready">)
// and a frame went by, as when a person looks at the page before clicking.
// Uncached clicks ({ settled: true, uncached: true }): settled clicks, each
// after the page forgot the answers it keeps (data.js forgetAnswers(), which a
// new catalog also does), so that each waits for the engine in the Worker.
async function clickPeriods(page, count, { settled = false, uncached = false } = {}) {
  const before = await page.evaluate(() => window.__ttaBench.clicks.length);
  let period = await currentPeriod(page);
  for (let i = 0; i < count; i++) {
    period = PERIODS[(PERIODS.indexOf(period) + 1) % PERIODS.length];
    if (uncached) {
      await page.waitForTimeout(300); // the page's prefetch of the other periods is done
      await page.evaluate(() => document.querySelector('tiktok-analytics').forgetAnswers());
    }
    await page.click(`label[for="period-${period}"]`);
    await page.waitForFunction((n) => window.__ttaBench.clicks.length >= n, before + i + 1, {
      timeout: 60_000,
    });
    if (settled) {
      await page.waitForFunction(() => window.__ttaBench.clicks.at(-1).insights !== null, null, {
        timeout: 60_000,
      });
      await page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
      );
    }
  }
  return page.evaluate((from) => window.__ttaBench.clicks.slice(from), before);
}

// Where a click's time goes: the same clicks under Chromium's tracing (which
// slows them a little), the renderer's main-thread time per click split by
// what Blink was doing (self time of nested trace events, attributed to the
// nearest event of a known kind), and the engine Worker's busy time.
const KINDS = [
  [/Style|LayoutTree/, 'style'],
  [/Layout|ShapeText/, 'layout'],
  [/PrePaint/, 'prepaint'],
  [/Paint|Compositing|Layerize|Commit|Raster/, 'paint+composite'],
  [/HitTest/, 'hit test'],
  [
    /FunctionCall|EvaluateScript|Microtask|EventDispatch|PostMessage|TimerFire|AnimationFrame|V8\.|v8\./,
    'script',
  ],
  [/FrameLoader|Navigation/, 'navigation'],
  [/SVG|ResponseBody|Resource/, 'favicon+resources'],
];
const kindOf = (name) => KINDS.find(([pattern]) => pattern.test(name))?.[1];

async function traceClicks(browser, page, count) {
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel'],
  });
  await clickPeriods(page, count);
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const threadName = {};
  for (const e of events)
    if (e.name === 'thread_name') threadName[`${e.pid}:${e.tid}`] = e.args.name;
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  const perClick = (us) => us / 1000 / count;
  const split = (list) => {
    list.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
    const kinds = {};
    let busy = 0;
    const stack = []; // { end, kind, child }
    const close = (until) => {
      while (stack.length && stack[stack.length - 1].end <= until) {
        const top = stack.pop();
        kinds[top.kind] = (kinds[top.kind] ?? 0) + top.self;
      }
    };
    for (const e of list) {
      close(e.ts);
      const parent = stack[stack.length - 1];
      if (parent) parent.self -= Math.min(e.dur, parent.end - e.ts);
      else busy += e.dur;
      stack.push({
        end: e.ts + e.dur,
        self: e.dur,
        kind: kindOf(e.name) ?? parent?.kind ?? 'untraced task time',
      });
    }
    close(Infinity);
    return {
      busyMs: perClick(busy),
      byKindMs: Object.fromEntries(
        Object.entries(kinds)
          .map(([k, v]) => [k, perClick(v)])
          .sort((a, b) => b[1] - a[1]),
      ),
    };
  };
  const main = [...byThread.entries()]
    .filter(([k]) => threadName[k] === 'CrRendererMain')
    .sort((a, b) => b[1].length - a[1].length)[0];
  const workers = [...byThread.entries()].filter(([k]) =>
    /DedicatedWorker/.test(threadName[k] ?? ''),
  );
  return {
    clicks: count,
    main: main ? split(main[1]) : null,
    workerBusyMs: workers.reduce((sum, [, list]) => sum + split(list).busyMs, 0),
  };
}

// catalogs: [{ name, file }] in the order to measure; the first may be
// 'sample' (the page opens on dist/data/sample-catalog.json, our S catalog).
export async function measureDashboard(
  browser,
  root,
  catalogs,
  { clicks = 24, warmups = 4, log = () => {} } = {},
) {
  const dist = join(root, 'dist');
  if (!existsSync(join(dist, 'index.html')) || !existsSync(join(dist, 'bindings/js/tta_wasm.wasm')))
    return { skipped: 'dist/ is not built (bash scripts/build-web.sh)' };
  const server = await startServer({ root: dist });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const out = { catalogs: {} };
  try {
    await page.goto(server.url);
    await page.waitForSelector('main[aria-busy="false"]', { timeout: 120_000 });
    await page.evaluate(install);
    for (const { name, file } of catalogs) {
      if (file) {
        const shown = basename(file).replace(/\.json$/i, '');
        const t0 = Date.now();
        await page.setInputFiles('#file-input', file);
        await page.waitForFunction(
          (expected) =>
            __root().getElementById('catalog-name').textContent === expected &&
            __root().querySelector('main').getAttribute('aria-busy') === 'false',
          shown,
          { timeout: 600_000 },
        );
        log(`  dashboard: ${name} loaded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
      const rows = await page.evaluate(
        () => __root().querySelectorAll('#overview-page tbody tr').length,
      );
      await clickPeriods(page, warmups);
      const eventsBefore = await page.evaluate(() => window.__ttaBench.events.length);
      const measured = await clickPeriods(page, clicks);
      const events = await page.evaluate(
        (from) => window.__ttaBench.events.slice(from),
        eventsBefore,
      );
      const trace = await traceClicks(browser, page, 8);
      // The same clicks settled: one round first, so that every period's
      // insights are known (as in the rapid clicks' warm-up).
      await clickPeriods(page, PERIODS.length, { settled: true });
      const settled = await clickPeriods(page, clicks, { settled: true });
      const canForget = await page.evaluate(
        () => typeof document.querySelector('tiktok-analytics').forgetAnswers === 'function',
      );
      const uncached = canForget
        ? await clickPeriods(page, Math.min(clicks, 12), { settled: true, uncached: true })
        : null;
      out.catalogs[name] = {
        clicks: measured.length,
        tableRows: rows,
        trace,
        settled: {
          clicks: settled.length,
          paintedMs: settled.map((c) => c.painted),
          renderedMs: settled.map((c) => c.rendered),
          insightsMs: settled.map((c) => c.insights),
        },
        uncached: uncached && {
          clicks: uncached.length,
          paintedMs: uncached.map((c) => c.painted),
          renderedMs: uncached.map((c) => c.rendered),
          insightsMs: uncached.map((c) => c.insights),
        },
        paintedMs: measured.map((c) => c.painted),
        renderedMs: measured.map((c) => c.rendered),
        eventTiming: {
          entries: events.length,
          // Per interaction (a click's pointer, mouse and click events), its longest entry: what INP reads.
          interactionMs: Object.values(
            events.reduce((by, e) => {
              if (e.interactionId)
                by[e.interactionId] = Math.max(by[e.interactionId] ?? 0, e.duration);
              return by;
            }, {}),
          ),
          maxMs: events.reduce((m, e) => Math.max(m, e.duration), 0),
        },
      };
    }
  } catch (error) {
    out.error = error.message;
  } finally {
    out.pageErrors = errors;
    await context.close();
    await server.close();
  }
  return out;
}
