// The header and the bar under it: the catalog's name, the period switch, the
// custom date range, the filters and the data freshness line. Controls only
// change the state; the page follows the state (router.js).
import { el } from './dom.js';

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
  byId('platform-filter').addEventListener('change', (event) =>
    router.navigate({ platform: event.target.value, tablePage: 1 }),
  );
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
      for (const [id, value] of [
        ['platform-filter', state.platform],
        ['content-filter', state.content],
      ]) {
        if (byId(id).value !== value) byId(id).value = value;
      }
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
