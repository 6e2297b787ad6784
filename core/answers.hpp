// What the store answers, before any of it is written as JSON or CSV
// (answer_json.hpp, analytics*.cpp): windows, totals with their comparison,
// ranked rows, a track's days, splits, breakouts and lift.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "dates.hpp"

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
  std::vector<std::uint64_t> both_creations;  // current + previous window (when asked for per slot)
  std::uint64_t both_creations_total = 0;     // current + previous, all slots
  std::uint64_t both_views = 0;               // current + previous, all slots
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
  TopTerritories top;                             // series with a territory only
  std::uint64_t creations_without_territory = 0;  // of series without one
};

struct OverviewAnswer {
  Window window, previous;
  Change creations, views, streams;
  std::size_t tracks_with_creations = 0;
  std::optional<std::size_t> matching_tracks;  // with a search only
  std::vector<TrackRow> rows;                  // after search, sort, limit/offset
};

// A track page lists at most this many territories.
inline constexpr std::size_t kMaxTerritories = 50;

struct TrackAnswer {
  std::uint32_t track;
  Window window, previous;
  Change creations, views, streams;
  std::vector<TerritoryCount> territories;  // at most kMaxTerritories, with a territory
  std::uint64_t creations_without_territory = 0;
  std::vector<std::uint64_t> daily_creations, daily_views;
  std::vector<std::optional<std::uint64_t>> daily_streams;  // nullopt after the streams day S
};

struct SplitEntry {
  const char* key;
  std::uint64_t creations = 0, views = 0;
};

struct SplitsAnswer {
  Windows windows;
  // In the order of kPlatformNames, then the series without a platform.
  std::array<SplitEntry, 5> platform{
      {{"tiktok"}, {"douyin"}, {"youtube_shorts"}, {"instagram_reels"}, {"unknown"}}};
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
  std::optional<double> streams_per_creation;         // rounded; only when the interval is above 0
  std::optional<std::pair<double, double>> interval;  // rounded like streams_per_creation
  const char* reason =
      nullptr;  // null with a claim: "thin-activity", "no-streams", "not-significant"
};

inline constexpr int kMaxLag = 14;
// The method's constants, chosen by measurement (docs/INSIGHTS.md).
inline constexpr int kLiftHistoryDays = 84;  // streams days of the history, ending at its last day
inline constexpr int kLiftFilterSpan = 8;    // (1 - B)(1 - B^7) reads 8 days before each day
inline constexpr int kLiftMinCreationDays =
    10;  // days with creations (history + kMaxLag days before)
inline constexpr std::uint64_t kLiftMinCreations = 30;
inline constexpr int kLiftMaxMissingStreams = 8;   // raw streams days that may be 0 or missing
inline constexpr double kLiftClip = 3.0;           // clip at median +- 3 robust standard deviations
inline constexpr int kLiftMinPairs = 42;           // filtered pairs a lag needs
inline constexpr double kLiftZ = 2.7131;           // one-sided normal quantile of 1 - 0.05 / 15
inline constexpr double kLiftIntervalWidth = 3.0;  // standard errors each side
// One ranking tests at most this many tracks (each test is bounded work).
inline constexpr std::size_t kLiftMaxTested = 20000;

}  // namespace tta
