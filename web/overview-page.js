// The overview page: the catalog's KPIs, the ranked table (one page of 50 rows
// at a time, cut by the engine) and, when nothing was created, the articles.
import { byId, el, setText } from './dom.js';
import { artistName, exact, numberNode, periodLine, plural, trackTitle } from './format.js';
import { renderChangeKpi, renderCountKpi } from './kpi-cards.js';
import { formatHash, navigate } from './router.js';
import { territoryNode } from './territories.js';

let pageSize = 50;
let currentPage = 1;

export function initOverviewPage({ rowsPerPage }) {
  pageSize = rowsPerPage;
  const rows = byId('ranking-rows');
  // A click anywhere on a row opens its track; the title is a real link, so
  // Enter, middle-click and "open in new tab" work as on any link.
  rows.addEventListener('click', (event) => {
    const row = event.target.closest('tr[data-href]');
    if (!row || event.target.closest('a') || event.defaultPrevented) return;
    if (String(getSelection()).length > 0) return;  // the user was selecting text
    location.hash = row.dataset.href;
  });
  byId('pager-previous').addEventListener('click', () => navigate({ tablePage: currentPage - 1 }));
  byId('pager-next').addEventListener('click', () => navigate({ tablePage: currentPage + 1 }));
}

export function renderOverviewPage(answer, state) {
  const days = answer.window.days;
  setText('overview-window', periodLine(answer.window, answer.previousWindow));
  renderChangeKpi('overview-creations', answer.creations, days);
  renderChangeKpi('overview-views', answer.views, days);
  renderChangeKpi('overview-streams', answer.streams, days);
  renderCountKpi('overview-tracks', answer.tracksWithCreations, answer.catalogTracks,
    `catalog tracks used in at least one video`);

  const empty = answer.tracksWithCreations === 0;
  byId('ranking').hidden = empty;
  byId('empty-state').hidden = !empty;
  if (empty) {
    setText('empty-text', `None of the ${plural(answer.catalogTracks, 'track')} in this catalog was used in a TikTok video in the last ${days} days. Here is how to change that.`);
    byId('ranking-rows').replaceChildren();
    return;
  }
  const turnedPage = currentPage !== state.tablePage;
  currentPage = state.tablePage;
  const offset = (state.tablePage - 1) * pageSize;
  byId('ranking-rows').replaceChildren(...answer.tracks.map((track, i) => rankingRow(track, offset + i + 1, state)));
  renderPager(offset, answer.tracks.length, answer.tracksWithCreations);
  // After "Next" at the bottom of the table, show the new rows from the top.
  const ranking = byId('ranking');
  if (turnedPage && ranking.getBoundingClientRect().top < 0) ranking.scrollIntoView({ block: 'start' });
}

// How many table pages an answer has (the app clamps ?page= with it).
export const pageCount = (tracksWithCreations) => Math.max(1, Math.ceil(tracksWithCreations / pageSize));

function rankingRow(track, rank, state) {
  const href = formatHash({ ...state, page: 'track', trackId: track.id });
  return el('tr', { 'data-href': href, 'data-track-id': track.id },
    el('td', { className: 'col-rank' }, String(rank)),
    el('td', { className: 'col-track' },
      el('a', { className: 'track-link', href }, trackTitle(track)),
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

function renderPager(offset, shown, total) {
  const pages = pageCount(total);
  setText('pager-text', `${exact(offset + 1)}\u2013${exact(offset + shown)} of ${plural(total, 'track')} \u00B7 page ${currentPage} of ${pages}`);
  byId('pager-previous').disabled = currentPage <= 1;
  byId('pager-next').disabled = currentPage >= pages;
  byId('ranking').querySelector('.pager').hidden = pages === 1;
}
