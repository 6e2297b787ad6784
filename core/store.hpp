// The loaded catalog, ready for queries: per-series sums (series_sums.hpp),
// the track list, and the (track, territory) slots that territory rankings
// add into. Built once per load; every query only reads it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analytics.hpp"
#include "catalog.hpp"
#include "series_sums.hpp"

namespace tta {

struct Window {
  Day start, end;  // inclusive
};

struct Change {
  std::uint64_t current = 0, previous = 0;
};

struct TerritoryCount {
  char code[2];
  std::uint64_t creations = 0, views = 0;
};

struct TrackRow {
  std::uint32_t track;
  std::uint64_t creations = 0, views = 0, streams = 0;
  std::vector<TerritoryCount> top;  // at most 3
};

struct OverviewAnswer {
  Window window, previous;
  Change creations, views, streams;
  std::size_t tracks_with_creations = 0;
  std::vector<TrackRow> rows;  // after limit/offset
};

struct TrackAnswer {
  std::uint32_t track;
  Window window, previous;
  Change creations, views, streams;
  std::vector<TerritoryCount> territories;  // at most 50
  std::vector<std::uint64_t> daily_creations, daily_views;
  std::vector<std::optional<std::uint64_t>> daily_streams;  // nullopt after the streams day S
};

class Store {
 public:
  static Result<std::unique_ptr<Store>> build(Catalog catalog);

  const std::vector<TrackInfo>& tracks() const { return tracks_; }
  std::optional<std::uint32_t> find_track(std::string_view id) const;
  Day tiktok_through() const { return tiktok_end_; }
  std::optional<Day> streams_through() const { return streams_end_; }
  std::size_t bytes() const;

  OverviewAnswer overview(const Query& q) const;
  TrackAnswer track(std::uint32_t track, const Query& q) const;

 private:
  Store() = default;
  std::uint8_t filter_mask(const Query& q, std::uint8_t& content_mask) const;
  Change streams_of_track(std::uint32_t track, Window current, Window previous) const;

  std::vector<TrackInfo> tracks_;
  std::vector<std::pair<std::string_view, std::uint32_t>> id_index_;  // sorted by id
  Day tiktok_end_ = 0;                  // E
  std::optional<Day> streams_end_;      // S

  SeriesSums<2> tiktok_;                // metric 0 creations, 1 views; anchor E
  std::vector<std::uint32_t> slot_of_;  // per stored tiktok series
  std::vector<std::uint8_t> kind_of_;   // per stored tiktok series: platform bits | content bits << 3
  std::vector<std::uint32_t> slot_track_;
  std::vector<std::array<char, 2>> slot_code_;
  std::vector<std::uint32_t> track_slots_;          // track t owns slots [track_slots_[t], track_slots_[t+1])
  std::vector<std::uint32_t> track_series_start_;   // CSR: tiktok series of track t, ordered by slot
  std::vector<std::uint32_t> track_series_;

  SeriesSums<1> streams_;                // anchor min(S, E)
  std::vector<std::uint32_t> streams_track_start_;  // CSR: streams series of track t
  std::vector<std::uint32_t> streams_series_;
};

}  // namespace tta
