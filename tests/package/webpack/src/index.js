// Loads the catalog the page is served with into the engine's Worker and shows
// the 28-day overview (50 rows) as JSON, or the error message.
import { createAnalyticsWorker } from 'tiktok-catalog-analytics';

async function main() {
  const out = document.getElementById('answer');
  try {
    const engine = await createAnalyticsWorker();
    const response = await fetch('catalog.json');
    const summary = await engine.load(await response.arrayBuffer());
    const overview = await engine.overview({ period: 28, limit: 50 });
    out.textContent = JSON.stringify({ summary, overview });
    out.dataset.state = 'done';
  } catch (error) {
    out.textContent = String(error?.message ?? error);
    out.dataset.state = 'error';
  }
}

main();
