// "Do streams follow TikTok?" on the track page: one plain sentence from the
// engine's lift() answer, and a small bar chart of the correlation between
// daily creations and daily streams L days later, for L = 0..14.
//
// The engine decides whether the data supports a claim (docs/INSIGHTS.md,
// "Lift"): with one, `bestLag` and `correlation` are set, and
// `streamsPerCreation` with its interval only when the interval is above 0;
// without one, `bestLag` is null and `reason` says why. The page states exactly
// that, and never a lag or a ratio the engine did not claim.
import { Chart, themed } from './charts.js';
import { setHidden, setNodeText } from './dom.js';

const REASON_KEYS = {
  'thin-activity': 'lift.notEnoughWeeks',
  'no-streams': 'lift.noStreamsWeeks',
  'not-significant': 'lift.noClearLinkWeeks',
};

export const hasClaim = (answer) =>
  answer.bestLag !== null && answer.bestLag !== undefined && answer.correlation !== null;

// The sentence for a lift answer (or a liftRanking entry), in ctx's language.
export function liftSentence(ctx, answer) {
  const { t, fmt } = ctx;
  const { bestLag, correlation, streamsPerCreation } = answer;
  if (!hasClaim(answer)) {
    const weeks = Math.max(1, Math.round((answer.history?.days ?? 84) / 7));
    return t(REASON_KEYS[answer.reason] ?? 'lift.notEnoughWeeks', { count: weeks });
  }
  const later = (lag) => (lag === 0 ? t('lift.sameDay') : t('lift.later', { count: lag }));
  const interval = answer.streamsPerCreationInterval;
  let extra = '';
  if (
    streamsPerCreation !== null &&
    streamsPerCreation !== undefined &&
    interval &&
    interval.low > 0
  ) {
    extra = t('lift.extraRange', { low: fmt.exact(interval.low), high: fmt.exact(interval.high) });
  }
  return t(bestLag === 0 ? 'lift.moves' : 'lift.follows', {
    when: later(bestLag),
    correlation: fmt.correlationText(correlation),
    extra,
  });
}

export function createLiftPanel(ctx) {
  let chart = null;

  function create(canvas) {
    const { t, fmt } = ctx;
    const theme = ctx.theme();
    chart = new Chart(canvas, {
      type: 'bar',
      data: {
        labels: [],
        datasets: [
          {
            data: [],
            backgroundColor: [],
            borderWidth: 0,
            categoryPercentage: 0.85,
            barPercentage: 1,
          },
        ],
      },
      options: themed(
        {
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false },
            tooltip: {
              callbacks: {
                title: (items) =>
                  items[0].dataIndex === 0
                    ? t('lift.sameDayTitle')
                    : t('lift.laterTitle', { count: Number(items[0].label) }),
                label: (item) => {
                  const lag = chart.$lags[item.dataIndex];
                  return lag.correlation === null
                    ? t('lift.lagNoData')
                    : t('lift.lagTooltip', {
                        correlation: fmt.correlationText(lag.correlation),
                        count: lag.pairs,
                      });
                },
              },
            },
          },
          scales: {
            x: { grid: { display: false }, title: { display: true, text: t('lift.axis') } },
            y: {
              min: -1,
              max: 1,
              ticks: { stepSize: 0.5, callback: (v) => fmt.correlationText(v) },
              grid: { color: (c) => (c.tick.value === 0 ? theme.unknown : theme.grid) },
            },
          },
        },
        theme,
      ),
    });
    chart.$theme = theme;
  }

  return {
    render(answer) {
      const { t, fmt, byId } = ctx;
      const sentenceNode = byId('lift-sentence');
      const canvas = byId('lift-chart');
      const claim = hasClaim(answer);
      setNodeText(sentenceNode, liftSentence(ctx, answer));
      sentenceNode.dataset.lag = answer.bestLag ?? '';
      sentenceNode.dataset.reason = answer.reason ?? '';
      sentenceNode.classList.toggle('is-weak', !claim);
      // Which days the estimate used, when the answer says.
      const history = answer.history;
      setHidden(byId('lift-history'), !history?.start);
      if (history?.start) {
        setNodeText(
          byId('lift-history'),
          t('lift.history', {
            range: fmt.dayRange({ start: history.start, end: history.end }),
            count: history.days,
          }),
        );
      }
      // A track too quiet to test has no lags: no empty chart, no note about bars.
      const noLags = answer.lags.length === 0;
      setHidden(byId('lift-chart-box'), noLags);
      setHidden(byId('lift-note'), noLags);
      if (!chart) create(canvas);
      const theme = chart.$theme;
      chart.$lags = answer.lags;
      chart.data.labels = answer.lags.map((l) => String(l.lag));
      chart.data.datasets[0].data = answer.lags.map((l) => l.correlation);
      chart.data.datasets[0].backgroundColor = answer.lags.map((l) =>
        claim && l.lag === answer.bestLag
          ? theme.creations
          : l.correlation !== null
            ? '#8e9aaf'
            : '#c9ced6',
      );
      chart.update();
      canvas.setAttribute(
        'aria-label',
        t('lift.chartAria', { sentence: sentenceNode.textContent }),
      );
    },
    destroy() {
      chart?.destroy();
      chart = null;
    },
  };
}
