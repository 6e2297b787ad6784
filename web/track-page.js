// The track page: the track's KPIs, its daily chart and the 50 territories
// where videos used it most.
import { showDailyChart } from './chart-daily.js';
import { byId, el, setText } from './dom.js';
import { artistName, exact, numberNode, percent, periodLine, trackTitle } from './format.js';
import { renderChangeKpi } from './kpi-cards.js';
import { formatHash } from './router.js';
import { territoryNode } from './territories.js';

// The way back keeps the period and filters; the table page is not kept
// across tracks (Back in the browser returns to the exact page).
export function setBackLink(state) {
  byId('back-link').href = formatHash({ ...state, page: 'overview', tablePage: 1 });
}

export function renderTrackPage(answer) {
  byId('track-error').hidden = true;
  byId('track-body').hidden = false;
  const { track } = answer;
  const days = answer.window.days;
  setText('track-title', trackTitle(track));
  setText('track-artist', artistName(track.artist));
  setText('track-isrc', track.isrc ? `ISRC ${track.isrc}` : '');
  setText('track-window', periodLine(answer.window, answer.previousWindow));

  renderChangeKpi('track-creations', answer.creations, days);
  renderChangeKpi('track-views', answer.views, days);
  renderChangeKpi('track-streams', answer.streams, days);
  const top = answer.territories.slice(0, 3);
  byId('track-top-list').replaceChildren(...(top.length
    ? top.map((t) => el('li', { 'data-code': t.code }, territoryNode(t.code), ' ', numberNode(t.creations, 'number muted')))
    : [el('li', { className: 'muted' }, 'No creations in this period')]));

  showDailyChart(byId('daily-chart'), byId('chart-legend'), answer.series);
  renderTerritories(answer.territories, answer.creations.current, days);
}

function renderTerritories(territories, trackCreations, days) {
  byId('territory-table').hidden = territories.length === 0;
  setText('territories-note', territories.length === 0
    ? `No video used this track in the last ${days} days.`
    : `${territories.length === 50 ? 'The 50 territories with the most' : `All ${territories.length} territories with`} creations in the last ${days} days; the share is of the track's ${exact(trackCreations)} creations.`);
  byId('territory-rows').replaceChildren(...territories.map((t, i) => {
    const share = t.creations / trackCreations;
    const bar = el('span', { className: 'share-bar', 'aria-hidden': 'true' }, el('span', { className: 'share-fill' }));
    bar.firstChild.style.width = `${Math.max(share * 100, 0.5)}%`;  // CSSOM, allowed by style-src 'self'
    return el('tr', { 'data-code': t.code },
      el('td', { className: 'col-rank' }, String(i + 1)),
      el('td', { className: 'col-territory' }, territoryNode(t.code)),
      el('td', { className: 'col-number', 'data-label': 'Creations' }, numberNode(t.creations)),
      el('td', { className: 'col-number', 'data-label': 'Views' }, numberNode(t.views)),
      el('td', { className: 'col-share' }, el('span', { className: 'share-text' }, percent(share)), bar));
  }));
}

// A track the engine does not know (an old link after loading another catalog).
export function renderTrackError(state, message) {
  setText('track-title', state.trackId);
  setText('track-artist', '');
  setText('track-isrc', '');
  setText('track-window', '');
  const error = byId('track-error');
  error.textContent = `This track cannot be shown: ${message}.`;
  error.hidden = false;
  byId('track-body').hidden = true;
}
