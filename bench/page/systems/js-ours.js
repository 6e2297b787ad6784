// Our algorithm in plain JS, written as well as we can: the store of
// core/series_sums.hpp (time-major running sums back from E, series sorted by
// depth so that row k is a prefix, series that ended long ago on prefix sums)
// with Float64Array cells, and the overview kernel of core/store.cpp (rows p
// and 2p walked in memory order, one read per series and metric). Tells the
// language (wasm vs JS) apart from the algorithm.
import { finishOverview, trackAnswer, territoriesOf, windowsOf } from '../common.js';

const LOOKBACK = 2 * 3650;

// One metric set (`metrics` arrays of series-major values) as series sums anchored at `anchor`.
function seriesSums(anchor, starts, lens, offs, metrics) {
  const low = anchor - LOOKBACK + 1;
  const dense = [],
    sparse = [];
  for (let i = 0; i < lens.length; i++) {
    if (!lens[i]) continue;
    const first = Math.max(starts[i], low),
      last = Math.min(starts[i] + lens[i] - 1, anchor);
    if (first > last) continue;
    (anchor - last <= last - first + 1 ? dense : sparse).push({ i, first, last });
  }
  dense.sort((a, b) => a.first - b.first); // deepest first (stable)
  const nd = dense.length;
  const depth = new Int32Array(nd);
  let maxDepth = 0;
  for (let j = 0; j < nd; j++)
    maxDepth = Math.max(maxDepth, (depth[j] = anchor - dense[j].first + 1));
  const atLeast = new Float64Array(maxDepth + 2);
  for (let j = 0; j < nd; j++) atLeast[depth[j]]++;
  for (let k = maxDepth - 1; k >= 1; k--) atLeast[k] += atLeast[k + 1];
  const rowStart = new Float64Array(maxDepth + 2);
  for (let k = 1; k <= maxDepth; k++) rowStart[k + 1] = rowStart[k] + atLeast[k];
  const cells = rowStart[maxDepth + 1];

  const out = {
    anchor,
    dense: nd,
    depth,
    rowStart,
    cells: [],
    totals: [],
    sparseFirst: [],
    sparseLen: [],
    sparseOff: [],
    prefix: [],
  };
  for (const values of metrics) {
    const cell = new Float64Array(cells),
      total = new Float64Array(nd);
    // Blocks of 16 series, day by day, as the core fills them.
    const acc = new Float64Array(16);
    for (let j0 = 0; j0 < nd; j0 += 16) {
      const n = Math.min(16, nd - j0);
      acc.fill(0);
      for (let k = 1; k <= depth[j0]; k++) {
        const day = anchor - k + 1,
          row = rowStart[k] + j0;
        for (let b = 0; b < n && depth[j0 + b] >= k; b++) {
          const span = dense[j0 + b];
          if (day <= span.last) acc[b] += values[offs[span.i] + day - starts[span.i]];
          cell[row + b] = acc[b];
        }
      }
      for (let b = 0; b < n; b++) {
        const span = dense[j0 + b];
        let sum = 0;
        for (let day = span.first; day <= span.last; day++)
          sum += values[offs[span.i] + day - starts[span.i]];
        total[j0 + b] = sum;
      }
    }
    out.cells.push(cell);
    out.totals.push(total);
  }
  let size = 0;
  for (const s of sparse) {
    out.sparseFirst.push(s.first);
    out.sparseLen.push(s.last - s.first + 1);
    out.sparseOff.push(size);
    size += s.last - s.first + 2;
  }
  for (const values of metrics) {
    const p = new Float64Array(size);
    sparse.forEach((s, x) => {
      const o = out.sparseOff[x];
      for (let day = s.first; day <= s.last; day++)
        p[o + day - s.first + 1] = p[o + day - s.first] + values[offs[s.i] + day - starts[s.i]];
    });
    out.prefix.push(p);
  }
  out.order = dense.map((s) => s.i).concat(sparse.map((s) => s.i));
  out.rowCount = (k) =>
    k <= 0 ? nd : k >= rowStart.length - 1 ? 0 : rowStart[k + 1] - rowStart[k];
  out.rowOffset = (k) => rowStart[Math.min(k, rowStart.length - 1)];
  // Sum of the last k days of stored series j.
  out.back = (m, j, k) => {
    if (k <= 0) return 0;
    if (j < nd) return k <= depth[j] ? out.cells[m][rowStart[k] + j] : out.totals[m][j];
    const x = j - nd,
      first = out.sparseFirst[x],
      last = first + out.sparseLen[x] - 1;
    const lo = Math.max(anchor - k + 1, first);
    if (lo > last) return 0;
    const p = out.prefix[m],
      o = out.sparseOff[x];
    return p[o + last - first + 1] - p[o + lo - first];
  };
  out.range = (m, j, a, b) => {
    b = Math.min(b, anchor);
    if (a > b) return 0;
    return out.back(m, j, anchor - a + 1) - out.back(m, j, anchor - b);
  };
  return out;
}

export function prepare(data) {
  const { ser, str, slots, nTracks } = data;
  const tiktok = seriesSums(data.E, ser.start, ser.len, ser.off, [data.c, data.v]);
  const stored = tiktok.order.length;
  const slotOf = new Int32Array(stored);
  for (let j = 0; j < stored; j++) slotOf[j] = slots.slotOf[tiktok.order[j]];
  // Stored series of each track, ordered by slot.
  const bySlot = Array.from({ length: stored }, (_, j) => j).sort(
    (a, b) => slotOf[a] - slotOf[b] || a - b,
  );
  const trackSeriesStart = new Int32Array(nTracks + 1);
  for (const j of bySlot) trackSeriesStart[slots.track[slotOf[j]] + 1]++;
  for (let t = 0; t < nTracks; t++) trackSeriesStart[t + 1] += trackSeriesStart[t];
  const trackSeries = Int32Array.from(bySlot);

  const streams =
    data.S === null
      ? null
      : seriesSums(Math.min(data.S, data.E), str.start, str.len, str.off, [data.sv]);
  const streamsStart = new Int32Array(nTracks + 1);
  let streamsSeries = new Int32Array(0);
  if (streams) {
    const order = streams.order;
    for (const i of order) streamsStart[str.track[i] + 1]++;
    for (let t = 0; t < nTracks; t++) streamsStart[t + 1] += streamsStart[t];
    streamsSeries = new Int32Array(order.length);
    const fill = streamsStart.slice(0, nTracks);
    order.forEach((i, j) => {
      streamsSeries[fill[str.track[i]]++] = j;
    });
  }
  return {
    data,
    tiktok,
    slotOf,
    trackSeriesStart,
    trackSeries,
    streams,
    streamsStart,
    streamsSeries,
    slotC: new Float64Array(slots.count),
    slotV: new Float64Array(slots.count),
    streamsCur: new Float64Array(nTracks),
    streamsPrev: new Float64Array(nTracks),
    rankOfId: new Map(data.trackIds.map((id, rank) => [id, rank])),
  };
}

function streamsOfTrack(st, t, a, b) {
  let sum = 0;
  for (let i = st.streamsStart[t]; i < st.streamsStart[t + 1]; i++)
    sum += st.streams.range(0, st.streamsSeries[i], a, b);
  return sum;
}

export function overview(st, p) {
  const { data, tiktok, slotOf, slotC, slotV, streamsCur, streamsPrev } = st;
  slotC.fill(0);
  slotV.fill(0);
  let bothC = 0,
    bothV = 0;
  const dense = tiktok.dense;
  const reachP = tiktok.rowCount(p),
    reach2P = tiktok.rowCount(2 * p);
  const atP = tiktok.rowOffset(p),
    at2P = tiktok.rowOffset(2 * p);
  const [C, V] = tiktok.cells,
    [CT, VT] = tiktok.totals;
  for (let j = 0; j < reach2P; j++) {
    const s = slotOf[j];
    slotC[s] += C[atP + j];
    slotV[s] += V[atP + j];
    bothC += C[at2P + j];
    bothV += V[at2P + j];
  }
  for (let j = reach2P; j < reachP; j++) {
    const s = slotOf[j];
    slotC[s] += C[atP + j];
    slotV[s] += V[atP + j];
    bothC += CT[j];
    bothV += VT[j];
  }
  for (let j = reachP; j < dense; j++) {
    const s = slotOf[j];
    slotC[s] += CT[j];
    slotV[s] += VT[j];
    bothC += CT[j];
    bothV += VT[j];
  }
  for (let j = dense; j < slotOf.length; j++) {
    const s = slotOf[j];
    slotC[s] += tiktok.back(0, j, p);
    slotV[s] += tiktok.back(1, j, p);
    bothC += tiktok.back(0, j, 2 * p);
    bothV += tiktok.back(1, j, 2 * p);
  }
  const w = windowsOf(data, p);
  if (st.streams) {
    for (let t = 0; t < data.nTracks; t++) {
      streamsCur[t] = streamsOfTrack(st, t, w.ws, w.sEnd);
      streamsPrev[t] = streamsOfTrack(st, t, w.pws, w.psEnd);
    }
  }
  return finishOverview(data, data.slots, slotC, slotV, bothC, bothV, streamsCur, streamsPrev);
}

export function track(st, id, p) {
  const { data, tiktok, slotOf } = st;
  const t = st.rankOfId.get(id);
  const kpi = { c: 0, pc: 0, v: 0, pv: 0, s: 0, ps: 0 };
  const dailyC = new Float64Array(p),
    dailyV = new Float64Array(p),
    dailyS = new Float64Array(p);
  const terrC = new Float64Array(data.nTerr),
    terrV = new Float64Array(data.nTerr);
  const terrs = [];
  for (let i = st.trackSeriesStart[t]; i < st.trackSeriesStart[t + 1]; i++) {
    const j = st.trackSeries[i];
    const te = data.slots.terr[slotOf[j]];
    if (terrs[terrs.length - 1] !== te) terrs.push(te);
    const c = tiktok.back(0, j, p),
      v = tiktok.back(1, j, p);
    kpi.c += c;
    kpi.v += v;
    kpi.pc += tiktok.back(0, j, 2 * p) - c;
    kpi.pv += tiktok.back(1, j, 2 * p) - v;
    terrC[te] += c;
    terrV[te] += v;
    // Daily values are differences of consecutive sums, newest day last.
    for (let m = 0; m < 2; m++) {
      const daily = m === 0 ? dailyC : dailyV;
      let newer = 0;
      for (let k = 1; k <= p; k++) {
        const sum = tiktok.back(m, j, k);
        daily[p - k] += sum - newer;
        newer = sum;
      }
    }
  }
  if (st.streams) {
    const w = windowsOf(data, p),
      anchor = st.streams.anchor;
    kpi.s = streamsOfTrack(st, t, w.ws, w.sEnd);
    kpi.ps = streamsOfTrack(st, t, w.pws, w.psEnd);
    for (let d = w.ws; d <= w.sEnd; d++) {
      let sum = 0;
      for (let i = st.streamsStart[t]; i < st.streamsStart[t + 1]; i++) {
        const j = st.streamsSeries[i];
        sum += st.streams.back(0, j, anchor - d + 1) - st.streams.back(0, j, anchor - d);
      }
      dailyS[d - w.ws] = sum;
    }
  }
  return trackAnswer(
    data,
    p,
    kpi,
    dailyC,
    dailyV,
    dailyS,
    territoriesOf(data.codes, terrC, terrV, terrs),
  );
}
