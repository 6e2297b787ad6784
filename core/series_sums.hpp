// Sums of daily values per series, laid out so that "the sum of the last k
// days" of every series is one read, and the reads of one period switch walk
// memory in order.
//
// Dense series (those that run close to the anchor day) are sorted by depth
// (how many days back from the anchor they reach). Row k holds, for every
// series that reaches k days back, the sum of its last k days; because of the
// sort, row k is a prefix of the series order, so the rows are stored back to
// back with no holes and take exactly one cell per stored day. A series that
// does not reach k days back contributes its total, kept once per series.
//
// Series that ended long before the anchor would waste cells on the empty
// days in between, so they keep ordinary prefix sums instead ("sparse").
//
// A cell is as wide as the series' total needs (1, 2, 4 or 8 bytes per
// metric): most series of a catalog are small, and a series' sums never pass
// its total. Series of the same widths form a group with rows of its own, so
// each row stays one typed array walked in order.
//
// The sums are built in parts (add), each from a batch of series as a
// document is read, so that the day values of a whole catalog never need to
// be in memory at once. A part counts back from a day of its own (its last
// day); finish() then names the anchor every answer counts back from, and a
// group whose part ended `shift` days after it reads rows k + shift minus
// row shift (days after the anchor never count; a negative shift reads row
// k + shift alone, row 0 or less being 0).
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "catalog.hpp"  // DayValues
#include "dates.hpp"
#include "query.hpp"  // kMaxPeriod, kLookback: how far back a window reaches

namespace tta {

// A series' days: `values` per metric, or, when columns[m] is set, the
// values [offset, offset + length) of that column.
struct SeriesInput {
  Day start;
  std::size_t length;
  std::array<const std::uint64_t*, 2> values;  // one pointer per metric
  std::array<const DayValues*, 2> columns{};
  std::size_t offset = 0;
};

// An allocator whose resize() leaves new cells uninitialised: the
// constructor writes every cell right after, and zeroing hundreds of MB
// first was a pass of its own.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  using value_type = T;
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible_v<U>) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// The cells of one metric of one group: all of one width, the narrowest
// that holds every sum of the group's series in that metric.
struct SumCells {
  std::uint8_t width = 8;  // bytes per cell: 1, 2, 4 or 8
  std::vector<std::uint8_t, UninitializedAllocator<std::uint8_t>> u8;
  std::vector<std::uint16_t, UninitializedAllocator<std::uint16_t>> u16;
  std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>> u32;
  std::vector<std::uint64_t, UninitializedAllocator<std::uint64_t>> u64;

  std::uint64_t at(std::size_t i) const {
    switch (width) {
      case 1:
        return u8[i];
      case 2:
        return u16[i];
      case 4:
        return u32[i];
      default:
        return u64[i];
    }
  }
  // Calls f with a pointer to the cells, typed by their width.
  template <typename F>
  decltype(auto) with(F&& f) const {
    switch (width) {
      case 1:
        return f(u8.data());
      case 2:
        return f(u16.data());
      case 4:
        return f(u32.data());
      default:
        return f(u64.data());
    }
  }
  std::size_t bytes() const { return u8.size() + u16.size() * 2 + u32.size() * 4 + u64.size() * 8; }
};

// Dense series whose sums share one cell width per metric, laid out as the
// header says: row k is a prefix of the group's series.
template <std::size_t Metrics>
struct SumGroup {
  std::size_t begin = 0, count = 0;    // the stored positions [begin, begin + count)
  Day last = 0;                        // the day its part counts back from
  long long shift = 0;                 // last minus the anchor, set by finish()
  std::vector<std::size_t> row_start;  // row k starts at row_start[k]; [0] unused
  std::array<SumCells, Metrics> cells;

  // Row k has row_count(k) cells (the group's series that reach k days back),
  // starting at row_offset(k); the others contribute their totals.
  std::size_t row_count(long long k) const {
    if (k <= 0) return count;
    if (k >= static_cast<long long>(row_start.size()) - 1) return 0;
    return row_start[static_cast<std::size_t>(k) + 1] - row_start[static_cast<std::size_t>(k)];
  }
  std::size_t row_offset(long long k) const {
    if (row_start.empty()) return 0;
    return row_start[static_cast<std::size_t>(std::min<long long>(
        std::max<long long>(k, 0), static_cast<long long>(row_start.size()) - 1))];
  }
};

template <std::size_t Metrics>
class SeriesSums {
 public:
  using Cells = std::vector<std::uint64_t>;
  using Group = SumGroup<Metrics>;

  SeriesSums() = default;
  // One part with every input, finished at once: keeps the days
  // [first_needed, anchor] of every input. `order` receives, for each stored
  // position, the index into `inputs`; inputs with no day in that range are
  // left out.
  SeriesSums(Day anchor, Day first_needed, const std::vector<SeriesInput>& inputs,
             std::vector<std::uint32_t>& order);

  // Adds a part: the days [first_needed, last] of `inputs`, which are the
  // series numbered first_input, first_input + 1, ... in finish()'s order.
  void add(Day last, Day first_needed, const std::vector<SeriesInput>& inputs,
           std::size_t first_input);
  // After the last part: answers count back from `anchor` and reach no
  // further back than first_needed (rows past that day are dropped: a part
  // read before the anchor was known keeps all its days). `order` receives,
  // for each stored position, the number of its series (see add).
  void finish(Day anchor, Day first_needed, std::vector<std::uint32_t>& order);

  Day anchor() const { return anchor_; }
  std::size_t size() const { return dense_count_ + sparse_first_.size(); }
  std::size_t dense_count() const { return dense_count_; }

  // Sum of the days [anchor - k + 1, anchor] of stored series j.
  std::uint64_t back(std::size_t metric, std::size_t j, long long k) const {
    if (k <= 0) return 0;
    k = std::min(k, reach_);  // days before first_needed count as absent
    if (j < dense_count_) {
      const Group& g = groups_[group_of_[j]];
      return row(g, metric, j, k + g.shift) - row(g, metric, j, g.shift);
    }
    const std::size_t s = j - dense_count_;
    const long long first = sparse_first_[s];
    const long long last = std::min<long long>(first + sparse_length_[s] - 1, anchor_);
    const long long lo = std::max<long long>(anchor_ - k + 1, first);
    if (lo > last) return 0;
    const std::uint64_t* p = prefix_[metric].data() + sparse_offset_[s];
    return p[last - first + 1] - p[lo - first];
  }

  // Sum of the days [a, b] (clipped to the anchor) of stored series j.
  std::uint64_t range(std::size_t metric, std::size_t j, Day a, Day b) const {
    b = std::min(b, anchor_);
    if (a > b) return 0;
    return back(metric, j, static_cast<long long>(anchor_) - a + 1) -
           back(metric, j, static_cast<long long>(anchor_) - b);
  }

  // The dense series in groups of one cell width per metric, for kernels that
  // walk every series: the groups cover [0, dense_count()) in order.
  const std::vector<Group>& groups() const { return groups_; }
  const std::uint64_t* totals(std::size_t metric) const { return total_[metric].data(); }

  std::size_t bytes() const;

 private:
  // Sum of the last k days of dense series j, counted back from its part's last day.
  std::uint64_t row(const Group& g, std::size_t metric, std::size_t j, long long k) const {
    if (k <= 0) return 0;
    if (k > depth_[j]) return total_[metric][j];
    return g.cells[metric].at(g.row_start[static_cast<std::size_t>(k)] + (j - g.begin));
  }

  Day anchor_ = 0;
  long long reach_ = 0;  // anchor_ - first_needed + 1: the deepest k any answer reads
  std::size_t dense_count_ = 0;
  std::vector<std::int32_t> depth_;      // per dense series, from its part's last day
  std::vector<std::uint32_t> group_of_;  // per dense series
  std::vector<Group> groups_;
  std::array<Cells, Metrics> total_;  // per dense series
  std::vector<Day> sparse_first_;
  std::vector<std::int32_t> sparse_length_;
  std::vector<std::size_t> sparse_offset_;  // into prefix_, length + 1 entries each
  std::array<Cells, Metrics> prefix_;
  // Until finish(): the series number of each dense and each sparse position.
  std::vector<std::uint32_t> dense_input_, sparse_input_;
};

}  // namespace tta
