// crossfilter2 1.5.4 (its UMD build, global `crossfilter`, loaded by the
// Worker) over the long rows: records are row numbers, dimensions read the
// typed-array columns. A day dimension carries the window; groups by
// (track, territory) slot and by day sum creations and views incrementally as
// records enter and leave the filter. A timed run re-runs the same query, so
// the filters move by the previous window only (crossfilter's best case).
import { finishOverview, territoriesOf, trackFromBothWindows, windowsOf } from '../common.js';

export function prepare(data) {
  const cf = self.crossfilter;
  const { rows: r, srows: sr, nTerr } = data;
  const { day, track, terr, c, v } = r;
  const records = new Array(r.n);
  for (let i = 0; i < r.n; i++) records[i] = i;
  const x = cf(records);
  const dayDim = x.dimension((i) => day[i]);
  const slotDim = x.dimension((i) => track[i] * nTerr + terr[i]);
  const add = (p, i) => {
    p.c += c[i];
    p.v += v[i];
    return p;
  };
  const remove = (p, i) => {
    p.c -= c[i];
    p.v -= v[i];
    return p;
  };
  const init = () => ({ c: 0, v: 0 });
  const slotGroup = slotDim.group().reduce(add, remove, init);
  const dayGroup = dayDim.group().reduce(add, remove, init);
  const all = x.groupAll().reduce(add, remove, init);

  const srecords = new Array(sr.n);
  for (let i = 0; i < sr.n; i++) srecords[i] = i;
  const y = cf(srecords);
  const sDay = y.dimension((i) => sr.day[i]);
  const sTrack = y.dimension((i) => sr.track[i]);
  const sTrackGroup = sTrack.group().reduceSum((i) => sr.s[i]);
  const sDayGroup = sDay.group().reduceSum((i) => sr.s[i]);
  const sAll = y.groupAll().reduceSum((i) => sr.s[i]);

  // Slot keys in key order are the slots of columns.js in their order.
  const keys = slotGroup.all().map((g) => g.key);
  const { slots } = data;
  if (
    keys.length !== slots.count ||
    keys.some((k, s) => k !== slots.track[s] * nTerr + slots.terr[s])
  )
    throw new Error('crossfilter slots differ from the shared slots');
  return {
    data,
    dayDim,
    slotDim,
    slotGroup,
    dayGroup,
    all,
    sDay,
    sTrack,
    sTrackGroup,
    sDayGroup,
    sAll,
    slotC: new Float64Array(slots.count),
    slotV: new Float64Array(slots.count),
    streamsCur: new Float64Array(data.nTracks),
    streamsPrev: new Float64Array(data.nTracks),
    rankOfId: new Map(data.trackIds.map((id, rank) => [id, rank])),
  };
}

export function info() {
  return { version: self.crossfilter.version };
}

const range = (a, b) => [a, Math.max(a, b + 1)]; // [a, b] as crossfilter's half-open range

export function overview(st, p) {
  const {
    data,
    dayDim,
    slotDim,
    slotGroup,
    all,
    sDay,
    sTrack,
    sTrackGroup,
    sAll,
    slotC,
    slotV,
    streamsCur,
    streamsPrev,
  } = st;
  const w = windowsOf(data, p);
  slotDim.filterAll();
  sTrack.filterAll();
  dayDim.filterRange(range(w.pws, w.we));
  const both = all.value();
  const bothC = both.c,
    bothV = both.v;
  dayDim.filterRange(range(w.ws, w.we));
  const groups = slotGroup.all();
  for (let s = 0; s < groups.length; s++) {
    slotC[s] = groups[s].value.c;
    slotV[s] = groups[s].value.v;
  }
  streamsPrev.fill(0);
  sDay.filterRange(range(w.pws, w.psEnd));
  // Only the total of the previous window is used; per-track previous streams are not needed.
  const prevS = sAll.value();
  sDay.filterRange(range(w.ws, w.sEnd));
  streamsCur.fill(0);
  for (const g of sTrackGroup.all()) streamsCur[g.key] = g.value;
  streamsPrev[0] = prevS;
  return finishOverview(data, data.slots, slotC, slotV, bothC, bothV, streamsCur, streamsPrev);
}

export function track(st, id, p) {
  const { data, dayDim, slotDim, slotGroup, dayGroup, sDay, sTrack, sDayGroup } = st;
  const { nTerr, slots } = data;
  const t = st.rankOfId.get(id);
  const w = windowsOf(data, p);
  slotDim.filterRange([t * nTerr, (t + 1) * nTerr]);
  dayDim.filterRange(range(w.ws, w.we));
  const dailyC = new Float64Array(2 * p),
    dailyV = new Float64Array(2 * p),
    dailyS = new Float64Array(2 * p);
  for (const g of dayGroup.all()) {
    // observes the track, not the day filter
    if (g.key < w.pws || g.key > w.we) continue;
    dailyC[g.key - w.pws] = g.value.c;
    dailyV[g.key - w.pws] = g.value.v;
  }
  const groups = slotGroup.all(); // observes the day filter, not the track
  const terrC = new Float64Array(nTerr),
    terrV = new Float64Array(nTerr);
  const terrs = [];
  for (let s = slots.trackStart[t]; s < slots.trackStart[t + 1]; s++) {
    const x = slots.terr[s];
    terrs.push(x);
    terrC[x] = groups[s].value.c;
    terrV[x] = groups[s].value.v;
  }
  sTrack.filterExact(t);
  sDay.filterAll();
  for (const g of sDayGroup.all()) {
    if ((g.key >= w.pws && g.key <= w.psEnd) || (g.key >= w.ws && g.key <= w.sEnd))
      dailyS[g.key - w.pws] = g.value;
  }
  return trackFromBothWindows(
    data,
    p,
    dailyC,
    dailyV,
    dailyS,
    territoriesOf(data.codes, terrC, terrV, terrs),
  );
}
