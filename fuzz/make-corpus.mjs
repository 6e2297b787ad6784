// Writes the seed corpus of fuzz/corpus/: valid documents made by the project
// (the worked example, small generated catalogs) and hand-made edge cases,
// valid and broken. Run from the repository root after a native build:
//   node fuzz/make-corpus.mjs
// The files are committed; fuzz runs work on a copy (scripts/fuzz.sh), so the
// committed corpus does not grow.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

const out = 'fuzz/corpus';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const put = (name, text) => writeFileSync(`${out}/${name}`, text);

const tiny = readFileSync('tests/data/examples/tiny.json', 'utf8');
put('valid-tiny.json', tiny);
const generate = (...args) =>
  execFileSync('build/native/generator/tta-generate', args, { encoding: 'utf8' });
put('valid-generated-t3-d20.json', generate('--tracks', '3', '--days', '20'));
put('valid-generated-t2-d8-s2.json', generate('--tracks', '2', '--days', '8', '--seed', '2'));
put(
  'valid-generated-short-form.json',
  generate('--tracks', '2', '--days', '10', '--short-form', '--seed', '4'),
);
put(
  'valid-generated-quiet.json',
  generate('--tracks', '2', '--days', '12', '--quiet', '--seed', '3'),
);

const T = '{"id": "A", "title": "Alpha", "artist": "Nova", "isrc": "FRX262600001"}';
const S = (fields) =>
  `{"track": "A", "territory": "FR", "platform": "tiktok", "content": "ugc", ${fields}}`;
const doc = (tiktok, streams = '', extra = '') =>
  `{${extra}"schema": "tiktok-analytics/v1", "tracks": [${T}], "tiktok": [${tiktok}], "streams": [${streams}]}`;
const good = S(
  '"start": "2026-01-01", "creations": [1, 0, null, 3], "views": [10, 0, null, 5000000000]',
);
const st = '{"track": "A", "start": "2026-01-02", "streams": [100, null, 120]}';

const valid = {
  'min-asof-only': '{"asOf": "2026-01-01", "tracks": []}',
  'one-series': doc(good, st),
  'with-asof': doc(good, st, '"asOf": "2026-01-10", '),
  'streams-only': doc('', st),
  'tiktok-only': doc(good),
  'unknown-platform-content': doc(
    '{"track": "A", "territory": "us", "start": "2026-01-01", "creations": [4], "views": [40]}',
  ),
  'nulls-for-optional': `{"tracks": [{"id": "A", "title": null, "artist": null}], "tiktok": [{"track": "A", "territory": "CN", "platform": null, "content": null, "start": "2026-01-01", "creations": [1], "views": [1]}]}`,
  'first-day': doc(
    S('"start": "1900-01-01", "creations": [1], "views": [2]'),
    '',
    '"asOf": "1900-01-01", ',
  ),
  'last-day': doc(
    S('"start": "9999-12-31", "creations": [1], "views": [2]'),
    '{"track": "A", "start": "9999-12-30", "streams": [7, 8]}',
  ),
  'streams-to-last-day': doc('', '{"track": "A", "start": "9999-12-30", "streams": [7, 8]}'),
  'far-apart': doc(
    S('"start": "1901-03-01", "creations": [5, 5], "views": [1, 1]') +
      ',' +
      S('"start": "2026-01-01", "creations": [2], "views": [3]'),
    '',
    '"asOf": "2030-01-01", ',
  ),
  'max-value': doc(S('"start": "2026-01-01", "creations": [9007199254740991], "views": [0]')),
  'unknown-fields': doc(
    good,
    st,
    '"x": {"a": [1, 2.5, -3, 1e2, true, false, null, {"b": "c"}]}, "x": 1, ',
  ),
  'unicode-escapes': `{"asOf": "2026-01-01", "tracks": [{"id": "\\u00e9t\\u00e9", "title": "\\ud83c\\udfb5 \\"q\\" \\\\ \\/ \\b\\f\\n\\r\\t \\u0000", "artist": "Le\u00efla \u266b"}]}`,
  bom: '\ufeff{"asOf": "2026-01-01", "tracks": []}',
  whitespace: '\r\n\t {\t"asOf"\r\n:\t"2026-01-01" ,\n"tracks" : [ ] }\r\n',
  'minus-zero': doc(S('"start": "2026-01-01", "creations": [-0], "views": [0]')),
  'tracks-last': `{"tiktok": [${good}], "streams": [${st}], "tracks": [${T}]}`,
  // Short-form platforms beyond TikTok; series without a territory (absent or null).
  'short-form': doc(
    good +
      ',{"track": "A", "platform": "youtube_shorts", "start": "2026-01-01", "creations": [2], "views": [300]}' +
      ',{"track": "A", "territory": null, "platform": "youtube_shorts", "content": "pgc", "start": "2026-01-01", "creations": [1], "views": [9]}' +
      ',{"track": "A", "territory": "fr", "platform": "instagram_reels", "start": "2026-01-02", "creations": [4], "views": [80]}',
    st,
  ),
  'two-tracks-same-days': `{"tracks": [${T}, {"id": "B"}], "tiktok": [${good}, ${good.replace('"A"', '"B"')}]}`,
};
const broken = {
  empty: '',
  'whitespace-only': ' \n\t\r ',
  truncated: tiny.slice(0, tiny.length / 2),
  'trailing-comma': '{"asOf": "2026-01-01", "tracks": [],}',
  'trailing-comma-array': doc(S('"start": "2026-01-01", "creations": [1,], "views": [1]')),
  'leading-zero': doc(S('"start": "2026-01-01", "creations": [01], "views": [1]')),
  'float-value': doc(S('"start": "2026-01-01", "creations": [1.0], "views": [1]')),
  'exp-value': doc(S('"start": "2026-01-01", "creations": [1e2], "views": [1]')),
  'huge-exponent': doc(good, '', '"x": 1e999999, '),
  'above-2-64': doc(S('"start": "2026-01-01", "creations": [18446744073709551616], "views": [1]')),
  'above-2-53': doc(S('"start": "2026-01-01", "creations": [9007199254740992], "views": [1]')),
  'total-above-2-53': doc(
    S('"start": "2026-01-01", "creations": [9007199254740991, 1], "views": [1, 1]'),
  ),
  negative: doc(S('"start": "2026-01-01", "creations": [-1], "views": [1]')),
  'lone-surrogate': '{"asOf": "2026-01-01", "tracks": [{"id": "A", "title": "\\ud800"}]}',
  comment: '{"asOf": "2026-01-01", // today\n "tracks": []}',
  'single-quotes': "{'asOf': '2026-01-01', 'tracks': []}",
  nan: doc(S('"start": "2026-01-01", "creations": [NaN], "views": [1]')),
  'control-char': '{"asOf": "2026-01-01", "tracks": [{"id": "A\tB"}]}',
  'duplicate-known-key': '{"asOf": "2026-01-01", "asOf": "2026-01-02", "tracks": []}',
  'duplicate-track': `{"tracks": [${T}, ${T}], "asOf": "2026-01-01"}`,
  overlap: doc(good + ',' + S('"start": "2026-01-04", "creations": [1], "views": [1]')),
  'unknown-track': doc(good.replace('"A"', '"B"')),
  'platform-word': doc(
    S('"start": "2026-01-01", "creations": [1], "views": [1]').replace('"tiktok"', '"youtube"'),
  ),
  'territory-number': doc(
    '{"track": "A", "territory": 5, "start": "2026-01-01", "creations": [1], "views": [1]}',
  ),
  'overlap-no-territory': doc(
    '{"track": "A", "platform": "youtube_shorts", "start": "2026-01-01", "creations": [1, 1], "views": [1, 1]}' +
      ',{"track": "A", "territory": null, "platform": "youtube_shorts", "start": "2026-01-02", "creations": [1], "views": [1]}',
  ),
  'length-mismatch': doc(S('"start": "2026-01-01", "creations": [1, 2], "views": [1]')),
  'bad-date': doc(S('"start": "2026-02-29", "creations": [1], "views": [1]')),
  'past-9999': doc('', '{"track": "A", "start": "9999-12-31", "streams": [1, 2]}'),
  'no-series-no-asof': '{"tracks": []}',
  'deep-nesting': `{"tracks": [], "x": ${'['.repeat(100)}${']'.repeat(100)}}`,
  'top-level-array': '[' + T + ']',
  'schema-v2': '{"schema": "tiktok-analytics/v2", "asOf": "2026-01-01", "tracks": []}',
};
for (const [name, text] of Object.entries(valid)) put(`valid-${name}.json`, text);
for (const [name, text] of Object.entries(broken)) put(`broken-${name}.json`, text);
// Raw bytes that a JS string cannot hold as such.
writeFileSync(
  `${out}/broken-nul-outside-string.json`,
  Buffer.from('{"asOf": "2026-01-01",\0 "tracks": []}', 'latin1'),
);
writeFileSync(
  `${out}/broken-nul-in-string.json`,
  Buffer.from('{"asOf": "2026-01-01", "tracks": [{"id": "A\0B"}]}', 'latin1'),
);
writeFileSync(
  `${out}/broken-overlong-utf8.json`,
  Buffer.concat([
    Buffer.from('{"asOf": "2026-01-01", "tracks": [{"id": "A", "title": "'),
    Buffer.from([0xc0, 0xaf]),
    Buffer.from('"}]}'),
  ]),
);
writeFileSync(
  `${out}/broken-invalid-utf8.json`,
  Buffer.concat([
    Buffer.from('{"asOf": "2026-01-01", "tracks": [{"id": "A", "title": "'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('"}]}'),
  ]),
);
