// Types of the engine's public API (bindings/js/index.js). Answers are the
// objects of the product contract's "Answers" section; dates are "YYYY-MM-DD"
// strings and every integer is exact (values and sums stay <= 2^53-1).

export type Period = number; // whole days, 1..3650 (the UI offers 7, 28, 90, 365)
/** A short-form platform a series can come from (docs/FORMAT.md). */
export type PlatformName = 'tiktok' | 'douyin' | 'youtube_shorts' | 'instagram_reels';
export type Platform = 'all' | PlatformName;
export type Content = 'all' | 'ugc' | 'pgc';
export type LoadPhase = 'copying' | 'reading' | 'parsing' | 'done';

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
  /**
   * Called as the load advances: 'copying' (into the engine), 'parsing' (checking and indexing), 'done'.
   * A stream load calls 'reading' after each chunk, then 'parsing' and 'done', with the bytes read so far.
   */
  onProgress?: (phase: LoadPhase, bytes?: number) => void;
}

/** The last `period` days of TikTok data, compared with the `period` days before them. */
export interface PeriodWindow {
  period: Period;
  start?: undefined;
  end?: undefined;
}

/** A custom date range (both inclusive, end on or before dataThrough.tiktok, at most 3650 days), compared with the range of the same length before it. */
export interface RangeWindow {
  start: string;
  end: string;
  period?: undefined;
}

/**
 * `platform` ('all' or one platform) or `platforms` (a set), not both. 'all',
 * the default, keeps every series, those without a platform included; a set
 * keeps exactly its platforms.
 */
export type Filters = (
  | { platform?: Platform; platforms?: undefined }
  | { platforms: [PlatformName, ...PlatformName[]]; platform?: undefined }
) & {
  content?: Content; // default 'all'
};

/**
 * Every query needs a window: a period or a range. A union, so that
 * `overview({})` or a range without its end is refused by the type checker.
 */
export type Query = (PeriodWindow | RangeWindow) & Filters;

export type SortKey = 'creations' | 'views' | 'streams' | 'title' | 'artist';

export type OverviewQuery = Query & {
  /** Cut the ranked `tracks` list only (tracksWithCreations stays the full count). Default: all of it. */
  limit?: number;
  offset?: number; // default 0
  /** Order of `tracks` (default creations); ties keep the standard ranking. */
  sort?: SortKey;
  descending?: boolean; // default true
  /** Case-insensitive filter on title, artist, ISRC or id; adds `matchingTracks`. */
  search?: string;
};

export type TrackQuery = Query & {
  /** 7-day buckets ending on the window's last day (the first may be shorter); adds series.days. */
  weekly?: boolean;
};

export interface SplitEntry {
  key: string;
  creations: number;
  views: number;
  share: number | null;
}
export interface SplitsAnswer {
  window: DateWindow;
  previousWindow: Omit<DateWindow, 'days'>;
  dataThrough: DataThrough;
  /** tiktok, douyin, youtube_shorts, instagram_reels, unknown (always all five): within the content filter. */
  platform: SplitEntry[];
  /** ugc, pgc, unknown: within the platform filter. */
  content: SplitEntry[];
}

export interface BreakoutsAnswer {
  window: DateWindow;
  previousWindow: Omit<DateWindow, 'days'>;
  dataThrough: DataThrough;
  minCreations: number;
  /** How many tracks broke out (before limit/offset). */
  breakouts: number;
  /** New tracks (no previous creations) first, then by growth. */
  tracks: Array<{
    id: string;
    title: string | null;
    artist: string | null;
    creations: number;
    previousCreations: number;
    growth: number | null;
  }>;
}

/** Why a lift makes no claim (docs/INSIGHTS.md, "Lift"). */
export type LiftReason = 'thin-activity' | 'no-streams' | 'not-significant';

/** The streams days a lift is estimated on (84 days, whatever the period). */
export interface LiftHistory {
  start: string;
  end: string;
  days: number;
}

export interface LiftFields {
  /** Days after a creation that streams follow it; null without a claim (then `reason` says why). */
  bestLag: number | null;
  /** Correlation of the filtered series at bestLag; null without a claim. */
  correlation: number | null;
  /** Extra streams per creation, rounded to what its interval supports; null without a claim or when the interval reaches 0. */
  streamsPerCreation: number | null;
  /** The ratio's interval (3 standard errors each side), rounded the same way; null without a claim. */
  streamsPerCreationInterval: { low: number; high: number } | null;
  /** null with a claim. */
  reason: LiftReason | null;
}

export interface LiftAnswer extends LiftFields {
  track: { id: string; title: string | null; artist: string | null; isrc: string | null };
  window: DateWindow;
  previousWindow: Omit<DateWindow, 'days'>;
  dataThrough: DataThrough;
  history: LiftHistory;
  /** Creations over the history and the 14 days before it, and the days among those with any. */
  historyCreations: number;
  historyCreationDays: number;
  /** Correlation per lag 0..14 of the filtered series; empty when the track was not tested. */
  lags: Array<{ lag: number; pairs: number; correlation: number | null }>;
}

export interface LiftRankingAnswer {
  window: DateWindow;
  previousWindow: Omit<DateWindow, 'days'>;
  history: LiftHistory;
  /** Tracks with a claim (before limit/offset). */
  claims: number;
  /** Only tracks with a claim: by correlation, then creations, then id. */
  tracks: Array<
    LiftFields & { id: string; title: string | null; artist: string | null; creations: number }
  >;
}

export interface CsvFiles {
  tiktok: Uint8Array | ArrayBuffer | string;
  streams?: Uint8Array | ArrayBuffer | string;
  /** The report day D, as in the JSON format; default: from the data. */
  asOf?: string;
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
  code: string; // two upper-case letters
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
  /** Creations of series without a territory (in `creations`, in no territory); only when the catalog has such series. */
  creationsWithoutTerritory?: number;
}

export interface OverviewAnswer extends Totals {
  tracksWithCreations: number;
  catalogTracks: number;
  /** Only with a search: how many tracks with creations match it. */
  matchingTracks?: number;
  /** Tracks with creations in the window, by creations desc, views desc, id asc. */
  tracks: OverviewTrack[];
}

export interface TrackAnswer extends Totals {
  track: { id: string; title: string | null; artist: string | null; isrc: string | null };
  /** At most 50, by creations desc then code. */
  territories: Array<TerritoryCreations & { views: number }>;
  /** Creations of series without a territory (in `creations`, in no territory); only when the catalog has such series. */
  creationsWithoutTerritory?: number;
  /** One entry per day of the window; streams is null for days with no data yet. */
  series: {
    dates: string[];
    days?: number[];
    creations: number[];
    views: number[];
    streams: Array<number | null>;
  };
}

/** The engine on the calling thread. Methods throw an Error carrying the core's message. */
export interface Analytics {
  /**
   * Loads a tiktok-analytics/v1 document (bytes are UTF-8 JSON) and returns its summary.
   * A refused document throws and leaves the data loaded before in place.
   */
  load(
    data: Uint8Array | ArrayBuffer | ArrayBufferView | string,
    options?: LoadOptions,
  ): LoadSummary;
  /**
   * A stream of bytes (fetch(url).body, File.stream(), through DecompressionStream('gzip') if need be)
   * is parsed chunk by chunk as it arrives. A stream that fails, or a document refused halfway,
   * rejects and leaves the data loaded before in place; so does a stream replaced by a buffer load
   * started meanwhile. Stream loads run one after another in call order (two dashboards sharing
   * one engine both load).
   */
  load(data: ReadableStream<Uint8Array>, options?: LoadOptions): Promise<LoadSummary>;
  /** Long-row CSV: tiktok `date,track,territory,platform,content,creations,views`, streams `date,track,streams`. */
  loadCsv(files: CsvFiles, options?: LoadOptions): LoadSummary;
  summary(): LoadSummary;
  overview(query: OverviewQuery): OverviewAnswer;
  track(id: string, query: TrackQuery): TrackAnswer;
  splits(query: Query & { track?: string }): SplitsAnswer;
  breakouts(
    query: Query & { minCreations?: number; limit?: number; offset?: number },
  ): BreakoutsAnswer;
  lift(id: string, query: Query): LiftAnswer;
  liftRanking(query: Query & { limit?: number; offset?: number }): LiftRankingAnswer;
  overviewCsv(query: OverviewQuery): string;
  trackCsv(id: string, query: Query): string;
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
  load(
    data: Uint8Array | ArrayBuffer | string | ReadableStream<Uint8Array>,
    options?: LoadOptions,
  ): Promise<LoadSummary>;
  /** Buffers are transferred like load()'s. */
  loadCsv(files: CsvFiles, options?: LoadOptions): Promise<LoadSummary>;
  summary(): Promise<LoadSummary>;
  overview(query: OverviewQuery): Promise<OverviewAnswer>;
  track(id: string, query: TrackQuery): Promise<TrackAnswer>;
  splits(query: Query & { track?: string }): Promise<SplitsAnswer>;
  breakouts(
    query: Query & { minCreations?: number; limit?: number; offset?: number },
  ): Promise<BreakoutsAnswer>;
  lift(id: string, query: Query): Promise<LiftAnswer>;
  liftRanking(query: Query & { limit?: number; offset?: number }): Promise<LiftRankingAnswer>;
  overviewCsv(query: OverviewQuery): Promise<string>;
  trackCsv(id: string, query: Query): Promise<string>;
  memoryBytes(): Promise<number>;
  /** Frees the engine's data; the Worker stays up until terminate(). */
  dispose(): Promise<void>;
  /** Stops the Worker; calls in flight and later reject. */
  terminate(): void;
}

export function createAnalytics(options?: EngineOptions): Promise<Analytics>;
/** Browsers only (module Workers); in Node use createAnalytics. */
export function createAnalyticsWorker(options?: WorkerOptions): Promise<AnalyticsWorker>;
