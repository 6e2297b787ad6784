#include "series_sums.hpp"

#include <algorithm>
#include <numeric>      // std::iota
#include <type_traits>  // std::remove_pointer_t

#include "checked_size.hpp"

namespace tta {
namespace {

// The days [first, last] of an input's metric m: a pointer into its values,
// or into `scratch`, where they are copied from its column.
const std::uint64_t* days_of(const SeriesInput& in, std::size_t m, long long first, long long last,
                             std::vector<std::uint64_t>& scratch) {
  const std::size_t skip = static_cast<std::size_t>(first - in.start);
  if (!in.columns[m]) return in.values[m] + skip;
  const std::size_t n = static_cast<std::size_t>(last - first + 1);
  if (scratch.size() < n) scratch.resize(n);
  in.columns[m]->read(in.offset + skip, n, scratch.data());
  return scratch.data();
}

}  // namespace

template <std::size_t Metrics>
SeriesSums<Metrics>::SeriesSums(Day anchor, Day first_needed,
                                const std::vector<SeriesInput>& inputs,
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
    const long long last =
        std::min<long long>(static_cast<long long>(in.start) + in.length - 1, anchor);
    if (first > last) continue;
    // Dense costs one cell per day from `first` to the anchor; accept at most
    // twice the days the series really has.
    const long long gap = anchor - last, days = last - first + 1;
    (gap <= days ? dense : sparse).push_back({static_cast<std::uint32_t>(i), first, last});
  }
  // Totals first: they decide each series' cell widths, and so its group.
  auto width_code = [](std::uint64_t total) {
    return total <= UINT8_MAX ? 0u : total <= UINT16_MAX ? 1u : total <= UINT32_MAX ? 2u : 3u;
  };
  std::vector<std::uint64_t> scratch;
  std::vector<std::array<std::uint64_t, Metrics>> totals(dense.size());
  std::vector<std::uint8_t> key(dense.size());
  for (std::size_t i = 0; i < dense.size(); ++i) {
    const SeriesInput& in = inputs[dense[i].input];
    unsigned code = 0;
    for (std::size_t m = 0; m < Metrics; ++m) {
      const std::uint64_t* values = days_of(in, m, dense[i].first, dense[i].last, scratch);
      const std::size_t days = static_cast<std::size_t>(dense[i].last - dense[i].first + 1);
      std::uint64_t sum = 0;
      for (std::size_t d = 0; d < days; ++d) sum += values[d];
      totals[i][m] = sum;
      code = code * 4 + width_code(sum);
    }
    key[i] = static_cast<std::uint8_t>(code);
  }
  // Group by widths, then deepest first within a group.
  std::vector<std::uint32_t> by_group(dense.size());
  std::iota(by_group.begin(), by_group.end(), 0);
  std::stable_sort(by_group.begin(), by_group.end(), [&](std::uint32_t a, std::uint32_t b) {
    return key[a] != key[b] ? key[a] < key[b] : dense[a].first < dense[b].first;
  });

  dense_count_ = dense.size();
  depth_.resize(dense_count_);
  group_of_.resize(dense_count_);
  for (std::size_t m = 0; m < Metrics; ++m) total_[m].resize(dense_count_);
  for (std::size_t j = 0; j < dense_count_; ++j) {
    const std::uint32_t i = by_group[j];
    depth_[j] = static_cast<std::int32_t>(anchor - dense[i].first + 1);
    for (std::size_t m = 0; m < Metrics; ++m) total_[m][j] = totals[i][m];
    if (j == 0 || key[by_group[j - 1]] != key[i]) groups_.emplace_back().begin = j;
    group_of_[j] = static_cast<std::uint8_t>(groups_.size() - 1);
    ++groups_.back().count;
  }
  std::vector<Span> sorted(dense_count_);
  for (std::size_t j = 0; j < dense_count_; ++j) sorted[j] = dense[by_group[j]];
  dense = std::move(sorted);
  totals = {};

  for (Group& g : groups_) {
    const std::size_t end = g.begin + g.count;
    long long max_depth = 0;
    for (std::size_t j = g.begin; j < end; ++j)
      max_depth = std::max<long long>(max_depth, depth_[j]);
    // row_count(k) = number of the group's series with depth >= k; rows are prefixes.
    std::vector<std::size_t> at_least(static_cast<std::size_t>(max_depth) + 2, 0);
    for (std::size_t j = g.begin; j < end; ++j) ++at_least[static_cast<std::size_t>(depth_[j])];
    for (long long k = max_depth - 1; k >= 1; --k)
      at_least[static_cast<std::size_t>(k)] += at_least[static_cast<std::size_t>(k) + 1];
    g.row_start.assign(static_cast<std::size_t>(max_depth) + 2, 0);
    for (long long k = 1; k <= max_depth; ++k)
      g.row_start[static_cast<std::size_t>(k) + 1] = checked_add(
          g.row_start[static_cast<std::size_t>(k)], at_least[static_cast<std::size_t>(k)]);
    const std::size_t cells = g.row_start.back();

    for (std::size_t m = 0; m < Metrics; ++m) {
      const unsigned code = (key[by_group[g.begin]] >> (2 * (Metrics - 1 - m))) & 3u;
      SumCells& target = g.cells[m];
      target.width = static_cast<std::uint8_t>(1u << code);
      // Row k of series j holds the sum of its last k days: rows 1..gap are
      // days after the series' last (0), then each row adds one more day.
      // Invariants are hoisted out of the loops by hand: the cells may alias
      // depth_ and row_start as far as the compiler knows.
      auto fill = [&](auto* out) {
        using Cell = std::remove_pointer_t<decltype(out)>;
        const std::size_t* const row_start = g.row_start.data();
        for (std::size_t j = g.begin; j < end; ++j) {
          const SeriesInput& in = inputs[dense[j].input];
          const std::uint64_t* const newest =
              days_of(in, m, dense[j].first, dense[j].last, scratch) +
              (dense[j].last - dense[j].first);
          const long long gap = anchor - dense[j].last;               // < depth for a dense series
          const long long days = dense[j].last - dense[j].first + 1;  // depth - gap
          Cell* const column = out + (j - g.begin);
          for (long long k = 1; k <= gap; ++k) column[row_start[k]] = 0;
          const std::size_t* const rows = row_start + gap + 1;
          std::uint64_t acc = 0;
          for (long long i = 0; i < days; ++i) {
            acc += newest[-i];
            column[rows[i]] = static_cast<Cell>(acc);
          }
        }
      };
      switch (target.width) {
        case 1:
          target.u8.resize(cells);
          fill(target.u8.data());
          break;
        case 2:
          target.u16.resize(cells);
          fill(target.u16.data());
          break;
        case 4:
          target.u32.resize(cells);
          fill(target.u32.data());
          break;
        default:
          target.u64.resize(cells);
          fill(target.u64.data());
          break;
      }
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
      const std::uint64_t* values = days_of(in, m, sparse[s].first, sparse[s].last, scratch);
      std::uint64_t* p = prefix_[m].data() + sparse_offset_[s];
      p[0] = 0;
      for (long long day = sparse[s].first; day <= sparse[s].last; ++day)
        p[day - sparse[s].first + 1] = p[day - sparse[s].first] + values[day - sparse[s].first];
    }
  }

  order.clear();
  for (const Span& s : dense) order.push_back(s.input);
  for (const Span& s : sparse) order.push_back(s.input);
}

template <std::size_t Metrics>
std::size_t SeriesSums<Metrics>::bytes() const {
  std::size_t total =
      depth_.size() * (sizeof(std::int32_t) + sizeof(std::uint8_t)) +
      sparse_first_.size() * (sizeof(Day) + sizeof(std::int32_t) + sizeof(std::size_t));
  for (const Group& g : groups_) {
    total += g.row_start.size() * sizeof(std::size_t);
    for (const SumCells& c : g.cells) total += c.bytes();
  }
  for (std::size_t m = 0; m < Metrics; ++m)
    total += (total_[m].size() + prefix_[m].size()) * sizeof(std::uint64_t);
  return total;
}

template class SeriesSums<1>;
template class SeriesSums<2>;

}  // namespace tta
