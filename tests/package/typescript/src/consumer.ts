// Compiles under tsc --strict with the package's own types, found through its
// "exports" (bundler and node16 resolution). The @ts-expect-error lines must
// hold: if the types stopped refusing those calls, tsc would fail here.
import { createAnalytics, createAnalyticsWorker } from 'tiktok-catalog-analytics';
import type { AnalyticsWorker, OverviewAnswer, Query } from 'tiktok-catalog-analytics';
import { mountDashboard } from 'tiktok-catalog-analytics/dashboard';
import type {
  DashboardHandle,
  DashboardState,
  TikTokAnalyticsElement,
} from 'tiktok-catalog-analytics/dashboard';

export async function topTrack(engine: AnalyticsWorker): Promise<string | null> {
  const answer: OverviewAnswer = await engine.overview({ period: 28, limit: 1 });
  const first = answer.tracks[0];
  return first ? `${first.title ?? first.id}: ${first.creations}` : null;
}

export async function ranges(): Promise<number> {
  const engine = await createAnalytics();
  const byRange = engine.overview({ start: '2026-01-01', end: '2026-01-31', platform: 'tiktok' });
  // @ts-expect-error a query needs a period or a range
  engine.overview({});
  // @ts-expect-error a range needs both ends
  engine.overview({ start: '2026-01-01' });
  // @ts-expect-error a period is a number of days
  engine.track('T0001', { period: '28' });
  // @ts-expect-error no such platform
  engine.overview({ period: 7, platform: 'youtube' });
  const query: Query = { period: 90, content: 'ugc' };
  return byRange.tracksWithCreations + engine.overview(query).catalogTracks;
}

export async function embed(host: HTMLElement): Promise<DashboardHandle> {
  const engine = await createAnalyticsWorker();
  const handle = mountDashboard(host, {
    engine,
    locale: 'fr',
    source: async () => fetch('/catalog.json'),
    state: { period: 28, filters: { platform: 'all' } },
  });
  // @ts-expect-error only en and fr exist
  handle.setLocale('de');
  handle.setState({ range: { start: '2026-01-01', end: '2026-01-31' } });
  // @ts-expect-error a period is a number of days
  handle.setState({ period: '28' });
  const state: DashboardState = handle.getState();
  const days: number | null = state.period;
  const loaded: boolean = await handle.load(new Uint8Array(0));
  const element: TikTokAnalyticsElement = document.createElement('tiktok-analytics');
  element.addEventListener('trackopen', (event) => console.log(event.detail.trackId.toUpperCase()));
  element.addEventListener('loaderror', (event) => console.log(event.detail.message));
  element.addEventListener('catalogload', (event) => console.log(event.detail.tracks));
  element.routing = 'none';
  element.engine = engine;
  element.state = { trackId: null };
  console.log(state.trackId, days, loaded);
  return handle;
}
