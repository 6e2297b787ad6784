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

struct LiftAnswer {
  std::uint32_t track;
  std::uint64_t creations = 0;
  std::vector<LagCorrelation> lags;  // 0..kMaxLag
  std::optional<int> best_lag;
  std::optional<double> correlation, streams_per_creation;
};

inline constexpr int kMaxLag = 14;
// The lift ranking holds one 8-byte cell per track with creations and day of
// the window: at most this many (256 MB).
inline constexpr std::uint64_t kMaxLiftTrackDays = std::uint64_t{1} << 25;

}  // namespace tta
