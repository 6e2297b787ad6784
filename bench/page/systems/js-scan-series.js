// The straightforward plain-JS answer over the per-series arrays (the
// document's day arrays as Float64Arrays): for every series, add up the days
// of the window and of the previous window. Costs series x 2p reads.
import { finishOverview, territoriesOf, trackFromBothWindows, windowsOf } from '../common.js';

export function prepare(data) {
  return {
    data,
    slotC: new Float64Array(data.slots.count),
    slotV: new Float64Array(data.slots.count),
    streamsCur: new Float64Array(data.nTracks),
    streamsPrev: new Float64Array(data.nTracks),
    rankOfId: new Map(data.trackIds.map((id, rank) => [id, rank])),
  };
}

// Sum of values[off + d - start] for d in [a, b] ∩ [start, start + len - 1].
function sumDays(values, off, start, len, a, b) {
  const lo = Math.max(a, start),
    hi = Math.min(b, start + len - 1);
  let sum = 0;
  for (let d = lo; d <= hi; d++) sum += values[off + d - start];
  return sum;
}

export function overview(st, p) {
  const { data, slotC, slotV, streamsCur, streamsPrev } = st;
  const { ser, c, v, str, sv } = data;
  const w = windowsOf(data, p);
  slotC.fill(0);
  slotV.fill(0);
  let bothC = 0,
    bothV = 0;
  for (let i = 0; i < ser.len.length; i++) {
    const s = data.slots.slotOf[i],
      off = ser.off[i],
      start = ser.start[i],
      len = ser.len[i];
    const cc = sumDays(c, off, start, len, w.ws, w.we),
      cv = sumDays(v, off, start, len, w.ws, w.we);
    slotC[s] += cc;
    slotV[s] += cv;
    bothC += cc + sumDays(c, off, start, len, w.pws, w.pwe);
    bothV += cv + sumDays(v, off, start, len, w.pws, w.pwe);
  }
  streamsCur.fill(0);
  streamsPrev.fill(0);
  for (let i = 0; i < str.len.length; i++) {
    streamsCur[str.track[i]] += sumDays(sv, str.off[i], str.start[i], str.len[i], w.ws, w.sEnd);
    streamsPrev[str.track[i]] += sumDays(sv, str.off[i], str.start[i], str.len[i], w.pws, w.psEnd);
  }
  return finishOverview(data, data.slots, slotC, slotV, bothC, bothV, streamsCur, streamsPrev);
}

export function track(st, id, p) {
  const { data } = st;
  const { ser, c, v, str, sv } = data;
  const t = st.rankOfId.get(id);
  const w = windowsOf(data, p);
  const dailyC = new Float64Array(2 * p),
    dailyV = new Float64Array(2 * p),
    dailyS = new Float64Array(2 * p);
  const terrC = new Float64Array(data.nTerr),
    terrV = new Float64Array(data.nTerr);
  const seen = new Set();
  for (let i = 0; i < ser.len.length; i++) {
    if (ser.track[i] !== t) continue;
    const te = ser.terr[i],
      off = ser.off[i],
      start = ser.start[i];
    seen.add(te);
    const lo = Math.max(w.pws, start),
      hi = Math.min(w.we, start + ser.len[i] - 1);
    for (let d = lo; d <= hi; d++) {
      dailyC[d - w.pws] += c[off + d - start];
      dailyV[d - w.pws] += v[off + d - start];
      if (d >= w.ws) {
        terrC[te] += c[off + d - start];
        terrV[te] += v[off + d - start];
      }
    }
  }
  for (let i = 0; i < str.len.length; i++) {
    if (str.track[i] !== t) continue;
    const lo = Math.max(w.pws, str.start[i]),
      hi = Math.min(w.sEnd, str.start[i] + str.len[i] - 1);
    for (let d = lo; d <= hi; d++)
      if (d <= w.psEnd || d >= w.ws) dailyS[d - w.pws] += sv[str.off[i] + d - str.start[i]];
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
