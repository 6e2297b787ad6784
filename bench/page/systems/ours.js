// Our engine, as an embedder calls it on the same thread (createAnalytics of
// bindings/js/index.js in this Worker): a timing holds the engine call, which
// includes the core, the JSON the core writes and JSON.parse into an object.
// Answers are the contract's objects (run.mjs projects them for comparison).
const ENGINE = '/bindings/js/index.js';

export async function prepare({ url, loads = 1 }) {
  const { createAnalytics } = await import(ENGINE);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const loadMs = [];
  let engine = null,
    summary = null,
    memoryBytes = 0;
  for (let i = 0; i < loads; i++) {
    engine?.dispose();
    engine = null;
    const fresh = await createAnalytics();
    const t0 = performance.now();
    summary = fresh.load(bytes);
    loadMs.push(performance.now() - t0);
    engine = fresh;
    memoryBytes = engine.memoryBytes();
  }
  return { engine, bytes, summary, loadMs, memoryBytes };
}

export function info(st) {
  return {
    summary: st.summary,
    loadMs: st.loadMs,
    bytes: st.bytes.length,
    memoryBytes: st.memoryBytes,
  };
}

export function overview(st, p, limit = Infinity) {
  return st.engine.overview({ period: p, limit });
}

export function track(st, id, p) {
  return st.engine.track(id, { period: p });
}

// JSON.parse of the same document, for the load comparison: the text alone
// (already decoded), and bytes -> TextDecoder -> JSON.parse.
export function jsonBaseline(st, runs) {
  const decodeMs = [],
    parseMs = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const text = new TextDecoder().decode(st.bytes);
    const t1 = performance.now();
    const doc = JSON.parse(text);
    const t2 = performance.now();
    if (!doc.tracks) throw new Error('not a catalog');
    decodeMs.push(t1 - t0);
    parseMs.push(t2 - t1);
  }
  return { decodeMs, parseMs };
}

// The cost of the answer's way out alone: TextDecoder + JSON.parse of an
// answer as long as the engine's (re-serialised here, outside the timing).
export function answerParse(st, p, runs) {
  const bytes = new TextEncoder().encode(JSON.stringify(st.engine.overview({ period: p })));
  const ms = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    JSON.parse(new TextDecoder().decode(bytes));
    ms.push(performance.now() - t0);
  }
  return { bytes: bytes.length, ms };
}
