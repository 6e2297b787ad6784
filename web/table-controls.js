// The table's controls: sortable column headers (aria-sort, a second click
// turns the order round), the same choice as a select on phones (where the
// header row is hidden), and the search box (debounced). They write the URL.
import { byId, setAttr } from './dom.js';
import { currentState, defaultDescending, navigate } from './router.js';

const SEARCH_DELAY_MS = 250;
let committed = '';  // the search the box last wrote to the URL

export function initTableControls() {
  const input = byId('table-search');
  let timer = 0;
  const commit = () => {
    clearTimeout(timer);
    const search = input.value.trim();
    const state = currentState();
    if (search === state.search) return;
    committed = search;
    // Typing refines one search: Back leaves the search, not each letter.
    navigate({ search, tablePage: 1 }, { replace: Boolean(state.search) });
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(commit, SEARCH_DELAY_MS);
  });
  input.addEventListener('keydown', (event) => { if (event.key === 'Enter') commit(); });
  input.addEventListener('search', commit);  // the clear button of type=search

  byId('ranking-table').querySelector('thead').addEventListener('click', (event) => {
    const button = event.target.closest('.sort-button');
    if (!button) return;
    const sort = button.dataset.sort;
    const state = currentState();
    const descending = state.sort === sort ? !state.descending : defaultDescending(sort);
    navigate({ sort, descending, tablePage: 1 });
  });
  byId('sort-select').addEventListener('change', (event) => {
    const [sort, order] = event.target.value.split(':');
    navigate({ sort, descending: order === 'desc', tablePage: 1 });
  });
}

const SORT_NAMES = { creations: 'creations', views: 'views', streams: 'streams', title: 'title', artist: 'artist' };

export function showTableControls(state) {
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
    setAttr(button, 'title', `Sort by ${SORT_NAMES[button.dataset.sort]}, ${sortOrderName(button.dataset.sort, next)}`);
  }
  const select = byId('sort-select');
  const sortValue = `${state.sort}:${state.descending ? 'desc' : 'asc'}`;
  if (select.value !== sortValue) select.value = sortValue;
  // The URL's search, unless it is the one being typed (the box may already
  // hold more letters than the last committed ones); Back or a link wins.
  const input = byId('table-search');
  const typing = document.activeElement === input && state.search === committed;
  if (!typing && input.value.trim() !== state.search) input.value = state.search;
  committed = state.search;
}

function sortOrderName(sort, descending) {
  if (defaultDescending(sort)) return descending ? 'most first' : 'fewest first';
  return descending ? 'Z to A' : 'A to Z';
}

// "Tracks by creations", "Tracks by title, Z to A", ...
export function tableTitle(state) {
  const order = state.descending === defaultDescending(state.sort) ? '' : `, ${sortOrderName(state.sort, state.descending)}`;
  return `Tracks by ${SORT_NAMES[state.sort]}${order}`;
}
