// The header and the bar under it: the catalog's name, the period switch, the
// custom date range, the filters and the data freshness line. Controls only
// change the state; the page follows the state (router.js).
import { el, setNodeText } from './dom.js';
import { PLATFORMS } from './router.js';

export function createToolbar(ctx, dateRange) {
  const { byId, router } = ctx;
  byId('period-switch').addEventListener('change', (event) => {
    router.navigate({ period: Number(event.target.value), start: null, end: null, tablePage: 1 });
  });
  // Phones: the dates and filters open under the sticky period switch.
  const more = byId('toolbar-more');
  more.addEventListener('click', () => {
    const open = more.getAttribute('aria-expanded') !== 'true';
    more.setAttribute('aria-expanded', String(open));
    more.closest('.toolbar').classList.toggle('is-open', open);
  });
  // The apps: "Apps: All" opens a line of toggle chips under the bar, as
  // "Custom dates" does (checkboxes: Tab reaches each, Space toggles it, Escape
  // closes). Each change applies at once. "All" clears the others; unchecking
  // the last app goes back to All. Phones show the chips in "Dates & filters".
  const chips = byId('platform-filter');
  const appsToggle = byId('platform-toggle');
  const openApps = (opened) => {
    chips.classList.toggle('is-open', opened);
    appsToggle.setAttribute('aria-expanded', String(opened));
  };
  appsToggle.addEventListener('click', () => {
    const opened = !chips.classList.contains('is-open');
    openApps(opened);
    if (opened) chips.querySelector('input:checked').focus();
  });
  chips.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || appsToggle.offsetParent === null) return;
    openApps(false);
    appsToggle.focus();
  });
  chips.addEventListener('change', (event) => {
    const box = event.target;
    let platform;
    if (box.value === 'all') platform = 'all';
    else {
      const chosen = PLATFORMS.filter((p) => byId(`platform-${p}`).checked);
      platform = chosen.length ? chosen : 'all';
    }
    if (!router.navigate({ platform, tablePage: 1 })) showPlatforms(router.currentState().platform);
  });
  function showPlatforms(platform) {
    for (const p of ['all', ...PLATFORMS]) {
      const checked = platform === 'all' ? p === 'all' : platform.includes(p);
      const box = byId(`platform-${p}`);
      if (box.checked !== checked) box.checked = checked;
    }
    // The closed toggle (and on phones the "Dates & filters" button) says which apps count.
    const short =
      platform === 'all' ? '' : platform.map((p) => ctx.t(`platform.short.${p}`)).join(' + ');
    // Phones: a badge with the number of apps on "Dates & filters" (their names for screen readers).
    setNodeText(byId('toolbar-more-count'), platform === 'all' ? '' : String(platform.length));
    setNodeText(byId('toolbar-more-apps'), short && `: ${short}`);
    setNodeText(appsToggle, ctx.t('filter.appsButton', { apps: short || ctx.t('platform.all') }));
    appsToggle.classList.toggle('is-active', platform !== 'all');
  }
  byId('content-filter').addEventListener('change', (event) =>
    router.navigate({ content: event.target.value, tablePage: 1 }),
  );

  return {
    // Shows the state in the controls (after Back, a reload, a link, setState).
    // With a custom range no period is checked.
    showState(state) {
      for (const radio of byId('period-switch').querySelectorAll('input')) {
        const checked = Number(radio.value) === state.period;
        if (radio.checked !== checked) radio.checked = checked;
      }
      showPlatforms(state.platform);
      if (byId('content-filter').value !== state.content)
        byId('content-filter').value = state.content;
      dateRange.showDateRange(state);
    },
    showCatalog(name, summary) {
      const { t, fmt } = ctx;
      byId('catalog-name').textContent = name;
      byId('catalog-size').textContent = t('catalog.tracks', { count: summary.tracks });
      const { tiktok, streams } = summary.dataThrough;
      dateRange.setDateBounds(summary);
      // Two unbreakable halves: a narrow screen wraps between them, not inside a date.
      byId('freshness').replaceChildren(
        el('span', {}, t('freshness.tiktok', { day: fmt.day(tiktok) })),
        ' \u00B7 ',
        el(
          'span',
          {},
          streams ? t('freshness.streams', { day: fmt.day(streams) }) : t('freshness.noStreams'),
        ),
      );
    },
  };
}
