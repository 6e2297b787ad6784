// The peers' input, built once per catalog from the v1 document (JSON.parse)
// and shared with every peer Worker as SharedArrayBuffers (no copies):
//   - per-series arrays: the day arrays of every TikTok series back to back
//     (series-major), with each series' track, territory, start, length;
//   - long rows, one per series-day (zero and null days included, null counts
//     as 0), sorted by day, with a day index: track, territory, platform,
//     content, day, creations, views; and the streams rows: track, day, streams;
//   - (track, territory) slots, for the plain-JS systems.
// Keys are integers: a track is its rank in id order, a territory its rank in
// code order, so "id asc" and "code asc" are integer orders and the peers
// need no string columns (this only helps them). Values are Float64: every
// sum stays <= 2^53 - 1 (the engine refuses documents where it could not).
const DAY_MS = 86_400_000;
export const dayOf = (text) =>
  Date.UTC(+text.slice(0, 4), +text.slice(5, 7) - 1, +text.slice(8, 10)) / DAY_MS;
export const dateOf = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

const PLATFORM = { tiktok: 1, douyin: 2 };
const CONTENT = { ugc: 1, pgc: 2 };

function shared(Type, length) {
  return new Type(new SharedArrayBuffer(Math.max(1, length) * Type.BYTES_PER_ELEMENT), 0, length);
}

const byCodeUnits = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export function buildColumns(doc) {
  const trackIds = doc.tracks.map((t) => t.id).sort(byCodeUnits);
  const rankOfId = new Map(trackIds.map((id, rank) => [id, rank]));
  const codes = [...new Set(doc.tiktok.map((s) => s.territory.toUpperCase()))].sort(byCodeUnits);
  const rankOfCode = new Map(codes.map((code, rank) => [code, rank]));
  const nTracks = trackIds.length;
  const nTerr = codes.length;

  // TikTok series, series-major.
  const nSeries = doc.tiktok.length;
  const ser = {
    track: shared(Int32Array, nSeries),
    terr: shared(Uint16Array, nSeries),
    plat: shared(Uint8Array, nSeries),
    cont: shared(Uint8Array, nSeries),
    start: shared(Int32Array, nSeries),
    len: shared(Int32Array, nSeries),
    off: shared(Int32Array, nSeries + 1),
  };
  let points = 0;
  let minDay = Infinity,
    maxDay = -Infinity;
  doc.tiktok.forEach((s, i) => {
    ser.track[i] = rankOfId.get(s.track);
    ser.terr[i] = rankOfCode.get(s.territory.toUpperCase());
    ser.plat[i] = PLATFORM[s.platform] ?? 0;
    ser.cont[i] = CONTENT[s.content] ?? 0;
    ser.start[i] = dayOf(s.start);
    ser.len[i] = s.creations.length;
    ser.off[i] = points;
    points += s.creations.length;
    if (s.creations.length) {
      minDay = Math.min(minDay, ser.start[i]);
      maxDay = Math.max(maxDay, ser.start[i] + s.creations.length - 1);
    }
  });
  ser.off[nSeries] = points;
  const c = shared(Float64Array, points),
    v = shared(Float64Array, points);
  doc.tiktok.forEach((s, i) => {
    const o = ser.off[i];
    for (let k = 0; k < s.creations.length; k++) {
      c[o + k] = s.creations[k] ?? 0;
      v[o + k] = s.views[k] ?? 0;
    }
  });

  // Streams series, series-major.
  const nStr = doc.streams.length;
  const str = {
    track: shared(Int32Array, nStr),
    start: shared(Int32Array, nStr),
    len: shared(Int32Array, nStr),
    off: shared(Int32Array, nStr + 1),
  };
  let sPoints = 0;
  let sMin = Infinity,
    sMax = -Infinity;
  doc.streams.forEach((s, i) => {
    str.track[i] = rankOfId.get(s.track);
    str.start[i] = dayOf(s.start);
    str.len[i] = s.streams.length;
    str.off[i] = sPoints;
    sPoints += s.streams.length;
    if (s.streams.length) {
      sMin = Math.min(sMin, str.start[i]);
      sMax = Math.max(sMax, str.start[i] + s.streams.length - 1);
    }
  });
  str.off[nStr] = sPoints;
  const sv = shared(Float64Array, sPoints);
  doc.streams.forEach((s, i) => {
    for (let k = 0; k < s.streams.length; k++) sv[str.off[i] + k] = s.streams[k] ?? 0;
  });

  // E and S as the core reads them (docs/ANSWERS.md).
  let E, S;
  if (doc.asOf) {
    E = dayOf(doc.asOf) - 1;
    S = E - 1;
  } else if (points) {
    E = maxDay;
    S = sPoints ? sMax : null;
  } else {
    E = sMax + 1;
    S = sMax;
  }

  const rows = longRows(ser, c, v, points, minDay, maxDay);
  const srows = streamRows(str, sv, sPoints, sMin, sMax);
  const slots = slotsOf(ser, nTracks);
  return {
    E,
    S,
    nTracks,
    nTerr,
    trackIds,
    codes,
    points,
    streamsPoints: sPoints,
    ser,
    c,
    v,
    str,
    sv,
    rows,
    srows,
    slots,
  };
}

// Counting sort of every series-day by day: rows of one day are contiguous,
// and dayIndex[d - dayFirst] is where day d starts.
function longRows(ser, c, v, n, minDay, maxDay) {
  const dayFirst = Number.isFinite(minDay) ? minDay : 0;
  const days = Number.isFinite(minDay) ? maxDay - minDay + 1 : 0;
  const dayIndex = shared(Int32Array, days + 1);
  const nSeries = ser.len.length;
  for (let i = 0; i < nSeries; i++)
    for (let k = 0; k < ser.len[i]; k++) dayIndex[ser.start[i] + k - dayFirst + 1]++;
  for (let d = 0; d < days; d++) dayIndex[d + 1] += dayIndex[d];
  const cursor = Int32Array.from(dayIndex);
  const r = {
    n,
    dayFirst,
    days,
    dayIndex,
    track: shared(Int32Array, n),
    terr: shared(Uint16Array, n),
    plat: shared(Uint8Array, n),
    cont: shared(Uint8Array, n),
    day: shared(Int32Array, n),
    c: shared(Float64Array, n),
    v: shared(Float64Array, n),
  };
  for (let i = 0; i < nSeries; i++) {
    const t = ser.track[i],
      te = ser.terr[i],
      p = ser.plat[i],
      co = ser.cont[i],
      s0 = ser.start[i],
      o = ser.off[i];
    for (let k = 0; k < ser.len[i]; k++) {
      const at = cursor[s0 + k - dayFirst]++;
      r.track[at] = t;
      r.terr[at] = te;
      r.plat[at] = p;
      r.cont[at] = co;
      r.day[at] = s0 + k;
      r.c[at] = c[o + k];
      r.v[at] = v[o + k];
    }
  }
  return r;
}

function streamRows(str, sv, n, minDay, maxDay) {
  const dayFirst = Number.isFinite(minDay) ? minDay : 0;
  const days = Number.isFinite(minDay) ? maxDay - minDay + 1 : 0;
  const dayIndex = shared(Int32Array, days + 1);
  const nStr = str.len.length;
  for (let i = 0; i < nStr; i++)
    for (let k = 0; k < str.len[i]; k++) dayIndex[str.start[i] + k - dayFirst + 1]++;
  for (let d = 0; d < days; d++) dayIndex[d + 1] += dayIndex[d];
  const cursor = Int32Array.from(dayIndex);
  const r = {
    n,
    dayFirst,
    days,
    dayIndex,
    track: shared(Int32Array, n),
    day: shared(Int32Array, n),
    s: shared(Float64Array, n),
  };
  for (let i = 0; i < nStr; i++) {
    for (let k = 0; k < str.len[i]; k++) {
      const at = cursor[str.start[i] + k - dayFirst]++;
      r.track[at] = str.track[i];
      r.day[at] = str.start[i] + k;
      r.s[at] = sv[str.off[i] + k];
    }
  }
  return r;
}

// Slots: one per (track, territory) that has a series, ordered by track then
// code, so a track's slots are a run and a run is in code order.
function slotsOf(ser, nTracks) {
  const n = ser.len.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => ser.track[a] - ser.track[b] || ser.terr[a] - ser.terr[b],
  );
  const slotOf = shared(Int32Array, n);
  const slotTrack = [],
    slotTerr = [];
  for (let r = 0; r < n; r++) {
    const i = order[r];
    if (
      r === 0 ||
      ser.track[order[r - 1]] !== ser.track[i] ||
      ser.terr[order[r - 1]] !== ser.terr[i]
    ) {
      slotTrack.push(ser.track[i]);
      slotTerr.push(ser.terr[i]);
    }
    slotOf[i] = slotTrack.length - 1;
  }
  const trackStart = shared(Int32Array, nTracks + 1);
  for (const t of slotTrack) trackStart[t + 1]++;
  for (let t = 0; t < nTracks; t++) trackStart[t + 1] += trackStart[t];
  const count = slotTrack.length;
  const track = shared(Int32Array, count),
    terr = shared(Uint16Array, count);
  track.set(slotTrack);
  terr.set(slotTerr);
  return { count, slotOf, track, terr, trackStart };
}
