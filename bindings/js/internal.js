// What worker.js needs of index.js beyond the public API. The package does not
// export this file, so nothing here is part of the API a host sees.
export const workerAccess = {
  // (analytics, options, knownTracks) => { head, rows, width, tracks? }: set by index.js.
  overviewPacked: null,
};
