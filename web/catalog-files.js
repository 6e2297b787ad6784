// What the user picked or dropped: one tiktok-analytics/v1 JSON document, or
// the long-row CSV files (the TikTok rows, and the streams rows if any), told
// apart by their header line whatever their names or order.
const HEADERS = {
  tiktok: 'date,track,territory,platform,content,creations,views',
  streams: 'date,track,streams',
};
const isCsv = (file) => /\.csv$/i.test(file.name) || file.type === 'text/csv';

// The first line of a file, without a byte-order mark, spaces or quotes.
async function headerOf(file) {
  const start = await file.slice(0, 1024).text();
  return start
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]
    .replace(/["\s]/g, '')
    .toLowerCase();
}

// -> { kind: 'json', file } or { kind: 'csv', tiktok: File, streams: File | null };
// throws an Error whose message says what to pick instead.
export async function sortCatalogFiles(files, t) {
  const headers = await Promise.all(files.map(headerOf));
  const kinds = headers.map(
    (header) => Object.keys(HEADERS).find((key) => HEADERS[key] === header) ?? null,
  );
  // One file that is not a CSV by its header or its name: a JSON document.
  if (files.length === 1 && kinds[0] === null && !isCsv(files[0]))
    return { kind: 'json', file: files[0] };
  if (files.length > 2 || files.some((file, i) => kinds[i] === null && !isCsv(file)))
    throw new Error(t('files.pick'));
  const unknown = kinds.indexOf(null);
  if (unknown >= 0)
    throw new Error(
      t('files.unknownHeader', {
        file: files[unknown].name,
        header: headers[unknown].slice(0, 80),
        tiktok: HEADERS.tiktok,
        streams: HEADERS.streams,
      }),
    );
  const tiktok = files.filter((_, i) => kinds[i] === 'tiktok');
  const streams = files.filter((_, i) => kinds[i] === 'streams');
  if (tiktok.length !== 1)
    throw new Error(
      tiktok.length ? t('files.twoTiktok') : t('files.noTiktok', { tiktok: HEADERS.tiktok }),
    );
  return { kind: 'csv', tiktok: tiktok[0], streams: streams[0] ?? null };
}
