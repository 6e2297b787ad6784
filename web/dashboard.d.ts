// Types of the dashboard entry (web/dashboard.js, the package's "./dashboard"):
// mountDashboard() and the <tiktok-analytics> element built on it.
// The engine's own types are the package's main entry ("." = bindings/js/index.d.ts).
import type { AnalyticsWorker, Content, Platform } from '../bindings/js/index.js';

export type DashboardLocale = 'en' | 'fr';
export type DashboardRouting = 'none' | 'hash';

/** The catalog: a URL, its bytes, or a function through which the host fetches it (its own auth). */
export type DashboardSource =
  | string
  | URL
  | ArrayBuffer
  | Uint8Array
  | (() => Promise<ArrayBuffer | Uint8Array | Response>);

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

export interface DashboardFilters {
  platform?: Platform;
  content?: Content;
}

interface DashboardStateBase {
  /** The open track's id, or null for the overview. */
  trackId?: string | null;
  filters?: DashboardFilters;
}

/** What the dashboard shows: a period (days) or a custom range, a track, filters. */
export type DashboardState =
  | (DashboardStateBase & { period: number; range?: undefined })
  | (DashboardStateBase & { range: { start: string; end: string }; period?: undefined });

/** A change: any part of the state; a period replaces a range and the other way round. */
export type DashboardStatePatch = DashboardStateBase & {
  period?: number;
  range?: { start: string; end: string };
};

export interface DashboardOptions {
  source?: DashboardSource;
  /** An engine to share between instances (createAnalyticsWorker()); the host terminates it. */
  engine?: AnalyticsWorker;
  locale?: DashboardLocale;
  links?: DashboardLinks;
  /** 'none' (default): the host owns the URL; 'hash': the dashboard keeps its state in location.hash. */
  routing?: DashboardRouting;
  state?: DashboardStatePatch;
}

export interface DashboardHandle {
  setState(partial: DashboardStatePatch): void;
  getState(): DashboardState;
  /** Loads another catalog; a refused one leaves the current data in place (and emits loaderror). */
  load(source: DashboardSource): Promise<void>;
  setLocale(locale: DashboardLocale): void;
  /** Stops the engine's Worker (unless shared), removes listeners, destroys the charts. */
  destroy(): void;
}

export interface DashboardEventMap {
  statechange: CustomEvent<DashboardState>;
  trackopen: CustomEvent<{ trackId: string }>;
  catalogload: CustomEvent<unknown>;
  loaderror: CustomEvent<{ message: string }>;
}

export function mountDashboard(element: HTMLElement, options?: DashboardOptions): DashboardHandle;

/**
 * <tiktok-analytics src="catalog.json" period="28" locale="fr">, registered by
 * importing this entry. Attributes: src, period, locale; properties for the rest.
 */
export interface TikTokAnalyticsElement extends HTMLElement {
  engine: AnalyticsWorker | undefined;
  links: DashboardLinks | undefined;
  routing: DashboardRouting;
  source: DashboardSource | undefined;
  /** Reads the whole state; setting it applies a change, as setState() does. */
  get state(): DashboardState;
  set state(patch: DashboardStatePatch);
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
}

declare global {
  interface HTMLElementTagNameMap {
    'tiktok-analytics': TikTokAnalyticsElement;
  }
}
