// The track page: the track's KPIs, its chart (day by day or week by week),
// and the 50 territories where videos used it most, on a map and in a table.
// The lift and splits panels and the map arrive after the first paint (app.js).
import { showDailyChart } from './chart-daily.js';
import {
  byId, el, setAttr, setNodeText, setText,
} from './dom.js';
import {
  artistName, exact, numberNode, percent, setNumber, trackTitle, windowPhrase,
} from './format.js';
import { renderChangeKpi } from './kpi-cards.js';
import { windowLine } from './overview-page.js';
import { formatHash, navigate } from './router.js';
import { setTerritoryNode, territoryNode } from './territories.js';

export function initTrackPage() {
  byId('granularity-switch').addEventListener('change', (event) => navigate({ weekly: event.target.value === 'weekly' }));
}

// The way back keeps the window and filters; the table page, sort and search
// are not kept across tracks (Back in the browser returns to the exact table).
export function setBackLink(state) {
  byId('back-link').href = formatHash({ ...state, page: 'overview', tablePage: 1, sort: 'creations', descending: true, search: '', view: 'tracks' });
}

export function renderTrackPage(answer, state) {
  byId('track-error').hidden = true;
  byId('track-body').hidden = false;
  const { track } = answer;
  const days = answer.window.days;
  const custom = Boolean(state.start);
  setText('track-title', trackTitle(track));
  setText('track-artist', artistName(track.artist));
  setText('track-isrc', track.isrc ? `ISRC ${track.isrc}` : '');
  setText('track-window', windowLine(answer, state));

  renderChangeKpi('track-creations', answer.creations, days);
  renderChangeKpi('track-views', answer.views, days);
  renderChangeKpi('track-streams', answer.streams, days);
  const top = answer.territories.slice(0, 3);
  byId('track-top-list').replaceChildren(...(top.length
    ? top.map((t) => el('li', { 'data-code': t.code }, territoryNode(t.code), ' ', numberNode(t.creations, 'number muted')))
    : [el('li', { className: 'muted' }, 'No creations in this period')]));

  const weekly = Boolean(answer.series.days);
  byId(weekly ? 'granularity-weekly' : 'granularity-daily').checked = true;
  setText('chart-title', weekly ? 'Week by week' : 'Day by day');
  setText('chart-note', `Creations on the left scale; views and streams on the right, logarithmic scale (each line step is \u00D710). ${weekly
    ? 'Each step is 7 days, the last one ending on the window\u2019s last day (the first may be shorter). Streams arrive a day after TikTok data, so the last week\u2019s streams miss its last day.'
    : 'Streams arrive a day after TikTok data, so their line stops a day earlier.'}`);
  showDailyChart(byId('daily-chart'), byId('chart-legend'), answer.series);
  renderTerritories(answer.territories, answer.creations.current, answer.window, custom);
}

function renderTerritories(territories, trackCreations, window, custom) {
  byId('territory-table').hidden = territories.length === 0;
  const when = windowPhrase(window, custom);
  setText('territories-note', territories.length === 0
    ? `No video used this track ${when}.`
    : `${territories.length === 50 ? 'The 50 territories with the most' : `All ${territories.length} territories with`} creations ${when}; the share is of the track's ${exact(trackCreations)} creations.`);
  // The rows are made once and updated in place, as the overview's table.
  const tbody = byId('territory-rows');
  while (territoryRows.length < territories.length) territoryRows.push(territoryRow());
  territories.forEach((t, i) => {
    const row = territoryRows[i];
    const share = t.creations / trackCreations;
    setAttr(row.tr, 'data-code', t.code);
    setNodeText(row.rank, String(i + 1));
    setTerritoryNode(row.territory, t.code);
    setNumber(row.creations, t.creations);
    setNumber(row.views, t.views);
    setNodeText(row.share, percent(share));
    const width = `${Math.max(share * 100, 0.5)}%`;
    if (row.fill.style.width !== width) row.fill.style.width = width;  // CSSOM, allowed by style-src 'self'
    if (tbody.children[i] !== row.tr) tbody.insertBefore(row.tr, tbody.children[i] ?? null);
  });
  while (tbody.children.length > territories.length) tbody.lastElementChild.remove();
}

const territoryRows = [];

function territoryRow() {
  const rank = el('td', { className: 'col-rank' });
  const territory = territoryNode('');
  const creations = numberNode(0);
  const views = numberNode(0);
  const share = el('span', { className: 'share-text' });
  const fill = el('span', { className: 'share-fill' });
  const tr = el('tr', {},
    rank,
    el('td', { className: 'col-territory' }, territory),
    el('td', { className: 'col-number', 'data-label': 'Creations' }, creations),
    el('td', { className: 'col-number', 'data-label': 'Views' }, views),
    el('td', { className: 'col-share' }, share, el('span', { className: 'share-bar', 'aria-hidden': 'true' }, fill)));
  return { tr, rank, territory, creations, views, share, fill };
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
