// The validated content of one tiktok-analytics/v1 document, before it is
// turned into the aggregation store. Day values live in one column per metric
// (DayValues: blocks, not one allocation per series); null days are stored as
// 0, since every answer counts them as 0.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.hpp"

namespace tta {

// Bits so that a filter is a mask: "all" matches every bit, unknown included.
enum PlatformBit : std::uint8_t {
  kPlatformUnknown = 1,
  kPlatformTiktok = 2,
  kPlatformDouyin = 4,
  kPlatformShorts = 8,  // YouTube Shorts
  kPlatformReels = 16,  // Instagram Reels
};
enum ContentBit : std::uint8_t { kContentUnknown = 1, kContentUgc = 2, kContentPgc = 4 };
inline constexpr std::uint8_t kAllPlatforms =
    kPlatformUnknown | kPlatformTiktok | kPlatformDouyin | kPlatformShorts | kPlatformReels;
inline constexpr std::uint8_t kAllContents = kContentUnknown | kContentUgc | kContentPgc;
// A series' kind, one byte: its platform bit | its content bit << kContentShift.
inline constexpr int kContentShift = 5;
static_assert((kAllPlatforms >> kContentShift) == 0 && (kAllContents << kContentShift) <= 0xFF);

// The platforms a document names, in the order answers list them (the splits'
// platform entries, then "unknown"), with their bits.
struct PlatformName {
  const char* word;
  std::uint8_t bit;
};
inline constexpr PlatformName kPlatformNames[] = {{"tiktok", kPlatformTiktok},
                                                  {"douyin", kPlatformDouyin},
                                                  {"youtube_shorts", kPlatformShorts},
                                                  {"instagram_reels", kPlatformReels}};
inline constexpr const char* kPlatformWords =
    "\"tiktok\", \"douyin\", \"youtube_shorts\" or \"instagram_reels\"";
// The bit of a platform word, 0 for any other text (case-sensitive).
inline std::uint8_t platform_bit(std::string_view word) {
  for (const PlatformName& p : kPlatformNames)
    if (word == p.word) return p.bit;
  return 0;
}
inline std::uint8_t series_kind(std::uint8_t platform, std::uint8_t content) {
  return static_cast<std::uint8_t>(platform | (content << kContentShift));
}

struct TrackInfo {
  std::string id;
  std::optional<std::string> title, artist, isrc;
};

struct TiktokSeries {
  std::uint32_t track = 0;     // index into Catalog::tracks
  char territory[2] = {0, 0};  // upper case; {0, 0}: none (YouTube Shorts reports none)
  std::uint8_t platform = kPlatformUnknown;
  std::uint8_t content = kContentUnknown;
  Day start = 0;
  std::size_t offset = 0;  // into Catalog::creations / views
  std::size_t length = 0;
};

struct StreamsSeries {
  std::uint32_t track = 0;
  Day start = 0;
  std::size_t offset = 0;  // into Catalog::streams_values
  std::size_t length = 0;
};

// One metric's day values of every series, back to back, 4 bytes a value:
// counts above 2^32-1 are rare, so their high words are kept apart (sorted by
// index). The values sit in blocks of fixed size, so growing never copies
// them and never holds an old and a new array at once, as a vector would.
class DayValues {
 public:
  std::size_t size() const { return size_; }

  void push_back(std::uint64_t v) {
    if ((size_ & kMask) == 0 && size_ >> kShift == blocks_.size())
      blocks_.emplace_back(new std::uint32_t[kBlock]);
    blocks_[size_ >> kShift][size_ & kMask] = static_cast<std::uint32_t>(v);
    if (v > UINT32_MAX) high_.push_back({size_, static_cast<std::uint32_t>(v >> 32)});
    ++size_;
  }
  // Grows to n values; the new ones are 0.
  void resize(std::size_t n) {
    while (size_ < n) push_back(0);
  }
  void set(std::size_t i, std::uint64_t v) {
    blocks_[i >> kShift][i & kMask] = static_cast<std::uint32_t>(v);
    auto at = std::lower_bound(high_.begin(), high_.end(), i,
                               [](const High& h, std::size_t x) { return h.index < x; });
    const bool present = at != high_.end() && at->index == i;
    if (v > UINT32_MAX) {
      if (present)
        at->word = static_cast<std::uint32_t>(v >> 32);
      else
        high_.insert(at, {i, static_cast<std::uint32_t>(v >> 32)});
    } else if (present) {
      high_.erase(at);
    }
  }
  std::uint64_t operator[](std::size_t i) const {
    std::uint64_t v = blocks_[i >> kShift][i & kMask];
    auto at = std::lower_bound(high_.begin(), high_.end(), i,
                               [](const High& h, std::size_t x) { return h.index < x; });
    if (at != high_.end() && at->index == i) v |= std::uint64_t{at->word} << 32;
    return v;
  }
  // Copies the values [from, from + n) to out.
  void read(std::size_t from, std::size_t n, std::uint64_t* out) const {
    for (std::size_t k = 0; k < n;) {
      const std::size_t i = from + k;
      const std::uint32_t* block = blocks_[i >> kShift].get() + (i & kMask);
      const std::size_t run = std::min(n - k, kBlock - (i & kMask));
      for (std::size_t r = 0; r < run; ++r) out[k + r] = block[r];
      k += run;
    }
    auto at = std::lower_bound(high_.begin(), high_.end(), from,
                               [](const High& h, std::size_t x) { return h.index < x; });
    for (; at != high_.end() && at->index < from + n; ++at)
      out[at->index - from] |= std::uint64_t{at->word} << 32;
  }
  std::size_t bytes() const { return blocks_.size() * kBlock * 4 + high_.size() * sizeof(High); }

  friend bool operator==(const DayValues& a, const DayValues& b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  static constexpr std::size_t kShift = 18, kBlock = std::size_t{1} << kShift,
                               kMask = kBlock - 1;  // 1 MB blocks
  struct High {
    std::size_t index;
    std::uint32_t word;
  };
  std::vector<std::unique_ptr<std::uint32_t[]>> blocks_;
  std::vector<High> high_;
  std::size_t size_ = 0;
};

struct Catalog {
  std::optional<Day> as_of;
  std::vector<TrackInfo> tracks;
  std::vector<TiktokSeries> tiktok;
  std::vector<StreamsSeries> streams;
  DayValues creations, views, streams_values;
  std::size_t null_days = 0;
};

}  // namespace tta
