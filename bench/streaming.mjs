// The first overview after a download, under Chromium's network emulation
// (bench/run.mjs calls measureStreaming()). The document is served gzip-encoded
// (bench/server.mjs: FILE.gz sent with `Content-Encoding: gzip`, so the
// browser decompresses it and only the compressed bytes cross the emulated
// link), fetched on the page's main thread, and loaded by createAnalytics()
// on that thread two ways, alternated:
//   - stream: load(response.body), parsed while it arrives;
//   - buffer: await response.arrayBuffer(), then load(bytes).
// Measured from the last byte's arrival (the resource's responseEnd in the
// page's Resource Timing, i.e. the network side) to the first overview
// answer (the dashboard's first query: 28 days, one page of 50 rows).
import { createReadStream, createWriteStream, existsSync, renameSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

// FILE.gz next to FILE (gzip level 6, as servers commonly send), made once.
async function gzipOf(file) {
  const gz = `${file}.gz`;
  if (!existsSync(gz) || statSync(gz).mtimeMs < statSync(file).mtimeMs) {
    await pipeline(
      createReadStream(file),
      createGzip({ level: 6 }),
      createWriteStream(`${gz}.tmp`),
    );
    renameSync(`${gz}.tmp`, gz);
  }
  return statSync(gz).size;
}

async function throttle(cdp, mbps) {
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: mbps ? (mbps * 1e6) / 8 : -1,
    uploadThroughput: mbps ? (mbps * 1e6) / 8 : -1,
  });
}

// In the page: one download and load, from a fresh engine made beforehand.
async function measureInPage({ url, mode }) {
  const engine = window.streamingEngine;
  const absolute = new URL(url, location.href).href;
  const started = performance.now();
  const response = await fetch(absolute);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  let bytes = 0,
    lastChunk = null,
    summary;
  if (mode === 'stream') {
    const counted = response.body.pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          bytes += chunk.length;
          lastChunk = performance.now();
          controller.enqueue(chunk);
        },
      }),
    );
    summary = await engine.load(counted);
  } else {
    const buffer = await response.arrayBuffer();
    lastChunk = performance.now();
    bytes = buffer.byteLength;
    summary = engine.load(new Uint8Array(buffer));
  }
  const loaded = performance.now();
  const answer = engine.overview({ period: 28, limit: 50 });
  const answered = performance.now();
  // The resource's timing entry is added once the browser has finished with
  // the response, which for a stream can be a little after the engine's end.
  let timing = null;
  for (let i = 0; i < 100 && !timing; i++) {
    timing = performance.getEntriesByName(absolute).pop() ?? null;
    if (!timing) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  performance.clearResourceTimings();
  return {
    mode,
    decodedBytes: bytes,
    encodedBytes: timing?.encodedBodySize ?? null,
    dailyPoints: summary.dailyPoints,
    rows: answer.tracks.length,
    firstByteMs: timing ? timing.responseStart - started : null,
    lastByteMs: timing ? timing.responseEnd - started : null,
    lastChunkMs: lastChunk - started,
    loadedMs: loaded - started,
    answeredMs: answered - started,
    memoryBytes: engine.memoryBytes(),
  };
}

// file: the catalog's JSON (its .gz is made here). rounds: each mode this many times.
export async function measureStreaming(
  browser,
  serverUrl,
  root,
  file,
  { log, mbps = 50, rounds = 3 },
) {
  const gzBytes = await gzipOf(file);
  const url = `/${relative(root, file)}?gzip`;
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));
  const out = { mbps, gzipBytes: gzBytes, jsonBytes: statSync(file).size, runs: [] };
  try {
    await page.goto(`${serverUrl}bench/page/index.html`);
    await page.waitForFunction(() => window.benchReady === true);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    for (let round = 0; round < rounds; round++) {
      for (const mode of round % 2 ? ['buffer', 'stream'] : ['stream', 'buffer']) {
        // A fresh engine, made at full speed (its .wasm is not part of the download).
        await throttle(cdp, 0);
        await page.evaluate(async () => {
          window.streamingEngine?.dispose();
          window.streamingEngine = null;
          const { createAnalytics } = await import('/bindings/js/index.js');
          window.streamingEngine = await createAnalytics();
        });
        await throttle(cdp, mbps);
        const run = await page.evaluate(measureInPage, { url: `${url}&run=${round}${mode}`, mode });
        await throttle(cdp, 0);
        if (run.lastByteMs === null) throw new Error(`no Resource Timing entry for ${url}`);
        run.afterLastByteMs = run.answeredMs - run.lastByteMs;
        run.afterLastChunkMs = run.answeredMs - run.lastChunkMs;
        log(
          `  ${mode}: download ${(run.lastByteMs / 1000).toFixed(1)} s, first overview ${(run.afterLastByteMs / 1000).toFixed(2)} s after the last byte arrived, ${(run.afterLastChunkMs / 1000).toFixed(2)} s after it reached the page`,
        );
        out.runs.push(run);
      }
    }
    await page.evaluate(() => window.streamingEngine?.dispose());
  } finally {
    await context.close();
  }
  return out;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

export function streamingLines(name, s) {
  if (s.error) return [`streaming (${name}): ERROR ${s.error}`];
  const of = (mode) => s.runs.filter((r) => r.mode === mode);
  const line = (mode, what) => {
    const runs = of(mode);
    if (!runs.length) return null;
    const after = runs.map((r) => r.afterLastByteMs / 1000);
    const s1 = (xs) => median(xs).toFixed(2);
    return (
      `${what}: first overview ${s1(after)} s after the last byte arrived (runs in order: ${after.map((x) => x.toFixed(2)).join(', ')}), ` +
      `${s1(runs.map((r) => r.afterLastChunkMs / 1000))} s after it reached the page; ` +
      `last byte ${s1(runs.map((r) => r.lastByteMs / 1000))} s and first overview ${s1(runs.map((r) => r.answeredMs / 1000))} s after the request; ` +
      `wasm memory ${Math.round(runs[0].memoryBytes / 1e6)} MB`
    );
  };
  return [
    `streaming (${name}, ${(s.jsonBytes / 1e6).toFixed(0)} MB of JSON sent gzip-encoded as ${(s.gzipBytes / 1e6).toFixed(1)} MB with Content-Encoding: gzip, Chromium network emulation at ${s.mbps} Mbps, createAnalytics() on the page's main thread, a fresh engine per run, the two ways alternated; the first run is the page's first load, with code not yet optimised; the first overview is 28 days, 50 rows):`,
    `  ${line('stream', 'load(response.body)')}`,
    `  ${line('buffer', 'arrayBuffer() then load()')}`,
  ];
}

export function streamingMedian(s) {
  const runs = s?.runs?.filter((r) => r.mode === 'stream') ?? [];
  return runs.length ? median(runs.map((r) => r.afterLastByteMs)) : null;
}
