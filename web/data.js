// The only module that talks to the analytics engine (a WebAssembly core in a
// module Worker). Everything it returns is plain data: the engine's answers
// (docs/ANSWERS.md), load summaries and CSV text. One per dashboard:
// createData() keeps that dashboard's answers.
import { createAnalyticsWorker } from '../bindings/js/index.js';

export const PAGE_SIZE = 50;
export const LIFT_TOP = 5;

// The engine's platform option for a state's platform filter: 'all', one app
// ({ platform: 'youtube_shorts' }), or a set ({ platforms: ['tiktok', 'instagram_reels'] }).
export function platformOption(platform) {
  if (platform === 'all' || !Array.isArray(platform)) return { platform: platform ?? 'all' };
  return platform.length === 1 ? { platform: platform[0] } : { platforms: [...platform] };
}

// The window (a period, or a custom start and end) and the filters of a state.
export function query({ period, start, end, platform, content }) {
  const filters = { ...platformOption(platform), content };
  return start ? { start, end, ...filters } : { period, ...filters };
}
const queryKey = (state) => JSON.stringify(query(state));

// The table's order and search, as the engine takes them.
const tableOptions = ({ sort, descending, search }) =>
  search ? { sort, descending, search } : { sort, descending };

// Whether a ReadableStream can move to the engine's Worker (transferable
// streams: Chromium, Firefox). Where it can, a download or a picked file is
// parsed while it arrives; elsewhere it is read whole first (readBody).
export const STREAMS_TRANSFER = (() => {
  try {
    const stream = new ReadableStream();
    new MessageChannel().port1.postMessage(stream, [stream]);
    return true;
  } catch {
    return false;
  }
})();

// Reads a response's body, reporting (received bytes, total bytes or 0 if
// unknown): for browsers where the engine cannot take the stream itself.
export async function readBody(response, onBytes = () => {}) {
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

// engine: an engine to share (createAnalyticsWorker()'s), or null to make one.
export function createData({ engine: shared = null } = {}) {
  let engine = shared ? Promise.resolve(shared) : null;
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

  // The main answers (an overview page, a page of breakouts, a track) are kept
  // too, the last ANSWERS_KEPT of them, per request: a window seen before, or
  // asked for ahead (app.js prefetches the other periods), is then drawn in the
  // click's own task, in the frame that follows it, without a round trip to the
  // Worker (whose answer Chromium would only hand over after that frame: it
  // holds other tasks until the frame after an input is drawn).
  const ANSWERS_KEPT = 64;
  let answers = new Map();
  function kept(key, ask) {
    let answer = answers.get(key);
    if (answer) {
      answers.delete(key); // most recently used last
    } else {
      answer = ask();
      const keptIn = answers; // (not a newer catalog's)
      answer.catch(() => {
        if (keptIn.get(key) === answer) keptIn.delete(key);
      });
    }
    answers.set(key, answer);
    if (answers.size > ANSWERS_KEPT) answers.delete(answers.keys().next().value);
    return answer;
  }

  // A new catalog: nothing kept is true any more. (Also lets a benchmark measure
  // clicks that wait for the engine.)
  function forgetAnswers() {
    memo = new Map();
    answers = new Map();
  }

  // Loads a tiktok-analytics/v1 document: bytes, or a ReadableStream of them
  // (parsed as it arrives), which moves to the Worker. onPhase gets the engine's
  // progress: ('reading', bytes so far), 'parsing', 'done'. On a refused
  // document this rejects with the engine's message and the catalog loaded
  // before keeps answering.
  async function loadCatalog(bytes, onPhase = () => {}) {
    const summary = await (await ready()).load(bytes, { onProgress: onPhase });
    forgetAnswers();
    return summary;
  }

  // Loads the long-row CSV format: { tiktok, streams? } as bytes (moved to the
  // Worker) or text; the same guarantees as loadCatalog.
  async function loadCsvCatalog(files, onPhase = () => {}) {
    const summary = await (await ready()).loadCsv(files, { onProgress: onPhase });
    forgetAnswers();
    return summary;
  }

  // The overview with one page (1-based) of the table, or only its KPIs (rows: false).
  function overview(state, { rows = true } = {}) {
    const offset = (state.tablePage - 1) * PAGE_SIZE;
    const request = {
      ...query(state),
      ...tableOptions(state),
      limit: rows ? PAGE_SIZE : 0,
      offset: rows ? offset : 0,
    };
    return kept(`overview ${JSON.stringify(request)}`, async () =>
      (await ready()).overview(request),
    );
  }

  // The best performing track: the first row of the standard ranking (most
  // creations; whatever the table's sort, search or page), or null when no
  // track has creations. The same request as the table's first page in its
  // default order, so either one answers the other.
  async function bestTrack(state) {
    const answer = await overview({
      ...state,
      tablePage: 1,
      sort: 'creations',
      descending: true,
      search: '',
    });
    return answer.tracks[0] ?? null;
  }

  function track(state) {
    const options = { ...query(state), weekly: state.weekly };
    return kept(`track ${JSON.stringify([state.trackId, options])}`, async () =>
      (await ready()).track(state.trackId, options),
    );
  }

  // One page of the breakouts list.
  function breakouts(state) {
    const request = {
      ...query(state),
      limit: PAGE_SIZE,
      offset: (state.tablePage - 1) * PAGE_SIZE,
    };
    return kept(`breakouts page ${JSON.stringify(request)}`, async () =>
      (await ready()).breakouts(request),
    );
  }

  // Every breakout of the window: id -> growth (null for a new track).
  function breakoutGrowth(state) {
    return remembered(`breakouts ${queryKey(state)}`, async () => {
      const answer = await (await ready()).breakouts(query(state));
      return {
        count: answer.breakouts,
        growth: new Map(answer.tracks.map((t) => [t.id, t.growth])),
      };
    });
  }

  function splits(state, trackId = null) {
    if (trackId !== null)
      return ready().then((worker) => worker.splits({ ...query(state), track: trackId }));
    return remembered(`splits ${queryKey(state)}`, async () =>
      (await ready()).splits(query(state)),
    );
  }

  async function lift(state) {
    return (await ready()).lift(state.trackId, query(state));
  }

  // Whether liftRanking(state) is already known (asking again costs nothing).
  const hasLiftRanking = (state) => memo.has(`lift ${queryKey(state)}`);

  function liftRanking(state) {
    return remembered(`lift ${queryKey(state)}`, async () =>
      (await ready()).liftRanking({ ...query(state), limit: LIFT_TOP }),
    );
  }

  // The whole table (every matching row, in the table's order) as CSV text.
  async function overviewCsv(state) {
    return (await ready()).overviewCsv({ ...query(state), ...tableOptions(state) });
  }

  // A track's daily series as CSV text.
  async function trackCsv(state) {
    return (await ready()).trackCsv(state.trackId, query(state));
  }

  return {
    forgetAnswers,
    loadCatalog,
    loadCsvCatalog,
    overview,
    bestTrack,
    track,
    breakouts,
    breakoutGrowth,
    splits,
    lift,
    hasLiftRanking,
    liftRanking,
    overviewCsv,
    trackCsv,
    // Stops the engine unless it was shared (a host's engine is the host's to end).
    async destroy() {
      forgetAnswers();
      if (!shared && engine) {
        const made = engine;
        engine = Promise.reject(new Error('the dashboard was destroyed'));
        engine.catch(() => {});
        try {
          (await made).terminate();
        } catch {
          // It never started: nothing to stop.
        }
      }
    },
  };
}
