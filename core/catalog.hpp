// The validated content of one tiktok-analytics/v1 document, before it is
// turned into the aggregation store. Day values live in flat arrays (one
// allocation per metric, not one per series); null days are stored as 0,
// since every answer counts them as 0.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "dates.hpp"

namespace tta {

// Bits so that a filter is a mask: "all" matches every bit, unknown included.
enum PlatformBit : std::uint8_t { kPlatformUnknown = 1, kPlatformTiktok = 2, kPlatformDouyin = 4 };
enum ContentBit : std::uint8_t { kContentUnknown = 1, kContentUgc = 2, kContentPgc = 4 };

struct TrackInfo {
  std::string id;
  std::optional<std::string> title, artist, isrc;
};

struct TiktokSeries {
  std::uint32_t track = 0;      // index into Catalog::tracks
  char territory[2] = {0, 0};   // upper case
  std::uint8_t platform = kPlatformUnknown;
  std::uint8_t content = kContentUnknown;
  Day start = 0;
  std::size_t offset = 0;       // into Catalog::creations / views
  std::size_t length = 0;
};

struct StreamsSeries {
  std::uint32_t track = 0;
  Day start = 0;
  std::size_t offset = 0;       // into Catalog::streams_values
  std::size_t length = 0;
};

struct Catalog {
  std::optional<Day> as_of;
  std::vector<TrackInfo> tracks;
  std::vector<TiktokSeries> tiktok;
  std::vector<StreamsSeries> streams;
  std::vector<std::uint64_t> creations, views, streams_values;
  std::size_t null_days = 0;
};

}  // namespace tta
