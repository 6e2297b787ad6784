// Builds the peers' shared input (columns.js) from a catalog URL.
import { buildColumns } from './columns.js';

self.onmessage = async ({ data: { url } }) => {
  try {
    const t0 = performance.now();
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const doc = JSON.parse(new TextDecoder().decode(await response.arrayBuffer()));
    const t1 = performance.now();
    const data = buildColumns(doc);
    self.postMessage({ data, parseMs: t1 - t0, buildMs: performance.now() - t1 });
  } catch (error) {
    self.postMessage({ error: `${error?.message ?? error}\n${error?.stack ?? ''}` });
  }
};
