// The engine's public entry: createAnalytics() runs the WebAssembly core on the
// calling thread, createAnalyticsWorker() in a module Worker. The same file
// works unchanged in pages, module Workers and Node 20.
//
// tta_wasm.js and tta_wasm.wasm sit next to this file (the build copies them
// here), so a flat copy of this folder is a complete engine.
import { workerAccess } from './internal.js';
import { buildOverview } from './packed-overview.js';
import createTtaModule from './tta_wasm.js';

export { createAnalyticsWorker } from './analytics-worker.js';

// Literal, so that bundlers (Vite, webpack 5) emit the .wasm and rewrite this URL.
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
      throw new TypeError(
        `wasmBinary must be an ArrayBuffer or a Uint8Array, got ${describe(wasmBinary)}`,
      );
    compiled = WebAssembly.compile(wasmBinary);
  } else {
    const url = await resolveWasmUrl(wasmUrl);
    compiled = compiledByUrl.get(url.href);
    if (!compiled) {
      compiled = compileFrom(url);
      compiledByUrl.set(url.href, compiled);
      compiled.catch(() => compiledByUrl.delete(url.href)); // a failed download may be retried
    }
  }
  return new Analytics(await instantiate(await compiled));
}

class Analytics {
  #module;
  #engine;
  #stopped = null; // why calls are refused: disposed, or the instance failed
  #tracks = null; // the loaded catalog's [{ id, title, artist }], by track index; read once per load
  #streaming = null; // the load reading a stream now, if any (a token: a newer load replaces it)
  #streamsBefore = Promise.resolve(); // settles when the stream loads called so far have ended

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
    this.#dropStream(); // the newest load wins
    onProgress?.('copying');
    // The bytes cross in slices through the stream reader, each parsed and
    // freed at once: the whole document is never in the engine's memory, whose
    // peak is then the stream's (the same answers and messages for any slicing).
    this.#call(() => engine.beginStream());
    try {
      for (let at = 0; at < bytes.length; at += LOAD_SLICE) {
        const slice = bytes.subarray(at, at + LOAD_SLICE);
        const address = this.#call(() => engine.inputBuffer(slice.length));
        // Read HEAPU8 only now: reserving the slice may have grown the memory.
        this.#module.HEAPU8.set(slice, address);
        this.#call(() => engine.feedInput());
      }
      onProgress?.('parsing');
      const summary = this.#json(() => engine.finishStream());
      this.#tracks = null; // a new catalog (a refused one threw above and kept the old one)
      onProgress?.('done');
      return summary;
    } catch (error) {
      // Frees what was read (a refused piece's reading is already dropped);
      // an engine stopped by an internal error has nothing left to free.
      if (this.#engine) engine.abortStream();
      throw error;
    }
  }

  // Long-row CSV (date,track,territory,platform,content,creations,views and
  // optionally date,track,streams), with the same guarantees as load().
  loadCsv({ tiktok, streams = '', asOf = '' } = {}, { onProgress } = {}) {
    const first = toBytes(tiktok);
    const second = toBytes(streams);
    if (typeof asOf !== 'string')
      throw new TypeError(`asOf must be a string, got ${describe(asOf)}`);
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
    const reader = stream.getReader(); // a stream already being read throws here, before anything changed
    // Streams load one after another, in the order load() was called: two
    // dashboards that share an engine both load, and both must get their
    // catalog. (A buffer load, which cannot wait, still replaces a stream
    // being read.)
    const previous = this.#streamsBefore;
    let finished;
    this.#streamsBefore = new Promise((resolve) => {
      finished = resolve;
    });
    try {
      await previous;
      return await this.#readStream(reader, onProgress);
    } finally {
      finished();
    }
  }

  async #readStream(reader, onProgress) {
    this.#live();
    this.#dropStream();
    const load = {};
    this.#streaming = load;
    let bytes = 0;
    try {
      this.#call(() => this.#engine.beginStream());
      for (;;) {
        const { done, value } = await reader.read();
        if (this.#streaming !== load) {
          throw new Error(
            this.#stopped ??
              'a newer load replaced this one before it ended; its data was not loaded',
          );
        }
        const engine = this.#live(); // disposed meanwhile: throws
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
      this.#tracks = null; // a new catalog
      onProgress?.('done', bytes);
      return summary;
    } catch (error) {
      reader.cancel(error).catch(() => {}); // stops the download
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
    const { head, rows, tracks, width } = this.#packed(options);
    return buildOverview(JSON.parse(head), rows, tracks, width);
  }

  track(id, options = {}) {
    if (typeof id !== 'string')
      throw new TypeError(`track id must be a string, got ${describe(id)}`);
    return this.#ask('track', { ...options, track: id });
  }

  // Shares by platform (tiktok, douyin, youtube_shorts, instagram_reels,
  // unknown) and by content (ugc, pgc,
  // unknown), for the catalog or for one track ({ track: id }).
  splits(options = {}) {
    return this.#ask('splits', options);
  }

  // Tracks whose creations at least doubled, with at least minCreations (50).
  breakouts(options = {}) {
    return this.#ask('breakouts', options);
  }

  // How a track's daily streams follow its daily creations, lags 0-14 days.
  lift(id, options = {}) {
    if (typeof id !== 'string')
      throw new TypeError(`track id must be a string, got ${describe(id)}`);
    return this.#ask('lift', { ...options, track: id });
  }

  // Tracks whose streams follow TikTok most closely.
  liftRanking(options = {}) {
    return this.#ask('liftRanking', options);
  }

  // The ranked table and a track's daily series as CSV text (RFC 4180,
  // formula-injection safe).
  overviewCsv(options = {}) {
    return this.#ask('overviewCsv', options, true);
  }
  trackCsv(id, options = {}) {
    if (typeof id !== 'string')
      throw new TypeError(`track id must be a string, got ${describe(id)}`);
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

  // For the Worker only (worker.js, through internal.js, which the package
  // does not export): the overview still packed, copied out of wasm memory, so
  // that only a short string and one transferable buffer cross to the page,
  // plus the track list when it changed since `knownTracks` (an object identity).
  static {
    workerAccess.overviewPacked = (analytics, options, knownTracks) => {
      const { head, rows, tracks, width } = analytics.#packed(options);
      return {
        head,
        rows: rows.slice(),
        width,
        tracks: tracks === knownTracks ? undefined : tracks,
      };
    };
  }

  // One packed overview: the head decoded, the rows still a view of wasm
  // memory (valid until the next engine call), and the track list, read first.
  #packed(options) {
    // Checked before the engine is called: a TypeError must not reach #call,
    // which treats anything thrown as a broken instance.
    const request = utf8(JSON.stringify(requestOf('overview', options)));
    const engine = this.#live();
    const tracks = this.#trackList(engine);
    const { head, rows } = this.#call(() => engine.overviewRequest(request));
    return { head: decoder.decode(head), rows, tracks, width: this.#module.PACKED_ROW_WIDTH };
  }
}

// Every query crosses as one JSON request (core/request.hpp). The core checks
// ranges and words, with the same messages as the CLI; the types are checked
// here, so that a wrong call is a TypeError that names the option.
function requestOf(query, options) {
  if (options === null || typeof options !== 'object')
    throw new TypeError(`options must be an object, got ${describe(options)}`);
  const request = { ...options, query };
  for (const [key, check] of Object.entries(OPTION_TYPES))
    if (request[key] !== undefined) check(key, request[key]);
  if (request.period === undefined && request.start === undefined && request.end === undefined)
    throw new TypeError('period (a whole number of days) or start and end are required');
  if (request.limit === Infinity) delete request.limit;
  // Text crosses as UTF-8, where a lone UTF-16 surrogate has no form: like any
  // UTF-8 front end, it reaches the core as U+FFFD.
  for (const key of TEXT_OPTIONS)
    if (typeof request[key] === 'string') request[key] = wellFormed(request[key]);
  if (Array.isArray(request.platforms)) request.platforms = request.platforms.map(wellFormed);
  return request;
}

// A buffer load crosses into the engine 1 MiB at a time.
const LOAD_SLICE = 1 << 20;

const OPTION_TYPES = {
  period: checkWhole,
  platform: checkText,
  platforms: checkWords,
  content: checkText,
  limit: checkCount,
  offset: checkCount,
  minCreations: checkCount,
  start: checkText,
  end: checkText,
  sort: checkText,
  search: checkText,
  descending: checkFlag,
  weekly: checkFlag,
  track: checkText,
};
const TEXT_OPTIONS = ['platform', 'content', 'start', 'end', 'sort', 'search', 'track'];

// Strings enter the engine as UTF-8 bytes made by TextEncoder: embind 3.1.6's
// own conversion turns a lone surrogate into a different, valid character.
const utf8 = (text) => encoder.encode(text);

function toBytes(data) {
  if (typeof data === 'string') return encoder.encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(
    `load expects a Uint8Array, an ArrayBuffer, a string or a ReadableStream, got ${describe(data)}`,
  );
}

function isByteStream(data) {
  return typeof ReadableStream === 'function' && data instanceof ReadableStream;
}

function checkWhole(name, value) {
  if (!Number.isSafeInteger(value))
    throw new TypeError(`${name} must be a whole number of days, got ${describe(value)}`);
}

function checkText(name, value) {
  if (typeof value !== 'string')
    throw new TypeError(`${name} must be a string, got ${describe(value)}`);
}

const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text) => text.replace(LONE_SURROGATES, '\uFFFD');

// A set of platforms: an array of strings (the core checks the words).
function checkWords(name, value) {
  if (!Array.isArray(value) || value.some((word) => typeof word !== 'string'))
    throw new TypeError(`${name} must be an array of strings, got ${describe(value)}`);
}

function checkFlag(name, value) {
  if (typeof value !== 'boolean')
    throw new TypeError(`${name} must be true or false, got ${describe(value)}`);
}

function checkCount(name, value) {
  if (!(value === Infinity || (Number.isSafeInteger(value) && value >= 0)))
    throw new TypeError(`${name} must be a whole number >= 0, got ${describe(value)}`);
}

function describe(value) {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (value === null || typeof value !== 'object') return String(value);
  return Array.isArray(value) ? 'an array' : `an object (${value.constructor?.name ?? 'Object'})`;
}

async function resolveWasmUrl(wasmUrl) {
  if (wasmUrl === undefined) return DEFAULT_WASM_URL;
  if (wasmUrl instanceof URL) return wasmUrl;
  if (typeof wasmUrl !== 'string')
    throw new TypeError(`wasmUrl must be a string or a URL, got ${describe(wasmUrl)}`);
  // Like fetch(): relative to the page; in Node, relative to the working directory.
  let base = globalThis.location?.href;
  if (!base && isNode)
    base = (await importNode('node:url')).pathToFileURL(`${process.cwd()}/`).href;
  return new URL(wasmUrl, base ?? import.meta.url);
}

// Node's own modules, reached only under Node. The specifier is a variable and
// marked ignored, so browser bundlers neither resolve nor bundle it (webpack 5
// refuses node: URLs, Vite would swap in an empty stand-in).
const importNode = (specifier) => import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);

async function compileFrom(url) {
  if (url.protocol === 'file:') {
    // Node's fetch() does not read files.
    const { readFile } = await importNode('node:fs/promises');
    return WebAssembly.compile(await readFile(url));
  }
  const response = await fetch(url, { credentials: 'same-origin' });
  if (!response.ok)
    throw new Error(
      `could not download the analytics engine ${url.href} (HTTP ${response.status})`,
    );
  // Compiling while downloading needs the exact type application/wasm.
  if (response.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm')
    return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

// The glue's own loader guesses the environment and fails under Node 20 (no
// __dirname, fetch of a path): the instantiateWasm hook bypasses all of it.
async function instantiate(compiled) {
  let fail;
  const failed = new Promise((_, reject) => {
    fail = reject;
  });
  return Promise.race([
    createTtaModule({
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(compiled, imports).then(
          (instance) => receive(instance, compiled),
          fail,
        );
        return {};
      },
    }),
    failed,
  ]);
}
