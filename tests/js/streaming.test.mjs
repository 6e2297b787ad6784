// load() of a ReadableStream: the same document in chunks of any size gives
// the answers and the messages of the whole-buffer load; a stream that fails
// or is refused halfway leaves the previous catalog answering.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { before, describe, test } from 'node:test';

import { createAnalytics } from '../../bindings/js/index.js';
import { generate, readExample, scratchDir } from './helpers.mjs';

// A stream of `bytes` in chunks whose sizes cycle through `sizes`; with
// `failAt`, the stream errors once that many bytes were sent.
function streamOf(bytes, sizes, { failAt = Infinity } = {}) {
  let at = 0,
    turn = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= failAt) {
        controller.error(new Error('network error halfway'));
        return;
      }
      if (at >= bytes.length) {
        controller.close();
        return;
      }
      const size = sizes[turn++ % sizes.length];
      controller.enqueue(bytes.slice(at, Math.min(at + size, bytes.length, failAt)));
      at += size;
    },
  });
}

// Whatever a load gives, as a comparable value: its summary, or its message.
function outcome(load) {
  try {
    return { summary: load() };
  } catch (error) {
    return { error: error.message };
  }
}
async function streamedOutcome(analytics, stream, options) {
  try {
    return { summary: await analytics.load(stream, options) };
  } catch (error) {
    return { error: error.message };
  }
}

const encoder = new TextEncoder();
let catalog; // a generated catalog, ~0.3 MB
let tiny;
let broken; // documents refused at many places: inside numbers, strings, escapes, UTF-8, late checks
before(async () => {
  catalog = new Uint8Array(
    readFileSync(await generate(scratchDir(), { tracks: 12, days: 150, seed: 21 })),
  );
  tiny = new Uint8Array(readExample('tiny.json'));
  const text = new TextDecoder().decode(tiny);
  const at = (needle) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, needle);
    return i;
  };
  const edit = (i, remove, insert) =>
    encoder.encode(text.slice(0, i) + insert + text.slice(i + remove));
  const bytesEdit = (i, insert) =>
    new Uint8Array([...tiny.slice(0, i), ...insert, ...tiny.slice(i)]);
  broken = [
    tiny.slice(0, tiny.length - 1), // ends before the last '}'
    tiny.slice(0, Math.floor(tiny.length / 2)), // ends in the middle
    edit(at('"creations": [') + 14, 0, '12x'), // a bad byte right after digits
    edit(at('"creations": [') + 14, 0, '1.5,'), // a fraction in a day array
    edit(at('"creations": [') + 14, 0, '99999999999999999999,'), // past 2^53
    edit(at('"tracks"'), 0, '"title": "a\\q", '), // a bad escape
    edit(at('"tracks"'), 0, '"title": "\\ud800x", '), // a lone surrogate
    bytesEdit(at('"tracks"') + 1, [0xe2, 0x82]), // cut UTF-8 inside a key
    edit(at('"tracks"'), 0, '"schema": "tiktok-analytics/v1", '), // a duplicate key
    edit(0, 0, '\ufeff'), // a byte-order mark: accepted
    edit(text.length, 0, ' x'), // bytes after the document
  ];
});

describe('load of a ReadableStream', () => {
  test('chunks of every size give the summary and overviews of the whole-buffer load', async () => {
    const whole = await createAnalytics();
    const expected = whole.load(catalog);
    const answers = [7, 28, 365].map((period) => whole.overview({ period }));
    const track = answers[2].tracks[0].id;
    const trackAnswer = whole.track(track, { period: 90 });
    const streamed = await createAnalytics();
    for (const sizes of [[1], [2, 3, 5, 7, 11, 13], [64], [1000, 1], [65536], [catalog.length]]) {
      assert.deepEqual(
        await streamed.load(streamOf(catalog, sizes)),
        expected,
        `chunks of ${sizes}`,
      );
      assert.deepEqual(
        [7, 28, 365].map((period) => streamed.overview({ period })),
        answers,
      );
      assert.deepEqual(streamed.track(track, { period: 90 }), trackAnswer);
    }
    whole.dispose();
    streamed.dispose();
  });

  test('a refused document gives the message of the whole-buffer load, for chunks of every size', async () => {
    const whole = await createAnalytics();
    const streamed = await createAnalytics();
    for (const document of broken) {
      const expected = outcome(() => whole.load(document));
      for (const sizes of [[1], [2], [3], [5, 7], [64], [document.length]]) {
        assert.deepEqual(
          await streamedOutcome(streamed, streamOf(document, sizes)),
          expected,
          `chunks of ${sizes}: ${new TextDecoder().decode(document).slice(0, 80)}`,
        );
      }
    }
    // At least the truncations and the bad values were refused.
    assert.ok(broken.filter((d) => outcome(() => whole.load(d)).error).length >= 8);
    whole.dispose();
    streamed.dispose();
  });

  test('a stream that errors halfway changes nothing: the previous catalog keeps answering', async () => {
    const analytics = await createAnalytics();
    analytics.load(tiny);
    const before = analytics.overview({ period: 28 });
    const summary = analytics.summary();
    await assert.rejects(
      analytics.load(streamOf(catalog, [4096], { failAt: catalog.length / 2 })),
      { message: 'network error halfway' },
    );
    assert.deepEqual(analytics.overview({ period: 28 }), before);
    assert.deepEqual(analytics.summary(), summary);
    // A document refused halfway: the same.
    const text = new TextDecoder().decode(catalog);
    const half = text.indexOf('"creations":[', text.length / 2) + '"creations":['.length;
    const bad = encoder.encode(`${text.slice(0, half)}-1,${text.slice(half)}`);
    const refused = await streamedOutcome(analytics, streamOf(bad, [4096]));
    assert.deepEqual(
      refused,
      outcome(() => analytics.load(bad)),
    );
    assert.ok(refused.error);
    assert.deepEqual(analytics.overview({ period: 28 }), before);
    // And the next stream loads.
    assert.equal((await analytics.load(streamOf(catalog, [30000]))).tracks, 12);
    analytics.dispose();
  });

  test('two streams loaded at once on one engine both load, in the order they were called', async () => {
    // Two dashboards sharing an engine load at the same time: neither may lose.
    const analytics = await createAnalytics();
    const first = analytics.load(streamOf(catalog, [4096]));
    const second = analytics.load(streamOf(tiny, [7]));
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a.tracks, 12); // the generated catalog
    assert.equal(b.tracks, 4); // tiny.json
    assert.deepEqual(analytics.summary(), b);
    analytics.dispose();
  });

  test('a newer load replaces a stream still being read', async () => {
    const analytics = await createAnalytics();
    analytics.load(tiny);
    let release;
    const gate = new Promise((resolve) => {
      release = resolve;
    });
    let sent = 0;
    const slow = new ReadableStream({
      async pull(controller) {
        if (sent > 0) await gate;
        if (sent >= catalog.length) return controller.close();
        controller.enqueue(catalog.slice(sent, sent + 8192));
        sent += 8192;
      },
    });
    const first = analytics.load(slow);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const tinySummary = analytics.load(tiny);
    release();
    await assert.rejects(first, /a newer load replaced this one/);
    assert.deepEqual(analytics.summary(), tinySummary);
    analytics.dispose();
  });

  test('a gzip stream through DecompressionStream loads, with progress in bytes', async () => {
    const analytics = await createAnalytics();
    const gzip = streamOf(catalog, [50000]).pipeThrough(new CompressionStream('gzip'));
    const progress = [];
    const summary = await analytics.load(gzip.pipeThrough(new DecompressionStream('gzip')), {
      onProgress: (phase, bytes) => progress.push([phase, bytes]),
    });
    assert.equal(summary.tracks, 12);
    const reading = progress.filter(([phase]) => phase === 'reading').map(([, bytes]) => bytes);
    assert.ok(reading.length > 1);
    assert.ok(reading.every((bytes, i) => i === 0 || bytes > reading[i - 1]));
    assert.deepEqual(progress.slice(-2), [
      ['parsing', catalog.length],
      ['done', catalog.length],
    ]);
    analytics.dispose();
  });
});
