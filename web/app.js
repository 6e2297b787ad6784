// The dashboard's entry point: loads the sample catalog, then renders the page
// the URL names, again on every URL change. Controls write the URL (router.js);
// only this module asks data.js for answers and hands them to the pages.
import * as data from './data.js';
import { byId } from './dom.js';
import { megabytes, plural, trackTitle } from './format.js';
import { clearError, initLoadData, showBusy, showError, showIdle } from './load-data.js';
import { initOverviewPage, pageCount, renderOverviewPage } from './overview-page.js';
import { canonicalize, currentState, formatHash, navigate, onRouteChange } from './router.js';
import { initToolbar, showCatalog, showState } from './toolbar.js';
import { renderTrackError, renderTrackPage, setBackLink } from './track-page.js';

let catalogLoaded = false;
let renderCount = 0;     // answers to an older render are dropped
let shownPage = null;    // 'overview' | 'track', to move focus when it changes
const scrollByHash = new Map();  // where each overview URL was scrolled to

// aria-busy on <main> while answers are on their way (tests wait on it too).
const setBusy = (busy) => byId('main').setAttribute('aria-busy', String(busy));

async function render(state = currentState()) {
  showState(state);
  if (!catalogLoaded) return;
  const ticket = ++renderCount;
  setBusy(true);
  try {
    if (state.page === 'track') await renderTrack(state, ticket);
    else await renderOverview(state, ticket);
  } catch (error) {
    if (ticket === renderCount) showError(error.message);
  } finally {
    if (ticket === renderCount) setBusy(false);
  }
}

async function renderOverview(state, ticket) {
  const answer = await data.overview(state);
  if (ticket !== renderCount) return;
  const lastPage = pageCount(answer.tracksWithCreations);
  if (state.tablePage > lastPage) {  // e.g. ?page=4 after switching to a shorter period
    history.replaceState(history.state, '', formatHash({ ...state, tablePage: lastPage }));
    render();
    return;
  }
  renderOverviewPage(answer, state);
  show('overview', 'Your catalog on TikTok');
}

async function renderTrack(state, ticket) {
  setBackLink(state);
  let answer;
  try {
    answer = await data.track(state);
  } catch (error) {
    if (ticket !== renderCount) return;
    renderTrackError(state, error.message);
    show('track', state.trackId);
    return;
  }
  if (ticket !== renderCount) return;
  show('track', trackTitle(answer.track));  // first, so the chart measures a visible canvas
  renderTrackPage(answer);
}

function show(page, title) {
  document.title = `${title} \u00B7 TikTok analytics`;
  byId('overview-page').hidden = page !== 'overview';
  byId('track-page').hidden = page !== 'track';
  const changed = shownPage !== null && shownPage !== page;
  if (changed) {
    // A new page for screen readers and keyboards: start at its heading.
    byId(page === 'track' ? 'track-title' : 'overview-title').focus({ preventScroll: true });
    scrollTo(0, page === 'overview' ? scrollByHash.get(location.hash) ?? 0 : 0);
  }
  shownPage = page;
}

// name: what the header calls the catalog; fileName: what errors call the file.
async function loadCatalog(name, fileName, getBytes, size) {
  const sizeText = size ? ` (${megabytes(size)})` : '';
  showBusy(`Loading ${name}\u2026${sizeText}`);
  setBusy(true);  // until the next render
  try {
    const bytes = await getBytes();
    const summary = await data.loadCatalog(bytes, (phase) => {
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

async function loadFile(file) {
  if (await loadCatalog(file.name.replace(/\.json$/i, ''), file.name, () => file.arrayBuffer(), file.size)) {
    // A new catalog: back to its overview, same period and filters.
    if (!navigate({ page: 'overview', tablePage: 1 })) render();
  }
}

function start() {
  canonicalize();
  initToolbar();
  initOverviewPage({ rowsPerPage: data.PAGE_SIZE });
  initLoadData(loadFile);
  let lastHash = location.hash;
  onRouteChange((state) => {
    if (!lastHash.startsWith('#/track/')) scrollByHash.set(lastHash, scrollY);
    lastHash = location.hash;
    canonicalize();
    render(state);
  });
  history.scrollRestoration = 'manual';
  loadSample().then(() => render());
}

start();
