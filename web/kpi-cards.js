// The KPI cards shared by both pages: a big number, its change against the
// previous period (arrow, sign and colour, and a sentence for screen readers),
// and the previous value.
import { byId, el } from './dom.js';
import { compact, describeChange, exact, numberNode, percent } from './format.js';

const ARROWS = { up: '\u25B2', down: '\u25BC', flat: '\u25AC', none: '' };

// cardId: an element holding .kpi-value, .kpi-change and .kpi-note;
// totals: { current, previous, change } from the engine.
export function renderChangeKpi(cardId, totals, periodDays) {
  const card = byId(cardId);
  const { direction, text } = describeChange(totals.change);
  const previousPeriod = `the previous ${periodDays} days`;
  card.querySelector('.kpi-value').replaceChildren(numberNode(totals.current));

  const change = card.querySelector('.kpi-change');
  change.className = `kpi-change is-${direction}`;
  change.replaceChildren(
    el('span', { 'aria-hidden': 'true' }, `${ARROWS[direction]} ${text}`.trim()),
    el('span', { className: 'visually-hidden' }, spokenChange(direction, totals.change, previousPeriod)));

  const note = card.querySelector('.kpi-note');
  note.replaceChildren(`vs ${compact(totals.previous)} in ${previousPeriod}`);
  note.title = `${exact(totals.previous)} in ${previousPeriod}`;
}

// The change as a sentence: the arrow and colour say nothing to a screen reader.
function spokenChange(direction, change, previousPeriod) {
  if (direction === 'none') return `No comparison: nothing in ${previousPeriod}.`;
  if (direction === 'flat') return `Unchanged from ${previousPeriod}.`;
  return `${direction === 'up' ? 'Up' : 'Down'} ${percent(Math.abs(change))} compared with ${previousPeriod}.`;
}

// "189 of 200" tracks: a count out of a total, with a note under it.
export function renderCountKpi(cardId, count, total, noteText) {
  const card = byId(cardId);
  card.querySelector('.kpi-value').replaceChildren(
    numberNode(count), el('span', { className: 'kpi-total' }, ` of ${exact(total)}`));
  card.querySelector('.kpi-note').textContent = noteText;
}
