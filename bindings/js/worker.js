// The module Worker behind createAnalyticsWorker(): runs one Analytics and
// answers requests { id, method, args } with { id, result } or
// { id, error: { name, message } }; a load also sends { id, progress }, and
// an overview answers { id, packed: { head, rows, width, tracks? } }.
import { createAnalytics } from './index.js';
import { workerAccess } from './internal.js';

const METHODS = new Set([
  'load',
  'loadCsv',
  'summary',
  'overview',
  'track',
  'splits',
  'breakouts',
  'lift',
  'liftRanking',
  'overviewCsv',
  'trackCsv',
  'memoryBytes',
  'dispose',
]);
let analytics = null;
let sentTracks = null; // the track list the page already has (see analytics-worker.js)

self.addEventListener('message', async ({ data: { id, method, args } }) => {
  try {
    let result;
    if (method === 'init') {
      analytics = await createAnalytics(args[0]);
    } else if (!METHODS.has(method) || !analytics) {
      throw new Error(`the analytics worker cannot run "${method}"`);
    } else if (method === 'overview') {
      // Packed: a short head and one transferred buffer instead of cloning
      // thousands of row objects; the track list only when it changed.
      const packed = workerAccess.overviewPacked(analytics, args[0], sentTracks);
      if (packed.tracks) sentTracks = packed.tracks;
      self.postMessage({ id, packed }, [packed.rows.buffer]);
      return;
    } else if (method === 'load' || method === 'loadCsv') {
      // A stream load returns a Promise.
      const onProgress = (phase, bytes) => self.postMessage({ id, progress: phase, bytes });
      result = await analytics[method](args[0], { onProgress });
    } else {
      result = analytics[method](...args);
    }
    self.postMessage({ id, result });
  } catch (error) {
    self.postMessage({
      id,
      error: { name: error?.name ?? 'Error', message: String(error?.message ?? error) },
    });
  }
});
