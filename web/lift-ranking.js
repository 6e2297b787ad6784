// "Streams follow TikTok most" on the overview: the top of the engine's
// liftRanking(), each track with how closely and how soon its streams follow
// its creations (or a plain sentence when the engine could not tell).
import { el } from './dom.js';
import { hasClaim } from './lift-panel.js';
import { formatHash } from './router.js';

export function createLiftRanking(ctx) {
  return {
    render(list, answer, state) {
      const { t, fmt } = ctx;
      if (answer.tracks.length === 0) {
        list.replaceChildren(el('li', { className: 'lift-empty muted' }, t('liftRanking.none')));
        return;
      }
      list.replaceChildren(
        ...answer.tracks.map((track) => {
          const href = formatHash({ ...state, page: 'track', trackId: track.id, weekly: null });
          let details;
          // The engine ranks only tracks with a claim (docs/INSIGHTS.md).
          const weak = !hasClaim(track);
          if (weak) {
            details = [t('lift.notEnough')];
          } else {
            details = [
              track.bestLag === 0
                ? t('liftRanking.sameDay')
                : t('liftRanking.later', { count: track.bestLag }),
              t('liftRanking.correlation', { correlation: fmt.correlationText(track.correlation) }),
            ];
            const interval = track.streamsPerCreationInterval;
            if (track.streamsPerCreation !== null && interval && interval.low > 0) {
              details.push(
                t('liftRanking.perCreationRange', {
                  low: fmt.exact(interval.low),
                  high: fmt.exact(interval.high),
                }),
              );
            }
          }
          return el(
            'li',
            { className: 'lift-item', 'data-track-id': track.id, 'data-lag': track.bestLag ?? '' },
            el(
              'span',
              { className: 'lift-track' },
              el('a', { className: 'track-link', href }, ctx.trackTitle(track)),
              el('span', { className: 'track-artist' }, ` \u00B7 ${ctx.artistName(track.artist)}`),
            ),
            el(
              'span',
              { className: `lift-details${weak ? ' is-weak' : ''}` },
              details.join(' \u00B7 '),
            ),
          );
        }),
      );
    },
  };
}
