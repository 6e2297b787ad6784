// The only module that talks to the analytics engine (a WebAssembly core in a
// module Worker). Everything it returns is plain data: the engine's answers
// (PRODUCT.md "Answers") and load summaries.
import { createAnalyticsWorker } from './engine/index.js';

export const SAMPLE_URL = 'data/sample-catalog.json';
export const PAGE_SIZE = 50;

let engine = null;
const ready = () => (engine ??= createAnalyticsWorker());

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
  return (await ready()).load(bytes, { onProgress: onPhase });
}

const filters = ({ period, platform, content }) => ({ period, platform, content });

// The overview with one page (1-based) of the ranked tracks.
export async function overview(state) {
  const offset = (state.tablePage - 1) * PAGE_SIZE;
  return (await ready()).overview({ ...filters(state), limit: PAGE_SIZE, offset });
}

export async function track(state) {
  return (await ready()).track(state.trackId, filters(state));
}
