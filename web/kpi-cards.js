// The KPI cards shared by both pages: a big number, its change against the
// previous period (arrow, sign and colour, and a sentence for screen readers),
// and the previous value. The nodes are made once, then updated in place.
import { el, setAttr, setNodeText } from './dom.js';

const ARROWS = { up: '\u25B2', down: '\u25BC', flat: '\u25AC', none: '', new: '\u2605' };

export function createKpiCards(ctx) {
  // The <data> in a .kpi-value, made the first time.
  function valueNode(card) {
    const holder = card.querySelector('.kpi-value');
    let node = holder.querySelector('data');
    if (!node) {
      node = ctx.fmt.numberNode(0);
      holder.replaceChildren(node);
    }
    return { holder, node };
  }

  // The change as a sentence: the arrow and colour say nothing to a screen reader.
  function spokenChange(direction, change, previousPeriod) {
    const { t, fmt } = ctx;
    if (direction === 'none') return t('kpi.spoken.none', { previous: previousPeriod });
    if (direction === 'new') return t('kpi.spoken.new', { previous: previousPeriod });
    if (direction === 'flat') return t('kpi.spoken.flat', { previous: previousPeriod });
    return t(direction === 'up' ? 'kpi.spoken.up' : 'kpi.spoken.down', {
      change: fmt.changeMagnitude(change),
      previous: previousPeriod,
    });
  }

  return {
    // cardId: an element holding .kpi-value, .kpi-change and .kpi-note;
    // totals: { current, previous, change } from the engine. noHistory: the
    // previous period lies before the catalog's first day (nothing to compare).
    renderChange(cardId, totals, periodDays, noHistory = null) {
      const { t, fmt } = ctx;
      const card = ctx.byId(cardId);
      const described = noHistory
        ? { direction: 'none', text: '\u2014' }
        : fmt.describeChange(totals.change, totals.current);
      const { direction, text } = described;
      const previousPeriod = t('kpi.previousDays', { count: periodDays });
      fmt.setNumber(valueNode(card).node, totals.current);

      const change = card.querySelector('.kpi-change');
      const className = `kpi-change is-${direction}`;
      if (change.className !== className) change.className = className;
      if (change.children.length !== 2) {
        change.replaceChildren(
          el('span', { 'aria-hidden': 'true' }),
          el('span', { className: 'visually-hidden' }),
        );
      }
      setNodeText(change.children[0], `${ARROWS[direction]} ${text}`.trim());
      setNodeText(
        change.children[1],
        noHistory
          ? t('kpi.noHistory', { day: noHistory })
          : spokenChange(direction, totals.change, previousPeriod),
      );

      const note = card.querySelector('.kpi-note');
      setNodeText(
        note,
        noHistory
          ? t('kpi.noHistory', { day: noHistory })
          : t('kpi.versus', { value: fmt.compact(totals.previous), previous: previousPeriod }),
      );
      setAttr(
        note,
        'title',
        noHistory
          ? null
          : t('kpi.versusExact', { value: fmt.exact(totals.previous), previous: previousPeriod }),
      );
    },
    // "189 of 200" tracks: a count out of a total, with a note under it.
    renderCount(cardId, count, total, noteText) {
      const card = ctx.byId(cardId);
      const { holder, node } = valueNode(card);
      ctx.fmt.setNumber(node, count);
      let totalNode = holder.querySelector('.kpi-total');
      if (!totalNode) holder.append((totalNode = el('span', { className: 'kpi-total' })));
      setNodeText(totalNode, ` ${ctx.t('kpi.ofTotal', { total: ctx.fmt.exact(total) })}`);
      setNodeText(card.querySelector('.kpi-note'), noteText);
    },
  };
}
