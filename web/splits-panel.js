// "Where the videos come from": the shares of creations by app (TikTok,
// Douyin, YouTube Shorts, Instagram Reels, unknown) and by kind of video (UGC,
// PGC) as percentages, a stacked bar of each, and the FAQ's explanation beside
// them. The figures list only the entries with creations (an app at 0 is left
// out); the bar draws the same shares. One panel on the overview (the catalog),
// one on the track page; each draws a splits() answer.
import { Chart, themed } from './charts.js';
import { el, setAttr, setHidden, setNodeText } from './dom.js';

const ROWS = [
  {
    split: 'platform',
    label: 'filter.app',
    keys: ['tiktok', 'douyin', 'youtube_shorts', 'instagram_reels', 'unknown'],
  },
  { split: 'content', label: 'filter.videos', keys: ['ugc', 'pgc', 'unknown'] },
];
const STACK = Math.max(...ROWS.map((r) => r.keys.length)); // datasets: one per position in a row
const CONTENTS = { ugc: 'UGC', pgc: 'PGC' };

export function createSplitsPanel(ctx) {
  const charts = new Map(); // section -> Chart
  const shown = new WeakMap(); // section -> the answer it shows
  const name = (key) => CONTENTS[key] ?? ctx.platformName(key);

  function skeleton(section) {
    const { t, fmt } = ctx;
    const theme = ctx.theme();
    const canvas = el('canvas', { role: 'img', 'aria-label': t('splits.chart') });
    section
      .querySelector('.splits-body')
      .replaceChildren(
        el(
          'div',
          { className: 'splits-figures' },
          ...ROWS.map(({ split, label }) =>
            el(
              'div',
              { className: 'split', 'data-split': split },
              el('h4', { className: 'split-title' }, t(label)),
              el('dl', { className: 'split-kpis' }),
            ),
          ),
          el('div', { className: 'splits-chart' }, canvas),
          el('p', { className: 'card-note split-empty', hidden: true }, t('splits.none')),
        ),
        el(
          'div',
          { className: 'splits-explainer' },
          el(
            'p',
            {},
            el('strong', {}, 'PGC'),
            `: ${t('splits.pgc')} `,
            el('strong', {}, 'UGC'),
            `: ${t('splits.ugc')}`,
          ),
          el('p', {}, t('splits.appShowsPgc')),
          el('p', {}, el('strong', {}, 'Douyin'), ` ${t('splits.douyin')}`),
          el('p', { className: 'split-filters' }),
        ),
      );
    const chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: ROWS.map((r) => t(r.label)),
        datasets: Array.from({ length: STACK }, () => ({
          data: [],
          backgroundColor: [],
          borderWidth: 0,
          barPercentage: 0.7,
        })),
      },
      options: themed(
        {
          indexAxis: 'y',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false }, // the percentages beside it are the legend
            tooltip: {
              callbacks: {
                label: (item) => {
                  const entry = item.dataset.entries[item.dataIndex];
                  return entry
                    ? t('splits.tooltip', {
                        name: name(entry.key),
                        share: fmt.percent(entry.share),
                        count: entry.creations,
                      })
                    : '';
                },
              },
            },
          },
          scales: {
            x: {
              stacked: true,
              min: 0,
              max: 100,
              ticks: { callback: (v) => fmt.percent(v / 100), stepSize: 25 },
              grid: { color: theme.grid },
            },
            y: { stacked: true, grid: { display: false } },
          },
        },
        theme,
      ),
    });
    chart.$theme = theme;
    charts.set(section, chart);
  }

  function showSplitKpis(list, entries) {
    const { t, fmt } = ctx;
    const kpis = list.children;
    if (
      entries.length > 0 &&
      entries.length === kpis.length &&
      entries.every((e, i) => kpis[i].dataset.key === e.key)
    ) {
      entries.forEach((e, i) => {
        const [, share, count] = kpis[i].children; // dt, dd.split-share, dd.split-count
        const value = String(e.share);
        if (share.firstChild.value !== value) share.firstChild.value = value;
        setNodeText(share.firstChild, fmt.percent(e.share));
        fmt.setNumber(count.firstChild, e.creations);
      });
      return;
    }
    list.replaceChildren(
      ...(entries.length
        ? entries.map((e) =>
            el(
              'div',
              { className: 'split-kpi', 'data-key': e.key },
              el(
                'dt',
                {},
                el('span', { className: `swatch swatch-${e.key}`, 'aria-hidden': 'true' }),
                name(e.key),
              ),
              el(
                'dd',
                { className: 'split-share' },
                el('data', { value: e.share }, fmt.percent(e.share)),
              ),
              el(
                'dd',
                { className: 'split-count' },
                fmt.numberNode(e.creations),
                ` ${t('splits.creations', { count: e.creations })}`,
              ),
            ),
          )
        : [el('div', { className: 'split-kpi muted' }, el('dt', {}, t('splits.noCreations')))]),
    );
  }

  // Which filter the shares are within: the app shares follow the Videos
  // filter and show every app whatever the App filter; the video shares
  // follow the App filter.
  function filterNote({ platform, content }) {
    const { t } = ctx;
    const parts = [];
    if (platform !== 'all') parts.push(t('splits.filter.allApps', { app: ctx.apps(platform) }));
    if (content !== 'all')
      parts.push(t('splits.filter.content', { content: content.toUpperCase() }));
    return parts.join(' ');
  }

  return {
    // answer: the engine's splits() answer; filters: the state's platform and content.
    // The figures are updated in place when the same apps and kinds have creations.
    render(section, answer, filters) {
      const { t, fmt } = ctx;
      if (shown.get(section) === answer) return; // kept answer (another table page or sort): nothing changed
      shown.set(section, answer);
      if (!charts.has(section)) skeleton(section);
      const chart = charts.get(section);
      const total = answer.platform.reduce((sum, e) => sum + e.creations, 0);
      setHidden(section.querySelector('.split-empty'), total > 0);
      setHidden(section.querySelector('.splits-chart'), total === 0);
      ROWS.forEach(({ split, keys }, row) => {
        showSplitKpis(
          section.querySelector(`[data-split="${split}"] .split-kpis`),
          answer[split].filter((e) => e.creations > 0),
        );
        chart.data.datasets.forEach((dataset, position) => {
          const entry = answer[split].find((e) => e.key === keys[position]);
          dataset.entries ??= [];
          dataset.entries[row] = entry;
          dataset.data[row] = entry && entry.share !== null ? entry.share * 100 : 0;
          dataset.backgroundColor[row] = chart.$theme[keys[position]] ?? chart.$theme.unknown;
        });
      });
      chart.update();
      const shares = ROWS.map(
        ({ label, split }) =>
          `${t(label)}: ${
            answer[split]
              .filter((e) => e.creations > 0)
              .map((e) => `${name(e.key)} ${fmt.percent(e.share)}`)
              .join(', ') || t('splits.noneShort')
          }`,
      ).join('. ');
      setAttr(chart.canvas, 'aria-label', t('splits.aria', { shares }));
      setNodeText(section.querySelector('.split-filters'), filterNote(filters));
    },
    destroy() {
      for (const chart of charts.values()) chart.destroy();
      charts.clear();
    },
  };
}
