// The toolbar's custom date range: a button beside the 7/28/90/365 switch
// opens two date inputs and Apply (the toolbar stays one line until then). The range is compared with the range of the same
// length just before it (the engine's answer). Like every control, it only
// writes the URL (?from=...&to=...).
import { byId } from './dom.js';
import { day, dayRange } from './format.js';
import { MAX_RANGE_DAYS, dayNumber, isoDay, navigate } from './router.js';

let bounds = null;  // { min, max } as YYYY-MM-DD, from the loaded catalog

export function initDateRange() {
  const form = byId('date-range');
  const toggle = byId('range-toggle');
  const open = (opened) => {
    form.hidden = !opened;
    toggle.setAttribute('aria-expanded', String(opened));
  };
  toggle.addEventListener('click', () => {
    open(form.hidden);
    if (!form.hidden) byId('range-from').focus();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    open(false);
    toggle.focus();
  });
  const from = byId('range-from');
  const to = byId('range-to');
  for (const input of [from, to]) input.addEventListener('input', () => { from.setCustomValidity(''); to.setCustomValidity(''); });
  form.addEventListener('submit', (event) => {
    event.preventDefault();  // nothing is sent anywhere: the URL changes
    const problem = rangeProblem(from.value, to.value);
    (problem?.input === 'to' ? to : from).setCustomValidity(problem?.text ?? '');
    if (!form.reportValidity()) return;
    open(false);
    toggle.focus();
    navigate({ period: null, start: from.value, end: to.value, tablePage: 1 });
  });
}

function rangeProblem(start, end) {
  const first = dayNumber(start), last = dayNumber(end);
  if (first === null) return { input: 'from', text: 'Enter the first day of the range.' };
  if (last === null) return { input: 'to', text: 'Enter the last day of the range.' };
  if (bounds && last > dayNumber(bounds.max)) return { input: 'to', text: `TikTok data goes up to ${day(bounds.max)}.` };
  if (bounds && first < dayNumber(bounds.min)) return { input: 'from', text: `The range can start on ${day(bounds.min)} at the earliest.` };
  if (first > last) return { input: 'to', text: 'The last day must be on or after the first day.' };
  if (last - first + 1 > MAX_RANGE_DAYS) return { input: 'from', text: `A range can cover ${MAX_RANGE_DAYS} days at most.` };
  return null;
}

// The days a range may use for a catalog: up to its last TikTok day, and at
// most 3650 days back from it.
export function setDateBounds(dataThrough) {
  const max = dataThrough.tiktok;
  bounds = { min: isoDay(dayNumber(max) - (MAX_RANGE_DAYS - 1)), max };
  for (const input of [byId('range-from'), byId('range-to')]) {
    input.min = bounds.min;
    input.max = bounds.max;
  }
}

// A custom range in the URL brought inside the catalog's days (e.g. a link
// made for another catalog); a range with nothing left falls back to a period.
export function clampRange(state) {
  if (!bounds || !state.start) return state;
  const start = state.start < bounds.min ? bounds.min : state.start;
  const end = state.end > bounds.max ? bounds.max : state.end;
  if (start > end) return { ...state, start: null, end: null, period: 28 };
  return { ...state, start, end };
}

// Shows the state's range, or the window a period covers, without
// overwriting what the user is typing. Each is written only when it changes:
// a period click should not lay the toolbar out again for the same text.
export function showDateRange(state, window = null) {
  const custom = Boolean(state.start);
  const toggle = byId('range-toggle');
  toggle.classList.toggle('is-active', custom);
  const text = custom ? dayRange({ start: state.start, end: state.end }) : 'Custom dates';
  if (toggle.textContent !== text) toggle.textContent = text;
  const label = custom ? `Custom dates: ${day(state.start)} to ${day(state.end)}` : 'Custom dates';
  if (toggle.getAttribute('aria-label') !== label) toggle.setAttribute('aria-label', label);
  const from = byId('range-from'), to = byId('range-to');
  if (from.contains(document.activeElement) || to.contains(document.activeElement)) return;
  const shown = custom ? { start: state.start, end: state.end } : window;
  if (!shown) return;
  if (from.value !== shown.start) from.value = shown.start;
  if (to.value !== shown.end) to.value = shown.end;
}
