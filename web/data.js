// The only module that talks to the analytics engine (a WebAssembly core in a
// module Worker). Everything it returns is plain data: the engine's answers
// (PRODUCT.md "Answers"), load summaries and CSV text.
import { createAnalyticsWorker } from './engine/index.js';

export const SAMPLE_URL = 'data/sample-catalog.json';
export const PAGE_SIZE = 50;
export const LIFT_TOP = 5;

let engine = null;
const ready = () => (engine ??= createAnalyticsWorker());

// Answers that do not depend on the table's page, sort or search (breakouts,
// splits, lift ranking) are kept per window and filters until the next load,
// so turning a page or sorting asks the engine once.
let memo = new Map();
function remembered(key, ask) {
  if (!memo.has(key)) {
    const answer = ask();
    memo.set(key, answer);
    answer.catch(() => memo.delete(key));
  }
  return memo.get(key);
}

// Downloads a catalog, reporting (received bytes, total bytes or 0 if unknown).
export async function download(url, onBytes = () => {}) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not download ${url} (HTTP ${response.status})`);
  const total = Number(response.headers.get('content-length')) || 0;
  if (!response.body) return response.arrayBuffer();
  const chunks = [];
  let received = 0;
  for (const reader = response.body.getReader(); ;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received, total);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes.buffer;
}

// Loads a tiktok-analytics/v1 document (the buffer moves to the Worker). On a
// refused document this rejects with the engine's message and the catalog
// loaded before keeps answering.
export async function loadCatalog(bytes, onPhase = () => {}) {
  const summary = await (await ready()).load(bytes, { onProgress: onPhase });
  memo = new Map();
  return summary;
}

// Loads the long-row CSV format: { tiktok, streams? } as bytes (moved to the
// Worker) or text; the same guarantees as loadCatalog.
export async function loadCsvCatalog(files, onPhase = () => {}) {
  const summary = await (await ready()).loadCsv(files, { onProgress: onPhase });
  memo = new Map();
  return summary;
}

// The window (a period, or a custom start and end) and the filters of a state.
export function query({ period, start, end, platform, content }) {
  return start ? { start, end, platform, content } : { period, platform, content };
}
const queryKey = (state) => JSON.stringify(query(state));

// The table's order and search, as the engine takes them.
const tableOptions = ({ sort, descending, search }) => (search ? { sort, descending, search } : { sort, descending });

// The overview with one page (1-based) of the table, or only its KPIs (rows: false).
export async function overview(state, { rows = true } = {}) {
  const offset = (state.tablePage - 1) * PAGE_SIZE;
  return (await ready()).overview({ ...query(state), ...tableOptions(state), limit: rows ? PAGE_SIZE : 0, offset: rows ? offset : 0 });
}

export async function track(state) {
  return (await ready()).track(state.trackId, { ...query(state), weekly: state.weekly });
}

// One page of the breakouts list.
export async function breakouts(state) {
  return (await ready()).breakouts({ ...query(state), limit: PAGE_SIZE, offset: (state.tablePage - 1) * PAGE_SIZE });
}

// Every breakout of the window: id -> growth (null for a new track).
export function breakoutGrowth(state) {
  return remembered(`breakouts ${queryKey(state)}`, async () => {
    const answer = await (await ready()).breakouts(query(state));
    return { count: answer.breakouts, growth: new Map(answer.tracks.map((t) => [t.id, t.growth])) };
  });
}

export function splits(state, trackId = null) {
  if (trackId !== null) return ready().then((worker) => worker.splits({ ...query(state), track: trackId }));
  return remembered(`splits ${queryKey(state)}`, async () => (await ready()).splits(query(state)));
}

export async function lift(state) {
  return (await ready()).lift(state.trackId, query(state));
}

// Whether liftRanking(state) is already known (asking again costs nothing).
export const hasLiftRanking = (state) => memo.has(`lift ${queryKey(state)}`);

export function liftRanking(state) {
  return remembered(`lift ${queryKey(state)}`, async () => (await ready()).liftRanking({ ...query(state), limit: LIFT_TOP }));
}

// The whole table (every matching row, in the table's order) as CSV text.
export async function overviewCsv(state) {
  return (await ready()).overviewCsv({ ...query(state), ...tableOptions(state) });
}

// A track's daily series as CSV text.
export async function trackCsv(state) {
  return (await ready()).trackCsv(state.trackId, query(state));
}
