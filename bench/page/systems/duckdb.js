// DuckDB-WASM 1.32 (the "eh" bundle, single-threaded, its blocking API in
// this Worker so that a timing holds the query and nothing else): SQL over
// the long rows, inserted in day order so that DuckDB's row-group min/max
// statistics skip the days outside a window.
//   tiktok(track INTEGER, terr USMALLINT, plat UTINYINT, cont UTINYINT, day INTEGER, c DOUBLE, v DOUBLE)
//   streams(track INTEGER, day INTEGER, s DOUBLE)
import * as duckdb from '/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs';
import * as arrow from '/node_modules/apache-arrow/Arrow.dom.mjs';
import { trackFromBothWindows, windowsOf } from '../common.js';

const DIST = '/node_modules/@duckdb/duckdb-wasm/dist/';
const CHUNK = 1 << 21; // rows per Arrow insert: keeps the IPC copies small
const lit = (x) => (Number.isFinite(x) ? String(x) : '-1000000000');

export async function prepare(data) {
  const bundles = {
    mvp: {
      mainModule: `${DIST}duckdb-mvp.wasm`,
      mainWorker: `${DIST}duckdb-browser-mvp.worker.js`,
    },
    eh: { mainModule: `${DIST}duckdb-eh.wasm`, mainWorker: `${DIST}duckdb-browser-eh.worker.js` },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.BROWSER_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  const conn = db.connect();
  const { rows: r, srows: sr } = data;
  insert(conn, 'tiktok', r.n, (a, b) => ({
    track: r.track.slice(a, b),
    terr: r.terr.slice(a, b),
    plat: r.plat.slice(a, b),
    cont: r.cont.slice(a, b),
    day: r.day.slice(a, b),
    c: r.c.slice(a, b),
    v: r.v.slice(a, b),
  }));
  insert(conn, 'streams', sr.n, (a, b) => ({
    track: sr.track.slice(a, b),
    day: sr.day.slice(a, b),
    s: sr.s.slice(a, b),
  }));
  const version = conn.query('SELECT version() AS v').getChild('v').get(0);
  return {
    data,
    db,
    conn,
    version,
    rankOfId: new Map(data.trackIds.map((id, rank) => [id, rank])),
  };
}

function insert(conn, name, n, columnsOf) {
  for (let a = 0, first = true; a < n || first; a += CHUNK, first = false) {
    const table = arrow.tableFromArrays(columnsOf(a, Math.min(n, a + CHUNK)));
    conn.insertArrowTable(table, { name, create: first });
  }
}

export function info(st) {
  return { version: st.version, bundle: 'eh (blocking API, 1 thread)' };
}

// Two statements: the sums of both windows (and streams), then the ranking
// with the current window's totals over every track (a track may have views
// and no creations) computed in the same pass.
export function overview(st, p) {
  const { data, conn } = st;
  const w = windowsOf(data, p);
  const both = conn
    .query(
      `
    SELECT coalesce(sum(c), 0) AS c, coalesce(sum(v), 0) AS v,
           (SELECT coalesce(sum(s), 0) FROM streams WHERE day BETWEEN ${w.ws} AND ${lit(w.sEnd)}) AS cs,
           (SELECT coalesce(sum(s), 0) FROM streams WHERE day BETWEEN ${w.pws} AND ${lit(w.psEnd)}) AS ps
    FROM tiktok WHERE day BETWEEN ${w.pws} AND ${w.we}`,
    )
    .get(0)
    .toJSON();
  const ranked = conn.query(`
    WITH slots AS (
      SELECT track, terr, sum(c) AS c, sum(v) AS v FROM tiktok WHERE day BETWEEN ${w.ws} AND ${w.we} GROUP BY track, terr),
    tr AS (
      SELECT track, sum(c) AS c, sum(v) AS v,
             list(terr ORDER BY c DESC, terr) FILTER (WHERE c > 0) AS terrs,
             list(c ORDER BY c DESC, terr) FILTER (WHERE c > 0) AS tcs
      FROM slots GROUP BY track),
    total AS (SELECT sum(c) AS c, sum(v) AS v FROM tr),
    st AS (SELECT track, sum(s) AS s FROM streams WHERE day BETWEEN ${w.ws} AND ${lit(w.sEnd)} GROUP BY track)
    SELECT tr.track, tr.c, tr.v, coalesce(st.s, 0) AS s, tr.terrs[1:3] AS terrs, tr.tcs[1:3] AS tcs,
           (SELECT c FROM total) AS allc, (SELECT v FROM total) AS allv
    FROM tr LEFT JOIN st ON st.track = tr.track
    WHERE tr.c > 0
    ORDER BY tr.c DESC, tr.v DESC, tr.track`);
  let current;
  if (ranked.numRows > 0) {
    current = { c: ranked.getChild('allc').get(0), v: ranked.getChild('allv').get(0) };
  } else {
    // no creations: the views of the window still count
    current = conn
      .query(
        `SELECT coalesce(sum(c), 0) AS c, coalesce(sum(v), 0) AS v FROM tiktok
      WHERE day BETWEEN ${w.ws} AND ${w.we}`,
      )
      .get(0)
      .toJSON();
  }
  const track = ranked.getChild('track').toArray(),
    c = ranked.getChild('c').toArray();
  const v = ranked.getChild('v').toArray(),
    s = ranked.getChild('s').toArray();
  const terrs = ranked.getChild('terrs'),
    tcs = ranked.getChild('tcs');
  const tracks = [];
  for (let i = 0; i < ranked.numRows; i++) {
    const codes = terrs.get(i).toArray(),
      counts = tcs.get(i).toArray();
    tracks.push({
      id: data.trackIds[track[i]],
      creations: c[i],
      views: v[i],
      streams: s[i],
      topTerritories: Array.from(codes, (x, k) => ({ code: data.codes[x], creations: counts[k] })),
    });
  }
  return {
    creations: { current: current.c, previous: both.c - current.c },
    views: { current: current.v, previous: both.v - current.v },
    streams: { current: both.cs, previous: both.ps },
    tracksWithCreations: ranked.numRows,
    tracks,
  };
}

export function track(st, id, p) {
  const { data, conn } = st;
  const t = st.rankOfId.get(id);
  const w = windowsOf(data, p);
  const dailyC = new Float64Array(2 * p),
    dailyV = new Float64Array(2 * p),
    dailyS = new Float64Array(2 * p);
  const days = conn.query(`SELECT day, sum(c) AS c, sum(v) AS v FROM tiktok
    WHERE track = ${t} AND day BETWEEN ${w.pws} AND ${w.we} GROUP BY day`);
  const d = days.getChild('day').toArray(),
    c = days.getChild('c').toArray(),
    v = days.getChild('v').toArray();
  for (let i = 0; i < days.numRows; i++) {
    dailyC[d[i] - w.pws] = c[i];
    dailyV[d[i] - w.pws] = v[i];
  }
  const sdays = conn.query(`SELECT day, sum(s) AS s FROM streams
    WHERE track = ${t} AND (day BETWEEN ${w.pws} AND ${lit(w.psEnd)} OR day BETWEEN ${w.ws} AND ${lit(w.sEnd)}) GROUP BY day`);
  const sd = sdays.getChild('day').toArray(),
    ss = sdays.getChild('s').toArray();
  for (let i = 0; i < sdays.numRows; i++) dailyS[sd[i] - w.pws] = ss[i];
  const terr = conn.query(`SELECT terr, sum(c) AS c, sum(v) AS v FROM tiktok
    WHERE track = ${t} AND day BETWEEN ${w.ws} AND ${w.we} GROUP BY terr HAVING sum(c) > 0
    ORDER BY c DESC, terr LIMIT 50`);
  const te = terr.getChild('terr').toArray(),
    tc = terr.getChild('c').toArray(),
    tv = terr.getChild('v').toArray();
  const territories = Array.from(te, (x, i) => ({
    code: data.codes[x],
    creations: tc[i],
    views: tv[i],
  }));
  return trackFromBothWindows(data, p, dailyC, dailyV, dailyS, territories);
}
