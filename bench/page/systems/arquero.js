// Arquero 7 (its UMD build, global `aq`, loaded by the Worker) over the long
// rows as typed-array columns (no copy): filter the window's rows, group by
// (track, territory), roll up, rank; the previous window by a second filter.
import { territoriesOf, trackFromBothWindows, windowsOf } from '../common.js';

export function prepare(data) {
  const { aq } = self;
  const { rows: r, srows: sr } = data;
  const tiktok = aq.table({ track: r.track, terr: r.terr, day: r.day, c: r.c, v: r.v });
  const streams = aq.table({ track: sr.track, day: sr.day, s: sr.s });
  return {
    data,
    aq,
    tiktok,
    streams,
    rankOfId: new Map(data.trackIds.map((id, rank) => [id, rank])),
  };
}

export function info() {
  return { version: self.aq.version ?? '7.2.1' };
}

const between = (d, $) => d.day >= $.a && d.day <= $.b;

export function overview(st, p) {
  const { data, aq, tiktok, streams } = st;
  const { op, desc } = aq;
  const w = windowsOf(data, p);
  const both = tiktok.params({ a: w.pws, b: w.we }).filter(between);
  const bothSums = both.rollup({ c: op.sum('c'), v: op.sum('v') }).object();
  const slots = both
    .params({ a: w.ws, b: w.we })
    .filter(between)
    .groupby('track', 'terr')
    .rollup({ c: op.sum('c'), v: op.sum('v') });
  const perTrack = slots.groupby('track').rollup({ c: op.sum('c'), v: op.sum('v') });
  const current = perTrack.rollup({ c: op.sum('c'), v: op.sum('v') }).object();
  const top = slots
    .filter((d) => d.c > 0)
    .groupby('track')
    .orderby(desc('c'), 'terr')
    .filter(() => op.row_number() <= 3)
    .ungroup();
  const streamSums = streams
    .params({ a: w.ws, b: w.sEnd })
    .filter(between)
    .groupby('track')
    .rollup({ s: op.sum('s') });
  const prevStreams = streams
    .params({ a: w.pws, b: w.psEnd })
    .filter(between)
    .rollup({ s: op.sum('s') })
    .object();
  const ranked = perTrack
    .filter((d) => d.c > 0)
    .join_left(streamSums, 'track')
    .orderby(desc('c'), desc('v'), 'track');

  const topOf = new Map();
  top.orderby('track', desc('c'), 'terr').scan((row, cols) => {
    const t = cols.track.at(row);
    if (!topOf.has(t)) topOf.set(t, []);
    topOf.get(t).push({ code: data.codes[cols.terr.at(row)], creations: cols.c.at(row) });
  }, true);
  let curS = 0;
  streamSums.scan((row, cols) => {
    curS += cols.s.at(row);
  });
  const tracks = ranked.objects().map((x) => ({
    id: data.trackIds[x.track],
    creations: x.c,
    views: x.v,
    streams: x.s ?? 0,
    topTerritories: topOf.get(x.track) ?? [],
  }));
  const curC = current.c ?? 0,
    curV = current.v ?? 0;
  return {
    creations: { current: curC, previous: (bothSums.c ?? 0) - curC },
    views: { current: curV, previous: (bothSums.v ?? 0) - curV },
    streams: { current: curS, previous: prevStreams.s ?? 0 },
    tracksWithCreations: tracks.length,
    tracks,
  };
}

export function track(st, id, p) {
  const { data, aq, tiktok, streams } = st;
  const { op } = aq;
  const t = st.rankOfId.get(id);
  const w = windowsOf(data, p);
  const rows = tiktok
    .params({ t, a: w.pws, b: w.we })
    .filter((d, $) => d.track === $.t && d.day >= $.a && d.day <= $.b);
  const dailyC = new Float64Array(2 * p),
    dailyV = new Float64Array(2 * p),
    dailyS = new Float64Array(2 * p);
  rows
    .groupby('day')
    .rollup({ c: op.sum('c'), v: op.sum('v') })
    .scan((row, cols) => {
      dailyC[cols.day.at(row) - w.pws] = cols.c.at(row);
      dailyV[cols.day.at(row) - w.pws] = cols.v.at(row);
    });
  streams
    .params({ t, a: w.pws, b: w.sEnd, pe: w.psEnd, ws: w.ws })
    .filter(
      (d, $) => d.track === $.t && d.day >= $.a && d.day <= $.b && (d.day <= $.pe || d.day >= $.ws),
    )
    .groupby('day')
    .rollup({ s: op.sum('s') })
    .scan((row, cols) => {
      dailyS[cols.day.at(row) - w.pws] = cols.s.at(row);
    });
  const terrC = new Float64Array(data.nTerr),
    terrV = new Float64Array(data.nTerr);
  const terrs = [];
  rows
    .params({ a: w.ws, b: w.we })
    .filter(between)
    .groupby('terr')
    .rollup({ c: op.sum('c'), v: op.sum('v') })
    .scan((row, cols) => {
      const x = cols.terr.at(row);
      terrs.push(x);
      terrC[x] = cols.c.at(row);
      terrV[x] = cols.v.at(row);
    });
  return trackFromBothWindows(
    data,
    p,
    dailyC,
    dailyV,
    dailyS,
    territoriesOf(data.codes, terrC, terrV, terrs),
  );
}
