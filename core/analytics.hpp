// Public interface of the aggregation core: load a tiktok-analytics/v1
// document, then answer overview and track queries (see docs/FORMAT.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalog.hpp"
#include "dates.hpp"
#include "query.hpp"
#include "result.hpp"

namespace tta {

struct LoadSummary {
  std::size_t tracks = 0;
  std::size_t tiktok_series = 0;
  std::size_t streams_series = 0;
  std::size_t daily_points = 0;  // values in all day arrays (creations+views pairs count once)
  std::optional<int> first_day;  // earliest day covered by any series (days since 1970-01-01)
  std::optional<int> last_day;   // latest day covered by any series
  std::size_t store_bytes = 0;   // memory held by the aggregation store
};

class Store;         // defined in store.hpp; callers never see it
class StoreBuilder;  // store.hpp too

// A document read in pieces as they arrive (a download, a file read in
// slices), then loaded with Analytics::load(DocumentStream&). Each piece is
// parsed as it comes, and the sums are built a batch of series at a time
// (kBatchPoints day values), so neither the whole document nor the day values
// of the whole catalog are ever in memory at once. The message of a refused
// piece names its place as for a whole document; after it the reading is
// over and its memory freed.
class DocumentStream {
 public:
  // batch_points: day values held before a batch is summed (tests use tiny ones).
  explicit DocumentStream(std::size_t batch_points);
  DocumentStream();
  ~DocumentStream();
  DocumentStream(const DocumentStream&) = delete;
  DocumentStream& operator=(const DocumentStream&) = delete;

  // The next piece; `last` says the document ends with it.
  std::optional<Error> feed(std::string_view piece, bool last = false);

 private:
  friend class Analytics;
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// overview() for a JavaScript caller (bindings/): the answer without its rows
// as JSON (`"tracks":[]` last), and the rows as numbers, kPackedRowWidth per
// row: track index (into tracks_json()), creations, views, streams, the count
// of top territories (0-3), then three (code, creations) pairs, where code is
// the first letter's byte * 256 + the second's, then the row's creations
// without a territory (-1 when the catalog has no series without a territory,
// whose JSON rows leave that key out). Every number is an integer
// below 2^53, so a double holds it exactly. JS builds the same objects as
// overview_json() from these without parsing the rows' text.
struct PackedOverview {
  std::string head;
  std::vector<double> rows;
};
inline constexpr std::size_t kPackedRowWidth = 12;

class Analytics {
 public:
  Analytics();
  ~Analytics();
  Analytics(Analytics&&) noexcept;
  Analytics& operator=(Analytics&&) noexcept;

  // Replaces the loaded data only when the whole document is valid; on error the
  // previous data stays loaded and the message names the place and the rule.
  Result<LoadSummary> load(std::string_view document);
  // The same from long-row CSV files (core/csv_import.hpp); `streams_csv` may
  // be empty. Same guarantees: refused whole, previous data kept.
  Result<LoadSummary> load_csv(std::string_view tiktok_csv, std::string_view streams_csv,
                               std::optional<Day> as_of);
  // The same from a catalog already read (ingest.hpp).
  Result<LoadSummary> load(Result<Catalog> catalog);
  // The same from a document read in pieces; the stream is used up.
  Result<LoadSummary> load(DocumentStream& stream);

  bool has_data() const;
  const LoadSummary& summary() const;

  // Answers serialised exactly as docs/FORMAT.md shows.
  Result<std::string> overview_json(const Query& query) const;
  Result<std::string> track_json(std::string_view track_id, const Query& query) const;
  Result<PackedOverview> overview_packed(const Query& query) const;
  // Every track as {"id","title","artist"}, a JSON array in track index order.
  std::string tracks_json() const;

  // Beyond the contract (docs/INSIGHTS.md): shares by platform and by
  // content, tracks that broke out, how streams follow creations, CSV.
  Result<std::string> splits_json(std::string_view track_id /* empty: catalog */,
                                  const Query& query) const;
  Result<std::string> breakouts_json(const Query& query, std::uint64_t min_creations) const;
  Result<std::string> lift_json(std::string_view track_id, const Query& query) const;
  Result<std::string> lift_ranking_json(const Query& query) const;
  Result<std::string> overview_csv(const Query& query) const;
  Result<std::string> track_csv(std::string_view track_id, const Query& query) const;

  // Machine-readable summary as JSON: {"tracks":..,"series":..,"firstDay":..,"lastDay":..}
  std::string summary_json() const;

 private:
  Result<LoadSummary> install(Result<Catalog> catalog, StoreBuilder parts);
  Result<bool> check(const Query& query) const;
  // The loaded track with this id, or the message every query gives for an unknown one.
  Result<std::uint32_t> find_track(std::string_view id) const;
  std::unique_ptr<const Store> store_;
  LoadSummary summary_;
  // Per track, its "id", "title" and "artist" members as JSON, written once
  // per load: a full ranking copies them instead of escaping them again.
  std::vector<std::string> track_members_;
};

}  // namespace tta
