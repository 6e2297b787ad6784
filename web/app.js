// One dashboard: its shadow root, its state (router.js), its answers
// (data.js) and its pages, rendered again on every state change. Controls
// change the state; only this module asks data.js for answers and hands them
// to the pages. Nothing is kept at module level: two dashboards on a page
// share nothing but the code.
//
// A render paints the page's main answer first (KPIs, table or chart; <main
// aria-busy> turns false), then, after that frame, asks for the insights
// (breakout badges, splits, lift, the map), so the period switch stays as
// fast as one overview. <main data-insights> is "ready" when they are drawn.
import { createBestTrack } from './best-track.js';
import { createBreakouts } from './breakouts.js';
import { sortCatalogFiles } from './catalog-files.js';
import { createDailyChart } from './chart-daily.js';
import { csvFileName, exportFrom } from './csv-export.js';
import { createData, readBody, STREAMS_TRANSFER } from './data.js';
import { createDateRange } from './date-range.js';
import { setHidden, setNodeText } from './dom.js';
import { createI18n, pickLocale } from './i18n.js';
import { createKpiCards } from './kpi-cards.js';
import { createLiftPanel } from './lift-panel.js';
import { createLiftRanking } from './lift-ranking.js';
import { createLoadData } from './load-data.js';
import { createOverviewPage } from './overview-page.js';
import {
  PERIODS,
  createRouter,
  formatHash,
  parseHash,
  periodState,
  publicState,
  stateChanges,
  trackHashes,
} from './router.js';
import { createSplitsPanel } from './splits-panel.js';
import { createTableControls } from './table-controls.js';
import { template } from './template.js';
import { createTerritories } from './territories.js';
import { createTerritoryMap } from './territory-map.js';
import { readTheme } from './theme.js';
import { createToolbar } from './toolbar.js';
import { createTrackPage } from './track-page.js';

const STYLESHEET = new URL('./styles.css', import.meta.url).href;
export const DEFAULT_LINKS = {
  documentation: 'https://artists.tiktok.com/',
  articles: null, // the catalog's three articles
  learnMore: 'https://artists.tiktok.com/',
};

// One frame painted: the insights are asked for after the user sees the page.
const afterPaint = () =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
// A task of its own for each insight: the answers kept from an earlier visit
// of a window arrive together, and drawn in one go they would hold the main
// thread (and a click on the next period) for the time of all of them.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
const whenIdle = () =>
  new Promise((resolve) =>
    globalThis.requestIdleCallback
      ? requestIdleCallback(resolve, { timeout: 2000 })
      : setTimeout(resolve, 50),
  );

// The lift ranking correlates every track's days (about 0.7 ms per track for
// 365 days in the Worker): for a large catalog and window it would hold the
// Worker for a second, and a period switch would queue behind it. So past a
// budget it waits until the user stays on the window, and says it is updating.
const LIFT_BUDGET_TRACK_DAYS = 10_000; // about 20 ms of the Worker
const LIFT_IDLE_MS = 600;

export function createDashboard(host, options = {}) {
  const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
  const lifetime = new AbortController(); // every listener outside the shadow root goes with it
  const signal = lifetime.signal;
  const routing = options.routing === 'hash' ? 'hash' : 'none';
  const data = createData({ engine: options.engine ?? null });
  let links = { ...DEFAULT_LINKS, ...(options.links ?? {}) };
  let i18n = createI18n(options.locale);
  let ui = null; // the pages of the current language (rebuilt by setLocale)
  let catalogLoaded = false;
  let catalog = null; // { name, summary } of the loaded catalog
  let renderCount = 0; // answers to an older render are dropped
  let shownPage = null; // 'overview' | 'track', to move focus when it changes
  let shownWindow = null; // the window of the answer on screen, for file names
  let lastTrackOpened = null;
  let destroyed = false;
  const scrollByHash = new Map(); // where each overview state was scrolled to (hash routing)
  let scrolledTo = 0;
  let lastHash = '';

  const emit = (type, detail) =>
    host.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));

  const router = createRouter({
    mode: routing,
    initial: formatHash({ page: 'overview', ...parseInitial() }),
    signal,
    onChange: () => {
      if (routing === 'hash' && !lastHash.startsWith('#/track/'))
        scrollByHash.set(lastHash, scrolledTo);
      lastHash = router.hash();
      router.canonicalize();
      render(router.currentState());
      const now = router.currentState();
      emit('statechange', publicState(now));
      if (now.page === 'track' && now.trackId !== lastTrackOpened)
        emit('trackopen', { trackId: now.trackId });
      lastTrackOpened = now.page === 'track' ? now.trackId : null;
    },
  });
  function parseInitial() {
    // The host's initial state, in the router's terms (hash routing reads the URL instead).
    const changes = stateChanges(options.state ?? {});
    return {
      period: 28,
      platform: 'all',
      content: 'all',
      tablePage: 1,
      sort: 'creations',
      descending: true,
      search: '',
      view: 'tracks',
      weekly: null,
      trackId: null,
      ...changes,
    };
  }
  if (routing === 'hash' && options.state && !location.hash)
    router.replace(formatHash(parseInitial()));
  lastTrackOpened = router.currentState().page === 'track' ? router.currentState().trackId : null;

  function byId(id) {
    return root.getElementById(id);
  }
  const ctx = {
    host,
    root,
    byId,
    signal,
    router,
    data,
    routing,
    get t() {
      return i18n.t;
    },
    get fmt() {
      return i18n.format;
    },
    setText: (id, text) => setNodeText(byId(id), text),
    theme: () => readTheme(host),
    showError: (text) => ui?.load.showError(text),
    // Titles and artists may be absent from a document (null in answers).
    trackTitle: (track) => track.title ?? i18n.t('track.untitled', { id: track.id }),
    artistName: (artist) => artist ?? i18n.t('track.unknownArtist'),
    // An app's name ('unknown': a series with no app).
    platformName: (key) =>
      key === 'unknown' ? i18n.t('splits.unknown') : i18n.t(`platform.${key}`),
    // The apps a platform filter counts, as a phrase ("TikTok and YouTube Shorts", "all apps").
    apps: (platform) =>
      platform === 'all'
        ? i18n.t('platform.everyApp')
        : new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(
            platform.map((key) => i18n.t(`platform.${key}`)),
          ),
  };

  // Links inside the dashboard change its state, never the host's URL (with
  // routing 'none'); with 'hash' they are plain fragment links, as before.
  root.addEventListener('click', (event) => {
    const link = event.target.closest?.('a[href^="#"]');
    if (
      !link ||
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey
    )
      return;
    const href = link.getAttribute('href');
    if (link.id === 'skip-link') {
      event.preventDefault();
      const target = ui?.firstRowLink() ?? byId('ranking');
      target.focus();
      return;
    }
    if (routing === 'none' && href.startsWith('#/')) {
      event.preventDefault();
      router.go(href);
    }
  });

  function buildUi() {
    root.innerHTML = template(ctx.t, links, STYLESHEET);
    const wrapper = root.querySelector('.tta');
    // Shown once its stylesheet is in: no unstyled flash, no shift.
    root.querySelector('link').addEventListener(
      'load',
      () => {
        wrapper.hidden = false;
      },
      { once: true },
    );
    root.querySelector('link').addEventListener(
      'error',
      () => {
        wrapper.hidden = false;
      },
      { once: true },
    );
    const territories = createTerritories(ctx, wrapper);
    const kpis = createKpiCards(ctx);
    const breakouts = createBreakouts(ctx);
    const dateRange = createDateRange(ctx);
    const tableControls = createTableControls(ctx);
    const overview = createOverviewPage(ctx, { kpis, breakouts, tableControls, territories });
    const best = createBestTrack(ctx, { kpis });
    const splits = createSplitsPanel(ctx);
    const liftPanel = createLiftPanel(ctx);
    const liftRanking = createLiftRanking(ctx);
    const dailyChart = createDailyChart(ctx);
    const map = createTerritoryMap(ctx);
    const track = createTrackPage(ctx, {
      kpis,
      dailyChart,
      territories,
      windowLine: overview.windowLine,
    });
    const toolbar = createToolbar(ctx, dateRange);
    const load = createLoadData(ctx, loadFiles);
    initFaq();
    initExports();
    return {
      wrapper,
      territories,
      kpis,
      breakouts,
      dateRange,
      tableControls,
      overview,
      best,
      splits,
      liftPanel,
      liftRanking,
      dailyChart,
      map,
      track,
      toolbar,
      load,
      firstRowLink: () => root.querySelector('#ranking-rows a.track-link'),
      destroy() {
        for (const part of [splits, liftPanel, dailyChart, map, load]) part.destroy?.();
      },
    };
  }

  // The FAQ: a modal <dialog> (focus moves in, Escape closes it, focus
  // returns to the "i" that opened it).
  function initFaq() {
    const dialog = byId('faq');
    let opener = null;
    for (const id of ['overview-info', 'track-info']) {
      byId(id).addEventListener('click', (event) => {
        opener = event.currentTarget;
        dialog.showModal();
      });
    }
    byId('faq-close').addEventListener('click', () => dialog.close());
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog.close();
    }); // the backdrop
    dialog.addEventListener('close', () => opener?.focus());
  }

  const setBusy = (busy) => byId('main')?.setAttribute('aria-busy', String(busy));
  const setInsights = (status) => {
    byId('main').dataset.insights = status;
  };

  async function render(requested = router.currentState()) {
    if (destroyed) return;
    let state = requested;
    if (catalogLoaded) {
      // A custom range outside this catalog's days is brought inside it.
      router.canonicalize(ui.dateRange.clampRange);
      state = router.currentState();
    }
    ui.toolbar.showState(state);
    showApps(state);
    if (!catalogLoaded) return;
    const ticket = ++renderCount;
    const current = () => ticket === renderCount && !destroyed;
    setBusy(true);
    setInsights('loading');
    const panels = [...byId(`${state.page}-page`).querySelectorAll('.insight')];
    for (const panel of panels) panel.setAttribute('aria-busy', 'true');
    let insights = null;
    try {
      insights =
        state.page === 'track'
          ? await renderTrack(state, current)
          : await renderOverview(state, current);
    } catch (error) {
      if (current()) ctx.showError(error.message);
    } finally {
      if (current()) {
        setBusy(false);
        ui.wrapper.classList.add('is-rendered');
      }
    }
    if (!current()) return;
    if (insights) {
      await afterPaint();
      if (!current()) return;
      await insights();
    }
    if (!current()) return;
    for (const panel of panels) panel.setAttribute('aria-busy', 'false'); // also those with nothing to show
    setInsights('ready');
    prefetchPeriods(state, current);
  }

  // Once the page is drawn and idle: the main answers a click on each other
  // period would ask for, one at a time, so that such a click draws its answer
  // at once (data.js keeps them until the next load).
  async function prefetchPeriods(state, current) {
    for (const period of PERIODS) {
      if (period === state.period && !state.start) continue;
      await whenIdle();
      if (!current()) return;
      const next = periodState(state, period);
      try {
        if (next.page === 'track') await data.track(next);
        else if (next.view === 'breakouts')
          await Promise.all([data.overview(next, { rows: false }), data.breakouts(next)]);
        else await data.overview(next);
      } catch {
        // Shown if that period is clicked (its request is not kept).
      }
    }
  }

  // Draws one insight when its answer arrives, unless a newer render started.
  async function fill(panel, ask, draw, current) {
    try {
      const answer = await ask();
      await nextTask();
      if (current()) await draw(answer);
    } catch (error) {
      console.warn(error);
      if (current()) ctx.showError(error.message);
    } finally {
      if (current()) panel?.setAttribute('aria-busy', 'false');
    }
  }

  const overviewTitle = (state) =>
    state.platform === 'all'
      ? ctx.t('overview.title')
      : ctx.t('overview.titleApps', { apps: ctx.apps(state.platform) });

  // What the apps filter counts, where the page names it: the overview's
  // title, the creations KPIs' hints and the FAQ's first answer.
  function showApps(state) {
    const apps = ctx.apps(state.platform);
    const all = state.platform === 'all';
    ctx.setText('overview-title', overviewTitle(state));
    ctx.setText('faq-apps', all ? ctx.t('faq.apps.all') : ctx.t('faq.apps.some', { apps }));
    for (const [id, key] of [
      ['overview-creations', 'kpi.creations.hintApps'],
      ['track-creations', 'kpi.creations.trackHintApps'],
    ])
      setNodeText(byId(id).querySelector('.kpi-hint'), ctx.t(key, { apps }));
  }

  async function renderOverview(state, current) {
    const breakoutsView = state.view === 'breakouts';
    const [answer, breakouts, best] = await Promise.all([
      data.overview(state, { rows: !breakoutsView }),
      breakoutsView ? data.breakouts(state) : null,
      data.bestTrack(state),
    ]);
    if (!current()) return null;
    const { overview } = ui;
    const lastPage = overview.pageCount(overview.tableTotal(answer, breakouts, state));
    if (state.tablePage > lastPage) {
      // e.g. ?page=4 after switching to a shorter period
      router.replace(formatHash({ ...state, tablePage: lastPage }));
      render();
      return null;
    }
    overview.render(answer, state, breakouts, catalog?.summary);
    ui.best.show(best, state, overview.windowPhrase(answer.window, Boolean(state.start)));
    ui.dateRange.showDateRange(state, answer.window);
    shownWindow = answer.window;
    show('overview', overviewTitle(state));
    if (answer.tracksWithCreations === 0) return null;
    return () =>
      Promise.all([
        // The splits first: their chart measures its labels, which makes the
        // browser lay out whatever changed before (the badges would be).
        fill(
          byId('overview-splits'),
          () => data.splits(state),
          (splits) => ui.splits.render(byId('overview-splits'), splits, state),
          current,
        ),
        rankLift(state, answer, current),
        // The best track's change and top app: a track answer (the one its
        // page asks for, so a click on the card draws at once) and its splits.
        fill(
          byId('best-track'),
          () => {
            const trackState = parseHash(trackHashes(state)(best.id));
            return Promise.all([data.track(trackState), data.splits(trackState, best.id)]);
          },
          ([track, splits]) =>
            ui.best.complete(track, splits, catalog?.summary?.firstDay, state.platform),
          current,
        ),
        fill(
          null,
          () => data.breakoutGrowth(state),
          ({ count, growth }) => {
            ui.breakouts.applyBadges(byId('ranking-rows'), growth);
            overview.showBreakoutsCount(count);
          },
          current,
        ),
      ]);
  }

  async function rankLift(state, answer, current) {
    const panel = byId('lift-ranking');
    if (
      answer.tracksWithCreations * answer.window.days > LIFT_BUDGET_TRACK_DAYS &&
      !data.hasLiftRanking(state)
    ) {
      panel.classList.add('is-updating');
      await new Promise((resolve) => setTimeout(resolve, LIFT_IDLE_MS));
      if (!current()) return;
    }
    await fill(
      panel,
      () => data.liftRanking(state),
      (ranking) => {
        ui.liftRanking.render(byId('lift-list'), ranking, state);
        panel.classList.remove('is-updating');
      },
      current,
    );
  }

  async function renderTrack(state, current) {
    ui.track.setBackLink(state);
    let answer;
    try {
      answer = await data.track(state);
    } catch (error) {
      if (!current()) return null;
      ui.track.renderError(state, error.message);
      show('track', state.trackId);
      return null;
    }
    if (!current()) return null;
    show('track', ctx.trackTitle(answer.track)); // first, so the chart measures a visible canvas
    ui.track.render(answer, state, catalog?.summary);
    ui.dateRange.showDateRange(state, answer.window);
    shownWindow = answer.window;
    return () =>
      Promise.all([
        fill(
          byId('lift-panel'),
          () => data.lift(state),
          (lift) => ui.liftPanel.render(lift),
          current,
        ),
        fill(
          byId('track-splits'),
          () => data.splits(state, state.trackId),
          (splits) => ui.splits.render(byId('track-splits'), splits, state),
          current,
        ),
        fill(
          byId('territory-map'),
          async () => answer.territories,
          (territories) => ui.map.show(byId('map-canvas'), byId('map-note'), territories),
          current,
        ),
      ]);
  }

  function show(page, title) {
    if (routing === 'hash') {
      const fullTitle = ctx.t('document.title', { title });
      if (document.title !== fullTitle) document.title = fullTitle;
    }
    setHidden(byId('overview-page'), page !== 'overview');
    setHidden(byId('track-page'), page !== 'track');
    const changed = shownPage !== null && shownPage !== page;
    if (changed) {
      // A new page for screen readers and keyboards: start at its heading.
      byId(page === 'track' ? 'track-title' : 'overview-title').focus({ preventScroll: true });
      if (routing === 'hash')
        scrollTo(0, page === 'overview' ? (scrollByHash.get(location.hash) ?? 0) : 0);
    }
    shownPage = page;
  }

  // "Download CSV" buttons: the whole table as sorted and searched, or the
  // track's daily numbers; named after what they hold.
  function initExports() {
    const filterParts = (state) => [
      state.platform !== 'all' && state.platform.join('-'),
      state.content !== 'all' && state.content,
    ];
    byId('download-table').addEventListener('click', (event) => {
      const state = router.currentState();
      exportFrom(
        event.currentTarget,
        () => data.overviewCsv(state),
        () =>
          csvFileName(
            'tracks',
            shownWindow?.start,
            shownWindow?.end,
            ...filterParts(state),
            state.sort !== 'creations' && `by-${state.sort}`,
            state.search && `search-${state.search}`,
          ),
        (error) => ctx.showError(ctx.t('csv.tableError', { message: error.message })),
        root,
      );
    });
    byId('download-track').addEventListener('click', (event) => {
      const state = router.currentState();
      exportFrom(
        event.currentTarget,
        () => data.trackCsv(state),
        () =>
          csvFileName(state.trackId, shownWindow?.start, shownWindow?.end, ...filterParts(state)),
        (error) => ctx.showError(ctx.t('csv.trackError', { message: error.message })),
        root,
      );
    });
  }

  // name: what the header calls the catalog; fileName: what errors call the file.
  // displayName: a name to keep for the header (null: the catalog's default name,
  // in the language shown, e.g. after setLocale()).
  // onReading(bytes): the engine's progress while it reads a stream.
  async function loadCatalog(
    name,
    fileName,
    getBytes,
    size,
    load = data.loadCatalog,
    displayName = name,
    onReading = null,
  ) {
    const { t, fmt } = ctx;
    const sizeText = size ? ` (${fmt.megabytes(size)})` : '';
    ui.load.showBusy(t('load.loading', { name, size: sizeText }));
    setBusy(true); // until the next render
    try {
      const bytes = await getBytes();
      const summary = await load(bytes, (phase, received) => {
        if (phase === 'reading') onReading?.(received);
        else if (phase === 'parsing') ui.load.showBusy(t('load.parsing', { name, size: sizeText }));
      });
      if (destroyed) return false;
      catalogLoaded = true;
      catalog = { name: displayName, summary };
      ui.load.clearError();
      ui.toolbar.showCatalog(catalogName(), summary);
      ui.load.showIdle(t('load.loaded', { name, count: summary.tracks }));
      emit('catalogload', { name, ...summary });
      return true;
    } catch (error) {
      if (destroyed) return false;
      // The engine keeps the catalog it had: only say what went wrong.
      const message = t(catalogLoaded ? 'load.errorKept' : 'load.error', {
        file: fileName,
        message: error.message.replace(/\.$/, ''),
      });
      ui.load.showIdle();
      ui.load.showError(message);
      setBusy(false);
      emit('loaderror', { message });
      return false;
    }
  }

  // source: a URL, bytes, or an async function giving bytes or a Response.
  async function loadSource(source) {
    const { t, fmt } = ctx;
    const name = options.name ?? t('catalog.default');
    let total = 0; // bytes, when the server says
    const showDownload = (received) => {
      if (total) {
        ui.load.showBusy(
          t('load.downloading', {
            name,
            received: fmt.megabytes(received),
            total: fmt.megabytes(total),
          }),
          received / total,
        );
      }
    };
    // The body goes to the engine as a stream where it can (parsed while it
    // downloads), else read whole first.
    const fromResponse = async (response) => {
      if (!response.ok)
        throw new Error(
          t('load.http', { url: response.url || String(source), status: response.status }),
        );
      total = Number(response.headers.get('content-length')) || 0;
      if (STREAMS_TRANSFER && response.body) return response.body;
      return readBody(response, showDownload);
    };
    const loaded = await loadCatalog(
      name,
      name,
      async () => {
        let value = source;
        if (typeof value === 'function') value = await value();
        if (typeof value === 'string' || value instanceof URL) value = await fetch(value);
        if (value instanceof Response) return fromResponse(value);
        if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return value;
        throw new Error(t('load.badSource'));
      },
      undefined,
      data.loadCatalog,
      options.name ?? null,
      showDownload,
    );
    if (loaded) {
      ui.load.showIdle(); // a host's catalog needs no "loaded" notice
      render();
    }
    return loaded;
  }

  // One JSON document, or CSV files (TikTok rows, and streams rows if any).
  async function loadFiles(files) {
    const { t } = ctx;
    setBusy(true); // at once: the page is about to change (reading the headers takes a moment)
    let picked;
    try {
      picked = await sortCatalogFiles(files, t);
    } catch (error) {
      const message = t('load.filesError', {
        files: files.map((f) => f.name).join(t('list.and')),
        message: error.message,
      });
      ui.load.showError(message);
      emit('loaderror', { message });
      setBusy(false);
      return;
    }
    let loaded;
    if (picked.kind === 'json') {
      const { file } = picked;
      loaded = await loadCatalog(
        file.name.replace(/\.json$/i, ''),
        file.name,
        () => (STREAMS_TRANSFER ? file.stream() : file.arrayBuffer()),
        file.size,
      );
    } else {
      const { tiktok, streams } = picked;
      const names = streams ? `${tiktok.name}${t('list.and')}${streams.name}` : tiktok.name;
      loaded = await loadCatalog(
        tiktok.name.replace(/\.csv$/i, ''),
        names,
        async () => ({
          tiktok: await tiktok.arrayBuffer(),
          ...(streams ? { streams: await streams.arrayBuffer() } : {}),
        }),
        tiktok.size + (streams?.size ?? 0),
        data.loadCsvCatalog,
      );
    }
    // A new catalog: back to its overview, same window and filters.
    if (loaded && !router.navigate({ page: 'overview', tablePage: 1, search: '', view: 'tracks' }))
      render();
  }

  const catalogName = () => catalog.name ?? ctx.t('catalog.default');

  function mount() {
    ui = buildUi();
    shownPage = null;
    byId('catalog-name').textContent = catalog
      ? catalogName()
      : (options.name ?? ctx.t('catalog.default'));
    if (catalog) {
      ui.toolbar.showCatalog(catalogName(), catalog.summary);
      ui.load.showIdle();
    }
    render();
  }

  router.canonicalize();
  lastHash = router.hash();
  if (routing === 'hash') {
    // Where the page is scrolled, kept as it scrolls: reading scrollY in a
    // click's handler would make the browser update the page's style first.
    scrolledTo = scrollY;
    addEventListener(
      'scroll',
      () => {
        scrolledTo = scrollY;
      },
      { passive: true, signal },
    );
    history.scrollRestoration = 'manual';
  }
  mount();
  if (options.source !== undefined && options.source !== null) loadSource(options.source);

  return {
    getState: () => publicState(router.currentState()),
    setState(partial) {
      if (!router.navigate(stateChanges(partial))) render();
    },
    load: (source) => loadSource(source),
    // The interface in another language, now: the pages are drawn again from
    // the answers at hand (the catalog stays loaded).
    setLocale(locale) {
      if (pickLocale(locale) === i18n.language) return;
      i18n = createI18n(locale);
      ui.destroy();
      mount();
    },
    setLinks(next) {
      links = { ...DEFAULT_LINKS, ...(next ?? {}) };
      ui.destroy();
      mount();
    },
    get locale() {
      return i18n.language;
    },
    // Forgets the answers kept (a benchmark measures clicks that wait for the engine).
    forgetAnswers: () => data.forgetAnswers(),
    destroy() {
      if (destroyed) return;
      destroyed = true;
      renderCount += 1;
      lifetime.abort();
      ui?.destroy();
      ui = null;
      root.replaceChildren();
      data.destroy();
    },
  };
}
