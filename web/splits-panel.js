// "Where the videos come from": the shares of creations by app (TikTok,
// Douyin) and by kind of video (UGC, PGC) as percentages, a stacked bar of
// each, and the FAQ's explanation beside them. One panel on the overview (the
// catalog), one on the track page; each draws a splits() answer.
import './vendor/chart.umd.js';  // globalThis.Chart
import {
  el, setAttr, setHidden, setNodeText,
} from './dom.js';
import {
  exact, numberNode, percent, setNumber,
} from './format.js';

const { Chart } = globalThis;

const NAMES = {
  tiktok: 'TikTok', douyin: 'Douyin', ugc: 'UGC', pgc: 'PGC', unknown: 'Unknown',
};
const COLORS = { tiktok: '#0b6e80', douyin: '#d6245f', ugc: '#6a3fc8', pgc: '#e08a00', unknown: '#9aa1ad' };
const ROWS = [
  { split: 'platform', label: 'App', keys: ['tiktok', 'douyin', 'unknown'] },
  { split: 'content', label: 'Videos', keys: ['ugc', 'pgc', 'unknown'] },
];

const charts = new WeakMap();  // section -> Chart

function skeleton(section) {
  const canvas = el('canvas', { role: 'img', 'aria-label': 'Shares of creations by app and by kind of video' });
  section.querySelector('.splits-body').replaceChildren(
    el('div', { className: 'splits-figures' },
      ...ROWS.map(({ split, label }) => el('div', { className: 'split', 'data-split': split },
        el('h3', { className: 'split-title' }, label),
        el('dl', { className: 'split-kpis' }))),
      el('div', { className: 'splits-chart' }, canvas),
      el('p', { className: 'card-note split-empty', hidden: true }, 'No creations in this period.')),
    el('div', { className: 'splits-explainer' },
      el('p', {}, el('strong', {}, 'PGC'), ': videos made with the official extract chosen at upload. ',
        el('strong', {}, 'UGC'), ': videos using another part of the song, matched by audio fingerprint.'),
      el('p', {}, 'The TikTok app shows PGC only, so its numbers are lower than these.'),
      el('p', {}, el('strong', {}, 'Douyin'), ' is TikTok\u2019s Chinese app; both are counted here.'),
      el('p', { className: 'split-filters' })));
  const chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: ROWS.map((r) => r.label), datasets: [0, 1, 2].map(() => ({ data: [], backgroundColor: [], borderWidth: 0, barPercentage: 0.7 })) },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },  // the percentages beside it are the legend
        tooltip: {
          callbacks: {
            label: (item) => {
              const entry = item.dataset.entries[item.dataIndex];
              return entry ? `${NAMES[entry.key]}: ${percent(entry.share)} (${exact(entry.creations)} creations)` : '';
            },
          },
        },
      },
      scales: {
        x: { stacked: true, min: 0, max: 100, ticks: { callback: (v) => `${v}%`, stepSize: 25 }, grid: { color: '#e8eaee' } },
        y: { stacked: true, grid: { display: false } },
      },
    },
  });
  charts.set(section, chart);
}

const shown = new WeakMap();  // section -> the answer it shows

// answer: the engine's splits() answer; filters: the state's platform and content.
// The figures are updated in place when the same apps and kinds have creations.
export function renderSplits(section, answer, filters) {
  if (shown.get(section) === answer) return;  // kept answer (another table page or sort): nothing changed
  shown.set(section, answer);
  if (!charts.has(section)) skeleton(section);
  const chart = charts.get(section);
  const total = answer.platform.reduce((sum, e) => sum + e.creations, 0);
  setHidden(section.querySelector('.split-empty'), total > 0);
  setHidden(section.querySelector('.splits-chart'), total === 0);
  ROWS.forEach(({ split }, row) => {
    showSplitKpis(section.querySelector(`[data-split="${split}"] .split-kpis`), answer[split].filter((e) => e.creations > 0));
    chart.data.datasets.forEach((dataset, position) => {
      const entry = answer[split].find((e) => e.key === ROWS[row].keys[position]);
      dataset.entries ??= [];
      dataset.entries[row] = entry;
      dataset.data[row] = entry && entry.share !== null ? entry.share * 100 : 0;
      dataset.backgroundColor[row] = COLORS[ROWS[row].keys[position]];
    });
  });
  chart.update();
  const shares = ROWS.map(({ label, split }) => `${label}: ${answer[split].filter((e) => e.creations > 0)
    .map((e) => `${NAMES[e.key]} ${percent(e.share)}`).join(', ') || 'none'}`).join('. ');
  setAttr(chart.canvas, 'aria-label', `Shares of creations. ${shares}.`);
  setNodeText(section.querySelector('.split-filters'), filterNote(filters));
}

function showSplitKpis(list, entries) {
  const kpis = list.children;
  if (entries.length > 0 && entries.length === kpis.length && entries.every((e, i) => kpis[i].dataset.key === e.key)) {
    entries.forEach((e, i) => {
      const [, share, count] = kpis[i].children;  // dt, dd.split-share, dd.split-count
      const value = String(e.share);
      if (share.firstChild.value !== value) share.firstChild.value = value;
      setNodeText(share.firstChild, percent(e.share));
      setNumber(count.firstChild, e.creations);
    });
    return;
  }
  list.replaceChildren(...(entries.length ? entries.map((e) =>
    el('div', { className: 'split-kpi', 'data-key': e.key },
      el('dt', {}, el('span', { className: `swatch swatch-${e.key}`, 'aria-hidden': 'true' }), NAMES[e.key]),
      el('dd', { className: 'split-share' }, el('data', { value: e.share }, percent(e.share))),
      el('dd', { className: 'split-count' }, numberNode(e.creations), ' creations')))
    : [el('div', { className: 'split-kpi muted' }, el('dt', {}, 'No creations'))]));
}

// Which filter the shares are within (the app shares follow the videos
// filter, and the other way round).
function filterNote({ platform, content }) {
  const parts = [];
  if (content !== 'all') parts.push(`app shares count ${content.toUpperCase()} videos only`);
  if (platform !== 'all') parts.push(`video shares count ${NAMES[platform]} only`);
  const text = parts.join('; ');
  return text ? `With the filters above, ${text}.` : '';
}
