#include "series_sums.hpp"

#include <algorithm>
#include <numeric>  // std::iota
#include <type_traits>  // std::remove_pointer_t

#include "checked_size.hpp"

namespace tta {

template <std::size_t Metrics>
SeriesSums<Metrics>::SeriesSums(Day anchor, Day first_needed, const std::vector<SeriesInput>& inputs,
                                std::vector<std::uint32_t>& order)
    : anchor_(anchor) {
  const long long low = first_needed;
  struct Span {
    std::uint32_t input;
    long long first, last;  // relevant days, clipped to [low, anchor]
  };
  std::vector<Span> dense, sparse;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const SeriesInput& in = inputs[i];
    if (in.length == 0) continue;
    const long long first = std::max<long long>(in.start, low);
    const long long last = std::min<long long>(static_cast<long long>(in.start) + in.length - 1, anchor);
    if (first > last) continue;
    // Dense costs one cell per day from `first` to the anchor; accept at most
    // twice the days the series really has.
    const long long gap = anchor - last, days = last - first + 1;
    (gap <= days ? dense : sparse).push_back({static_cast<std::uint32_t>(i), first, last});
  }
  std::stable_sort(dense.begin(), dense.end(),
                   [](const Span& a, const Span& b) { return a.first < b.first; });  // deepest first

  dense_count_ = dense.size();
  depth_.resize(dense_count_);
  long long max_depth = 0;
  for (std::size_t j = 0; j < dense_count_; ++j) {
    depth_[j] = static_cast<std::int32_t>(anchor - dense[j].first + 1);
    max_depth = std::max<long long>(max_depth, depth_[j]);
  }
  // row_count(k) = number of series with depth >= k; rows are prefixes.
  std::vector<std::size_t> at_least(static_cast<std::size_t>(max_depth) + 2, 0);
  for (std::int32_t d : depth_) ++at_least[static_cast<std::size_t>(d)];
  for (long long k = max_depth - 1; k >= 1; --k)
    at_least[static_cast<std::size_t>(k)] += at_least[static_cast<std::size_t>(k) + 1];
  row_start_.assign(static_cast<std::size_t>(max_depth) + 2, 0);
  for (long long k = 1; k <= max_depth; ++k)
    row_start_[static_cast<std::size_t>(k) + 1] =
        checked_add(row_start_[static_cast<std::size_t>(k)], at_least[static_cast<std::size_t>(k)]);
  const std::size_t cells = row_start_.back();

  for (std::size_t m = 0; m < Metrics; ++m) {
    total_[m].resize(dense_count_);
    std::uint64_t largest = 0;
    for (std::size_t j = 0; j < dense_count_; ++j) {
      const SeriesInput& in = inputs[dense[j].input];
      const std::uint64_t* values = in.values[m] + (dense[j].first - in.start);
      const std::size_t days = static_cast<std::size_t>(dense[j].last - dense[j].first + 1);
      std::uint64_t sum = 0;
      for (std::size_t d = 0; d < days; ++d) sum += values[d];
      total_[m][j] = sum;
      largest = std::max(largest, sum);
    }
    MetricCells& target = cells_[m];
    target.narrow = largest <= UINT32_MAX;
    // Row k of series j holds the sum of its last k days: rows 1..gap are
    // days after the series' last (0), then each row adds one more day.
    // Invariants are hoisted out of the loops by hand: the cells may alias
    // depth_ and row_start_ as far as the compiler knows.
    auto fill = [&](auto* out) {
      using Cell = std::remove_pointer_t<decltype(out)>;
      const std::size_t* const row_start = row_start_.data();
      for (std::size_t j = 0; j < dense_count_; ++j) {
        const SeriesInput& in = inputs[dense[j].input];
        const std::uint64_t* const newest = in.values[m] + (dense[j].last - in.start);
        const long long gap = anchor - dense[j].last;               // < depth for a dense series
        const long long days = dense[j].last - dense[j].first + 1;  // depth - gap
        Cell* const column = out + j;
        for (long long k = 1; k <= gap; ++k) column[row_start[k]] = 0;
        const std::size_t* const rows = row_start + gap + 1;
        std::uint64_t acc = 0;
        for (long long i = 0; i < days; ++i) {
          acc += newest[-i];
          column[rows[i]] = static_cast<Cell>(acc);
        }
      }
    };
    if (target.narrow) {
      target.small.resize(cells);
      fill(target.small.data());
    } else {
      target.wide.resize(cells);
      fill(target.wide.data());
    }
  }

  std::size_t prefix_size = 0;
  for (const Span& s : sparse) {
    sparse_first_.push_back(static_cast<Day>(s.first));
    sparse_length_.push_back(static_cast<std::int32_t>(s.last - s.first + 1));
    sparse_offset_.push_back(prefix_size);
    prefix_size = checked_add(prefix_size, static_cast<std::size_t>(s.last - s.first + 2));
  }
  for (std::size_t m = 0; m < Metrics; ++m) {
    prefix_[m].resize(prefix_size);
    for (std::size_t s = 0; s < sparse.size(); ++s) {
      const SeriesInput& in = inputs[sparse[s].input];
      std::uint64_t* p = prefix_[m].data() + sparse_offset_[s];
      p[0] = 0;
      for (long long day = sparse[s].first; day <= sparse[s].last; ++day)
        p[day - sparse[s].first + 1] = p[day - sparse[s].first] + in.values[m][day - in.start];
    }
  }

  order.clear();
  for (const Span& s : dense) order.push_back(s.input);
  for (const Span& s : sparse) order.push_back(s.input);
}

template <std::size_t Metrics>
std::size_t SeriesSums<Metrics>::bytes() const {
  std::size_t total = depth_.size() * sizeof(std::int32_t) + row_start_.size() * sizeof(std::size_t) +
                      sparse_first_.size() * (sizeof(Day) + sizeof(std::int32_t) + sizeof(std::size_t));
  for (std::size_t m = 0; m < Metrics; ++m)
    total += cells_[m].small.size() * sizeof(std::uint32_t) +
             (cells_[m].wide.size() + total_[m].size() + prefix_[m].size()) * sizeof(std::uint64_t);
  return total;
}

template class SeriesSums<1>;
template class SeriesSums<2>;

}  // namespace tta
