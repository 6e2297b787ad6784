// Types of the engine's public API (bindings/js/index.js). Answers are the
// objects of the product contract's "Answers" section; dates are "YYYY-MM-DD"
// strings and every integer is exact (values and sums stay <= 2^53-1).

export type Period = number;  // whole days, 1..3650 (the UI offers 7, 28, 90, 365)
export type Platform = 'all' | 'tiktok' | 'douyin';
export type Content = 'all' | 'ugc' | 'pgc';
export type LoadPhase = 'copying' | 'parsing' | 'done';

export interface EngineOptions {
  /** Where tta_wasm.wasm is; default: beside index.js. A relative string resolves against the page (in Node, the working directory). */
  wasmUrl?: string | URL;
  /** The .wasm bytes themselves; wins over wasmUrl. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export interface WorkerOptions extends EngineOptions {
  /** Where worker.js is; default: beside index.js. */
  workerUrl?: string | URL;
}

export interface LoadOptions {
  /** Called as the load advances: 'copying' (into the engine), 'parsing' (checking and indexing), 'done'. */
  onProgress?: (phase: LoadPhase) => void;
}

export interface Query {
  period: Period;
  platform?: Platform;  // default 'all'
  content?: Content;    // default 'all'
}

export interface OverviewQuery extends Query {
  /** Cut the ranked `tracks` list only (tracksWithCreations stays the full count). Default: all of it. */
  limit?: number;
  offset?: number;  // default 0
}

export interface LoadSummary {
  tracks: number;
  tiktokSeries: number;
  streamsSeries: number;
  /** Values in all day arrays (a creations+views pair counts once). */
  dailyPoints: number;
  firstDay: string | null;
  lastDay: string | null;
  /** Memory held by the aggregation store. */
  storeBytes: number;
  /** Absent until a document is loaded. */
  dataThrough?: DataThrough;
}

export interface DataThrough {
  tiktok: string;
  /** null when the document has no streams series and no asOf. */
  streams: string | null;
}

export interface DateWindow {
  start: string;
  end: string;
  days: number;
}

export interface Change {
  current: number;
  previous: number;
  /** (current - previous) / previous, or null when previous is 0. */
  change: number | null;
}

export interface Totals {
  window: DateWindow;
  previousWindow: Omit<DateWindow, 'days'>;
  dataThrough: DataThrough;
  creations: Change;
  views: Change;
  streams: Change;
}

export interface TerritoryCreations {
  code: string;  // two upper-case letters
  creations: number;
}

export interface OverviewTrack {
  id: string;
  title: string | null;
  artist: string | null;
  creations: number;
  views: number;
  streams: number;
  /** At most 3, by creations desc then code. */
  topTerritories: TerritoryCreations[];
}

export interface OverviewAnswer extends Totals {
  tracksWithCreations: number;
  catalogTracks: number;
  /** Tracks with creations in the window, by creations desc, views desc, id asc. */
  tracks: OverviewTrack[];
}

export interface TrackAnswer extends Totals {
  track: { id: string; title: string | null; artist: string | null; isrc: string | null };
  /** At most 50, by creations desc then code. */
  territories: Array<TerritoryCreations & { views: number }>;
  /** One entry per day of the window; streams is null for days with no data yet. */
  series: { dates: string[]; creations: number[]; views: number[]; streams: Array<number | null> };
}

/** The engine on the calling thread. Methods throw an Error carrying the core's message. */
export interface Analytics {
  /**
   * Loads a tiktok-analytics/v1 document (bytes are UTF-8 JSON) and returns its summary.
   * A refused document throws and leaves the data loaded before in place.
   */
  load(data: Uint8Array | ArrayBuffer | ArrayBufferView | string, options?: LoadOptions): LoadSummary;
  summary(): LoadSummary;
  overview(query: OverviewQuery): OverviewAnswer;
  track(id: string, query: Query): TrackAnswer;
  /** Bytes of this instance's WebAssembly memory (it grows, never shrinks). */
  memoryBytes(): number;
  /** Frees everything; any later call throws "this Analytics instance was disposed". */
  dispose(): void;
}

/** The same engine in a module Worker: every method returns a Promise. */
export interface AnalyticsWorker {
  /**
   * An ArrayBuffer, or the buffer under a Uint8Array, is transferred to the
   * Worker, not copied: the caller's buffer is detached (byteLength 0) after.
   */
  load(data: Uint8Array | ArrayBuffer | string, options?: LoadOptions): Promise<LoadSummary>;
  summary(): Promise<LoadSummary>;
  overview(query: OverviewQuery): Promise<OverviewAnswer>;
  track(id: string, query: Query): Promise<TrackAnswer>;
  memoryBytes(): Promise<number>;
  /** Frees the engine's data; the Worker stays up until terminate(). */
  dispose(): Promise<void>;
  /** Stops the Worker; calls in flight and later reject. */
  terminate(): void;
}

export function createAnalytics(options?: EngineOptions): Promise<Analytics>;
/** Browsers only (module Workers); in Node use createAnalytics. */
export function createAnalyticsWorker(options?: WorkerOptions): Promise<AnalyticsWorker>;
