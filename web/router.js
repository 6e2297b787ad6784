// The page state lives in the URL hash, so back, forward, reload and shared
// links all restore it:
//   #/?period=28                      overview (table page 1)
//   #/?period=90&page=3               overview, third page of the ranking
//   #/track/T107?period=28            a track
//   ...&platform=douyin&content=ugc   filters (left out when "all")
export const PERIODS = [7, 28, 90, 365];
export const PLATFORMS = ['all', 'tiktok', 'douyin'];
export const CONTENTS = ['all', 'ugc', 'pgc'];
const DEFAULTS = { period: 28, platform: 'all', content: 'all' };

function pick(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

export function parseHash(hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const state = {
    page: 'overview',
    trackId: null,
    period: pick(Number(params.get('period')), PERIODS, DEFAULTS.period),
    platform: pick(params.get('platform'), PLATFORMS, DEFAULTS.platform),
    content: pick(params.get('content'), CONTENTS, DEFAULTS.content),
    tablePage: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
  };
  const track = /^\/track\/(.+)$/.exec(path);
  if (track) {
    state.page = 'track';
    try {
      state.trackId = decodeURIComponent(track[1]);
    } catch {  // a malformed escape: show the raw text, the engine will say it is unknown
      state.trackId = track[1];
    }
  }
  return state;
}

export function formatHash(state) {
  const params = new URLSearchParams({ period: String(state.period) });
  if (state.platform !== 'all') params.set('platform', state.platform);
  if (state.content !== 'all') params.set('content', state.content);
  if (state.page === 'track') return `#/track/${encodeURIComponent(state.trackId)}?${params}`;
  if (state.tablePage > 1) params.set('page', String(state.tablePage));
  return `#/?${params}`;
}

export const currentState = () => parseHash(location.hash);

// A new history entry (so Back undoes it), unless the URL would not change.
export function navigate(changes) {
  const hash = formatHash({ ...currentState(), ...changes });
  if (hash === location.hash) return false;
  location.hash = hash;
  return true;
}

// The URL in its canonical spelling, without a history entry (e.g. "" -> "#/?period=28").
export function canonicalize() {
  const hash = formatHash(currentState());
  if (hash !== location.hash) history.replaceState(history.state, '', hash);
}

export function onRouteChange(callback) {
  addEventListener('hashchange', () => callback(currentState()));
}
