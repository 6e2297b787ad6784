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
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>
#include <vector>

#include "dates.hpp"
#include "query.hpp"  // kMaxPeriod, kLookback: how far back a window reaches

namespace tta {

struct SeriesInput {
  Day start;
  std::size_t length;
  std::array<const std::uint64_t*, 2> values;  // one pointer per metric
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

template <std::size_t Metrics>
class SeriesSums {
 public:
  using Cells = std::vector<std::uint64_t>;

  SeriesSums() = default;
  // Keeps the days [first_needed, anchor] of every input. `order` receives,
  // for each stored position, the index into `inputs`; inputs with no day in
  // that range are left out.
  SeriesSums(Day anchor, Day first_needed, const std::vector<SeriesInput>& inputs,
             std::vector<std::uint32_t>& order);

  Day anchor() const { return anchor_; }
  std::size_t size() const { return dense_count_ + sparse_first_.size(); }
  std::size_t dense_count() const { return dense_count_; }

  // Sum of the days [anchor - k + 1, anchor] of stored series j.
  std::uint64_t back(std::size_t metric, std::size_t j, long long k) const {
    if (k <= 0) return 0;
    if (j < dense_count_) {
      if (k <= depth_[j]) return cells_[metric].at(row_start_[static_cast<std::size_t>(k)] + j);
      return total_[metric][j];
    }
    const std::size_t s = j - dense_count_;
    const long long first = sparse_first_[s];
    const long long last = first + sparse_length_[s] - 1;
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

  // The dense rows, for kernels that walk every series: row k has row_count(k)
  // cells, starting at row_offset(k) in the metric's cells; series at or past
  // row_count(k) contribute totals(metric)[j].
  std::size_t row_count(long long k) const {
    if (k <= 0) return dense_count_;
    if (k >= static_cast<long long>(row_start_.size()) - 1) return 0;
    return row_start_[static_cast<std::size_t>(k) + 1] - row_start_[static_cast<std::size_t>(k)];
  }
  std::size_t row_offset(long long k) const {
    if (row_start_.empty()) return 0;
    return row_start_[static_cast<std::size_t>(std::min<long long>(k, static_cast<long long>(row_start_.size()) - 1))];
  }
  // Calls f with a pointer to the metric's cells, typed by their width.
  template <typename F>
  decltype(auto) with_cells(std::size_t metric, F&& f) const {
    const MetricCells& c = cells_[metric];
    return c.narrow ? f(c.small.data()) : f(c.wide.data());
  }
  const std::uint64_t* totals(std::size_t metric) const { return total_[metric].data(); }

  std::size_t bytes() const;

 private:
  Day anchor_ = 0;
  std::size_t dense_count_ = 0;
  std::vector<std::int32_t> depth_;       // per dense series
  std::vector<std::size_t> row_start_;    // row k starts at row_start_[k]; [0] unused
  // Sums whose every series total fits 32 bits (creations, nearly always)
  // take 4 bytes a cell instead of 8.
  struct MetricCells {
    bool narrow = false;
    std::vector<std::uint32_t, UninitializedAllocator<std::uint32_t>> small;
    std::vector<std::uint64_t, UninitializedAllocator<std::uint64_t>> wide;
    std::uint64_t at(std::size_t i) const { return narrow ? small[i] : wide[i]; }
  };
  std::array<MetricCells, Metrics> cells_;
  std::array<Cells, Metrics> total_;      // per dense series
  std::vector<Day> sparse_first_;
  std::vector<std::int32_t> sparse_length_;
  std::vector<std::size_t> sparse_offset_;  // into prefix_, length + 1 entries each
  std::array<Cells, Metrics> prefix_;
};

}  // namespace tta
