// "Your best performing track", above the ranking: the track with the most
// creations in the window under the filters (the standard ranking's first row,
// whatever the table's sort, search or page). Its title, artist and creations
// come with the overview; its change against the previous period (from a
// track answer) and its top app (from the track's splits) arrive with the
// insights. A click anywhere on the card, or Enter on its title, opens the track.
import { setAttr, setHidden, setNodeText } from './dom.js';
import { query } from './data.js';
import { trackHashes } from './router.js';

// The app with the most creations in a splits answer's `platform` entries
// (which count every app, whatever the apps filter), among the apps the filter
// keeps ('all': every entry, 'unknown' too); the first in the engine's order on
// a tie; null when none has any.
export function topPlatform(entries, platform = 'all') {
  let top = null;
  for (const entry of entries) {
    if (platform !== 'all' && !platform.includes(entry.key)) continue;
    if (entry.creations > 0 && (!top || entry.creations > top.creations)) top = entry;
  }
  return top?.key ?? null;
}

export function createBestTrack(ctx, { kpis }) {
  const { byId, router, setText } = ctx;
  const card = byId('best-track');
  let shownKey = null; // the track, window and filters the card shows
  card.addEventListener('click', (event) => {
    if (event.target.closest('a') || event.defaultPrevented) return;
    if (String(getSelection()).length > 0) return; // the user was selecting text
    router.go(byId('best-track-link').getAttribute('href'));
  });

  return {
    // row: the ranking's first row (null: no track has creations).
    show(row, state, when) {
      setHidden(card, !row);
      if (!row) return;
      const { fmt, t } = ctx;
      const link = byId('best-track-link');
      setAttr(link, 'href', trackHashes(state)(row.id));
      setAttr(card, 'data-track-id', row.id);
      setNodeText(link, ctx.trackTitle(row));
      setText('best-artist', ctx.artistName(row.artist));
      setText('best-track-note', t('best.note', { when }));
      const holder = byId('best-creations').querySelector('.kpi-value');
      let value = holder.querySelector('data');
      if (!value) holder.replaceChildren((value = fmt.numberNode(0)));
      fmt.setNumber(value, row.creations);
      const key = JSON.stringify([row.id, query(state)]);
      if (shownKey !== key) {
        // Another track or window: its change and app are not known yet.
        for (const node of byId('best-creations').querySelectorAll('.kpi-change, .kpi-note'))
          node.replaceChildren('\u00A0');
        setText('best-track-platform', '\u00A0');
      }
      shownKey = key;
    },
    // track: the track's answer in the same window and filters; splits: its splits answer.
    // platform: the state's apps filter.
    complete(track, splits, firstDay, platform) {
      const { fmt, t } = ctx;
      const before = firstDay && track.previousWindow.end < firstDay ? fmt.day(firstDay) : null;
      kpis.renderChange('best-creations', track.creations, track.window.days, before);
      const top = topPlatform(splits.platform, platform);
      setText('best-track-platform', top ? ctx.platformName(top) : t('best.noPlatform'));
      setAttr(byId('best-track-platform'), 'data-platform', top);
    },
  };
}
