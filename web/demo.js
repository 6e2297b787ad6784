// The standalone demo: one host page of the dashboard, with hash routing (its
// state in the URL, so Back, Forward, reload and shared links work) and the
// language picked by ?lang=fr or the switch under it.
import { Chart } from 'chart.js';
import './dashboard.js';

const dashboard = document.getElementById('dashboard');
const language = new URLSearchParams(location.search).get('lang') === 'fr' ? 'fr' : 'en';
document.documentElement.lang = language;
dashboard.setAttribute('locale', language);

// The language switch changes the dashboard's language in place (no reload)
// and keeps it in the address for the next visit.
const picker = document.getElementById('language');
picker.value = language;
picker.addEventListener('change', () => {
  dashboard.locale = picker.value;
  document.documentElement.lang = picker.value;
  const url = new URL(location.href);
  if (picker.value === 'en') url.searchParams.delete('lang');
  else url.searchParams.set('lang', picker.value);
  history.replaceState(history.state, '', url);
});

// For the browser tests and the console: Chart.getChart(canvas) finds a chart.
globalThis.Chart = Chart;
