// "Streams follow TikTok most" on the overview: the top of the engine's
// liftRanking(), each track with how closely and how soon its streams follow
// its creations.
import { el } from './dom.js';
import { artistName, correlationText, roughly, trackTitle } from './format.js';
import { CLEAR_LINK } from './lift-panel.js';
import { formatHash } from './router.js';

export function renderLiftRanking(list, answer, state) {
  if (answer.tracks.length === 0) {
    list.replaceChildren(el('li', { className: 'lift-empty muted' }, 'Not enough streams and creations in this period to compare.'));
    return;
  }
  list.replaceChildren(...answer.tracks.map((t) => {
    const href = formatHash({ ...state, page: 'track', trackId: t.id, weekly: null });
    const when = t.bestLag === 0 ? 'same day' : `${t.bestLag} ${t.bestLag === 1 ? 'day' : 'days'} later`;
    const details = [`${when}`, `correlation ${correlationText(t.correlation)}`];
    if (t.streamsPerCreation > 0) details.push(`~${roughly(t.streamsPerCreation)} streams per creation`);
    return el('li', { className: 'lift-item', 'data-track-id': t.id, 'data-lag': t.bestLag },
      el('span', { className: 'lift-track' },
        el('a', { className: 'track-link', href }, trackTitle(t)),
        el('span', { className: 'track-artist' }, ` \u00B7 ${artistName(t.artist)}`)),
      el('span', { className: `lift-details${t.correlation < CLEAR_LINK ? ' is-weak' : ''}` }, details.join(' \u00B7 ')));
  }));
}
