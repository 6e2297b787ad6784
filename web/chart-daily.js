// The track page's chart: creations (bars, left scale) against views and
// streams (lines, right scale, logarithmic or linear as the user picks), one
// category per day or week of the window so that a day without data shows as
// a gap. Created once per dashboard; later calls set its data and update() it.
// It knows nothing of the engine: it draws the plain `series` of a track answer.
// - A series with no data at all (a track without streams) gets no line and
//   its legend button says so (all zeros count as none: the engine answers
//   zeros for a track without streams).
// - Week by week, a first bucket shorter than 7 days is left out (it would
//   draw as a dip); the note says how many days that is.
// - The log axis labels 1, 2 and 5 times each power of ten when the range is
//   short (every step within a decade), so it has at least three readable ticks; zeros, which a log
//   axis cannot show, sit on its floor, and the linear scale shows them as 0.
import { Chart, themed } from './charts.js';
import { el } from './dom.js';
import { addDays } from './format.js';
import { translucent } from './theme.js';

const KEYS = ['creations', 'views', 'streams'];
// 20,000 -> 2; 15,000 -> 1.5 (not a tick worth a label).
const mantissa = (value) => value / 10 ** Math.floor(Math.log10(value) + 1e-9);
const near = (a, b) => Math.abs(a - b) < 1e-6;
// Axis titles cost a phone a fifth of the plot's width; the legend and the
// note above the chart say the same there.
const WIDE_ENOUGH_FOR_AXIS_TITLES = 520;

// A logarithmic scale has no 0 (Chart.js would leave a gap, which here means
// "no data yet"): the scale starts at the power of ten just below the smallest
// positive value, and zeros are drawn on that floor. Tooltips still say 0.
function logFloor(...arrays) {
  let smallest = Infinity;
  for (const values of arrays) for (const v of values) if (v > 0 && v < smallest) smallest = v;
  return smallest === Infinity ? 1 : 10 ** (Math.ceil(Math.log10(smallest)) - 1);
}
function logCeiling(...arrays) {
  let largest = 0;
  for (const values of arrays) for (const v of values) if (v > largest) largest = v;
  return largest;
}

export function createDailyChart(ctx) {
  let chart = null;
  let shown = null; // the series as drawn: tooltips read exact values (zeros) from it
  let buttons = [];
  let linear = false;
  const hiddenByUser = new Set(); // series the legend turned off
  let decades = 1;

  const label = (key) => ctx.t(`series.${key}`);

  function showAxisTitles(options, width) {
    const wide = width >= WIDE_ENOUGH_FOR_AXIS_TITLES;
    options.scales.creations.title.display = wide;
    options.scales.audience.title.display = wide;
  }

  function stepTitle(index) {
    const { t, fmt } = ctx;
    const start = shown.dates[index];
    if (!shown.days) return fmt.longDay(start);
    const days = shown.days[index];
    return t('chart.bucket', {
      range: fmt.dayRange({ start, end: addDays(start, days - 1) }),
      count: days,
    });
  }

  function create(canvas, legend) {
    const theme = ctx.theme();
    const colors = { creations: theme.creations, views: theme.views, streams: theme.streams };
    const dataset = (key) => ({
      label: label(key),
      data: [],
      borderColor: colors[key],
      backgroundColor: colors[key],
      borderWidth: 2,
      pointRadius: 0,
      pointHoverRadius: 4,
      spanGaps: false, // a day with no data yet is a gap, never a zero
      cubicInterpolationMode: 'monotone', // smooth, without overshooting the real values
    });
    const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
    chart = new Chart(canvas, {
      data: {
        labels: [],
        datasets: [
          {
            ...dataset('creations'),
            type: 'bar',
            yAxisID: 'creations',
            backgroundColor: translucent(colors.creations, 0.55),
            order: 2,
            barPercentage: 1,
            categoryPercentage: 0.8,
          },
          { ...dataset('views'), type: 'line', yAxisID: 'audience', order: 1 },
          {
            ...dataset('streams'),
            type: 'line',
            yAxisID: 'audience',
            order: 0,
            borderDash: [6, 3],
          },
        ],
      },
      options: themed(
        {
          responsive: true,
          maintainAspectRatio: false,
          animation: reducedMotion ? false : { duration: 250 },
          interaction: { mode: 'index', intersect: false },
          onResize: (resized, { width }) => showAxisTitles(resized.options, width), // the next draw picks it up
          plugins: {
            legend: { display: false }, // the HTML legend below is keyboard-operable
            tooltip: {
              itemSort: (a, b) => a.datasetIndex - b.datasetIndex, // the legend's order, not the drawing order
              callbacks: {
                title: (items) => stepTitle(items[0].dataIndex),
                label: (item) => {
                  const value = shown[KEYS[item.datasetIndex]][item.dataIndex];
                  return `${item.dataset.label}: ${ctx.fmt.exact(value)}`;
                },
                // Chart.js leaves a day without data out of the tooltip: say so instead.
                afterBody: (items) =>
                  KEYS.filter(
                    (key, index) =>
                      chart.isDatasetVisible(index) && shown[key][items[0]?.dataIndex] === null,
                  ).map((key) => ctx.t('chart.noDataYet', { series: label(key) })),
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
                callback(value) {
                  return ctx.fmt.shortDay(this.getLabelForValue(value));
                },
              },
            },
            creations: {
              type: 'linear',
              position: 'left',
              display: 'auto',
              beginAtZero: true,
              title: { display: true, text: '', color: colors.creations },
              ticks: { precision: 0, callback: (value) => ctx.fmt.compact(value) },
              grid: { color: theme.grid },
            },
            audience: {
              type: 'logarithmic',
              position: 'right',
              display: 'auto',
              title: { display: true, text: '' },
              grid: { drawOnChartArea: false },
              ticks: {
                autoSkip: false,
                // Powers of ten over a wide range; 1, 2 and 5 times them over a
                // short one; every step within one decade: always 3 or more labels.
                callback: (value) => {
                  if (linear) return ctx.fmt.compact(value);
                  const m = mantissa(value);
                  const keep =
                    near(m, 1) ||
                    (decades <= 3 && (near(m, 2) || near(m, 5))) ||
                    (decades <= 1.05 && near(m, Math.round(m)));
                  return keep ? ctx.fmt.compact(value) : '';
                },
              },
            },
          },
        },
        theme,
      ),
    });
    showAxisTitles(chart.options, canvas.parentElement.clientWidth);
    buttons = KEYS.map((key, index) => {
      const button = el(
        'button',
        { type: 'button', className: `legend-item legend-${key}`, 'aria-pressed': 'true' },
        el('span', { className: 'legend-swatch', 'aria-hidden': 'true' }),
        el('span', { className: 'legend-text' }, label(key)),
      );
      button.addEventListener('click', () => {
        const visible = !chart.isDatasetVisible(index);
        if (visible) hiddenByUser.delete(key);
        else hiddenByUser.add(key);
        chart.setDatasetVisibility(index, visible);
        button.setAttribute('aria-pressed', String(visible));
        chart.update();
      });
      return button;
    });
    legend.replaceChildren(...buttons);
  }

  // series: { dates, creations, views, streams, days? } (streams may end with
  // nulls); with days, each entry is a bucket of that many days from its date.
  function draw(canvas, legend, input) {
    const { t, fmt } = ctx;
    if (!chart) create(canvas, legend);
    // Week by week: a first bucket shorter than a week is left out.
    const cut = input.days && input.days.length > 1 && input.days[0] < 7 ? 1 : 0;
    const series = cut
      ? {
          dates: input.dates.slice(cut),
          days: input.days.slice(cut),
          creations: input.creations.slice(cut),
          views: input.views.slice(cut),
          streams: input.streams.slice(cut),
        }
      : input;
    shown = series;
    // (The engine answers zeros for a track with no streams series: a window
    // without any value above 0 gets no line either, and the note says why.)
    const absent = {
      views: series.views.every((v) => !v),
      streams: series.streams.every((v) => !v),
    };
    const floor = logFloor(series.views, series.streams);
    decades = Math.log10(Math.max(logCeiling(series.views, series.streams), floor * 10) / floor);
    const onLogScale = (values) => values.map((v) => (v === 0 && !linear ? floor : v));
    const audience = chart.options.scales.audience;
    audience.type = linear ? 'linear' : 'logarithmic';
    audience.min = linear ? 0 : floor;
    audience.beginAtZero = linear;
    const step = series.days ? 'week' : 'day';
    chart.options.scales.creations.title.text = t(`chart.axis.creations.${step}`);
    audience.title.text = t(`chart.axis.audience.${step}.${linear ? 'linear' : 'log'}`);
    chart.data.labels = series.dates;
    chart.data.datasets[0].data = series.creations;
    chart.data.datasets[1].data = onLogScale(series.views);
    chart.data.datasets[2].data = onLogScale(series.streams);
    // No line for a series the track has no data for at all.
    ['views', 'streams'].forEach((key, i) => {
      const index = i + 1;
      const button = buttons[index];
      button.disabled = absent[key];
      button.querySelector('.legend-text').textContent = absent[key]
        ? t('chart.absent', { series: label(key) })
        : label(key);
      const visible = !absent[key] && !hiddenByUser.has(key);
      chart.setDatasetVisibility(index, visible);
      button.setAttribute('aria-pressed', String(visible));
    });
    // No animation for a new answer (a period click, another track): drawn at
    // once, not redrawn frame after frame while the next click waits.
    chart.update('none');
    const last = series.days
      ? addDays(series.dates.at(-1), series.days.at(-1) - 1)
      : series.dates.at(-1);
    canvas.setAttribute(
      'aria-label',
      t(series.days ? 'chart.aria.weekly' : 'chart.aria.daily', {
        from: fmt.longDay(series.dates[0]),
        to: fmt.longDay(last),
      }),
    );
    return { leftOut: cut ? input.days[0] : 0, absent };
  }

  let last = null;
  return {
    show(canvas, legend, series) {
      last = { canvas, legend, series };
      return draw(canvas, legend, series);
    },
    setLinear(value) {
      linear = value;
      if (last) draw(last.canvas, last.legend, last.series);
    },
    get chart() {
      return chart;
    },
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
}
