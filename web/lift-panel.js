// "Do streams follow TikTok?" on the track page: one plain sentence from the
// engine's lift() answer, and a small bar chart of the correlation between
// daily creations and daily streams L days later, for L = 0..14. Fields the
// engine may add (history, streamsPerCreationInterval, reason) are shown when
// present.
import { Chart, themed } from './charts.js';
import { setHidden, setNodeText } from './dom.js';

// Below this, a correlation is too weak to tell the user anything.
export const CLEAR_LINK = 0.3;

// The sentence for a lift answer (or a liftRanking entry), in ctx's language.
export function liftSentence(ctx, answer, windowDays = null) {
  const { t, fmt } = ctx;
  const { bestLag, correlation, streamsPerCreation } = answer;
  const later = (lag) => (lag === 0 ? t('lift.sameDay') : t('lift.later', { count: lag }));
  if (correlation === null || correlation === undefined || bestLag === null || bestLag === undefined) {
    const days = answer.history?.days ?? windowDays;
    return days ? t('lift.notEnoughWeeks', { count: Math.max(1, Math.round(days / 7)) }) : t('lift.notEnough');
  }
  if (correlation < CLEAR_LINK) return t('lift.weak', { when: later(bestLag), correlation: fmt.correlationText(correlation) });
  const interval = answer.streamsPerCreationInterval;
  let extra = '';
  if (interval && Number.isFinite(interval.low) && Number.isFinite(interval.high)) {
    extra = t('lift.extraRange', { low: fmt.roughly(interval.low), high: fmt.roughly(interval.high) });
  } else if (streamsPerCreation > 0) {
    extra = t('lift.extra', { value: fmt.roughly(streamsPerCreation) });
  }
  return t(bestLag === 0 ? 'lift.moves' : 'lift.follows', { when: later(bestLag), correlation: fmt.correlationText(correlation), extra });
}

export function createLiftPanel(ctx) {
  let chart = null;

  function create(canvas) {
    const { t, fmt } = ctx;
    const theme = ctx.theme();
    chart = new Chart(canvas, {
      type: 'bar',
      data: { labels: [], datasets: [{ data: [], backgroundColor: [], borderWidth: 0, categoryPercentage: 0.85, barPercentage: 1 }] },
      options: themed({
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: false },
          tooltip: {
            callbacks: {
              title: (items) => (items[0].dataIndex === 0 ? t('lift.sameDayTitle') : t('lift.laterTitle', { count: Number(items[0].label) })),
              label: (item) => {
                const lag = chart.$lags[item.dataIndex];
                return lag.correlation === null ? t('lift.lagNoData')
                  : t('lift.lagTooltip', { correlation: fmt.correlationText(lag.correlation), count: lag.pairs });
              },
            },
          },
        },
        scales: {
          x: { grid: { display: false }, title: { display: true, text: t('lift.axis') } },
          y: { min: -1, max: 1, ticks: { stepSize: 0.5, callback: (v) => fmt.correlationText(v) },
            grid: { color: (c) => (c.tick.value === 0 ? theme.unknown : theme.grid) } },
        },
      }, theme),
    });
    chart.$theme = theme;
  }

  return {
    render(answer) {
      const { t, fmt, byId } = ctx;
      const sentenceNode = byId('lift-sentence');
      const canvas = byId('lift-chart');
      const sentence = liftSentence(ctx, answer, answer.window?.days);
      setNodeText(sentenceNode, answer.reason && answer.bestLag === null ? `${sentence} ${answer.reason}` : sentence);
      sentenceNode.dataset.lag = answer.bestLag ?? '';
      sentenceNode.classList.toggle('is-weak', !(answer.correlation >= CLEAR_LINK));
      // Which days the estimate used, when the answer says.
      const history = answer.history;
      setHidden(byId('lift-history'), !history?.start);
      if (history?.start) {
        setNodeText(byId('lift-history'), t('lift.history',
          { range: fmt.dayRange({ start: history.start, end: history.end }), count: history.days }));
      }
      if (!chart) create(canvas);
      const clear = answer.correlation !== null && answer.correlation >= CLEAR_LINK;
      const theme = chart.$theme;
      chart.$lags = answer.lags;
      chart.data.labels = answer.lags.map((l) => String(l.lag));
      chart.data.datasets[0].data = answer.lags.map((l) => l.correlation);
      chart.data.datasets[0].backgroundColor = answer.lags.map((l) =>
        (l.lag === answer.bestLag && clear ? theme.creations
          : l.correlation !== null && l.correlation >= CLEAR_LINK ? '#8e9aaf' : '#c9ced6'));
      chart.update();
      canvas.setAttribute('aria-label', t('lift.chartAria', { sentence: sentenceNode.textContent }));
    },
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
}
