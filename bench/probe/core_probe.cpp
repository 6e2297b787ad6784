// core_probe: the aggregation core alone, compiled to WebAssembly for the
// browser benchmark only. The public module (bindings/) answers with JSON that
// JS then parses; this probe calls the store's kernels directly, so the
// benchmark can tell the core's time from the serialisation and the JS
// boundary. It reads core internals (store.hpp) on purpose and ships nowhere.
#include <emscripten/emscripten.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "ingest.hpp"
#include "store.hpp"

namespace {

std::string document;
std::unique_ptr<tta::Store> store;
std::string last_error;

}  // namespace

extern "C" {

// Room for the document; JS writes the bytes there, then calls probe_load.
EMSCRIPTEN_KEEPALIVE char* probe_buffer(double size) {
  store.reset();
  document.assign(static_cast<std::size_t>(size), '\0');
  return document.data();
}

// 0 on success, -1 on a refused document (probe_error has the message).
EMSCRIPTEN_KEEPALIVE int probe_load() {
  auto catalog = tta::read_catalog(document);
  std::string().swap(document);
  if (!catalog) {
    last_error = catalog.error();
    return -1;
  }
  auto built = tta::Store::build(std::move(catalog).value());
  if (!built) {
    last_error = built.error();
    return -1;
  }
  store = std::move(built).value();
  return 0;
}

EMSCRIPTEN_KEEPALIVE const char* probe_error() { return last_error.c_str(); }

EMSCRIPTEN_KEEPALIVE double probe_store_bytes() {
  return store ? static_cast<double>(store->bytes()) : 0;
}

// Store::overview for all filters: the period switch kernel, the per-track
// sums, the ranking, top territories and streams of the rows kept. Returns a
// checksum so that nothing is optimised away (and JS can check it).
EMSCRIPTEN_KEEPALIVE double probe_overview(int period, double limit) {
  tta::Query q;
  q.period = period;
  q.limit = limit < 0 ? SIZE_MAX : static_cast<std::size_t>(limit);
  const tta::OverviewAnswer a = store->overview(q);
  double check =
      static_cast<double>(a.tracks_with_creations) + static_cast<double>(a.creations.current);
  for (const auto& row : a.rows) check += static_cast<double>(row.streams + row.top.size());
  return check;
}

// Store::track for all filters; -1 when the id is unknown.
EMSCRIPTEN_KEEPALIVE double probe_track(const char* id, int period) {
  const auto t = store->find_track(id);
  if (!t) return -1;
  tta::Query q;
  q.period = period;
  const tta::TrackAnswer a = store->track(*t, q);
  double check = static_cast<double>(a.creations.current + a.territories.size());
  for (auto v : a.daily_views) check += static_cast<double>(v);
  return check;
}

}  // extern "C"
