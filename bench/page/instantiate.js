// Opened in a fresh browser context (a fresh renderer process, so no compiled
// module is cached) by bench/run.mjs: times one cold start of the engine,
// chosen by ?what=
//   api     createAnalytics(): download (localhost) + compile + instantiate + Engine ready
//   worker  createAnalyticsWorker(): the same inside a new module Worker, as the dashboard starts it
//   compile WebAssembly.compile of the bytes alone (downloaded before the clock starts)
import { createAnalytics, createAnalyticsWorker } from '/bindings/js/index.js';

const what = new URLSearchParams(location.search).get('what');
async function measure() {
  if (what === 'compile') {
    const bytes = await (await fetch('/bindings/js/tta_wasm.wasm')).arrayBuffer();
    const t0 = performance.now();
    await WebAssembly.compile(bytes);
    return performance.now() - t0;
  }
  const t0 = performance.now();
  const engine = what === 'worker' ? await createAnalyticsWorker() : await createAnalytics();
  const ms = performance.now() - t0;
  if (what === 'worker') engine.terminate();
  return ms;
}
window.result = measure().then(
  (ms) => ({ ms }),
  (error) => ({ error: String(error) }),
);
