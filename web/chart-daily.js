// The track page's chart: daily creations (bars, left scale) against daily
// views and streams (lines, right logarithmic scale), one category per day of
// the window so that a day without data shows as a gap. The chart is created
// once; later calls set its data and update() it. It knows nothing of the
// engine: it draws the plain `series` object of a track answer.
import './vendor/chart.umd.js';  // defines globalThis.Chart (the UMD build needs no bundler)
import { el } from './dom.js';
import { addDays, compact, dayRange, exact, longDay, shortDay } from './format.js';

const { Chart } = globalThis;

const SERIES = [
  { key: 'creations', label: 'Creations', color: '#d6245f', fill: 'rgba(214, 36, 95, 0.55)' },
  { key: 'views', label: 'Views', color: '#0b6e80' },
  { key: 'streams', label: 'Streams (all platforms)', color: '#6a3fc8' },
];

let chart = null;
let shown = null;  // the series as given: tooltips read exact values (zeros) from it

Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
Chart.defaults.color = '#4a505c';

const isPowerOfTen = (value) => value > 0 && Math.abs(Math.log10(value) - Math.round(Math.log10(value))) < 1e-9;

// Axis titles cost a phone a fifth of the plot's width; the legend and the
// note above the chart say the same there.
const WIDE_ENOUGH_FOR_AXIS_TITLES = 520;
function showAxisTitles(options, width) {
  const wide = width >= WIDE_ENOUGH_FOR_AXIS_TITLES;
  options.scales.creations.title.display = wide;
  options.scales.audience.title.display = wide;
}

function create(canvas, legend) {
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
  chart = new Chart(canvas, {
    data: {
      labels: [],
      datasets: [
        { ...dataset(SERIES[0]), type: 'bar', yAxisID: 'creations', backgroundColor: SERIES[0].fill, order: 2,
          barPercentage: 1, categoryPercentage: 0.8 },
        { ...dataset(SERIES[1]), type: 'line', yAxisID: 'audience', order: 1 },
        { ...dataset(SERIES[2]), type: 'line', yAxisID: 'audience', order: 0, borderDash: [6, 3] },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 250 },
      interaction: { mode: 'index', intersect: false },
      onResize: (resized, { width }) => showAxisTitles(resized.options, width),  // the next draw picks it up
      plugins: {
        legend: { display: false },  // the HTML legend below is keyboard-operable
        tooltip: {
          itemSort: (a, b) => a.datasetIndex - b.datasetIndex,  // the legend's order, not the drawing order
          callbacks: {
            title: (items) => stepTitle(items[0].dataIndex),
            label: (item) => {
              const value = shown[SERIES[item.datasetIndex].key][item.dataIndex];
              return `${item.dataset.label}: ${exact(value)}`;
            },
            // Chart.js leaves a day without data out of the tooltip: say so instead.
            afterBody: (items) => SERIES
              .filter(({ key }, index) => chart.isDatasetVisible(index) && shown[key][items[0]?.dataIndex] === null)
              .map(({ label }) => `${label}: no data yet`),
          },
        },
      },
      scales: {
        x: {
          type: 'category',
          grid: { display: false },
          ticks: {
            maxRotation: 0,
            autoSkipPadding: 16,
            callback(value) { return shortDay(this.getLabelForValue(value)); },
          },
        },
        creations: {
          type: 'linear',
          position: 'left',
          display: 'auto',
          beginAtZero: true,
          title: { display: true, text: 'Creations per day', color: SERIES[0].color },
          ticks: { precision: 0, callback: (value) => compact(value) },
          grid: { color: '#e8eaee' },
        },
        audience: {
          type: 'logarithmic',
          position: 'right',
          display: 'auto',
          title: { display: true, text: 'Views and streams per day (log)' },
          grid: { drawOnChartArea: false },
          ticks: { callback: (value) => (isPowerOfTen(value) ? compact(value) : '') },
        },
      },
    },
  });
  showAxisTitles(chart.options, canvas.parentElement.clientWidth);
  const buttons = SERIES.map((series, index) => {
    const button = el('button', { type: 'button', className: `legend-item legend-${series.key}`, 'aria-pressed': 'true' },
      el('span', { className: 'legend-swatch', 'aria-hidden': 'true' }), series.label);
    button.addEventListener('click', () => {
      const visible = !chart.isDatasetVisible(index);
      chart.setDatasetVisibility(index, visible);
      button.setAttribute('aria-pressed', String(visible));
      chart.update();
    });
    return button;
  });
  legend.replaceChildren(...buttons);
}

function dataset({ label, color }) {
  return {
    label,
    data: [],
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2,
    pointRadius: 0,
    pointHoverRadius: 4,
    spanGaps: false,  // a day with no data yet is a gap, never a zero
    cubicInterpolationMode: 'monotone',  // smooth, without overshooting the real values
  };
}

// A logarithmic scale has no 0 (Chart.js would leave a gap, which here means
// "no data yet"): the scale starts at the power of ten just below the smallest
// positive value, and zeros are drawn on that floor. Tooltips still say 0.
function logFloor(...arrays) {
  let smallest = Infinity;
  for (const values of arrays) for (const v of values) if (v > 0 && v < smallest) smallest = v;
  return smallest === Infinity ? 1 : 10 ** (Math.ceil(Math.log10(smallest)) - 1);
}

// A day ("Wed, 25 Nov 2026") or, week by week, the bucket's days.
function stepTitle(index) {
  const start = shown.dates[index];
  if (!shown.days) return longDay(start);
  const days = shown.days[index];
  return `${dayRange({ start, end: addDays(start, days - 1) })} (${days === 1 ? '1 day' : `${days} days`})`;
}

// series: { dates, creations, views, streams, days? } (streams may end with
// nulls); with days, each entry is a bucket of that many days from its date.
export function showDailyChart(canvas, legend, series) {
  if (!chart) create(canvas, legend);
  shown = series;
  const floor = logFloor(series.views, series.streams);
  const onLogScale = (values) => values.map((v) => (v === 0 ? floor : v));
  chart.options.scales.audience.min = floor;
  const step = series.days ? 'week' : 'day';
  chart.options.scales.creations.title.text = `Creations per ${step}`;
  chart.options.scales.audience.title.text = `Views and streams per ${step} (log)`;
  chart.data.labels = series.dates;
  chart.data.datasets[0].data = series.creations;
  chart.data.datasets[1].data = onLogScale(series.views);
  chart.data.datasets[2].data = onLogScale(series.streams);
  // No animation for a new answer (a period click, another track): drawn at
  // once, not redrawn frame after frame while the next click waits.
  chart.update('none');
  const last = series.days ? addDays(series.dates.at(-1), series.days.at(-1) - 1) : series.dates.at(-1);
  canvas.setAttribute('aria-label',
    `${series.days ? 'Weekly' : 'Daily'} creations, views and streams from ${longDay(series.dates[0])} to ${longDay(last)}. ` +
    'The exact numbers are in the page\'s KPIs and territory table.');
}
