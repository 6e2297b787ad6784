// The loaded catalog, ready for queries: per-series sums (series_sums.hpp),
// the track list, and the (track, territory) slots that territory rankings
// add into. Built once per load; every query only reads it.
#pragma once

#include <array>
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

struct Windows {
  Window current, previous;  // previous: the same length, just before
};

// Per (track, territory) slot sums of the series that match the filters.
struct SlotSums {
  std::vector<std::uint64_t> creations, views;  // current window
  std::vector<std::uint64_t> both_creations;    // current + previous window (when asked for per slot)
  std::uint64_t both_creations_total = 0;       // current + previous, all slots
  std::uint64_t both_views = 0;                 // current + previous, all slots
};

struct Change {
  std::uint64_t current = 0, previous = 0;
};

struct TerritoryCount {
  char code[2];
  std::uint64_t creations = 0, views = 0;
};

// A track's best territories, at most 3, kept in place (no allocation per row).
struct TopTerritories {
  std::array<TerritoryCount, 3> items{};
  std::size_t count = 0;
  const TerritoryCount* begin() const { return items.data(); }
  const TerritoryCount* end() const { return items.data() + count; }
  std::size_t size() const { return count; }
};

struct TrackRow {
  std::uint32_t track;
  std::uint64_t creations = 0, views = 0, streams = 0;
  TopTerritories top;
};

struct OverviewAnswer {
  Window window, previous;
  Change creations, views, streams;
  std::size_t tracks_with_creations = 0;
  std::optional<std::size_t> matching_tracks;  // with a search only
  std::vector<TrackRow> rows;  // after search, sort, limit/offset
};

struct TrackAnswer {
  std::uint32_t track;
  Window window, previous;
  Change creations, views, streams;
  std::vector<TerritoryCount> territories;  // at most 50
  std::vector<std::uint64_t> daily_creations, daily_views;
  std::vector<std::optional<std::uint64_t>> daily_streams;  // nullopt after the streams day S
};

struct SplitEntry {
  const char* key;
  std::uint64_t creations = 0, views = 0;
};

struct SplitsAnswer {
  Windows windows;
  std::array<SplitEntry, 3> platform{{{"tiktok"}, {"douyin"}, {"unknown"}}};
  std::array<SplitEntry, 3> content{{{"ugc"}, {"pgc"}, {"unknown"}}};
};

struct BreakoutRow {
  std::uint32_t track;
  std::uint64_t creations = 0, previous = 0;
};

struct LagCorrelation {
  int lag;
  std::size_t pairs = 0;
  std::optional<double> correlation;
};

// How a track's streams follow its TikTok creations (docs/INSIGHTS.md, "Lift"):
// estimated on a fixed history of kLiftHistoryDays streams days, whatever the
// period shown; a lag and a ratio only when the evidence holds, else a reason.
struct LiftAnswer {
  std::uint32_t track;
  std::uint64_t creations = 0;          // in the window
  Window history{0, -1};                // the streams days the estimate used
  std::uint64_t history_creations = 0;  // creations over the history and the kMaxLag days before it
  int history_creation_days = 0;        // days of those with at least one creation
  std::vector<LagCorrelation> lags;     // 0..kMaxLag, of the filtered series
  std::optional<int> best_lag;          // only with a claim
  std::optional<double> correlation;    // at best_lag
  std::optional<double> streams_per_creation;  // rounded; only when the interval is above 0
  std::optional<std::pair<double, double>> interval;  // rounded like streams_per_creation
  const char* reason = nullptr;         // null with a claim: "thin-activity", "no-streams", "not-significant"
};

inline constexpr int kMaxLag = 14;
// The method's constants, chosen by measurement (docs/INSIGHTS.md).
inline constexpr int kLiftHistoryDays = 84;      // streams days of the history, ending at its last day
inline constexpr int kLiftFilterSpan = 8;        // (1 - B)(1 - B^7) reads 8 days before each day
inline constexpr int kLiftMinCreationDays = 10; // days with creations (history + kMaxLag days before)
inline constexpr std::uint64_t kLiftMinCreations = 30;
inline constexpr int kLiftMaxMissingStreams = 8; // raw streams days that may be 0 or missing
inline constexpr double kLiftClip = 3.0;         // clip at median +- 3 robust standard deviations
inline constexpr int kLiftMinPairs = 42;         // filtered pairs a lag needs
inline constexpr double kLiftZ = 2.7131;         // one-sided normal quantile of 1 - 0.05 / 15
inline constexpr double kLiftIntervalWidth = 3.0;  // standard errors each side
// One ranking tests at most this many tracks (each test is bounded work).
inline constexpr std::size_t kLiftMaxTested = 20000;

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
  Windows windows_of(const Query& q) const;

  // insights.cpp
  SplitsAnswer splits(const Query& q, std::optional<std::uint32_t> track) const;
  std::vector<BreakoutRow> breakouts(const Query& q, std::uint64_t min_creations) const;
  LiftAnswer lift(std::uint32_t track, const Query& q) const;
  Result<std::vector<LiftAnswer>> lift_ranking(const Query& q) const;
  // The history a lift is estimated on for this query: kLiftHistoryDays
  // days ending at min(S, E, window end + kMaxLag).
  Window lift_history(const Query& q) const;

 private:
  Store() = default;
  std::uint8_t filter_mask(const Query& q, std::uint8_t& content_mask) const;
  // both_per_slot: also the current + previous creations of every slot
  // (breakouts); else only their total (the overview).
  SlotSums sum_slots(const Windows& w, std::uint8_t platform_mask, std::uint8_t content_mask,
                     bool both_per_slot = true) const;
  Change streams_of_track(std::uint32_t track, Window current, Window previous) const;
  void daily_tiktok(std::uint32_t track, Window w, std::uint8_t platform_mask, std::uint8_t content_mask,
                    std::vector<std::uint64_t>& creations, std::vector<std::uint64_t>& views) const;
  std::vector<std::optional<std::uint64_t>> daily_streams(std::uint32_t track, Window w) const;
  // Daily creations (filters applied) over [a, b], days after E count 0.
  void daily_creations(std::uint32_t track, Day a, Day b, std::uint8_t platform_mask, std::uint8_t content_mask,
                       std::vector<std::uint64_t>& out) const;
  // Fills history, activity and reason "thin-activity"; true when the track
  // has enough activity to be tested.
  bool lift_activity(LiftAnswer& a, Window history, const std::vector<std::uint64_t>& creations) const;
  void lift_test(LiftAnswer& a, Window history, const std::vector<std::uint64_t>& creations) const;

  std::vector<TrackInfo> tracks_;
  std::vector<std::pair<std::string_view, std::uint32_t>> id_index_;  // sorted by id
  std::vector<std::uint32_t> id_rank_;  // per track: its place in id order, for ranking ties
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

  SeriesSums<1> streams_;                // anchor S
  std::vector<std::uint32_t> streams_track_start_;  // CSR: streams series of track t
  std::vector<std::uint32_t> streams_series_;
};

}  // namespace tta
