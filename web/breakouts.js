// Breakouts: tracks whose creations at least doubled against the previous
// period (with at least 50 of them), as the engine's breakouts() lists them.
// A badge in the table's rows ("New" when nothing came before), and the
// "Breakouts" view of the table: creations, previous creations and growth.
import { el } from './dom.js';
import { artistName, exact, growthText, numberNode, trackTitle } from './format.js';
import { formatHash } from './router.js';

export function badge(growth) {
  return growth === null
    ? el('span', { className: 'badge badge-new', title: 'No creations in the previous period' }, 'New')
    : el('span', { className: 'badge badge-breakout', title: `${growthText(growth)} creations against the previous period` }, 'Breakout');
}

// growth: Map id -> growth (null: new) of every breakout in the window.
export function applyBreakoutBadges(tbody, growth) {
  for (const row of tbody.querySelectorAll('tr[data-track-id]')) {
    row.querySelector('.badge')?.remove();
    if (growth.has(row.dataset.trackId)) row.querySelector('.track-badges').append(badge(growth.get(row.dataset.trackId)));
  }
}

export function breakoutRow(track, rank, state) {
  const href = formatHash({ ...state, page: 'track', trackId: track.id, weekly: null });
  return el('tr', { 'data-href': href, 'data-track-id': track.id },
    el('td', { className: 'col-rank' }, String(rank)),
    el('td', { className: 'col-track' },
      el('a', { className: 'track-link', href }, trackTitle(track)),
      el('span', { className: 'track-artist' }, artistName(track.artist))),
    el('td', { className: 'col-number', 'data-label': 'Creations' }, numberNode(track.creations)),
    el('td', { className: 'col-number', 'data-label': 'Before' }, numberNode(track.previousCreations)),
    el('td', { className: 'col-number col-growth', 'data-label': 'Growth', 'data-growth': track.growth ?? 'new' },
      track.growth === null ? badge(null) : el('span', { className: 'growth', title: `${exact(track.previousCreations)} \u2192 ${exact(track.creations)}` }, growthText(track.growth))));
}
