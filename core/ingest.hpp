// Reads a tiktok-analytics/v1 document as a stream of JSON events (never a DOM
// of the whole document) and checks every rule of the format. An error names
// the place: a JSON path such as tiktok[12].views[40], or line and column for
// a syntax error.
#pragma once

#include <memory>
#include <optional>
#include <string_view>

#include "catalog.hpp"
#include "result.hpp"

namespace tta {

// Values above this cannot cross into JavaScript exactly, so documents whose
// values or totals pass it are refused.
inline constexpr std::uint64_t kMaxExact = (std::uint64_t{1} << 53) - 1;
// The most daily points (TikTok days + streams days) a document may have.
// The sums are built a batch at a time as the document is read (kBatchPoints
// below), so a load holds little more than its store: a streamed load of the
// generator's 75,000 tracks x 730 days (968 M points) peaks at 2.50 GB of
// wasm memory, 2.6 bytes per point (2.03 GB for 26,000 tracks when the sums
// were built at the end). This many fit in WebAssembly's 4 GB with room to
// spare (about 77,500 such tracks). Past it, the load stops at the element that passes
// it, with a message naming the limit; a document that needs more memory per
// point than that gets "too large for the memory available" instead.
inline constexpr std::size_t kMaxDailyPoints = 1'000'000'000;
// Deepest nesting accepted anywhere (the format itself needs 4 levels).
inline constexpr std::size_t kMaxDepth = 64;

// How the day arrays are read: their plain values in runs (the bulk path of
// json_scanner.hpp), or one JSON event per value, the reference that tests
// compare the runs with. Both give the same catalog or the same error.
enum class DayArrays { runs, events };

Result<Catalog> read_catalog(std::string_view document, DayArrays mode = DayArrays::runs);

// Takes the day values of finished series in batches while a document is
// read, so that the day values of a whole catalog never need to be in memory
// at once (the store's StoreBuilder turns each batch into sums). After a
// call, the reader empties the columns it handed over; the series' other
// fields stay in the catalog.
class SeriesBatchSink {
 public:
  virtual ~SeriesBatchSink() = default;
  // catalog.tiktok[from..] are complete; their days are in catalog.creations
  // and catalog.views, at their offsets. catalog.as_of is set if it came first.
  virtual void take_tiktok(const Catalog& catalog, std::size_t from) = 0;
  // The same for catalog.streams[from..] and catalog.streams_values.
  virtual void take_streams(const Catalog& catalog, std::size_t from) = 0;
};
// Day values a reading holds before it hands them to its sink: about 4 MB
// for TikTok series, small beside any catalog that needs the batches.
inline constexpr std::size_t kBatchPoints = std::size_t{1} << 21;

// read_catalog for a document that arrives in pieces of any size (a download,
// a file read in slices): each piece is read as it comes, and the catalog, or
// the message and its place, is the one read_catalog gives for the whole
// document. After an error the reading is over and its memory freed; feed()
// and finish() then return that error again.
class CatalogStream {
 public:
  explicit CatalogStream(DayArrays mode = DayArrays::runs);
  // With a sink: whenever the finished series hold `batch_points` day
  // values or more, they go to the sink (SeriesBatchSink). The catalog that
  // finish() returns then holds the day values of the series after the last
  // batch only.
  CatalogStream(SeriesBatchSink& sink, std::size_t batch_points = kBatchPoints,
                DayArrays mode = DayArrays::runs);
  ~CatalogStream();
  CatalogStream(const CatalogStream&) = delete;
  CatalogStream& operator=(const CatalogStream&) = delete;

  // The next piece; `last` says the document ends with it.
  std::optional<Error> feed(std::string_view piece, bool last = false);
  // The document ended (after the last piece, or now): the checked catalog.
  Result<Catalog> finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::optional<Error> error_;
  bool done_ = false;
};

}  // namespace tta
