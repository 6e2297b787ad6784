// The toolbar's custom date range: a button beside the 7/28/90/365 switch
// opens two date inputs and Apply (the toolbar stays one line until then).
// The inputs are bounded to the catalog's days: from its first day with data
// (at most 3,650 days back) to its last TikTok day. The range is compared with
// the range of the same length just before it (the engine's answer). Like
// every control, it only changes the state (?from=...&to=...).
import { setNodeText } from './dom.js';
import { MAX_RANGE_DAYS, dayNumber, isoDay } from './router.js';

export function createDateRange(ctx) {
  const { byId, router, signal } = ctx;
  let bounds = null; // { min, max } as YYYY-MM-DD, from the loaded catalog
  const form = byId('date-range');
  const toggle = byId('range-toggle');
  const from = byId('range-from');
  const to = byId('range-to');
  const open = (opened) => {
    form.hidden = !opened;
    toggle.setAttribute('aria-expanded', String(opened));
  };
  toggle.addEventListener('click', () => {
    open(form.hidden);
    if (!form.hidden) from.focus();
  });
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    open(false);
    toggle.focus();
  });
  for (const input of [from, to]) {
    input.addEventListener(
      'input',
      () => {
        from.setCustomValidity('');
        to.setCustomValidity('');
      },
      { signal },
    );
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault(); // nothing is sent anywhere: the state changes
    const problem = rangeProblem(from.value, to.value);
    (problem?.input === 'to' ? to : from).setCustomValidity(problem?.text ?? '');
    if (!form.reportValidity()) return;
    open(false);
    toggle.focus();
    router.navigate({ period: null, start: from.value, end: to.value, tablePage: 1 });
  });

  function rangeProblem(start, end) {
    const { t, fmt } = ctx;
    const first = dayNumber(start),
      last = dayNumber(end);
    if (first === null) return { input: 'from', text: t('range.needFrom') };
    if (last === null) return { input: 'to', text: t('range.needTo') };
    if (bounds && last > dayNumber(bounds.max))
      return { input: 'to', text: t('range.tooLate', { day: fmt.day(bounds.max) }) };
    if (bounds && first < dayNumber(bounds.min))
      return { input: 'from', text: t('range.tooEarly', { day: fmt.day(bounds.min) }) };
    if (first > last) return { input: 'to', text: t('range.order') };
    if (last - first + 1 > MAX_RANGE_DAYS)
      return { input: 'from', text: t('range.tooLong', { count: MAX_RANGE_DAYS }) };
    return null;
  }

  return {
    // The days a range may use for a catalog: from its first day with data
    // (and at most 3650 days back) up to its last TikTok day.
    setDateBounds(summary) {
      const max = summary.dataThrough.tiktok;
      const earliest = isoDay(dayNumber(max) - (MAX_RANGE_DAYS - 1));
      const first = summary.firstDay && summary.firstDay > earliest ? summary.firstDay : earliest;
      bounds = { min: first <= max ? first : max, max };
      for (const input of [from, to]) {
        input.min = bounds.min;
        input.max = bounds.max;
      }
      setNodeText(
        byId('range-bounds'),
        ctx.t('range.bounds', { from: ctx.fmt.day(bounds.min), to: ctx.fmt.day(bounds.max) }),
      );
    },
    // A custom range brought inside the catalog's days (e.g. a link made for
    // another catalog); a range with nothing left falls back to a period.
    clampRange(state) {
      if (!bounds || !state.start) return state;
      const start = state.start < bounds.min ? bounds.min : state.start;
      const end = state.end > bounds.max ? bounds.max : state.end;
      if (start > end) return { ...state, start: null, end: null, period: 28 };
      return { ...state, start, end };
    },
    // Shows the state's range, or the window a period covers, without
    // overwriting what the user is typing. Each is written only when it
    // changes: a period click should not lay the toolbar out again.
    showDateRange(state, window = null) {
      const { t, fmt } = ctx;
      const custom = Boolean(state.start);
      toggle.classList.toggle('is-active', custom);
      const text = custom
        ? fmt.dayRange({ start: state.start, end: state.end })
        : t('range.button');
      setNodeText(toggle, text);
      const label = custom
        ? t('range.active', { from: fmt.day(state.start), to: fmt.day(state.end) })
        : t('range.button');
      if (toggle.getAttribute('aria-label') !== label) toggle.setAttribute('aria-label', label);
      const active = ctx.root.activeElement;
      if (active === from || active === to) return;
      const shown = custom ? { start: state.start, end: state.end } : window;
      if (!shown) return;
      if (from.value !== shown.start) from.value = shown.start;
      if (to.value !== shown.end) to.value = shown.end;
    },
  };
}
