// The engine's public entry: createAnalytics() runs the WebAssembly core on the
// calling thread, createAnalyticsWorker() in a module Worker. The same file
// works unchanged in pages, module Workers and Node 20.
//
// tta_wasm.js and tta_wasm.wasm sit next to this file (the build copies them
// here), so a flat copy of this folder is a complete engine.
import { buildOverview } from './packed-overview.js';
import createTtaModule from './tta_wasm.js';

export { createAnalyticsWorker } from './analytics-worker.js';

const DEFAULT_WASM_URL = new URL('./tta_wasm.wasm', import.meta.url);
const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';
const decoder = new TextDecoder();
const encoder = new TextEncoder();

// One compile per .wasm URL; every Analytics gets its own instance (and its
// own memory, which dispose() hands back to the garbage collector).
const compiledByUrl = new Map();

export async function createAnalytics(options = {}) {
  const { wasmUrl, wasmBinary } = options ?? {};
  let compiled;
  if (wasmBinary !== undefined) {
    if (!(wasmBinary instanceof ArrayBuffer || ArrayBuffer.isView(wasmBinary)))
      throw new TypeError(`wasmBinary must be an ArrayBuffer or a Uint8Array, got ${describe(wasmBinary)}`);
    compiled = WebAssembly.compile(wasmBinary);
  } else {
    const url = await resolveWasmUrl(wasmUrl);
    compiled = compiledByUrl.get(url.href);
    if (!compiled) {
      compiled = compileFrom(url);
      compiledByUrl.set(url.href, compiled);
      compiled.catch(() => compiledByUrl.delete(url.href));  // a failed download may be retried
    }
  }
  return new Analytics(await instantiate(await compiled));
}

class Analytics {
  #module;
  #engine;
  #stopped = null;  // why calls are refused: disposed, or the instance failed
  #tracks = null;   // the loaded catalog's [{ id, title, artist }], by track index; read once per load
  #streaming = null;  // the load reading a stream now, if any (a token: a newer load replaces it)

  constructor(module) {
    this.#module = module;
    this.#engine = new module.Engine();
  }

  // A ReadableStream of bytes (fetch(url).body, File.stream(), either through
  // a DecompressionStream) is parsed chunk by chunk as it arrives, and load()
  // then returns a Promise; the data loaded before stays in place until the
  // whole document is read and valid.
  load(data, { onProgress } = {}) {
    if (isByteStream(data)) return this.#loadStream(data, onProgress);
    const bytes = toBytes(data);
    const engine = this.#live();
    this.#dropStream();  // the newest load wins
    onProgress?.('copying');
    const address = this.#call(() => engine.inputBuffer(bytes.length));
    // Read HEAPU8 only now: reserving the buffer may have grown the memory.
    this.#module.HEAPU8.set(bytes, address);
    onProgress?.('parsing');
    const summary = this.#json(() => engine.loadInput());
    this.#tracks = null;  // a new catalog (a refused one threw above and kept the old one)
    onProgress?.('done');
    return summary;
  }

  // Long-row CSV (date,track,territory,platform,content,creations,views and
  // optionally date,track,streams), with the same guarantees as load().
  loadCsv({ tiktok, streams = '', asOf = '' } = {}, { onProgress } = {}) {
    const first = toBytes(tiktok);
    const second = toBytes(streams);
    if (typeof asOf !== 'string') throw new TypeError(`asOf must be a string, got ${describe(asOf)}`);
    const engine = this.#live();
    onProgress?.('copying');
    const address = this.#call(() => engine.inputBuffer(first.length + second.length));
    this.#module.HEAPU8.set(first, address);
    this.#module.HEAPU8.set(second, address + first.length);
    onProgress?.('parsing');
    const summary = this.#json(() => engine.loadCsvInput(first.length, asOf));
    this.#tracks = null;
    onProgress?.('done');
    return summary;
  }

  async #loadStream(stream, onProgress) {
    this.#live();
    const reader = stream.getReader();  // a stream already being read throws here, before anything changed
    this.#dropStream();
    const load = {};
    this.#streaming = load;
    let bytes = 0;
    try {
      this.#call(() => this.#engine.beginStream());
      for (;;) {
        const { done, value } = await reader.read();
        if (this.#streaming !== load) {
          throw new Error(this.#stopped ?? 'a newer load replaced this one before it ended; its data was not loaded');
        }
        const engine = this.#live();  // disposed meanwhile: throws
        if (done) break;
        if (!(value instanceof Uint8Array))
          throw new TypeError(`load expects a stream of Uint8Array chunks, got ${describe(value)}`);
        const address = this.#call(() => engine.inputBuffer(value.length));
        this.#module.HEAPU8.set(value, address);
        this.#call(() => engine.feedInput());
        bytes += value.length;
        onProgress?.('reading', bytes);
      }
      onProgress?.('parsing', bytes);
      const engine = this.#live();
      const summary = this.#json(() => engine.finishStream());
      this.#tracks = null;  // a new catalog
      onProgress?.('done', bytes);
      return summary;
    } catch (error) {
      reader.cancel(error).catch(() => {});  // stops the download
      if (this.#streaming === load) this.#dropStream();
      throw error;
    } finally {
      if (this.#streaming === load) this.#streaming = null;
    }
  }

  // Ends a stream being read, and frees what it read so far.
  #dropStream() {
    if (this.#streaming === null) return;
    this.#streaming = null;
    if (this.#engine) this.#engine.abortStream();
  }

  summary() {
    const engine = this.#live();
    return this.#json(() => engine.summary());
  }

  overview(options = {}) {
    // Built straight from the views: no engine call comes in between.
    const { head, rows, tracks } = this.#packed(options);
    return buildOverview(JSON.parse(head), rows, tracks);
  }

  track(id, options = {}) {
    if (typeof id !== 'string') throw new TypeError(`track id must be a string, got ${describe(id)}`);
    if (usesRequest(options)) return this.#ask('track', { ...options, track: id });
    const { period, platform = 'all', content = 'all' } = options;
    checkQuery(period, platform, content);
    const engine = this.#live();
    return this.#json(() => engine.track(utf8(id), period, utf8(platform), utf8(content)));
  }

  // Shares by platform (tiktok, douyin, unknown) and by content (ugc, pgc,
  // unknown), for the catalog or for one track ({ track: id }).
  splits(options = {}) { return this.#ask('splits', options); }

  // Tracks whose creations at least doubled, with at least minCreations (50).
  breakouts(options = {}) { return this.#ask('breakouts', options); }

  // How a track's daily streams follow its daily creations, lags 0-14 days.
  lift(id, options = {}) {
    if (typeof id !== 'string') throw new TypeError(`track id must be a string, got ${describe(id)}`);
    return this.#ask('lift', { ...options, track: id });
  }

  // Tracks whose streams follow TikTok most closely.
  liftRanking(options = {}) { return this.#ask('liftRanking', options); }

  // The ranked table and a track's daily series as CSV text (RFC 4180,
  // formula-injection safe).
  overviewCsv(options = {}) { return this.#ask('overviewCsv', options, true); }
  trackCsv(id, options = {}) {
    if (typeof id !== 'string') throw new TypeError(`track id must be a string, got ${describe(id)}`);
    return this.#ask('trackCsv', { ...options, track: id }, true);
  }

  // Bytes of this instance's WebAssembly memory (it grows, never shrinks).
  memoryBytes() {
    this.#live();
    return this.#module.HEAPU8.byteLength;
  }

  dispose() {
    if (this.#engine) this.#engine.delete();
    this.#engine = null;
    this.#module = null;
    this.#stopped ??= 'this Analytics instance was disposed';
  }

  #live() {
    if (this.#stopped) throw new Error(this.#stopped);
    return this.#engine;
  }

  // The binding returns failures as Error values (see bindings.cpp); anything
  // *thrown* is a trap or abort, after which the instance is not trusted.
  #call(fn) {
    let result;
    try {
      result = fn();
    } catch (error) {
      this.#stopped = `the analytics engine stopped after an internal error (${error?.message ?? error}); create a new instance`;
      this.#engine = null;
      this.#module = null;
      throw new Error(this.#stopped, { cause: error });
    }
    if (result instanceof Error) throw result;
    return result;
  }

  #ask(query, options, asText = false) {
    const request = requestOf(query, options);
    const engine = this.#live();
    const text = decoder.decode(this.#call(() => engine.request(utf8(JSON.stringify(request)))));
    return asText ? text : JSON.parse(text);
  }

  // Answers arrive as a view of UTF-8 bytes in wasm memory, valid until the
  // next call: decode at once.
  #json(fn) {
    return JSON.parse(decoder.decode(this.#call(fn)));
  }

  // The overview arrives packed (bindings.cpp): a JSON head whose "tracks" is
  // empty, and PACKED_ROW_WIDTH numbers per row that point into the track
  // list; buildOverview() makes the same objects the JSON answer has. The
  // views live in wasm memory until the next engine call, so the track list
  // is read first.
  #trackList(engine) {
    return (this.#tracks ??= this.#json(() => engine.trackList()));
  }

  // For the Worker (worker.js): the overview still packed, copied out of wasm
  // memory, so that only a short string and one transferable buffer cross to
  // the page, plus the track list when it changed since `knownTracks` (an
  // object identity).
  _overviewPacked(options, knownTracks) {
    const { head, rows, tracks } = this.#packed(options);
    return { head, rows: rows.slice(), tracks: tracks === knownTracks ? undefined : tracks };
  }

  // One packed overview: the head decoded, the rows still a view of wasm
  // memory (valid until the next engine call), and the track list, read first.
  #packed(options) {
    const ask = overviewCall(options);
    const engine = this.#live();
    const tracks = this.#trackList(engine);
    const { head, rows } = this.#call(() => ask(engine));
    return { head: decoder.decode(head), rows, tracks };
  }
}

// The engine call of an overview, its arguments checked first (a TypeError
// must not reach #call, which treats anything thrown as a broken instance).
function overviewCall(options = {}) {
  if (usesRequest(options)) {
    const request = utf8(JSON.stringify(requestOf('overview', options)));
    return (engine) => engine.overviewRequest(request);
  }
  const { period, platform = 'all', content = 'all', limit = Infinity, offset = 0 } = options;
  checkQuery(period, platform, content);
  checkCount('limit', limit);
  checkCount('offset', offset);
  const [p, c] = [utf8(platform), utf8(content)];
  return (engine) => engine.overview(period, p, c, limit, offset);
}

function requestOf(query, options) {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  const request = { ...options, query };
  if (request.limit === Infinity) delete request.limit;
  return request;
}

// Strings enter the engine as UTF-8 bytes made by TextEncoder: embind 3.1.6's
// own conversion turns a lone surrogate into a different, valid character.
const utf8 = (text) => encoder.encode(text);

function toBytes(data) {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`load expects a Uint8Array, an ArrayBuffer, a string or a ReadableStream, got ${describe(data)}`);
}

function isByteStream(data) {
  return typeof ReadableStream === 'function' && data instanceof ReadableStream;
}

// Options beyond period, filters and paging go through the request entry.
const REQUEST_OPTIONS = ['start', 'end', 'sort', 'descending', 'search', 'weekly'];
function usesRequest(options) {
  return options !== null && typeof options === 'object' && REQUEST_OPTIONS.some((key) => options[key] !== undefined);
}

// Types only: the ranges and words are checked by the core, with its messages.
function checkQuery(period, platform, content) {
  if (!Number.isSafeInteger(period)) throw new TypeError(`period must be a whole number of days, got ${describe(period)}`);
  if (typeof platform !== 'string') throw new TypeError(`platform must be a string, got ${describe(platform)}`);
  if (typeof content !== 'string') throw new TypeError(`content must be a string, got ${describe(content)}`);
}

function checkCount(name, value) {
  if (!(value === Infinity || (Number.isSafeInteger(value) && value >= 0)))
    throw new TypeError(`${name} must be a whole number >= 0, got ${describe(value)}`);
}

function describe(value) {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : `an object (${value.constructor?.name ?? 'Object'})`;
}

async function resolveWasmUrl(wasmUrl) {
  if (wasmUrl === undefined) return DEFAULT_WASM_URL;
  if (wasmUrl instanceof URL) return wasmUrl;
  if (typeof wasmUrl !== 'string') throw new TypeError(`wasmUrl must be a string or a URL, got ${describe(wasmUrl)}`);
  // Like fetch(): relative to the page; in Node, relative to the working directory.
  let base = globalThis.location?.href;
  if (!base && isNode) base = (await import('node:url')).pathToFileURL(`${process.cwd()}/`).href;
  return new URL(wasmUrl, base ?? import.meta.url);
}

async function compileFrom(url) {
  if (url.protocol === 'file:') {
    // Node's fetch() does not read files.
    const { readFile } = await import('node:fs/promises');
    return WebAssembly.compile(await readFile(url));
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`could not download the analytics engine ${url.href} (HTTP ${response.status})`);
  // Compiling while downloading needs the exact type application/wasm.
  if (response.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm')
    return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

// The glue's own loader guesses the environment and fails under Node 20 (no
// __dirname, fetch of a path): the instantiateWasm hook bypasses all of it.
async function instantiate(compiled) {
  let fail;
  const failed = new Promise((_, reject) => { fail = reject; });
  return Promise.race([
    createTtaModule({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled), fail);
        return {};
      },
    }),
    failed,
  ]);
}
