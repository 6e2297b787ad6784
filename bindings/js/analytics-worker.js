// createAnalyticsWorker(): the Analytics API, asynchronous, with the engine in
// a module Worker so that a large load never freezes the page. Only plain
// data crosses: documents, answers and error messages.
import { buildOverview } from './packed-overview.js';

let nextId = 1;

export async function createAnalyticsWorker(options = {}) {
  if (typeof Worker !== 'function')
    throw new Error(
      'createAnalyticsWorker needs Web Workers (a browser); in Node, use createAnalytics',
    );
  const { wasmUrl, wasmBinary, workerUrl } = options ?? {};
  // The default is written in the one form Vite and webpack 5 recognise: they
  // then bundle worker.js with its imports and emit it as a file of its own.
  const worker =
    workerUrl === undefined
      ? new Worker(new URL('./worker.js', import.meta.url), { type: 'module' })
      : new Worker(workerUrl, { type: 'module' });
  const client = new AnalyticsWorker(worker);
  // Inside the Worker a relative URL would resolve against worker.js, not the
  // page: send it absolute. (A wrong type goes as is; the Worker refuses it.)
  const init = { wasmBinary };
  if (typeof wasmUrl === 'string') init.wasmUrl = new URL(wasmUrl, globalThis.location?.href).href;
  else if (wasmUrl instanceof URL) init.wasmUrl = wasmUrl.href;
  else if (wasmUrl !== undefined) init.wasmUrl = wasmUrl;
  try {
    await client._request('init', [init]);
  } catch (error) {
    client.terminate();
    throw error;
  }
  return client;
}

class AnalyticsWorker {
  #worker;
  #pending = new Map(); // id -> { resolve, reject, onProgress }
  #stopped = null;
  #tracks = null; // the track list of packed overviews; the Worker sends it when it changes

  constructor(worker) {
    this.#worker = worker;
    worker.addEventListener('message', ({ data }) => this.#receive(data));
    // Fired when the worker script cannot load or throws outside a request.
    worker.addEventListener('error', (event) => {
      event.preventDefault?.();
      this.#stop(
        `the analytics worker stopped: ${event.message || 'its script could not be loaded (worker.js, index.js and tta_wasm.js must be served as JavaScript from one folder)'}`,
      );
    });
    worker.addEventListener('messageerror', () =>
      this.#stop('the analytics worker sent a message that could not be read'),
    );
  }

  // The caller's buffer is transferred, not copied: it is detached afterwards
  // (for a Uint8Array, its whole underlying ArrayBuffer).
  // A ReadableStream is transferred too: the Worker reads it as it arrives.
  load(data, { onProgress } = {}) {
    const transfer = [];
    if (typeof ReadableStream === 'function' && data instanceof ReadableStream) transfer.push(data);
    else if (data instanceof ArrayBuffer) transfer.push(data);
    else if (ArrayBuffer.isView(data) && data.buffer instanceof ArrayBuffer)
      transfer.push(data.buffer);
    return this._request('load', [data], transfer, onProgress);
  }

  // CSV texts or buffers; buffers are transferred like load()'s.
  loadCsv(files, { onProgress } = {}) {
    const transfer = [files?.tiktok, files?.streams]
      .map((data) =>
        data instanceof ArrayBuffer ? data : ArrayBuffer.isView(data) ? data.buffer : null,
      )
      .filter((buffer, i, all) => buffer instanceof ArrayBuffer && all.indexOf(buffer) === i);
    return this._request('loadCsv', [files], transfer, onProgress);
  }

  summary() {
    return this._request('summary', []);
  }
  overview(query) {
    return this._request('overview', [query]);
  }
  track(id, query) {
    return this._request('track', [id, query]);
  }
  splits(query) {
    return this._request('splits', [query]);
  }
  breakouts(query) {
    return this._request('breakouts', [query]);
  }
  lift(id, query) {
    return this._request('lift', [id, query]);
  }
  liftRanking(query) {
    return this._request('liftRanking', [query]);
  }
  overviewCsv(query) {
    return this._request('overviewCsv', [query]);
  }
  trackCsv(id, query) {
    return this._request('trackCsv', [id, query]);
  }
  memoryBytes() {
    return this._request('memoryBytes', []);
  }
  dispose() {
    return this._request('dispose', []);
  }

  terminate() {
    this.#worker.terminate();
    this.#stop('this AnalyticsWorker was terminated');
  }

  _request(method, args, transfer = [], onProgress = undefined) {
    if (this.#stopped) return Promise.reject(new Error(this.#stopped));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, onProgress });
      try {
        this.#worker.postMessage({ id, method, args }, transfer);
      } catch (error) {
        // e.g. a value that cannot be cloned
        this.#pending.delete(id);
        reject(error);
      }
    });
  }

  #receive({ id, progress, bytes, result, error, packed }) {
    const request = this.#pending.get(id);
    if (!request) return;
    if (progress !== undefined) {
      request.onProgress?.(progress, bytes);
      return;
    }
    this.#pending.delete(id);
    if (error) request.reject(rebuild(error));
    else if (packed) {
      // Messages arrive in order, so a list sent with an earlier answer still holds.
      if (packed.tracks) this.#tracks = packed.tracks;
      request.resolve(
        buildOverview(JSON.parse(packed.head), packed.rows, this.#tracks, packed.width),
      );
    } else request.resolve(result);
  }

  #stop(reason) {
    this.#stopped ??= reason;
    for (const { reject } of this.#pending.values()) reject(new Error(reason));
    this.#pending.clear();
  }
}

// Errors cross as { name, message }; keep the standard classes (TypeError).
function rebuild({ name, message }) {
  const Type = { TypeError, RangeError }[name] ?? Error;
  return new Type(message);
}
