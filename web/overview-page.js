// The overview page: the catalog's KPIs, and the table, one page of 50 rows
// at a time (cut by the engine): every track with creations, sorted and
// searched as the URL says, or the breakouts list. When nothing was created,
// the articles instead. The insights panels above the table (splits, lift
// ranking) and the rows' breakout badges arrive after the first paint (app.js).
import { breakoutRow } from './breakouts.js';
import {
  byId, el, setAttr, setHidden, setNodeText, setText,
} from './dom.js';
import {
  artistName, exact, numberNode, periodLine, plural, rangeLine, setNumber, trackTitle, windowPhrase,
} from './format.js';
import { renderChangeKpi, renderCountKpi } from './kpi-cards.js';
import {
  formatHash, go, navigate, trackHashes,
} from './router.js';
import { showTableControls, tableTitle } from './table-controls.js';
import { setTerritoryNode, territoryNode } from './territories.js';

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
      go(row.dataset.href);
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
// Everything is written only where it changed (dom.js), and the table's rows
// are updated in place: a period click repaints the numbers, not a new table.
export function renderOverviewPage(answer, state, breakouts = null) {
  const days = answer.window.days;
  setText('overview-window', windowLine(answer, state));
  renderChangeKpi('overview-creations', answer.creations, days);
  renderChangeKpi('overview-views', answer.views, days);
  renderChangeKpi('overview-streams', answer.streams, days);
  renderCountKpi('overview-tracks', answer.tracksWithCreations, answer.catalogTracks,
    `catalog tracks used in at least one video`);

  const empty = answer.tracksWithCreations === 0;
  setHidden(byId('ranking'), empty);
  setHidden(byId('empty-state'), !empty);
  setHidden(byId('overview-page').querySelector('.insights'), empty);
  if (empty) {
    setText('empty-text', `None of the ${plural(answer.catalogTracks, 'track')} in this catalog was used in a TikTok video ${windowPhrase(answer.window, Boolean(state.start))}. Here is how to change that.`);
    showRankingRows([], 0, state);
    byId('breakouts-rows').replaceChildren();
    return;
  }
  const turnedPage = currentPage !== state.tablePage;
  currentPage = state.tablePage;
  const offset = (state.tablePage - 1) * pageSize;
  const breakoutsView = state.view === 'breakouts';
  showTabs(state);
  setHidden(byId('table-tools'), breakoutsView);
  setHidden(byId('ranking-table'), breakoutsView);
  setHidden(byId('breakouts-table'), !breakoutsView);
  setHidden(byId('breakouts-note'), !breakoutsView);
  const total = tableTotal(answer, breakouts, state);
  const empties = byId('table-empty');
  if (breakoutsView) {
    setText('ranking-title', 'Breakouts');
    setText('breakouts-note', `Tracks with at least ${exact(breakouts.minCreations)} creations ${windowPhrase(answer.window, Boolean(state.start))}, at least twice as many as in the ${days} days before; new ones (no creations before) first, then by growth.`);
    setText('previous-heading', `Previous ${days} days`);
    byId('breakouts-rows').replaceChildren(...breakouts.tracks.map((t, i) => breakoutRow(t, offset + i + 1, state)));
    setHidden(empties, total > 0);
    setNodeText(empties, 'No track at least doubled its creations in this period.');
    setHidden(byId('breakouts-table'), total === 0);
  } else {
    setText('ranking-title', tableTitle(state));
    showTableControls(state);
    showRankingRows(answer.tracks, offset, state);
    setHidden(empties, total > 0);
    setNodeText(empties, `No track with creations matches \u201C${state.search}\u201D in this period.`);
    setHidden(byId('ranking-table'), total === 0);
  }
  renderPager(offset, breakoutsView ? breakouts.tracks.length : answer.tracks.length, total, breakoutsView ? 'breakout' : 'track');
  // After "Next" at the bottom of the table, show the new rows from the top.
  const ranking = byId('ranking');
  if (turnedPage && ranking.getBoundingClientRect().top < 0) ranking.scrollIntoView({ block: 'start' });
}

function showTabs(state) {
  const views = { tracks: byId('tab-tracks'), breakouts: byId('tab-breakouts') };
  for (const [view, tab] of Object.entries(views)) {
    setAttr(tab, 'href', formatHash({ ...state, view, tablePage: 1 }));
    setAttr(tab, 'aria-current', view === state.view ? 'page' : null);
  }
}

// "Breakouts 17" on the tab, once the engine has counted them.
export function showBreakoutsCount(count) {
  setText('breakouts-count', count === null ? '' : exact(count));
}

// How many table pages a total has.
export const pageCount = (total) => Math.max(1, Math.ceil(total / pageSize));

// The table's rows, made once and kept: a render fills the first rows with
// its tracks (text, numbers, links), adds the ones it lacks and takes away
// the ones it does not need. The breakout badges arrive later (app.js).
const rowPool = [];

function rankingRow() {
  const link = el('a', { className: 'track-link' });
  const badges = el('span', { className: 'track-badges' });
  const artist = el('span', { className: 'track-artist' });
  const numbers = ['Creations', 'Views', 'Streams'].map(() => numberNode(0));
  const territories = el('ul', { className: 'territory-list' });
  const rank = el('td', { className: 'col-rank' });
  const tr = el('tr', {},
    rank,
    el('td', { className: 'col-track' }, el('span', { className: 'track-line' }, link, badges), artist),
    numberCell('Creations', numbers[0]),
    numberCell('Views', numbers[1]),
    el('td', { className: 'col-territories', 'data-label': 'Top territories' }, territories),
    numberCell('Streams', numbers[2]));
  return { tr, rank, link, badges, artist, numbers, territories };
}

function numberCell(label, node) {
  return el('td', { className: 'col-number', 'data-label': label }, node);
}

function fillRow(row, track, rank, trackHash) {
  const href = trackHash(track.id);
  const { tr } = row;
  setAttr(tr, 'data-href', href);
  setAttr(tr, 'data-track-id', track.id);
  setNodeText(row.rank, String(rank));
  setAttr(row.link, 'href', href);
  setNodeText(row.link, trackTitle(track));
  if (row.badges.firstChild) row.badges.replaceChildren();  // this window's badges come with the insights
  setNodeText(row.artist, artistName(track.artist));
  setNumber(row.numbers[0], track.creations);
  setNumber(row.numbers[1], track.views);
  setNumber(row.numbers[2], track.streams);
  const items = row.territories.children;
  track.topTerritories.forEach((t, i) => {
    let li = items[i];
    if (!li) row.territories.append(li = el('li', {}, territoryNode(t.code)));
    setAttr(li, 'data-code', t.code);
    setAttr(li, 'title', `${exact(t.creations)} creations`);
    setTerritoryNode(li.firstChild, t.code);
  });
  while (items.length > track.topTerritories.length) items[items.length - 1].remove();
}

function showRankingRows(tracks, offset, state) {
  const tbody = byId('ranking-rows');
  const trackHash = trackHashes(state);
  while (rowPool.length < tracks.length) rowPool.push(rankingRow());
  tracks.forEach((track, i) => {
    const row = rowPool[i];
    fillRow(row, track, offset + i + 1, trackHash);
    if (tbody.children[i] !== row.tr) tbody.insertBefore(row.tr, tbody.children[i] ?? null);
  });
  while (tbody.children.length > tracks.length) tbody.lastElementChild.remove();
}

function renderPager(offset, shown, total, noun) {
  const pages = pageCount(total);
  setText('pager-text', `${exact(Math.min(offset + 1, total))}\u2013${exact(offset + shown)} of ${plural(total, noun)} \u00B7 page ${currentPage} of ${pages}`);
  const previous = byId('pager-previous'), next = byId('pager-next');
  if (previous.disabled !== currentPage <= 1) previous.disabled = currentPage <= 1;
  if (next.disabled !== currentPage >= pages) next.disabled = currentPage >= pages;
  setHidden(byId('ranking').querySelector('.pager'), pages === 1);
}
