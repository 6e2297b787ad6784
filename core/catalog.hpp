// The validated content of one tiktok-analytics/v1 document, before it is
// turned into the aggregation store. Day values live in one column per metric
// (DayValues: blocks as wide as their values need, not one allocation per
// series); null days are stored as 0, since every answer counts them as 0.
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
// The platform words as messages list them ("must be tiktok, douyin, ...
// or instagram_reels"), from kPlatformNames: `before` and `after` add the
// words a front end also takes ("all", "empty"); `quote` surrounds each word.
inline std::string platform_words(std::vector<std::string> before = {},
                                  std::vector<std::string> after = {}, const char* quote = "") {
  for (const PlatformName& p : kPlatformNames) before.emplace_back(p.word);
  before.insert(before.end(), after.begin(), after.end());
  std::string out;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (i > 0) out += i + 1 == before.size() ? " or " : ", ";
    out += quote + before[i] + quote;
  }
  return out;
}
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

// One metric's day values of every series, back to back, in blocks of 4,096
// values. Each block is as wide as its largest value needs (1, 2 or 4
// bytes): a block starts at 1 byte and widens, by one copy of that block
// only, when a larger value arrives. Most daily counts are small, so a
// catalog's day values take far fewer bytes than 4 a value. Counts above
// 2^32-1 are rare: their high words are kept apart (sorted by index).
// Growing never copies more than one block and never holds an old and a new
// array of all the values at once, as a vector would.
class DayValues {
 public:
  std::size_t size() const { return size_; }

  void push_back(std::uint64_t v) {
    if ((size_ & kMask) == 0) blocks_.emplace_back();
    put(blocks_.back(), size_ & kMask, v);
    if (v > UINT32_MAX) high_.push_back({size_, static_cast<std::uint32_t>(v >> 32)});
    ++size_;
  }
  // Grows to n values; the new ones are 0.
  void resize(std::size_t n) {
    while (size_ < n) push_back(0);
  }
  void set(std::size_t i, std::uint64_t v) {
    put(blocks_[i >> kShift], i & kMask, v);
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
    std::uint64_t v = blocks_[i >> kShift].get(i & kMask);
    auto at = std::lower_bound(high_.begin(), high_.end(), i,
                               [](const High& h, std::size_t x) { return h.index < x; });
    if (at != high_.end() && at->index == i) v |= std::uint64_t{at->word} << 32;
    return v;
  }
  // Copies the values [from, from + n) to out.
  void read(std::size_t from, std::size_t n, std::uint64_t* out) const {
    for (std::size_t k = 0; k < n;) {
      const std::size_t i = from + k;
      const Block& block = blocks_[i >> kShift];
      const std::size_t first = i & kMask, run = std::min(n - k, kBlock - first);
      if (block.u8)
        for (std::size_t r = 0; r < run; ++r) out[k + r] = block.u8[first + r];
      else if (block.u16)
        for (std::size_t r = 0; r < run; ++r) out[k + r] = block.u16[first + r];
      else
        for (std::size_t r = 0; r < run; ++r) out[k + r] = block.u32[first + r];
      k += run;
    }
    auto at = std::lower_bound(high_.begin(), high_.end(), from,
                               [](const High& h, std::size_t x) { return h.index < x; });
    for (; at != high_.end() && at->index < from + n; ++at)
      out[at->index - from] |= std::uint64_t{at->word} << 32;
  }
  std::size_t bytes() const {
    std::size_t total = blocks_.capacity() * sizeof(Block) + high_.capacity() * sizeof(High);
    for (const Block& b : blocks_) total += kBlock * (b.u8 ? 1 : b.u16 ? 2 : 4);
    return total;
  }

  friend bool operator==(const DayValues& a, const DayValues& b) {
    if (a.size_ != b.size_) return false;
    for (std::size_t i = 0; i < a.size_; ++i)
      if (a[i] != b[i]) return false;
    return true;
  }

 private:
  static constexpr std::size_t kShift = 12, kBlock = std::size_t{1} << kShift, kMask = kBlock - 1;
  // One block: exactly one of the three arrays is set.
  struct Block {
    std::unique_ptr<std::uint8_t[]> u8{new std::uint8_t[kBlock]};
    std::unique_ptr<std::uint16_t[]> u16;
    std::unique_ptr<std::uint32_t[]> u32;
    std::uint32_t get(std::size_t k) const { return u8 ? u8[k] : u16 ? u16[k] : u32[k]; }
  };
  struct High {
    std::size_t index;
    std::uint32_t word;
  };

  // Writes the low word of v at k, widening the block first if it must. The
  // values [0, filled) of a block are the ones written so far.
  void put(Block& block, std::size_t k, std::uint64_t v) {
    const auto low = static_cast<std::uint32_t>(v);
    if (block.u8) {
      if (low <= UINT8_MAX) {
        block.u8[k] = static_cast<std::uint8_t>(low);
        return;
      }
      const std::size_t filled = filled_in(block);
      if (low <= UINT16_MAX) {
        block.u16.reset(new std::uint16_t[kBlock]);
        std::copy(block.u8.get(), block.u8.get() + filled, block.u16.get());
      } else {
        block.u32.reset(new std::uint32_t[kBlock]);
        std::copy(block.u8.get(), block.u8.get() + filled, block.u32.get());
      }
      block.u8.reset();
    } else if (block.u16 && low > UINT16_MAX) {
      block.u32.reset(new std::uint32_t[kBlock]);
      std::copy(block.u16.get(), block.u16.get() + filled_in(block), block.u32.get());
      block.u16.reset();
    }
    if (block.u16)
      block.u16[k] = static_cast<std::uint16_t>(low);
    else
      block.u32[k] = low;
  }
  std::size_t filled_in(const Block& block) const {
    const std::size_t first = static_cast<std::size_t>(&block - blocks_.data()) << kShift;
    return std::min(kBlock, size_ - first);
  }

  std::vector<Block> blocks_;
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
