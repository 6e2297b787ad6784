// The overview page: the catalog's KPIs, and the table, one page of 50 rows
// at a time (cut by the engine): every track with creations, sorted and
// searched as the URL says, or the breakouts list. When nothing was created,
// the articles instead. The insights panels above the table (splits, lift
// ranking) and the rows' breakout badges arrive after the first paint (app.js).
import { breakoutRow } from './breakouts.js';
import { byId, el, setText } from './dom.js';
import {
  artistName, exact, numberNode, periodLine, plural, rangeLine, trackTitle, windowPhrase,
} from './format.js';
import { renderChangeKpi, renderCountKpi } from './kpi-cards.js';
import { formatHash, navigate } from './router.js';
import { showTableControls, tableTitle } from './table-controls.js';
import { territoryNode } from './territories.js';

let pageSize = 50;
let currentPage = 1;

export function initOverviewPage({ rowsPerPage }) {
  pageSize = rowsPerPage;
  // A click anywhere on a row opens its track; the title is a real link, so
  // Enter, middle-click and "open in new tab" work as on any link.
  for (const id of ['ranking-rows', 'breakouts-rows']) {
    byId(id).addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-href]');
      if (!row || event.target.closest('a') || event.defaultPrevented) return;
      if (String(getSelection()).length > 0) return;  // the user was selecting text
      location.hash = row.dataset.href;
    });
  }
  byId('pager-previous').addEventListener('click', () => navigate({ tablePage: currentPage - 1 }));
  byId('pager-next').addEventListener('click', () => navigate({ tablePage: currentPage + 1 }));
}

// How many rows the table has in all (the app clamps ?page= with it).
export function tableTotal(answer, breakouts, state) {
  if (state.view === 'breakouts') return breakouts?.breakouts ?? 0;
  return state.search ? answer.matchingTracks ?? 0 : answer.tracksWithCreations;
}

// The window line: "Last 28 days: ..." or, for a custom range, its dates.
export const windowLine = (answer, state) =>
  (state.start ? rangeLine : periodLine)(answer.window, answer.previousWindow);

// answer: overview(); breakouts: one page of breakouts() in the breakouts view.
export function renderOverviewPage(answer, state, breakouts = null) {
  const days = answer.window.days;
  setText('overview-window', windowLine(answer, state));
  renderChangeKpi('overview-creations', answer.creations, days);
  renderChangeKpi('overview-views', answer.views, days);
  renderChangeKpi('overview-streams', answer.streams, days);
  renderCountKpi('overview-tracks', answer.tracksWithCreations, answer.catalogTracks,
    `catalog tracks used in at least one video`);

  const empty = answer.tracksWithCreations === 0;
  byId('ranking').hidden = empty;
  byId('empty-state').hidden = !empty;
  byId('overview-page').querySelector('.insights').hidden = empty;
  if (empty) {
    setText('empty-text', `None of the ${plural(answer.catalogTracks, 'track')} in this catalog was used in a TikTok video ${windowPhrase(answer.window, Boolean(state.start))}. Here is how to change that.`);
    byId('ranking-rows').replaceChildren();
    byId('breakouts-rows').replaceChildren();
    return;
  }
  const turnedPage = currentPage !== state.tablePage;
  currentPage = state.tablePage;
  const offset = (state.tablePage - 1) * pageSize;
  const breakoutsView = state.view === 'breakouts';
  showTabs(state);
  byId('table-tools').hidden = breakoutsView;
  byId('ranking-table').hidden = breakoutsView;
  byId('breakouts-table').hidden = !breakoutsView;
  byId('breakouts-note').hidden = !breakoutsView;
  const total = tableTotal(answer, breakouts, state);
  const empties = byId('table-empty');
  if (breakoutsView) {
    setText('ranking-title', 'Breakouts');
    setText('breakouts-note', `Tracks with at least ${exact(breakouts.minCreations)} creations ${windowPhrase(answer.window, Boolean(state.start))}, at least twice as many as in the ${days} days before; new ones (no creations before) first, then by growth.`);
    setText('previous-heading', `Previous ${days} days`);
    byId('breakouts-rows').replaceChildren(...breakouts.tracks.map((t, i) => breakoutRow(t, offset + i + 1, state)));
    empties.hidden = total > 0;
    empties.textContent = 'No track at least doubled its creations in this period.';
    byId('breakouts-table').hidden = total === 0;
  } else {
    setText('ranking-title', tableTitle(state));
    showTableControls(state);
    byId('ranking-rows').replaceChildren(...answer.tracks.map((track, i) => rankingRow(track, offset + i + 1, state)));
    empties.hidden = total > 0;
    empties.textContent = `No track with creations matches \u201C${state.search}\u201D in this period.`;
    byId('ranking-table').hidden = total === 0;
  }
  renderPager(offset, breakoutsView ? breakouts.tracks.length : answer.tracks.length, total, breakoutsView ? 'breakout' : 'track');
  // After "Next" at the bottom of the table, show the new rows from the top.
  const ranking = byId('ranking');
  if (turnedPage && ranking.getBoundingClientRect().top < 0) ranking.scrollIntoView({ block: 'start' });
}

function showTabs(state) {
  const views = { tracks: byId('tab-tracks'), breakouts: byId('tab-breakouts') };
  for (const [view, tab] of Object.entries(views)) {
    tab.href = formatHash({ ...state, view, tablePage: 1 });
    if (view === state.view) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
}

// "Breakouts 17" on the tab, once the engine has counted them.
export function showBreakoutsCount(count) {
  setText('breakouts-count', count === null ? '' : exact(count));
}

// How many table pages a total has.
export const pageCount = (total) => Math.max(1, Math.ceil(total / pageSize));

function rankingRow(track, rank, state) {
  const href = formatHash({ ...state, page: 'track', trackId: track.id, weekly: null });
  return el('tr', { 'data-href': href, 'data-track-id': track.id },
    el('td', { className: 'col-rank' }, String(rank)),
    el('td', { className: 'col-track' },
      el('span', { className: 'track-line' },
        el('a', { className: 'track-link', href }, trackTitle(track)),
        el('span', { className: 'track-badges' })),
      el('span', { className: 'track-artist' }, artistName(track.artist))),
    numberCell('Creations', track.creations),
    numberCell('Views', track.views),
    el('td', { className: 'col-territories', 'data-label': 'Top territories' },
      el('ul', { className: 'territory-list' },
        track.topTerritories.map((t) => el('li', { 'data-code': t.code, title: `${exact(t.creations)} creations` }, territoryNode(t.code))))),
    numberCell('Streams', track.streams));
}

function numberCell(label, value) {
  return el('td', { className: 'col-number', 'data-label': label }, numberNode(value));
}

function renderPager(offset, shown, total, noun) {
  const pages = pageCount(total);
  setText('pager-text', `${exact(Math.min(offset + 1, total))}\u2013${exact(offset + shown)} of ${plural(total, noun)} \u00B7 page ${currentPage} of ${pages}`);
  byId('pager-previous').disabled = currentPage <= 1;
  byId('pager-next').disabled = currentPage >= pages;
  byId('ranking').querySelector('.pager').hidden = pages === 1;
}
