// What every system computes, in one comparable shape (the "canonical"
// answer): the numbers of docs/ANSWERS.md's overview and track answers without the
// fields that are only E and S restated (window dates, dataThrough, the series'
// dates) and without `change` (one division of two compared numbers).
//   overview: { creations: {current, previous}, views, streams, tracksWithCreations,
//               tracks: [{ id, creations, views, streams, topTerritories: [{ code, creations }] }] }
//   track:    { creations, views, streams, territories: [{ code, creations, views }] (<= 50),
//               series: { creations: [..], views: [..], streams: [.. | null] } }

// The windows of a period: [ws, we] and the previous [pws, pwe]; streams count
// only days <= S (none when S is null).
export function windowsOf(data, p) {
  const { E, S } = data;
  const ws = E - p + 1,
    we = E,
    pws = E - 2 * p + 1,
    pwe = E - p;
  const s = S ?? -Infinity;
  return { ws, we, pws, pwe, sEnd: Math.min(we, s), psEnd: Math.min(pwe, s) };
}

// Ranking order: creations desc, views desc, id asc (track ranks are id order).
export function rankTracks(tracks, c, v) {
  return tracks.sort((a, b) => c[b] - c[a] || v[b] - v[a] || a - b);
}

// The overview from per-slot sums of the current window (slots of
// columns.js), the sum of both windows, and per-track streams (current,
// previous); shared by the plain-JS systems so that only their kernels differ.
export function finishOverview(data, slots, slotC, slotV, bothC, bothV, streamsCur, streamsPrev) {
  const { nTracks, trackIds, codes } = data;
  const { trackStart, terr } = slots;
  const trackC = new Float64Array(nTracks),
    trackV = new Float64Array(nTracks);
  let curC = 0,
    curV = 0,
    curS = 0,
    prevS = 0;
  const ranked = [];
  for (let t = 0; t < nTracks; t++) {
    let c = 0,
      v = 0;
    for (let s = trackStart[t]; s < trackStart[t + 1]; s++) {
      c += slotC[s];
      v += slotV[s];
    }
    trackC[t] = c;
    trackV[t] = v;
    curC += c;
    curV += v;
    curS += streamsCur[t];
    prevS += streamsPrev[t];
    if (c > 0) ranked.push(t);
  }
  rankTracks(ranked, trackC, trackV);
  const tracks = ranked.map((t) => ({
    id: trackIds[t],
    creations: trackC[t],
    views: trackV[t],
    streams: streamsCur[t],
    topTerritories: topOf(slotC, terr, trackStart[t], trackStart[t + 1], 3).map((s) => ({
      code: codes[terr[s]],
      creations: slotC[s],
    })),
  }));
  return {
    creations: { current: curC, previous: bothC - curC },
    views: { current: curV, previous: bothV - curV },
    streams: { current: curS, previous: prevS },
    tracksWithCreations: ranked.length,
    tracks,
  };
}

// The best `keep` slots of [from, to) with creations > 0, by creations desc;
// slots of a track are in code order, so ties keep the smaller code first.
export function topOf(slotC, terr, from, to, keep) {
  const best = [];
  for (let s = from; s < to; s++) {
    const c = slotC[s];
    if (!(c > 0)) continue;
    if (best.length === keep && c <= slotC[best[keep - 1]]) continue;
    let at = best.length < keep ? best.length : keep - 1;
    best[at] = s;
    while (at > 0 && slotC[best[at - 1]] < c) {
      best[at] = best[at - 1];
      best[--at] = s;
    }
  }
  return best;
}

// Territories of a track answer: creations > 0, creations desc then code asc, at most 50.
export function territoriesOf(codes, terrC, terrV, terrs) {
  return terrs
    .filter((x) => terrC[x] > 0)
    .sort((a, b) => terrC[b] - terrC[a] || a - b)
    .slice(0, 50)
    .map((x) => ({ code: codes[x], creations: terrC[x], views: terrV[x] }));
}

// A track answer from its KPIs ({c, pc, v, pv, s, ps}: current and previous
// sums) and the current window's daily sums (streams: days > S become null).
export function trackAnswer(data, p, kpi, dailyC, dailyV, dailyS, territories) {
  const { S } = data;
  const { ws } = windowsOf(data, p);
  const streams = [];
  for (let k = 0; k < p; k++) streams.push(S !== null && ws + k <= S ? dailyS[k] : null);
  return {
    creations: { current: kpi.c, previous: kpi.pc },
    views: { current: kpi.v, previous: kpi.pv },
    streams: { current: kpi.s, previous: kpi.ps },
    territories,
    series: { creations: Array.from(dailyC), views: Array.from(dailyV), streams },
  };
}

// The same from daily sums over both windows (index 0 = the previous window's
// first day; streams only on days <= S): KPIs are sums of days.
export function trackFromBothWindows(data, p, dailyC, dailyV, dailyS, territories) {
  const kpi = { c: 0, pc: 0, v: 0, pv: 0, s: 0, ps: 0 };
  for (let k = 0; k < p; k++) {
    kpi.pc += dailyC[k];
    kpi.pv += dailyV[k];
    kpi.ps += dailyS[k];
    kpi.c += dailyC[p + k];
    kpi.v += dailyV[p + k];
    kpi.s += dailyS[p + k];
  }
  return trackAnswer(
    data,
    p,
    kpi,
    dailyC.subarray(p),
    dailyV.subarray(p),
    dailyS.subarray(p),
    territories,
  );
}
