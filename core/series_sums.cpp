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
                                std::vector<std::uint32_t>& order) {
  add(anchor, first_needed, inputs, 0);
  finish(anchor, first_needed, order);
}

template <std::size_t Metrics>
void SeriesSums<Metrics>::add(Day part_last, Day first_needed,
                              const std::vector<SeriesInput>& inputs, std::size_t first_input) {
  const long long low = first_needed, anchor = part_last;
  struct Span {
    std::uint32_t input;    // index into `inputs`
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
  // Series are numbered with 32 bits (finish's order).
  if (checked_add(first_input, inputs.size()) > UINT32_MAX) throw SizeOverflow();
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

  const std::size_t part_begin = dense_count_, part_groups = groups_.size();
  dense_count_ = checked_add(dense_count_, dense.size());
  depth_.resize(dense_count_);
  group_of_.resize(dense_count_);
  for (std::size_t m = 0; m < Metrics; ++m) total_[m].resize(dense_count_);
  for (std::size_t r = 0; r < dense.size(); ++r) {
    const std::uint32_t i = by_group[r];
    const std::size_t j = part_begin + r;
    depth_[j] = static_cast<std::int32_t>(anchor - dense[i].first + 1);
    for (std::size_t m = 0; m < Metrics; ++m) total_[m][j] = totals[i][m];
    if (r == 0 || key[by_group[r - 1]] != key[i]) {
      Group& g = groups_.emplace_back();
      g.begin = j;
      g.last = part_last;
    }
    group_of_[j] = static_cast<std::uint32_t>(groups_.size() - 1);
    ++groups_.back().count;
    dense_input_.push_back(static_cast<std::uint32_t>(first_input + dense[i].input));
  }
  std::vector<Span> sorted(dense.size());
  for (std::size_t r = 0; r < dense.size(); ++r) sorted[r] = dense[by_group[r]];
  dense = std::move(sorted);
  totals = {};

  for (std::size_t gi = part_groups; gi < groups_.size(); ++gi) {
    Group& g = groups_[gi];
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
      const unsigned code = (key[by_group[g.begin - part_begin]] >> (2 * (Metrics - 1 - m))) & 3u;
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
          const Span& span = dense[j - part_begin];
          const SeriesInput& in = inputs[span.input];
          const std::uint64_t* const newest =
              days_of(in, m, span.first, span.last, scratch) + (span.last - span.first);
          const long long gap = anchor - span.last;           // < depth for a dense series
          const long long days = span.last - span.first + 1;  // depth - gap
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

  std::size_t prefix_size = prefix_[0].size();
  const std::size_t sparse_begin = sparse_first_.size();
  for (const Span& span : sparse) {
    sparse_first_.push_back(static_cast<Day>(span.first));
    sparse_length_.push_back(static_cast<std::int32_t>(span.last - span.first + 1));
    sparse_offset_.push_back(prefix_size);
    prefix_size = checked_add(prefix_size, static_cast<std::size_t>(span.last - span.first + 2));
    sparse_input_.push_back(static_cast<std::uint32_t>(first_input + span.input));
  }
  for (std::size_t m = 0; m < Metrics; ++m) {
    prefix_[m].resize(prefix_size);
    for (std::size_t r = 0; r < sparse.size(); ++r) {
      const Span& span = sparse[r];
      const SeriesInput& in = inputs[span.input];
      const std::uint64_t* values = days_of(in, m, span.first, span.last, scratch);
      std::uint64_t* p = prefix_[m].data() + sparse_offset_[sparse_begin + r];
      p[0] = 0;
      for (long long day = span.first; day <= span.last; ++day)
        p[day - span.first + 1] = p[day - span.first] + values[day - span.first];
    }
  }
}

template <std::size_t Metrics>
void SeriesSums<Metrics>::finish(Day anchor, Day first_needed, std::vector<std::uint32_t>& order) {
  anchor_ = anchor;
  reach_ = static_cast<long long>(anchor) - first_needed + 1;
  for (Group& g : groups_) {
    g.shift = static_cast<long long>(g.last) - anchor;
    // Answers read rows up to `reach` back from the part's last day; the
    // rows past it are the last cells of each metric.
    const long long reach =
        std::max<long long>(static_cast<long long>(anchor) - first_needed + 1 + g.shift, 0);
    if (reach + 2 >= static_cast<long long>(g.row_start.size())) continue;
    const std::size_t rows = static_cast<std::size_t>(reach) + 2;
    const std::size_t cells = g.row_start[rows - 1];
    g.row_start.resize(rows);
    g.row_start.shrink_to_fit();
    for (SumCells& c : g.cells) {  // one of the four is in use
      c.u8.resize(std::min(c.u8.size(), cells));
      c.u16.resize(std::min(c.u16.size(), cells));
      c.u32.resize(std::min(c.u32.size(), cells));
      c.u64.resize(std::min(c.u64.size(), cells));
      c.u8.shrink_to_fit();
      c.u16.shrink_to_fit();
      c.u32.shrink_to_fit();
      c.u64.shrink_to_fit();
    }
  }
  order = std::move(dense_input_);
  order.insert(order.end(), sparse_input_.begin(), sparse_input_.end());
  dense_input_ = {};
  sparse_input_ = {};
}

template <std::size_t Metrics>
std::size_t SeriesSums<Metrics>::bytes() const {
  std::size_t total =
      depth_.size() * (sizeof(std::int32_t) + sizeof(std::uint32_t)) +
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
