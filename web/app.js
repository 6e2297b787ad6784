// The dashboard's entry point: loads the sample catalog, then renders the page
// the URL names, again on every URL change. Controls write the URL (router.js);
// only this module asks data.js for answers and hands them to the pages.
//
// A render paints the page's main answer first (KPIs, table or chart; <main
// aria-busy> turns false), then, after that frame, asks for the insights
// (breakout badges, splits, lift, the map), so the period switch stays as
// fast as one overview. <main data-insights> is "ready" when they are drawn.
import { applyBreakoutBadges } from './breakouts.js';
import { sortCatalogFiles } from './catalog-files.js';
import { csvFileName, exportFrom } from './csv-export.js';
import * as data from './data.js';
import { clampRange, showDateRange } from './date-range.js';
import { byId, setHidden } from './dom.js';
import { megabytes, plural, trackTitle } from './format.js';
import { renderLift } from './lift-panel.js';
import { renderLiftRanking } from './lift-ranking.js';
import { clearError, initLoadData, showBusy, showError, showIdle } from './load-data.js';
import {
  initOverviewPage, pageCount, renderOverviewPage, showBreakoutsCount, tableTotal,
} from './overview-page.js';
import {
  PERIODS, canonicalize, currentState, formatHash, navigate, onRouteChange, periodState,
} from './router.js';
import { renderSplits } from './splits-panel.js';
import { initTableControls } from './table-controls.js';
import { showTerritoryMap } from './territory-map.js';
import { initToolbar, showCatalog, showState } from './toolbar.js';
import {
  initTrackPage, renderTrackError, renderTrackPage, setBackLink,
} from './track-page.js';

let catalogLoaded = false;
let renderCount = 0;     // answers to an older render are dropped
let shownPage = null;    // 'overview' | 'track', to move focus when it changes
let shownWindow = null;  // the window of the answer on screen, for file names
const scrollByHash = new Map();  // where each overview URL was scrolled to

const main = () => byId('main');
// aria-busy on <main> while answers are on their way (tests wait on it too).
const setBusy = (busy) => main().setAttribute('aria-busy', String(busy));
const setInsights = (status) => { main().dataset.insights = status; };
// One frame painted: the insights are asked for after the user sees the page.
const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function render(requested = currentState()) {
  let state = requested;
  if (catalogLoaded) {
    // A custom range outside this catalog's days is brought inside it.
    canonicalize(clampRange);
    state = currentState();
  }
  showState(state);
  if (!catalogLoaded) return;
  const ticket = ++renderCount;
  const current = () => ticket === renderCount;
  setBusy(true);
  setInsights('loading');
  const panels = [...byId(`${state.page}-page`).querySelectorAll('.insight')];
  for (const panel of panels) panel.setAttribute('aria-busy', 'true');
  let insights = null;
  try {
    insights = state.page === 'track' ? await renderTrack(state, current) : await renderOverview(state, current);
  } catch (error) {
    if (current()) showError(error.message);
  } finally {
    if (current()) setBusy(false);
  }
  if (!current()) return;
  if (insights) {
    await afterPaint();
    if (!current()) return;
    await insights();
  }
  if (!current()) return;
  for (const panel of panels) panel.setAttribute('aria-busy', 'false');  // also those with nothing to show
  setInsights('ready');
  prefetchPeriods(state, current);
}

// Once the page is drawn and idle: the main answers a click on each other
// period would ask for, one at a time, so that such a click draws its answer
// at once (data.js keeps them until the next load). It costs the Worker what
// the clicks would, a few ms each; a click meanwhile waits at most for one.
const whenIdle = () => new Promise((resolve) => (globalThis.requestIdleCallback
  ? requestIdleCallback(resolve, { timeout: 2000 }) : setTimeout(resolve, 50)));
async function prefetchPeriods(state, current) {
  for (const period of PERIODS) {
    if (period === state.period && !state.start) continue;
    await whenIdle();
    if (!current()) return;
    const next = periodState(state, period);
    try {
      if (next.page === 'track') await data.track(next);
      else if (next.view === 'breakouts') await Promise.all([data.overview(next, { rows: false }), data.breakouts(next)]);
      else await data.overview(next);
    } catch {
      // Shown if that period is clicked (its request is not kept).
    }
  }
}

// A task of its own for each insight: the answers kept from an earlier visit
// of a window arrive together, and drawn in one go they would hold the main
// thread (and a click on the next period) for the time of all of them.
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

// Draws one insight when its answer arrives, unless a newer render started.
async function fill(panel, ask, draw, current) {
  try {
    const answer = await ask();
    await nextTask();
    if (current()) await draw(answer);
  } catch (error) {
    if (current()) showError(error.message);
  } finally {
    if (current()) panel?.setAttribute('aria-busy', 'false');
  }
}

async function renderOverview(state, current) {
  const breakoutsView = state.view === 'breakouts';
  const [answer, breakouts] = await Promise.all([
    data.overview(state, { rows: !breakoutsView }),
    breakoutsView ? data.breakouts(state) : null,
  ]);
  if (!current()) return null;
  const lastPage = pageCount(tableTotal(answer, breakouts, state));
  if (state.tablePage > lastPage) {  // e.g. ?page=4 after switching to a shorter period
    history.replaceState(history.state, '', formatHash({ ...state, tablePage: lastPage }));
    render();
    return null;
  }
  renderOverviewPage(answer, state, breakouts);
  showDateRange(state, answer.window);
  shownWindow = answer.window;
  show('overview', 'Your catalog on TikTok');
  if (answer.tracksWithCreations === 0) return null;
  // The splits first: their chart measures its labels, which makes the browser
  // lay out whatever changed before (the badges would be).
  return () => Promise.all([
    fill(byId('overview-splits'), () => data.splits(state), (splits) => renderSplits(byId('overview-splits'), splits, state), current),
    rankLift(state, answer, current),
    fill(null, () => data.breakoutGrowth(state), ({ count, growth }) => {
      applyBreakoutBadges(byId('ranking-rows'), growth);
      showBreakoutsCount(count);
    }, current),
  ]);
}

// The lift ranking correlates every track's days (about 0.7 ms per track for
// 365 days in the Worker): for a large catalog and window it would hold the
// Worker for a second, and a period switch would queue behind it. So past a
// budget it waits until the user stays on the window, and says it is updating.
const LIFT_BUDGET_TRACK_DAYS = 10_000;  // about 20 ms of the Worker
const LIFT_IDLE_MS = 600;
async function rankLift(state, answer, current) {
  const panel = byId('lift-ranking');
  if (answer.tracksWithCreations * answer.window.days > LIFT_BUDGET_TRACK_DAYS && !data.hasLiftRanking(state)) {
    panel.classList.add('is-updating');
    await new Promise((resolve) => setTimeout(resolve, LIFT_IDLE_MS));
    if (!current()) return;
  }
  await fill(panel, () => data.liftRanking(state), (ranking) => {
    renderLiftRanking(byId('lift-list'), ranking, state);
    panel.classList.remove('is-updating');
  }, current);
}

async function renderTrack(state, current) {
  setBackLink(state);
  let answer;
  try {
    answer = await data.track(state);
  } catch (error) {
    if (!current()) return null;
    renderTrackError(state, error.message);
    show('track', state.trackId);
    return null;
  }
  if (!current()) return null;
  show('track', trackTitle(answer.track));  // first, so the chart measures a visible canvas
  renderTrackPage(answer, state);
  showDateRange(state, answer.window);
  shownWindow = answer.window;
  return () => Promise.all([
    fill(byId('lift-panel'), () => data.lift(state), (lift) => renderLift(byId('lift-sentence'), byId('lift-chart'), lift), current),
    fill(byId('track-splits'), () => data.splits(state, state.trackId), (splits) => renderSplits(byId('track-splits'), splits, state), current),
    fill(byId('territory-map'), async () => answer.territories,
      (territories) => showTerritoryMap(byId('map-canvas'), byId('map-note'), territories), current),
  ]);
}

function show(page, title) {
  const fullTitle = `${title} \u00B7 TikTok analytics`;
  if (document.title !== fullTitle) document.title = fullTitle;
  setHidden(byId('overview-page'), page !== 'overview');
  setHidden(byId('track-page'), page !== 'track');
  const changed = shownPage !== null && shownPage !== page;
  if (changed) {
    // A new page for screen readers and keyboards: start at its heading.
    byId(page === 'track' ? 'track-title' : 'overview-title').focus({ preventScroll: true });
    scrollTo(0, page === 'overview' ? scrollByHash.get(location.hash) ?? 0 : 0);
  }
  shownPage = page;
}

// "Download CSV" buttons: the whole table as sorted and searched, or the
// track's daily numbers; named after what they hold.
function initExports() {
  const filterParts = (state) => [state.platform !== 'all' && state.platform, state.content !== 'all' && state.content];
  byId('download-table').addEventListener('click', (event) => {
    const state = currentState();
    exportFrom(event.currentTarget, () => data.overviewCsv(state),
      () => csvFileName('tracks', shownWindow?.start, shownWindow?.end, ...filterParts(state),
        state.sort !== 'creations' && `by-${state.sort}`, state.search && `search-${state.search}`),
      (error) => showError(`Could not export the table: ${error.message}`));
  });
  byId('download-track').addEventListener('click', (event) => {
    const state = currentState();
    exportFrom(event.currentTarget, () => data.trackCsv(state),
      () => csvFileName(state.trackId, shownWindow?.start, shownWindow?.end, ...filterParts(state)),
      (error) => showError(`Could not export the track: ${error.message}`));
  });
}

// name: what the header calls the catalog; fileName: what errors call the file.
async function loadCatalog(name, fileName, getBytes, size, load = data.loadCatalog) {
  const sizeText = size ? ` (${megabytes(size)})` : '';
  showBusy(`Loading ${name}\u2026${sizeText}`);
  setBusy(true);  // until the next render
  try {
    const bytes = await getBytes();
    const summary = await load(bytes, (phase) => {
      if (phase === 'parsing') showBusy(`Checking and indexing ${name}\u2026${sizeText}`);
    });
    catalogLoaded = true;
    clearError();
    showCatalog(name, summary);
    showIdle(`Loaded ${name}: ${plural(summary.tracks, 'track')}.`);
    return true;
  } catch (error) {
    // The engine keeps the catalog it had: only say what went wrong.
    showIdle();
    showError(`Could not load ${fileName}: ${error.message.replace(/\.$/, '')}.${catalogLoaded ? ' The data shown before is still loaded.' : ''}`);
    setBusy(false);
    return false;
  }
}

async function loadSample() {
  const name = 'Sample catalog';
  const loaded = await loadCatalog(name, 'the sample catalog', () => data.download(data.SAMPLE_URL, (received, total) => {
    if (total) showBusy(`Downloading the ${name.toLowerCase()}\u2026 ${megabytes(received)} of ${megabytes(total)}`, received / total);
  }));
  if (loaded) showIdle();  // the sample needs no "loaded" notice
}

// One JSON document, or CSV files (TikTok rows, and streams rows if any).
async function loadFiles(files) {
  setBusy(true);  // at once: the page is about to change (reading the headers takes a moment)
  let picked;
  try {
    picked = await sortCatalogFiles(files);
  } catch (error) {
    showError(`Could not load ${files.map((f) => f.name).join(' and ')}: ${error.message}.`);
    setBusy(false);
    return;
  }
  let loaded;
  if (picked.kind === 'json') {
    const { file } = picked;
    loaded = await loadCatalog(file.name.replace(/\.json$/i, ''), file.name, () => file.arrayBuffer(), file.size);
  } else {
    const { tiktok, streams } = picked;
    const names = streams ? `${tiktok.name} and ${streams.name}` : tiktok.name;
    loaded = await loadCatalog(tiktok.name.replace(/\.csv$/i, ''), names,
      async () => ({ tiktok: await tiktok.arrayBuffer(), ...(streams ? { streams: await streams.arrayBuffer() } : {}) }),
      tiktok.size + (streams?.size ?? 0), data.loadCsvCatalog);
  }
  // A new catalog: back to its overview, same window and filters.
  if (loaded && !navigate({ page: 'overview', tablePage: 1, search: '', view: 'tracks' })) render();
}

function start() {
  canonicalize();
  initToolbar();
  initOverviewPage({ rowsPerPage: data.PAGE_SIZE });
  initTableControls();
  initTrackPage();
  initExports();
  initLoadData(loadFiles);
  let lastHash = location.hash;
  // Where the page is scrolled, kept as it scrolls: reading scrollY in a
  // click's handler would make the browser update the page's style first.
  let scrolledTo = scrollY;
  addEventListener('scroll', () => { scrolledTo = scrollY; }, { passive: true });
  onRouteChange((state) => {
    if (!lastHash.startsWith('#/track/')) scrollByHash.set(lastHash, scrolledTo);
    lastHash = location.hash;
    canonicalize();
    render(state);
  });
  history.scrollRestoration = 'manual';
  loadSample().then(() => render());
}

start();
