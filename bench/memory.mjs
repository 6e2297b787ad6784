// Memory and overview speed of our engine under Node 20, one catalog per run:
//   node bench/memory.mjs [--engine DIR] [--label NAME] [--runs N] [--stream-only] FILE.json...
// For each document, in a fresh instance: the store's bytes per stored daily
// point, the wasm memory after the load (it never shrinks, so it is also the
// peak the load reached) from the bytes in one buffer and, when the engine
// reads streams, from a stream of 64 KB chunks, and the p50 of the full
// overview (every ranked row) for 7, 28, 90 and 365 days. `--engine` points at another copy of
// bindings/js (e.g. one built from an older commit) for before/after tables.
// `--stream-only` loads each document from a stream and nothing else (the
// ceiling run: a document that large does not fit in memory whole).
// Prints one JSON line per document; bench/run.mjs and bench/README.md use it.
import { createReadStream, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
let engineDir = new URL('../bindings/js/', import.meta.url).pathname;
let label = 'now';
let runs = 15;
let streamOnly = false;
const files = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--engine') engineDir = resolve(args[++i]);
  else if (args[i] === '--label') label = args[++i];
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--stream-only') streamOnly = true;
  else files.push(args[i]);
}

const { createAnalytics } = await import(pathToFileURL(`${engineDir}/index.js`).href);
const wasmBinary = readFileSync(`${engineDir}/tta_wasm.wasm`);

// The file as a stream of 64 KB chunks, as fetch() delivers a download.
function fileStream(file) {
  const chunks = createReadStream(file, { highWaterMark: 65536 });
  return new ReadableStream({
    async start(controller) {
      for await (const chunk of chunks) controller.enqueue(new Uint8Array(chunk));
      controller.close();
    },
  });
}

const streams = readFileSync(`${engineDir}/index.js`, 'utf8').includes('ReadableStream');

for (const file of files) {
  // The streaming load first, in a fresh instance: its memory is what a
  // download costs (the document never whole in memory).
  let streamed = null;
  if (streams) {
    const analytics = await createAnalytics({ wasmBinary });
    const started = performance.now();
    let summary, readMemoryBytes;
    try {
      // The memory once the last chunk is read: the sums of every batch but
      // the last are built by then (core/ingest.hpp kBatchPoints).
      summary = await analytics.load(fileStream(file), {
        onProgress: (stage) => {
          if (stage === 'parsing') readMemoryBytes = analytics.memoryBytes();
        },
      });
    } catch (error) {
      // A refusal is a result too (the ceiling run, or an engine out of memory).
      console.log(JSON.stringify({ label, file, streamed: { error: error.message } }));
      analytics.dispose();
      continue;
    }
    streamed = {
      memoryBytes: analytics.memoryBytes(),
      readMemoryBytes,
      loadMs: performance.now() - started,
    };
    if (streamOnly) {
      // The dashboard's first query (28 days, 50 rows), once: the catalog answers.
      const t = performance.now();
      streamed.firstOverviewRows = analytics.overview({ period: 28, limit: 50 }).tracks.length;
      streamed.firstOverviewMs = performance.now() - t;
    }
    analytics.dispose();
    if (streamOnly) {
      console.log(
        JSON.stringify({
          label,
          file,
          dailyPoints: summary.dailyPoints,
          storeBytes: summary.storeBytes,
          bytesPerPoint: summary.storeBytes / summary.dailyPoints,
          streamed,
        }),
      );
      continue;
    }
  }
  const bytes = new Uint8Array(readFileSync(file));
  const analytics = await createAnalytics({ wasmBinary });
  const started = performance.now();
  let summary;
  try {
    summary = analytics.load(bytes);
  } catch (error) {
    console.log(
      JSON.stringify({ label, file, jsonBytes: bytes.length, error: error.message, streamed }),
    );
    analytics.dispose();
    continue;
  }
  const loadMs = performance.now() - started;
  const memoryBytes = analytics.memoryBytes();
  const overviewMs = {};
  for (const period of [7, 28, 90, 365]) {
    // Warm until the optimising tier has the kernel: 20 calls or a second.
    for (let i = 0, t = performance.now(); i < 20 || performance.now() - t < 1000; i++)
      analytics.overview({ period });
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      analytics.overview({ period });
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    overviewMs[period] = times[Math.floor((times.length - 1) / 2)];
  }
  analytics.dispose();
  console.log(
    JSON.stringify({
      label,
      file,
      jsonBytes: bytes.length,
      dailyPoints: summary.dailyPoints,
      storeBytes: summary.storeBytes,
      bytesPerPoint: summary.storeBytes / summary.dailyPoints,
      memoryBytes,
      loadMs,
      streamed,
      overviewMs,
    }),
  );
}
