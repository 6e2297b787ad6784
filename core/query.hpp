// The query layer: what every answer is asked for (period or range, filters,
// table options), the words front ends parse into it, and the limits they check.
// Below the store and the answers; includes nothing of theirs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>  // std::pair

#include "catalog.hpp"  // the series kind bits a filter keeps
#include "dates.hpp"
#include "result.hpp"

namespace tta {

// The longest period or range in days, and the furthest back the store keeps:
// a window and its comparison.
inline constexpr int kMaxPeriod = 3650;
inline constexpr int kLookback = 2 * kMaxPeriod;
// Longer searches are refused (the page stops at 200 characters).
inline constexpr std::size_t kMaxSearchBytes = 1000;

enum class ContentFilter : std::uint8_t { all, ugc, pgc };
enum class SortKey : std::uint8_t { creations, views, streams, title, artist };

struct Query {
  int period = 28;  // days, 1..kMaxPeriod; ignored when `range` is set
  // A custom date range [first, last] (days since 1970-01-01), compared with
  // the range of the same length just before it.
  std::optional<std::pair<Day, Day>> range;
  // The platforms kept, as PlatformBit bits: kAllPlatforms ("all") keeps every
  // series, those without a platform included; a set keeps exactly its platforms.
  std::uint8_t platforms = kAllPlatforms;
  ContentFilter content = ContentFilter::all;
  std::size_t limit = SIZE_MAX;  // cuts overview().tracks only
  std::size_t offset = 0;
  // Table options: order of overview().tracks (ties keep the standard
  // ranking) and a case-insensitive filter on title, artist, ISRC or id.
  SortKey sort = SortKey::creations;
  bool descending = true;
  std::string search;   // at most kMaxSearchBytes
  bool weekly = false;  // track(): 7-day buckets ending on the window's last day
};

// Which series a query's platform and content filters keep (series_kind()).
struct SeriesFilter {
  std::uint8_t platforms = kAllPlatforms;
  std::uint8_t contents = kAllContents << kContentShift;
  bool keeps_all() const {
    return platforms == kAllPlatforms && contents == (kAllContents << kContentShift);
  }
  bool keeps(std::uint8_t kind) const { return (kind & platforms) && (kind & contents); }
};
SeriesFilter filter_of(const Query& query);

// The [begin, end) of a list of `count` rows that offset and limit keep.
inline std::pair<std::size_t, std::size_t> page_of(const Query& query, std::size_t count) {
  const std::size_t begin = query.offset < count ? query.offset : count;
  const std::size_t rest = count - begin;
  return {begin, begin + (query.limit < rest ? query.limit : rest)};
}

// Parses "all" or one platform word into the platforms kept; an error names
// the accepted words.
Result<std::uint8_t> parse_platform(std::string_view word);
Result<ContentFilter> parse_content(std::string_view word);
// Checks the period range shared by every front end.
Result<int> check_period(long long period);
Result<SortKey> parse_sort(std::string_view word);

}  // namespace tta
