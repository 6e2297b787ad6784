// The overview's rows leave the engine packed (bindings.cpp,
// tta::PackedOverview): `width` numbers per row (the module's
// PACKED_ROW_WIDTH, tta::kPackedRowWidth) that point into the catalog's track
// list: track, creations, views, streams, top count, 3 x (code, creations),
// creations without a territory (-1: the catalog has no series without one,
// and the answer leaves the key out).
// Shared by index.js (same thread) and analytics-worker.js (the page side of
// the Worker).
// Territory codes come packed as byte * 256 + byte (two ASCII letters).
const codes = new Map();
function territoryCode(packed) {
  let code = codes.get(packed);
  if (code === undefined)
    codes.set(packed, (code = String.fromCharCode(packed >> 8, packed & 255)));
  return code;
}

// The rows of a packed overview as the JSON answer's objects, key for key, in
// `answer.tracks` (empty in the head).
export function buildOverview(answer, rows, tracks, width) {
  const out = answer.tracks;
  for (let at = 0; at < rows.length; at += width) {
    const track = tracks[rows[at]];
    const topTerritories = [];
    for (let k = 0, pair = at + 5; k < rows[at + 4]; k++, pair += 2)
      topTerritories.push({ code: territoryCode(rows[pair]), creations: rows[pair + 1] });
    out.push({
      id: track.id,
      title: track.title,
      artist: track.artist,
      creations: rows[at + 1],
      views: rows[at + 2],
      streams: rows[at + 3],
      topTerritories,
    });
    if (rows[at + 11] >= 0) out[out.length - 1].creationsWithoutTerritory = rows[at + 11];
  }
  return answer;
}
