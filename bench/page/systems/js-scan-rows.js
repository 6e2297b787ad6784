// The straightforward plain-JS answer over long rows (one per series-day),
// sorted by day so that both windows are one contiguous run of rows (found
// with the day index): every row of the run is read once.
import { finishOverview, territoriesOf, trackFromBothWindows, windowsOf } from '../common.js';

export function prepare(data) {
  const { nTracks, nTerr } = data;
  // Sums per (track, territory) in a dense grid: slot = track * nTerr + territory.
  const trackStart = new Int32Array(nTracks + 1);
  for (let t = 0; t <= nTracks; t++) trackStart[t] = t * nTerr;
  const terr = new Uint16Array(nTracks * nTerr);
  for (let s = 0; s < terr.length; s++) terr[s] = s % nTerr;
  return {
    data,
    grid: { trackStart, terr },
    slotC: new Float64Array(nTracks * nTerr),
    slotV: new Float64Array(nTracks * nTerr),
    streamsCur: new Float64Array(nTracks),
    streamsPrev: new Float64Array(nTracks),
    rankOfId: new Map(data.trackIds.map((id, rank) => [id, rank])),
  };
}

// Rows of days [a, b]: [first, end).
function rowsOf(r, a, b) {
  const lo = Math.min(Math.max(a - r.dayFirst, 0), r.days),
    hi = Math.min(Math.max(b - r.dayFirst + 1, 0), r.days);
  return lo >= hi ? [0, 0] : [r.dayIndex[lo], r.dayIndex[hi]];
}

export function overview(st, p) {
  const { data, slotC, slotV, streamsCur, streamsPrev } = st;
  const { rows: r, srows: sr, nTerr } = data;
  const w = windowsOf(data, p);
  slotC.fill(0);
  slotV.fill(0);
  let bothC = 0,
    bothV = 0;
  const [from, to] = rowsOf(r, w.pws, w.we);
  const { day, track, terr, c, v } = r;
  for (let i = from; i < to; i++) {
    bothC += c[i];
    bothV += v[i];
    if (day[i] >= w.ws) {
      const s = track[i] * nTerr + terr[i];
      slotC[s] += c[i];
      slotV[s] += v[i];
    }
  }
  streamsCur.fill(0);
  streamsPrev.fill(0);
  const [sFrom, sTo] = rowsOf(sr, w.pws, w.sEnd);
  for (let i = sFrom; i < sTo; i++) {
    const d = sr.day[i];
    if (d >= w.ws) streamsCur[sr.track[i]] += sr.s[i];
    else if (d <= w.psEnd) streamsPrev[sr.track[i]] += sr.s[i];
  }
  return finishOverview(data, st.grid, slotC, slotV, bothC, bothV, streamsCur, streamsPrev);
}

export function track(st, id, p) {
  const { data } = st;
  const { rows: r, srows: sr } = data;
  const t = st.rankOfId.get(id);
  const w = windowsOf(data, p);
  const dailyC = new Float64Array(2 * p),
    dailyV = new Float64Array(2 * p),
    dailyS = new Float64Array(2 * p);
  const terrC = new Float64Array(data.nTerr),
    terrV = new Float64Array(data.nTerr);
  const seen = new Set();
  const [from, to] = rowsOf(r, w.pws, w.we);
  for (let i = from; i < to; i++) {
    if (r.track[i] !== t) continue;
    const d = r.day[i] - w.pws;
    dailyC[d] += r.c[i];
    dailyV[d] += r.v[i];
    if (r.day[i] >= w.ws) {
      seen.add(r.terr[i]);
      terrC[r.terr[i]] += r.c[i];
      terrV[r.terr[i]] += r.v[i];
    }
  }
  const [sFrom, sTo] = rowsOf(sr, w.pws, w.sEnd);
  for (let i = sFrom; i < sTo; i++) {
    if (sr.track[i] !== t) continue;
    const d = sr.day[i];
    if (d >= w.ws || d <= w.psEnd) dailyS[d - w.pws] += sr.s[i];
  }
  return trackFromBothWindows(
    data,
    p,
    dailyC,
    dailyV,
    dailyS,
    territoriesOf(data.codes, terrC, terrV, [...seen]),
  );
}
