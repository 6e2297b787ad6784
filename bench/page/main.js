// The page bench/run.mjs drives: window.bench starts Workers (one system
// each), hands them the shared columns, and runs the engine through its
// public Worker API (createAnalyticsWorker) to time what the dashboard pays:
// the engine call plus the postMessage round trip.
import { createAnalyticsWorker } from '/bindings/js/index.js';

const workers = new Map();
let nextWorker = 1,
  nextCall = 1;
let columns = null;
let api = null;

function request(worker, cmd, args) {
  return new Promise((resolve, reject) => {
    const id = nextCall++;
    const onMessage = ({ data }) => {
      if (data.id !== id) return;
      worker.removeEventListener('message', onMessage);
      if (data.error) reject(new Error(data.error));
      else resolve(data.result);
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ id, cmd, args });
  });
}

window.bench = {
  crossOriginIsolated: self.crossOriginIsolated,
  // Builds the shared columns of a catalog in a Worker; returns their sizes.
  async columns(url) {
    columns = null;
    const worker = new Worker('columns-worker.js', { type: 'module' });
    const out = await new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => (data.error ? reject(new Error(data.error)) : resolve(data));
      worker.onerror = (event) => reject(new Error(event.message || 'columns worker failed'));
      worker.postMessage({ url });
    });
    worker.terminate();
    columns = out.data;
    return {
      parseMs: out.parseMs,
      buildMs: out.buildMs,
      rows: columns.rows.n,
      streamsRows: columns.srows.n,
      series: columns.ser.len.length,
      slots: columns.slots.count,
      E: columns.E,
      S: columns.S,
    };
  },
  dropColumns() {
    columns = null;
  },
  async start(system, payload) {
    const worker = new Worker('worker.js');
    worker.onerror = (event) => console.error('worker error', system, event.message);
    const handle = nextWorker++;
    workers.set(handle, worker);
    const info = await request(worker, 'init', [system, payload ?? columns]);
    return { handle, info };
  },
  call(handle, cmd, ...args) {
    return request(workers.get(handle), cmd, args);
  },
  stop(handle) {
    workers.get(handle)?.terminate();
    workers.delete(handle);
  },
  // The public Worker API, timed from this page.
  async apiLoad(url) {
    api?.terminate();
    api = await createAnalyticsWorker();
    const bytes = await (await fetch(url)).arrayBuffer();
    const t0 = performance.now();
    const summary = await api.load(bytes);
    return { ms: performance.now() - t0, summary };
  },
  async apiTime(
    { kind, period, id, limit },
    { warmups, runs, minRuns = runs, budgetMs = Infinity },
  ) {
    const call = () =>
      kind === 'track' ? api.track(id, { period }) : api.overview({ period, limit });
    const answer = await call();
    for (let i = 0; i < warmups; i++) await call();
    const ms = [];
    const start = performance.now();
    while (ms.length < runs) {
      const t0 = performance.now();
      await call();
      ms.push(performance.now() - t0);
      if (ms.length >= minRuns && performance.now() - start > budgetMs) break;
    }
    return { ms, answerTracks: answer.tracks?.length };
  },
  apiStop() {
    api?.terminate();
    api = null;
  },
};
window.benchReady = true;
