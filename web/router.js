// The page state lives in the URL hash, so back, forward, reload and shared
// links all restore it:
//   #/?period=28                        overview (table page 1)
//   #/?from=2026-10-01&to=2026-10-31    a custom date range instead of a period
//   #/?period=90&page=3                 overview, third page of the table
//   #/?period=28&sort=title&q=love      the table sorted by title, searched
//   #/?period=28&view=breakouts         the breakouts list instead of the table
//   #/track/T107?period=28              a track (chart=weekly|daily when not the default)
//   ...&platform=douyin&content=ugc     filters (left out when "all")
//   ...&platform=tiktok,youtube_shorts  a set of apps (in this order, left out for all)
export const PERIODS = [7, 28, 90, 365];
// The apps, in the order the selector, the URL and the splits card use.
export const PLATFORMS = ['tiktok', 'douyin', 'youtube_shorts', 'instagram_reels'];
export const CONTENTS = ['all', 'ugc', 'pgc'];
export const SORTS = ['creations', 'views', 'streams', 'title', 'artist'];
export const MAX_RANGE_DAYS = 3650;
const DEFAULTS = { period: 28, platform: 'all', content: 'all', sort: 'creations', view: 'tracks' };

// Numbers read best largest first, names from A.
export const defaultDescending = (sort) => sort !== 'title' && sort !== 'artist';

// A window this long or longer is shown week by week unless the URL says otherwise.
const WEEKLY_FROM_DAYS = 180;

function pick(value, allowed, fallback) {
  return allowed.includes(value) ? value : fallback;
}

// The platform filter: 'all' (every series, those with no platform too) or a
// non-empty list of apps in PLATFORMS order. Takes a list, one word, or a
// comma list ("tiktok,youtube_shorts"); unknown words are dropped, and nothing
// left means 'all'.
export function platformSet(value) {
  if (value === null || value === undefined || value === 'all') return 'all';
  const words = Array.isArray(value) ? value : String(value).split(',');
  const chosen = PLATFORMS.filter((p) => words.includes(p));
  return chosen.length ? chosen : 'all';
}

const DAY_MS = 86_400_000;
// "2026-10-01" -> days since 1970-01-01, or null for anything that is not a real date.
export function dayNumber(iso) {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const ms = Date.parse(`${iso}T00:00:00Z`);
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== iso) return null;
  return ms / DAY_MS;
}
export const isoDay = (number) => new Date(number * DAY_MS).toISOString().slice(0, 10);

function customRange(params) {
  const start = params.get('from'),
    end = params.get('to');
  const first = dayNumber(start),
    last = dayNumber(end);
  if (first === null || last === null || first > last || last - first + 1 > MAX_RANGE_DAYS)
    return null;
  return { start, end };
}

// How many days the state's window has (known without asking the engine).
export const windowDays = (state) =>
  state.start ? dayNumber(state.end) - dayNumber(state.start) + 1 : state.period;
export const defaultWeekly = (state) => windowDays(state) >= WEEKLY_FROM_DAYS;

export function parseHash(hash) {
  const [path, query = ''] = hash.replace(/^#/, '').split('?');
  const params = new URLSearchParams(query);
  const range = customRange(params);
  const sort = pick(params.get('sort'), SORTS, DEFAULTS.sort);
  const order = params.get('order');
  const state = {
    page: 'overview',
    trackId: null,
    period: range ? null : pick(Number(params.get('period')), PERIODS, DEFAULTS.period),
    start: range?.start ?? null,
    end: range?.end ?? null,
    platform: platformSet(params.get('platform')),
    content: pick(params.get('content'), CONTENTS, DEFAULTS.content),
    tablePage: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
    sort,
    descending: order === 'asc' ? false : order === 'desc' ? true : defaultDescending(sort),
    search: (params.get('q') ?? '').trim().slice(0, 200),
    view: params.get('view') === 'breakouts' ? 'breakouts' : DEFAULTS.view,
    weekly: null,
  };
  const track = /^\/track\/(.+)$/.exec(path);
  if (track) {
    state.page = 'track';
    try {
      state.trackId = decodeURIComponent(track[1]);
    } catch {
      // a malformed escape: show the raw text, the engine will say it is unknown
      state.trackId = track[1];
    }
  }
  const chart = params.get('chart');
  state.weekly = chart === 'weekly' ? true : chart === 'daily' ? false : defaultWeekly(state);
  return state;
}

// The window and the filters, which every page's URL has.
function windowParams(state) {
  const params = new URLSearchParams();
  if (state.start && state.end) {
    params.set('from', state.start);
    params.set('to', state.end);
  } else {
    params.set('period', String(state.period ?? DEFAULTS.period));
  }
  const platform = platformSet(state.platform);
  if (platform !== 'all') params.set('platform', platform.join(','));
  if (state.content !== 'all') params.set('content', state.content);
  return params;
}

// A query as the URL shows it: commas stay commas (platform=tiktok,youtube_shorts);
// URLSearchParams reads them back the same.
const queryText = (params) => String(params).replaceAll('%2C', ',');

// The links of a list of tracks: id -> formatHash({ ...state, page: 'track',
// trackId: id, weekly: null }), the shared part made once.
export function trackHashes(state) {
  const query = `?${queryText(windowParams(state))}`;
  return (trackId) => `#/track/${encodeURIComponent(trackId)}${query}`;
}

export function formatHash(state) {
  const params = windowParams(state);
  if (state.page === 'track') {
    if (
      state.weekly !== undefined &&
      state.weekly !== null &&
      state.weekly !== defaultWeekly(state)
    )
      params.set('chart', state.weekly ? 'weekly' : 'daily');
    return `#/track/${encodeURIComponent(state.trackId)}?${queryText(params)}`;
  }
  if (state.view === 'breakouts') {
    params.set('view', 'breakouts');
  } else {
    if (state.sort && state.sort !== DEFAULTS.sort) params.set('sort', state.sort);
    if (state.sort && state.descending !== defaultDescending(state.sort))
      params.set('order', state.descending ? 'desc' : 'asc');
    if (state.search) params.set('q', state.search);
  }
  if (state.tablePage > 1) params.set('page', String(state.tablePage));
  return `#/?${queryText(params)}`;
}

// The state of one dashboard: with routing 'hash' it lives in the page's URL
// hash (the standalone demo: Back, Forward, reload and shared links restore
// it); with 'none' (the default) in memory, in the same spelling, and the host
// owns the URL: nothing here touches location, history or the title.
// onChange(state) runs on every change, in the task that made it.
export function createRouter({ mode = 'none', initial = '#/', onChange, signal }) {
  const hashMode = mode === 'hash';
  let memory = initial;
  const read = () => (hashMode ? location.hash : memory);
  const currentState = () => parseHash(read());

  // Goes to a hash as a link to it would. In hash mode without the cost of a
  // fragment navigation: assigning location.hash makes Chromium lay the page
  // out at once (to look for an element of that id to scroll to), 2 to 17 ms
  // on a period click; history.pushState does not, and Back and Forward
  // between such entries still fire hashchange.
  function go(hash, { replace = false } = {}) {
    if (hash === read()) return false;
    if (!hashMode) {
      memory = hash;
      onChange(currentState(), { replace });
      return true;
    }
    const oldURL = location.href;
    if (replace) history.replaceState(history.state, '', hash);
    else history.pushState(null, '', hash);
    dispatchEvent(new HashChangeEvent('hashchange', { oldURL, newURL: location.href }));
    return true;
  }
  if (hashMode) addEventListener('hashchange', () => onChange(currentState(), {}), { signal });

  return {
    mode,
    currentState,
    go,
    hash: read,
    // A new history entry (so Back undoes it), unless the URL would not change.
    // With { replace: true } the current entry is rewritten instead (typing in
    // the search box).
    navigate(changes, { replace = false } = {}) {
      const next = { ...currentState(), ...changes };
      // A new window gets its own default granularity; other changes keep the chosen one.
      const newWindow = ['period', 'start', 'end'].some((key) => key in changes);
      if (newWindow && !('weekly' in changes)) next.weekly = null;
      return go(formatHash(next), { replace });
    },
    // The state in its canonical spelling, without a history entry (e.g. "" -> "#/?period=28").
    canonicalize(adjust = (state) => state) {
      const hash = formatHash(adjust(currentState()));
      if (hash === read()) return;
      if (hashMode) history.replaceState(history.state, '', hash);
      else memory = hash;
    },
    // Rewrites the state without an entry or a change callback (e.g. a table page past the last).
    replace(hash) {
      if (hashMode) history.replaceState(history.state, '', hash);
      else memory = hash;
    },
  };
}

// The state a click on a period leads to (what navigate() makes of it).
export function periodState(state, period) {
  return parseHash(
    formatHash({ ...state, period, start: null, end: null, tablePage: 1, weekly: null }),
  );
}

// The state as a host reads and writes it (events, getState, setState):
// { page, trackId, period | range: { start, end }, filters: { platform, content },
//   (platform: 'all' or a list of apps, e.g. ['tiktok', 'youtube_shorts'])
//   tablePage, sort, descending, search, view, weekly }.
export function publicState(state) {
  return {
    page: state.page,
    trackId: state.trackId,
    period: state.period,
    range: state.start ? { start: state.start, end: state.end } : null,
    filters: {
      platform: state.platform === 'all' ? 'all' : [...state.platform],
      content: state.content,
    },
    tablePage: state.tablePage,
    sort: state.sort,
    descending: state.descending,
    search: state.search,
    view: state.view,
    weekly: state.weekly,
  };
}

// A host's partial state -> the changes navigate() takes. A trackId opens
// that track (null: the overview); a range replaces the period and the other way round.
export function stateChanges(partial = {}) {
  const changes = {};
  if ('trackId' in partial) {
    changes.trackId = partial.trackId ?? null;
    changes.page = partial.trackId ? 'track' : 'overview';
  }
  if (partial.page === 'overview' || partial.page === 'track') changes.page = partial.page;
  if (partial.range)
    Object.assign(changes, { period: null, start: partial.range.start, end: partial.range.end });
  else if (partial.period !== undefined && partial.period !== null) {
    Object.assign(changes, { period: Number(partial.period), start: null, end: null });
  }
  if (partial.filters) {
    if (partial.filters.platform) changes.platform = platformSet(partial.filters.platform);
    if (partial.filters.content) changes.content = partial.filters.content;
  }
  for (const key of ['tablePage', 'sort', 'descending', 'search', 'view', 'weekly']) {
    if (key in partial) changes[key] = partial[key];
  }
  return changes;
}
