// The core alone (bench/probe/core_probe.cpp built by scripts/bench.sh): the
// store's kernels called directly, with no JSON written or parsed. Answers
// are checksums: the core's answers are compared through ours.js.
const PROBE = '/build/bench/probe/core_probe.js';

export async function prepare({ url }) {
  const { default: createCoreProbe } = await import(PROBE);
  const probe = await createCoreProbe();
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const at = probe._probe_buffer(bytes.length);
  probe.HEAPU8.set(bytes, at);
  const t0 = performance.now();
  if (probe._probe_load() !== 0)
    throw new Error(`core probe: ${probe.UTF8ToString(probe._probe_error())}`);
  const loadMs = performance.now() - t0;
  return { probe, loadMs, ids: new Map() };
}

export function info(st) {
  return { loadMs: st.loadMs, storeBytes: st.probe._probe_store_bytes() };
}

export function overview(st, p, limit = Infinity) {
  return st.probe._probe_overview(p, Number.isFinite(limit) ? limit : -1);
}

export function track(st, id, p) {
  let at = st.ids.get(id);
  if (at === undefined) {
    const size = st.probe.lengthBytesUTF8(id) + 1;
    at = st.probe._malloc(size);
    st.probe.stringToUTF8(id, at, size);
    st.ids.set(id, at);
  }
  return st.probe._probe_track(at, p);
}
