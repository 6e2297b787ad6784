// Breakouts: tracks whose creations at least doubled against the previous
// period (with at least 50 of them), as the engine's breakouts() lists them.
// A badge in the table's rows ("New" when nothing came before), and the
// "Breakouts" view of the table: creations, previous creations and growth,
// with the counts the growth rests on ("from 12 to 80 creations").
import { el } from './dom.js';
import { formatHash } from './router.js';

export function createBreakouts(ctx) {
  function badge(growth) {
    const { t, fmt } = ctx;
    return growth === null
      ? el(
          'span',
          { className: 'badge badge-new', title: t('breakout.new.title') },
          t('change.new'),
        )
      : el(
          'span',
          {
            className: 'badge badge-breakout',
            title: t('breakout.title', { growth: fmt.growthText(growth) }),
          },
          t('breakout.badge'),
        );
  }

  return {
    badge,
    // growth: Map id -> growth (null: new) of every breakout in the window.
    applyBadges(tbody, growth) {
      for (const row of tbody.querySelectorAll('tr[data-track-id]')) {
        row.querySelector('.badge')?.remove();
        if (growth.has(row.dataset.trackId))
          row.querySelector('.track-badges').append(badge(growth.get(row.dataset.trackId)));
      }
    },
    row(track, rank, state) {
      const { t, fmt } = ctx;
      const href = formatHash({ ...state, page: 'track', trackId: track.id, weekly: null });
      const counts = t('breakout.counts', {
        from: fmt.exact(track.previousCreations),
        to: fmt.exact(track.creations),
      });
      return el(
        'tr',
        { 'data-href': href, 'data-track-id': track.id },
        el('td', { className: 'col-rank' }, String(rank)),
        el(
          'td',
          { className: 'col-track' },
          el('a', { className: 'track-link', href }, ctx.trackTitle(track)),
          el('span', { className: 'track-artist' }, ctx.artistName(track.artist)),
        ),
        el(
          'td',
          { className: 'col-number', 'data-label': t('column.creations') },
          fmt.numberNode(track.creations),
        ),
        el(
          'td',
          { className: 'col-number', 'data-label': t('column.before') },
          fmt.numberNode(track.previousCreations),
        ),
        el(
          'td',
          {
            className: 'col-number col-growth',
            'data-label': t('column.growth'),
            'data-growth': track.growth ?? 'new',
          },
          track.growth === null
            ? badge(null)
            : el('span', { className: 'growth' }, fmt.growthText(track.growth)),
          el('span', { className: 'growth-counts' }, counts),
        ),
      );
    },
  };
}
