// Types of the dashboard entry (web/dashboard.js, the package's "./dashboard"):
// mountDashboard() and the <tiktok-analytics> element built on it.
// The engine's own types are the package's main entry ("." = bindings/js/index.d.ts).
import type {
  AnalyticsWorker,
  Content,
  LoadSummary,
  PlatformName,
  SortKey,
} from '../bindings/js/index.js';

export type DashboardLocale = 'en' | 'fr';
export type DashboardRouting = 'none' | 'hash';

/** The catalog: a URL, its bytes, or a function through which the host fetches it (its own auth). */
export type DashboardSource =
  string | URL | ArrayBuffer | Uint8Array | (() => Promise<ArrayBuffer | Uint8Array | Response>);

export interface DashboardArticle {
  title: string;
  url: string;
  /** One line under the title. */
  summary: string;
}

export interface DashboardLinks {
  /** The documentation link in the page's header. */
  documentation?: string;
  /** The three articles of the empty state. */
  articles?: [DashboardArticle, DashboardArticle, DashboardArticle];
  /** The "learn more" resources link under the FAQ. */
  learnMore?: string;
}

/** An app the platform filter can choose. */
export type DashboardPlatform = PlatformName;

export interface DashboardFilters {
  /**
   * 'all' (every series, those with no app too), one app, or a set of apps.
   * Unknown words are dropped; an empty set is 'all'.
   */
  platform?: 'all' | DashboardPlatform | DashboardPlatform[];
  content?: Content;
}

export type DashboardPage = 'overview' | 'track';
export type DashboardView = 'tracks' | 'breakouts';

/** What the dashboard shows, as getState() and statechange give it. */
export interface DashboardState {
  page: DashboardPage;
  /** The open track's id (null on the overview). */
  trackId: string | null;
  /** Days of the window; null when a custom range is shown. */
  period: number | null;
  range: { start: string; end: string } | null;
  /** platform: 'all', or the chosen apps in the order tiktok, douyin, youtube_shorts, instagram_reels. */
  filters: { platform: 'all' | DashboardPlatform[]; content: Content };
  tablePage: number;
  sort: SortKey;
  descending: boolean;
  search: string;
  view: DashboardView;
  /** The track chart by weeks (true) or days (false); null: the default for the window. */
  weekly: boolean | null;
}

/**
 * A change (setState, the state option and property): any part of the state.
 * A period replaces a range and the other way round; a trackId opens that
 * track, null goes back to the overview.
 */
export interface DashboardStatePatch {
  page?: DashboardPage;
  trackId?: string | null;
  period?: number;
  range?: { start: string; end: string };
  filters?: DashboardFilters;
  tablePage?: number;
  sort?: SortKey;
  descending?: boolean;
  search?: string;
  view?: DashboardView;
  weekly?: boolean | null;
}

export interface DashboardOptions {
  source?: DashboardSource;
  /** An engine to share between instances (createAnalyticsWorker()); the host terminates it. */
  engine?: AnalyticsWorker;
  locale?: DashboardLocale;
  links?: DashboardLinks;
  /** 'none' (default): the host owns the URL; 'hash': the dashboard keeps it in location.hash. */
  routing?: DashboardRouting;
  state?: DashboardStatePatch;
  /** The catalog's name in the header; default: the locale's "Sample catalog". */
  name?: string;
}

export interface DashboardHandle {
  setState(partial: DashboardStatePatch): void;
  getState(): DashboardState;
  /**
   * Loads another catalog: true once shown; false when refused (a loaderror
   * event says why), which leaves the current data in place.
   */
  load(source: DashboardSource): Promise<boolean>;
  setLocale(locale: DashboardLocale): void;
  setLinks(links: DashboardLinks): void;
  readonly locale: DashboardLocale;
  /** Stops the engine's Worker (unless shared), removes listeners, destroys the charts. */
  destroy(): void;
}

export interface DashboardEventMap {
  statechange: CustomEvent<DashboardState>;
  trackopen: CustomEvent<{ trackId: string }>;
  catalogload: CustomEvent<LoadSummary & { name: string }>;
  loaderror: CustomEvent<{ message: string }>;
}

export function mountDashboard(element: HTMLElement, options?: DashboardOptions): DashboardHandle;

/**
 * <tiktok-analytics src="catalog.json" period="28" locale="fr">, registered by
 * importing this entry. Attributes: src, period, locale; properties for the
 * rest, set before the element is connected (or in the same task) to count
 * from the start. Removing the element destroys its dashboard.
 */
export declare class TikTokAnalyticsElement extends HTMLElement {
  engine: AnalyticsWorker | undefined;
  links: DashboardLinks | undefined;
  routing: DashboardRouting;
  /** Setting it after the element mounted loads that catalog. */
  source: DashboardSource | undefined;
  locale: DashboardLocale;
  /** Reads the whole state; setting it applies a change, as setState() does. */
  get state(): DashboardState;
  set state(patch: DashboardStatePatch);
  load(source: DashboardSource): Promise<boolean | void>;
  setState(partial: DashboardStatePatch): void;
  getState(): DashboardState;
  setLocale(locale: DashboardLocale): void;
  addEventListener<K extends keyof DashboardEventMap>(
    type: K,
    listener: (this: TikTokAnalyticsElement, event: DashboardEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof DashboardEventMap>(
    type: K,
    listener: (this: TikTokAnalyticsElement, event: DashboardEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'tiktok-analytics': TikTokAnalyticsElement;
  }
}
