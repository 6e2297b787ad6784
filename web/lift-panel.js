// "Do streams follow TikTok?" on the track page: one plain sentence from the
// engine's lift() answer, and a small bar chart of the correlation between
// daily creations and daily streams L days later, for L = 0..14.
import './vendor/chart.umd.js';  // globalThis.Chart
import { correlationText, roughly } from './format.js';

const { Chart } = globalThis;

// Below this, a correlation is too weak to tell the user anything.
export const CLEAR_LINK = 0.3;

const later = (lag) => (lag === 0 ? 'on the same day' : `about ${lag} ${lag === 1 ? 'day' : 'days'} later`);

// The sentence for a lift answer (or a liftRanking entry).
export function liftSentence({ bestLag, correlation, streamsPerCreation }) {
  if (correlation === null || bestLag === null)
    return 'Not enough data in this period to tell whether streams follow this track\u2019s TikTok creations.';
  if (correlation < CLEAR_LINK)
    return `No clear link in this period between this track\u2019s TikTok creations and its streams (the closest match, ${later(bestLag).replace('about ', '')}, has a correlation of only ${correlationText(correlation)}).`;
  const verb = bestLag === 0 ? 'Streams move with TikTok creations' : 'Streams follow TikTok creations';
  const extra = streamsPerCreation > 0 ? `: roughly ${roughly(streamsPerCreation)} extra streams per creation` : '';
  return `${verb} ${later(bestLag)} (correlation ${correlationText(correlation)})${extra}.`;
}

let chart = null;

function create(canvas) {
  chart = new Chart(canvas, {
    type: 'bar',
    data: { labels: [], datasets: [{ data: [], backgroundColor: [], borderWidth: 0, categoryPercentage: 0.85, barPercentage: 1 }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: {
          callbacks: {
            title: (items) => (items[0].dataIndex === 0 ? 'Same day' : `${items[0].label} days later`),
            label: (item) => {
              const lag = chart.$lags[item.dataIndex];
              return lag.correlation === null ? 'not enough data' : `correlation ${correlationText(lag.correlation)} (${lag.pairs} days compared)`;
            },
          },
        },
      },
      scales: {
        x: { grid: { display: false }, title: { display: true, text: 'Days from creations to streams' } },
        y: { min: -1, max: 1, ticks: { stepSize: 0.5 }, grid: { color: (c) => (c.tick.value === 0 ? '#9aa1ad' : '#e8eaee') } },
      },
    },
  });
}

export function renderLift(sentenceNode, canvas, answer) {
  sentenceNode.textContent = liftSentence(answer);
  sentenceNode.dataset.lag = answer.bestLag ?? '';
  sentenceNode.classList.toggle('is-weak', !(answer.correlation >= CLEAR_LINK));
  if (!chart) create(canvas);
  const clear = answer.correlation !== null && answer.correlation >= CLEAR_LINK;
  chart.$lags = answer.lags;
  chart.data.labels = answer.lags.map((l) => String(l.lag));
  chart.data.datasets[0].data = answer.lags.map((l) => l.correlation);
  chart.data.datasets[0].backgroundColor = answer.lags.map((l) =>
    (l.lag === answer.bestLag && clear ? '#d6245f' : l.correlation !== null && l.correlation >= CLEAR_LINK ? '#8e9aaf' : '#c9ced6'));
  chart.update();
  canvas.setAttribute('aria-label', `Correlation of daily creations with daily streams 0 to 14 days later. ${sentenceNode.textContent}`);
}
