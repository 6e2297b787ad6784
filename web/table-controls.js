// The table's controls: sortable column headers (aria-sort, a second click
// turns the order round), the same choice as a select on phones (where the
// header row is hidden), and the search box (debounced). They change the state.
import { setAttr } from './dom.js';
import { defaultDescending } from './router.js';

const SEARCH_DELAY_MS = 250;

export function createTableControls(ctx) {
  const { byId, router } = ctx;
  let committed = ''; // the search the box last wrote to the state
  const input = byId('table-search');
  let timer = 0;
  const commit = () => {
    clearTimeout(timer);
    const search = input.value.trim();
    const state = router.currentState();
    if (search === state.search) return;
    committed = search;
    // Typing refines one search: Back leaves the search, not each letter.
    router.navigate({ search, tablePage: 1 }, { replace: Boolean(state.search) });
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(commit, SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commit();
  });
  input.addEventListener('search', commit); // the clear button of type=search
  ctx.signal.addEventListener('abort', () => clearTimeout(timer));

  byId('ranking-table')
    .querySelector('thead')
    .addEventListener('click', (event) => {
      const button = event.target.closest('.sort-button');
      if (!button) return;
      const sort = button.dataset.sort;
      const state = router.currentState();
      const descending = state.sort === sort ? !state.descending : defaultDescending(sort);
      router.navigate({ sort, descending, tablePage: 1 });
    });
  byId('sort-select').addEventListener('change', (event) => {
    const [sort, order] = event.target.value.split(':');
    router.navigate({ sort, descending: order === 'desc', tablePage: 1 });
  });

  const orderName = (sort, descending) =>
    ctx.t(
      `sort.order.${defaultDescending(sort) ? 'number' : 'name'}.${descending ? 'desc' : 'asc'}`,
    );

  return {
    show(state) {
      const { t } = ctx;
      // (Written only where they change, like the rest of the table: dom.js.)
      for (const th of byId('ranking-table').querySelectorAll('th[data-sort-column]')) {
        const sorted = th.dataset.sortColumn.split(' ').includes(state.sort);
        setAttr(th, 'aria-sort', sorted ? (state.descending ? 'descending' : 'ascending') : null);
      }
      for (const button of byId('ranking-table').querySelectorAll('.sort-button')) {
        const active = button.dataset.sort === state.sort;
        button.classList.toggle('is-sorted', active);
        setAttr(button, 'data-direction', active ? (state.descending ? 'desc' : 'asc') : '');
        const next = active ? !state.descending : defaultDescending(button.dataset.sort);
        setAttr(
          button,
          'title',
          t('sort.by', {
            column: t(`sort.column.${button.dataset.sort}`),
            order: orderName(button.dataset.sort, next),
          }),
        );
      }
      const select = byId('sort-select');
      const sortValue = `${state.sort}:${state.descending ? 'desc' : 'asc'}`;
      if (select.value !== sortValue) select.value = sortValue;
      // The state's search, unless it is the one being typed (the box may
      // already hold more letters than the last committed ones); Back or a link wins.
      const typing = ctx.root.activeElement === input && state.search === committed;
      if (!typing && input.value.trim() !== state.search) input.value = state.search;
      committed = state.search;
    },
    // "Tracks by creations", "Tracks by title, Z to A", ...
    tableTitle(state) {
      const { t } = ctx;
      const column = t(`sort.column.${state.sort}`);
      return state.descending === defaultDescending(state.sort)
        ? t('table.title', { column })
        : t('table.titleOrder', { column, order: orderName(state.sort, state.descending) });
    },
  };
}
