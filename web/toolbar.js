// The header and the bar under it: the catalog's name, the period switch, the
// custom date range, the filters and the data freshness line. Controls only
// write the URL; the page follows the URL (router.js).
import { initDateRange, setDateBounds, showDateRange } from './date-range.js';
import { byId, el } from './dom.js';
import { day, plural } from './format.js';
import { navigate } from './router.js';

export function initToolbar() {
  byId('period-switch').addEventListener('change', (event) => {
    navigate({ period: Number(event.target.value), start: null, end: null, tablePage: 1 });
  });
  byId('platform-filter').addEventListener('change', (event) => navigate({ platform: event.target.value, tablePage: 1 }));
  byId('content-filter').addEventListener('change', (event) => navigate({ content: event.target.value, tablePage: 1 }));
  initDateRange();
}

// Shows the state of the URL in the controls (after Back, a reload, a link).
// With a custom range no period is checked.
export function showState(state) {
  for (const radio of byId('period-switch').querySelectorAll('input')) {
    const checked = Number(radio.value) === state.period;
    if (radio.checked !== checked) radio.checked = checked;
  }
  for (const [id, value] of [['platform-filter', state.platform], ['content-filter', state.content]]) {
    if (byId(id).value !== value) byId(id).value = value;
  }
  showDateRange(state);
}

export function showCatalog(name, summary) {
  byId('catalog-name').textContent = name;
  byId('catalog-size').textContent = plural(summary.tracks, 'track');
  const { tiktok, streams } = summary.dataThrough;
  setDateBounds(summary.dataThrough);
  // Two unbreakable halves: a narrow screen wraps between them, not inside a date.
  byId('freshness').replaceChildren(
    el('span', {}, `TikTok data through ${day(tiktok)}`), ' \u00B7 ',
    el('span', {}, streams ? `streams through ${day(streams)}` : 'no streams data'));
}
