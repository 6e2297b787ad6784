// One benchmarked system per Worker (a classic Worker: the UMD peers load with
// importScripts, the ES-module ones with import()). The page sends
// { id, cmd, args } and gets { id, result } or { id, error }. Timings are taken
// here, around the system's call and nothing else.
const UMD = {
  arquero: '/node_modules/arquero/dist/arquero.min.js',
  crossfilter: '/node_modules/crossfilter2/crossfilter.min.js',
};

let system = null,
  state = null;

function run({ kind, period, id, limit }) {
  return kind === 'track' ? system.track(state, id, period) : system.overview(state, period, limit);
}

const handlers = {
  async init(name, payload) {
    if (UMD[name]) importScripts(UMD[name]);
    system = await import(`./systems/${name}.js`);
    const t0 = performance.now();
    state = await system.prepare(payload);
    const prepareMs = performance.now() - t0;
    return { prepareMs, ...(system.info?.(state) ?? {}) };
  },
  // The answer of one query, and how long it took (the first, cold call).
  answer(query) {
    const t0 = performance.now();
    const answer = run(query);
    return { ms: performance.now() - t0, answer };
  },
  // Warm-ups, then runs until `runs` or, past `minRuns`, until budgetMs is
  // spent. `before` (untimed) runs ahead of each run: for a system that keeps
  // state between queries (crossfilter), it puts the state where a user
  // would come from, so that a run is a real switch and not a repeat.
  time(query, { warmups, runs, minRuns, budgetMs, before = null }) {
    for (let i = 0; i < warmups; i++) {
      if (before) run(before);
      run(query);
    }
    const ms = [];
    const start = performance.now();
    while (ms.length < runs) {
      if (before) run(before);
      const t0 = performance.now();
      run(query);
      ms.push(performance.now() - t0);
      if (ms.length >= minRuns && performance.now() - start > budgetMs) break;
    }
    return ms;
  },
  call(method, ...args) {
    return system[method](state, ...args);
  },
};

self.onmessage = async ({ data: { id, cmd, args } }) => {
  try {
    self.postMessage({ id, result: await handlers[cmd](...args) });
  } catch (error) {
    self.postMessage({ id, error: `${error?.message ?? error}\n${error?.stack ?? ''}` });
  }
};
