// The overview page: the catalog's KPIs, then the table, one page of 50 rows
// at a time (cut by the engine): every track with creations, sorted and
// searched as the state says, or the breakouts list. When nothing was created,
// the articles instead. The insights panels under the table (splits, lift
// ranking) and the rows' breakout badges arrive after the first paint (app.js).
import { el, setAttr, setHidden, setNodeText } from './dom.js';
import { dayNumber, formatHash, trackHashes } from './router.js';

export function createOverviewPage(ctx, { kpis, breakouts, tableControls, territories }) {
  const { byId, router, setText } = ctx;
  const pageSize = ctx.data.PAGE_SIZE ?? 50;
  let currentPage = 1;
  // The table's rows, made once and kept: a render fills the first rows with
  // its tracks (text, numbers, links), adds the ones it lacks and takes away
  // the ones it does not need. The breakout badges arrive later (app.js).
  const rowPool = [];

  // A click anywhere on a row opens its track; the title is a real link, so
  // Enter, middle-click and "open in new tab" work as on any link.
  for (const id of ['ranking-rows', 'breakouts-rows']) {
    byId(id).addEventListener('click', (event) => {
      const row = event.target.closest('tr[data-href]');
      if (!row || event.target.closest('a') || event.defaultPrevented) return;
      if (String(getSelection()).length > 0) return; // the user was selecting text
      router.go(row.dataset.href);
    });
  }
  byId('pager-previous').addEventListener('click', () =>
    router.navigate({ tablePage: currentPage - 1 }),
  );
  byId('pager-next').addEventListener('click', () =>
    router.navigate({ tablePage: currentPage + 1 }),
  );

  // How many rows the table has in all (the app clamps ?page= with it).
  function tableTotal(answer, breakoutsAnswer, state) {
    if (state.view === 'breakouts') return breakoutsAnswer?.breakouts ?? 0;
    return state.search ? (answer.matchingTracks ?? 0) : answer.tracksWithCreations;
  }
  const pageCount = (total) => Math.max(1, Math.ceil(total / pageSize));

  // The window line: "Last 28 days: ..." or, for a custom range, its dates.
  function windowLine(answer, state) {
    const { t, fmt } = ctx;
    const previous = fmt.dayRange(answer.previousWindow);
    return state.start
      ? t('window.range', {
          range: fmt.dayRange(answer.window),
          count: answer.window.days,
          previous,
        })
      : t('window.period', {
          range: fmt.dayRange(answer.window),
          count: answer.window.days,
          previous,
        });
  }
  function windowPhrase(window, custom) {
    const { t, fmt } = ctx;
    return custom
      ? t('window.phrase.range', { from: fmt.day(window.start), to: fmt.day(window.end) })
      : t('window.phrase.period', { count: window.days });
  }
  // The catalog's first day when the previous window lies wholly before it.
  function noHistory(answer, summary) {
    const first = summary?.firstDay;
    return first && answer.previousWindow.end < first ? ctx.fmt.day(first) : null;
  }

  function rankingRow() {
    const { t, fmt } = ctx;
    const link = el('a', { className: 'track-link' });
    const badges = el('span', { className: 'track-badges' });
    const artist = el('span', { className: 'track-artist' });
    const tell = el('span', { className: 'track-tell' });
    const numbers = [0, 1, 2].map(() => fmt.numberNode(0));
    const list = el('ul', { className: 'territory-list' });
    const without = el('span', { className: 'territory-gap' });
    const rank = el('td', { className: 'col-rank' });
    const numberCell = (label, node) =>
      el('td', { className: 'col-number', 'data-label': t(label) }, node);
    const tr = el(
      'tr',
      {},
      rank,
      el(
        'td',
        { className: 'col-track' },
        el('span', { className: 'track-line' }, link, badges),
        el('span', { className: 'track-sub' }, artist, tell),
      ),
      numberCell('column.creations', numbers[0]),
      numberCell('column.views', numbers[1]),
      el(
        'td',
        { className: 'col-territories', 'data-label': t('column.topTerritories') },
        list,
        without,
      ),
      numberCell('column.streams', numbers[2]),
    );
    return { tr, rank, link, badges, artist, tell, numbers, territories: list, without };
  }

  function fillRow(row, track, rank, trackHash, repeated) {
    const { t, fmt } = ctx;
    const href = trackHash(track.id);
    const { tr } = row;
    setAttr(tr, 'data-href', href);
    setAttr(tr, 'data-track-id', track.id);
    setNodeText(row.rank, String(rank));
    setAttr(row.link, 'href', href);
    setNodeText(row.link, ctx.trackTitle(track));
    if (row.badges.firstChild) row.badges.replaceChildren(); // this window's badges come with the insights
    // Two tracks of the same title are told apart by their ISRC (or id).
    const tell = repeated
      ? ` \u00B7 ${track.isrc ? t('track.isrc', { isrc: track.isrc }) : track.id}`
      : '';
    setNodeText(row.artist, ctx.artistName(track.artist));
    setNodeText(row.tell, tell);
    fmt.setNumber(row.numbers[0], track.creations);
    fmt.setNumber(row.numbers[1], track.views);
    fmt.setNumber(row.numbers[2], track.streams);
    const items = row.territories.children;
    track.topTerritories.forEach((territory, i) => {
      let li = items[i];
      if (!li) row.territories.append((li = el('li', {}, territories.node(territory.code))));
      setAttr(li, 'data-code', territory.code);
      setAttr(li, 'title', t('creations.count', { count: territory.creations }));
      territories.setNode(li.firstChild, territory.code);
    });
    while (items.length > track.topTerritories.length) items[items.length - 1].remove();
    // Creations of series with no territory (YouTube Shorts) are in no territory list.
    const gap = track.creationsWithoutTerritory ?? 0;
    const share = gap > 0 ? fmt.percent(gap / track.creations) : null;
    setNodeText(row.without, share ? t('territories.withoutShort', { share }) : '');
    setAttr(row.without, 'title', share ? t('territories.without', { share }) : null);
  }

  function showRankingRows(tracks, offset, state) {
    const tbody = byId('ranking-rows');
    const trackHash = trackHashes(state);
    const seen = new Map();
    for (const track of tracks) seen.set(track.title, (seen.get(track.title) ?? 0) + 1);
    while (rowPool.length < tracks.length) rowPool.push(rankingRow());
    tracks.forEach((track, i) => {
      const row = rowPool[i];
      fillRow(
        row,
        track,
        offset + i + 1,
        trackHash,
        track.title !== null && seen.get(track.title) > 1,
      );
      if (tbody.children[i] !== row.tr) tbody.insertBefore(row.tr, tbody.children[i] ?? null);
    });
    while (tbody.children.length > tracks.length) tbody.lastElementChild.remove();
  }

  function renderPager(offset, shown, total, view) {
    const { t, fmt } = ctx;
    const pages = pageCount(total);
    setText(
      'pager-text',
      t(view === 'breakouts' ? 'pager.breakouts' : 'pager.tracks', {
        from: fmt.exact(Math.min(offset + 1, total)),
        to: fmt.exact(offset + shown),
        count: total,
        page: currentPage,
        pages,
      }),
    );
    const previous = byId('pager-previous'),
      next = byId('pager-next');
    if (previous.disabled !== currentPage <= 1) previous.disabled = currentPage <= 1;
    if (next.disabled !== currentPage >= pages) next.disabled = currentPage >= pages;
    setHidden(byId('ranking').querySelector('.pager'), pages === 1);
  }

  function showTabs(state) {
    const views = { tracks: byId('tab-tracks'), breakouts: byId('tab-breakouts') };
    for (const [view, tab] of Object.entries(views)) {
      setAttr(tab, 'href', formatHash({ ...state, view, tablePage: 1 }));
      setAttr(tab, 'aria-current', view === state.view ? 'page' : null);
    }
  }

  // answer: overview(); breakoutsAnswer: one page of breakouts() in the breakouts
  // view; summary: the catalog's load summary. Everything is written only where
  // it changed (dom.js), and the table's rows are updated in place: a period
  // click repaints the numbers, not a new table.
  function render(answer, state, breakoutsAnswer = null, summary = null) {
    const { t, fmt } = ctx;
    const days = answer.window.days;
    const custom = Boolean(state.start);
    setText('overview-window', windowLine(answer, state));
    const before = noHistory(answer, summary);
    kpis.renderChange('overview-creations', answer.creations, days, before);
    kpis.renderChange('overview-views', answer.views, days, before);
    kpis.renderChange('overview-streams', answer.streams, days, before);
    kpis.renderCount(
      'overview-tracks',
      answer.tracksWithCreations,
      answer.catalogTracks,
      t('kpi.tracks.note'),
    );

    // A window with no day of data (before the catalog's first day) is not a
    // catalog without creations: it says so, without the beginner articles.
    const first = summary?.firstDay;
    const noData = Boolean(first) && dayNumber(answer.window.end) < dayNumber(first);
    const empty = answer.tracksWithCreations === 0;
    setHidden(byId('no-data'), !noData);
    if (noData) setText('no-data', t('window.noData', { first: fmt.day(first) }));
    setHidden(byId('ranking'), empty);
    setHidden(byId('empty-state'), !empty || noData);
    setHidden(byId('overview-page').querySelector('.insights'), empty);
    if (empty) {
      setText(
        'empty-text',
        t('empty.text', { count: answer.catalogTracks, when: windowPhrase(answer.window, custom) }),
      );
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
    const total = tableTotal(answer, breakoutsAnswer, state);
    const empties = byId('table-empty');
    if (breakoutsView) {
      setText('ranking-title', t('table.title.breakouts'));
      setText(
        'breakouts-note',
        t('breakouts.note', {
          min: fmt.exact(breakoutsAnswer.minCreations),
          when: windowPhrase(answer.window, custom),
          count: days,
        }),
      );
      setText('previous-heading', t('column.previousDays', { count: days }));
      byId('breakouts-rows').replaceChildren(
        ...breakoutsAnswer.tracks.map((track, i) => breakouts.row(track, offset + i + 1, state)),
      );
      setHidden(empties, total > 0);
      setNodeText(empties, t('breakouts.none'));
      setHidden(byId('breakouts-table'), total === 0);
    } else {
      setText('ranking-title', tableControls.tableTitle(state));
      tableControls.show(state);
      showRankingRows(answer.tracks, offset, state);
      setHidden(empties, total > 0);
      setNodeText(empties, t('search.none', { search: state.search }));
      setHidden(byId('ranking-table'), total === 0);
    }
    renderPager(
      offset,
      breakoutsView ? breakoutsAnswer.tracks.length : answer.tracks.length,
      total,
      state.view,
    );
    // After "Next" at the bottom of the table, show the new rows from the top.
    const ranking = byId('ranking');
    if (turnedPage && ranking.getBoundingClientRect().top < 0)
      ranking.scrollIntoView({ block: 'start' });
  }

  return {
    render,
    tableTotal,
    pageCount,
    windowLine,
    windowPhrase,
    noHistory,
    // "Breakouts 17" on the tab, once the engine has counted them.
    showBreakoutsCount(count) {
      setText('breakouts-count', count === null ? '' : ctx.fmt.exact(count));
    },
  };
}
