// The track page: the track's KPIs, its chart (day by day or week by week),
// and the 50 territories where videos used it most, on a map and in a table.
// The lift and splits panels and the map arrive after the first paint (app.js).
import { el, setAttr, setHidden, setNodeText } from './dom.js';
import { formatHash } from './router.js';

export function createTrackPage(ctx, { kpis, dailyChart, territories, windowLine }) {
  const { byId, router, setText } = ctx;
  const territoryRows = [];
  byId('granularity-switch').addEventListener('change', (event) =>
    router.navigate({ weekly: event.target.value === 'weekly' }),
  );
  byId('scale-switch').addEventListener('change', (event) =>
    dailyChart.setLinear(event.target.value === 'linear'),
  );

  function territoryRow() {
    const { t, fmt } = ctx;
    const rank = el('td', { className: 'col-rank' });
    const territory = territories.node('');
    const creations = fmt.numberNode(0);
    const views = fmt.numberNode(0);
    const share = el('span', { className: 'share-text' });
    const fill = el('span', { className: 'share-fill' });
    const tr = el(
      'tr',
      {},
      rank,
      el('td', { className: 'col-territory' }, territory),
      el('td', { className: 'col-number', 'data-label': t('column.creations') }, creations),
      el('td', { className: 'col-number', 'data-label': t('column.views') }, views),
      el(
        'td',
        { className: 'col-share' },
        share,
        el('span', { className: 'share-bar', 'aria-hidden': 'true' }, fill),
      ),
    );
    return { tr, rank, territory, creations, views, share, fill };
  }

  // "12% of creations have no territory: YouTube Shorts reports none" under a
  // territory list, when the track has creations of series with no territory.
  function showWithout(id, without, creations) {
    const note = byId(id);
    note.hidden = !(without > 0);
    setNodeText(
      note,
      without > 0
        ? ctx.t('territories.without', { share: ctx.fmt.percent(without / creations) })
        : '',
    );
  }

  function renderTerritories(list, trackCreations, window, custom, without) {
    const { t, fmt } = ctx;
    byId('territory-table').hidden = list.length === 0;
    const when = custom
      ? t('window.phrase.range', { from: fmt.day(window.start), to: fmt.day(window.end) })
      : t('window.phrase.period', { count: window.days });
    showWithout('territories-without', without, trackCreations);
    // Nothing to colour when every creation is without a territory: the note says why.
    setHidden(byId('territory-map'), list.length === 0 && without > 0);
    setText(
      'territories-note',
      list.length === 0
        ? without > 0
          ? '' // every creation is without a territory: the note above says so
          : t('territories.none', { when })
        : t(list.length === 50 ? 'territories.top50' : 'territories.all', {
            count: list.length,
            when,
            total: fmt.exact(trackCreations),
          }),
    );
    // The bars are scaled to the largest row, so that every row's bar can be
    // compared (the percentage beside it is of the track's creations).
    const largest = Math.max(1, ...list.map((x) => x.creations));
    // The rows are made once and updated in place, as the overview's table.
    const tbody = byId('territory-rows');
    while (territoryRows.length < list.length) territoryRows.push(territoryRow());
    list.forEach((x, i) => {
      const row = territoryRows[i];
      setAttr(row.tr, 'data-code', x.code);
      setNodeText(row.rank, String(i + 1));
      territories.setNode(row.territory, x.code);
      fmt.setNumber(row.creations, x.creations);
      fmt.setNumber(row.views, x.views);
      setNodeText(row.share, fmt.percent(x.creations / trackCreations));
      const width = `${Math.max((x.creations / largest) * 100, 0.5)}%`;
      if (row.fill.style.width !== width) row.fill.style.width = width; // CSSOM, allowed by style-src 'self'
      if (tbody.children[i] !== row.tr) tbody.insertBefore(row.tr, tbody.children[i] ?? null);
    });
    while (tbody.children.length > list.length) tbody.lastElementChild.remove();
  }

  return {
    // The way back keeps the window and filters; the table page, sort and
    // search are not kept across tracks (Back returns to the exact table).
    setBackLink(state) {
      byId('back-link').href = formatHash({
        ...state,
        page: 'overview',
        tablePage: 1,
        sort: 'creations',
        descending: true,
        search: '',
        view: 'tracks',
      });
    },
    render(answer, state, summary = null) {
      const { t, fmt } = ctx;
      byId('track-error').hidden = true;
      byId('track-body').hidden = false;
      const { track } = answer;
      const days = answer.window.days;
      setText('track-title', ctx.trackTitle(track));
      setText('track-artist', ctx.artistName(track.artist));
      setText('track-isrc', track.isrc ? t('track.isrc', { isrc: track.isrc }) : '');
      setText('track-window', windowLine(answer, state));
      const first = summary?.firstDay;
      const before = first && answer.previousWindow.end < first ? fmt.day(first) : null;
      kpis.renderChange('track-creations', answer.creations, days, before);
      kpis.renderChange('track-views', answer.views, days, before);
      kpis.renderChange('track-streams', answer.streams, days, before);
      const top = answer.territories.slice(0, 3);
      byId('track-top-list').replaceChildren(
        ...(top.length
          ? top.map((x) =>
              el(
                'li',
                { 'data-code': x.code },
                territories.node(x.code),
                ' ',
                fmt.numberNode(x.creations, 'number muted'),
              ),
            )
          : [
              el(
                'li',
                { className: 'muted' },
                t(
                  answer.creations.current > 0
                    ? 'territories.noTerritory'
                    : 'territories.noneShort',
                ),
              ),
            ]),
      );
      const without = answer.creationsWithoutTerritory ?? 0;
      showWithout('track-top-without', without, answer.creations.current);

      const weekly = Boolean(answer.series.days);
      byId(weekly ? 'granularity-weekly' : 'granularity-daily').checked = true;
      setText('chart-title', t(weekly ? 'chart.weekly.title' : 'chart.daily.title'));
      const { leftOut, absent } = dailyChart.show(
        byId('daily-chart'),
        byId('chart-legend'),
        answer.series,
      );
      const notes = [t('chart.note.scales'), t(weekly ? 'chart.note.weekly' : 'chart.note.daily')];
      if (leftOut) notes.push(t('chart.note.partial', { count: leftOut }));
      if (absent.streams) notes.push(t('chart.note.noStreams'));
      setText('chart-note', notes.join(' '));
      renderTerritories(
        answer.territories,
        answer.creations.current,
        answer.window,
        Boolean(state.start),
        without,
      );
    },
    // A track the engine does not know (an old link after loading another catalog).
    renderError(state, message) {
      setText('track-title', state.trackId);
      setText('track-artist', '');
      setText('track-isrc', '');
      setText('track-window', '');
      const error = byId('track-error');
      error.textContent = ctx.t('track.error', { message });
      error.hidden = false;
      byId('track-body').hidden = true;
    },
  };
}
