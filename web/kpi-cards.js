// The KPI cards shared by both pages: a big number, its change against the
// previous period (arrow, sign and colour, and a sentence for screen readers),
// and the previous value. The nodes are made once, then updated in place.
import { byId, el, setAttr, setNodeText } from './dom.js';
import { compact, describeChange, exact, numberNode, percent, setNumber } from './format.js';

const ARROWS = { up: '\u25B2', down: '\u25BC', flat: '\u25AC', none: '' };

// The <data> in a .kpi-value, made the first time.
function valueNode(card) {
  const holder = card.querySelector('.kpi-value');
  let node = holder.querySelector('data');
  if (!node) {
    node = numberNode(0);
    holder.replaceChildren(node);
  }
  return { holder, node };
}

// cardId: an element holding .kpi-value, .kpi-change and .kpi-note;
// totals: { current, previous, change } from the engine.
export function renderChangeKpi(cardId, totals, periodDays) {
  const card = byId(cardId);
  const { direction, text } = describeChange(totals.change);
  const previousPeriod = `the previous ${periodDays} days`;
  setNumber(valueNode(card).node, totals.current);

  const change = card.querySelector('.kpi-change');
  const className = `kpi-change is-${direction}`;
  if (change.className !== className) change.className = className;
  if (change.children.length !== 2) {
    change.replaceChildren(el('span', { 'aria-hidden': 'true' }), el('span', { className: 'visually-hidden' }));
  }
  setNodeText(change.children[0], `${ARROWS[direction]} ${text}`.trim());
  setNodeText(change.children[1], spokenChange(direction, totals.change, previousPeriod));

  const note = card.querySelector('.kpi-note');
  setNodeText(note, `vs ${compact(totals.previous)} in ${previousPeriod}`);
  setAttr(note, 'title', `${exact(totals.previous)} in ${previousPeriod}`);
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
  const { holder, node } = valueNode(card);
  setNumber(node, count);
  let totalNode = holder.querySelector('.kpi-total');
  if (!totalNode) holder.append(totalNode = el('span', { className: 'kpi-total' }));
  setNodeText(totalNode, ` of ${exact(total)}`);
  setNodeText(card.querySelector('.kpi-note'), noteText);
}
