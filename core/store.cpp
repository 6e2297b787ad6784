#include "store.hpp"

#include <algorithm>
#include <numeric>  // std::iota
#include <type_traits>

#include "checked_size.hpp"

namespace tta {
namespace {

// Groups `count` items into CSR form by `group_of`, keeping their order.
void group_by(std::size_t groups, std::size_t count, const std::vector<std::uint32_t>& group_of,
              std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& items) {
  start.assign(checked_add(groups, 1), 0);
  for (std::size_t i = 0; i < count; ++i) ++start[group_of[i] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  items.resize(count);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < count; ++i)
    items[fill[group_of[i]]++] = static_cast<std::uint32_t>(i);
}

// Case-insensitive (ASCII) substring of the title, artist, ISRC or id, in
// time linear in the text (Knuth-Morris-Pratt): a long search over long
// titles must not cost their product.
class Needle {
 public:
  explicit Needle(const std::string& text) : text_(text.size(), '\0'), fail_(text.size() + 1, 0) {
    std::transform(text.begin(), text.end(), text_.begin(), lower);
    for (std::size_t i = 1, k = 0; i < text_.size(); ++i) {
      while (k > 0 && text_[i] != text_[k]) k = fail_[k];
      if (text_[i] == text_[k]) ++k;
      fail_[i + 1] = k;
    }
  }
  bool found_in(const std::string& hay) const {
    if (text_.empty()) return true;
    for (std::size_t i = 0, k = 0; i < hay.size(); ++i) {
      const char c = lower(hay[i]);
      while (k > 0 && c != text_[k]) k = fail_[k];
      if (c == text_[k] && ++k == text_.size()) return true;
    }
    return false;
  }

 private:
  static char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
  std::string text_;
  std::vector<std::size_t> fail_;  // fail_[i]: longest proper border of text_[0, i)
};

bool matches_search(const TrackInfo& track, const Needle& needle) {
  return needle.found_in(track.id) || (track.title && needle.found_in(*track.title)) ||
         (track.artist && needle.found_in(*track.artist)) ||
         (track.isrc && needle.found_in(*track.isrc));
}

// Byte-wise order of optional texts; a missing text sorts after every text.
int compare_text(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const int c = a->compare(*b);
  return c < 0 ? -1 : c > 0;
}

bool better_territory(const TerritoryCount& a, const TerritoryCount& b) {
  if (a.creations != b.creations) return a.creations > b.creations;
  return std::lexicographical_compare(a.code, a.code + 2, b.code, b.code + 2);
}

// The first and the last day that catalog series [from, end) cover, if any.
template <typename Series>
std::optional<std::pair<Day, Day>> days_covered(const std::vector<Series>& series,
                                                std::size_t from = 0) {
  std::optional<std::pair<Day, Day>> days;
  for (std::size_t i = from; i < series.size(); ++i) {
    if (!series[i].length) continue;
    const Day first = series[i].start;
    const Day last = static_cast<Day>(first + static_cast<long long>(series[i].length) - 1);
    days = days ? std::pair{std::min(days->first, first), std::max(days->second, last)}
                : std::pair{first, last};
  }
  return days;
}

// Adds catalog series [from, end), whose day values are in `columns`, to
// `sums` as one part: their days [first_needed, last].
template <typename Series, std::size_t Metrics>
void add_part(SeriesSums<Metrics>& sums, const std::vector<Series>& series,
              std::array<const DayValues*, 2> columns, std::size_t from, Day last,
              Day first_needed) {
  std::vector<SeriesInput> inputs;
  inputs.reserve(series.size() - from);
  for (std::size_t i = from; i < series.size(); ++i)
    inputs.push_back({series[i].start, series[i].length, {}, columns, series[i].offset});
  sums.add(last, first_needed, inputs, from);
}

// A batch handed over while the document is read. E and S are not known yet
// unless asOf came first: then the batch keeps the days Store::build would,
// up to asOf - `days_before_as_of` (1 for E, 2 for S) and from
// E - kLookback + 1. Otherwise it keeps all its days, counted back from its
// own last day (E, the latest day of all, can only be later).
template <typename Series, std::size_t Metrics>
void take_part(SeriesSums<Metrics>& sums, const std::vector<Series>& series,
               std::array<const DayValues*, 2> columns, std::size_t from, std::optional<Day> as_of,
               int days_before_as_of) {
  if (as_of)
    add_part(sums, series, columns, from, *as_of - days_before_as_of, *as_of - kLookback);
  else if (const auto days = days_covered(series, from))
    add_part(sums, series, columns, from, days->second, days->first);
}

}  // namespace

void StoreBuilder::take_tiktok(const Catalog& catalog, std::size_t from) {
  take_part(tiktok_, catalog.tiktok, {&catalog.creations, &catalog.views}, from, catalog.as_of, 1);
  tiktok_taken_ = catalog.tiktok.size();
}

void StoreBuilder::take_streams(const Catalog& catalog, std::size_t from) {
  take_part(streams_, catalog.streams, {&catalog.streams_values, nullptr}, from, catalog.as_of, 2);
  streams_taken_ = catalog.streams.size();
}

Result<std::unique_ptr<Store>> Store::build(Catalog catalog, StoreBuilder parts) {
  std::unique_ptr<Store> store(new Store());
  Store& s = *store;

  // E and S: the last complete TikTok and streams days.
  std::optional<Day> tiktok_last, streams_last;
  if (const auto days = days_covered(catalog.tiktok)) tiktok_last = days->second;
  if (const auto days = days_covered(catalog.streams)) streams_last = days->second;
  if (catalog.as_of) {
    s.tiktok_end_ = *catalog.as_of - 1;
    s.streams_end_ = *catalog.as_of - 2;
  } else if (tiktok_last) {
    s.tiktok_end_ = *tiktok_last;
    s.streams_end_ = streams_last;
  } else if (streams_last) {
    s.tiktok_end_ = *streams_last + 1;
    s.streams_end_ = streams_last;
  } else {
    return Error{
        "asOf: required when no series covers any day (the report day cannot be told otherwise)"};
  }

  // Slots: one per (track, territory), ordered by track then code.
  const std::size_t n = catalog.tiktok.size();
  std::vector<std::uint32_t> by_slot(n);
  std::iota(by_slot.begin(), by_slot.end(), 0);
  auto slot_key = [&](std::uint32_t i) {
    const TiktokSeries& t = catalog.tiktok[i];
    return std::tuple(t.track, t.territory[0], t.territory[1]);
  };
  std::sort(by_slot.begin(), by_slot.end(),
            [&](auto a, auto b) { return slot_key(a) < slot_key(b); });
  std::vector<std::uint32_t> slot_of_input(n);
  for (std::size_t r = 0; r < n; ++r) {
    const std::uint32_t i = by_slot[r];
    if (r == 0 || slot_key(by_slot[r - 1]) != slot_key(i)) {
      s.slot_track_.push_back(catalog.tiktok[i].track);
      s.slot_code_.push_back({catalog.tiktok[i].territory[0], catalog.tiktok[i].territory[1]});
      if (catalog.tiktok[i].territory[0] == 0) s.has_series_without_territory_ = true;
    }
    slot_of_input[i] = static_cast<std::uint32_t>(s.slot_track_.size() - 1);
  }
  const std::size_t track_count = catalog.tracks.size();
  // Tracks, series and slots are indexed with 32 bits (UINT32_MAX marks "none").
  if (track_count >= UINT32_MAX || n >= UINT32_MAX || catalog.streams.size() >= UINT32_MAX)
    throw SizeOverflow();
  s.track_slots_.assign(checked_add(track_count, 1), 0);
  for (std::uint32_t t : s.slot_track_) ++s.track_slots_[t + 1];
  std::partial_sum(s.track_slots_.begin(), s.track_slots_.end(), s.track_slots_.begin());

  // The series after the last batch the builder took (all of them when it
  // took none) join the sums here, now that E and S are known.
  std::vector<std::uint32_t> order;
  // Windows reach at most kLookback days back from E; older days never count.
  const Day first_needed = s.tiktok_end_ - kLookback + 1;
  add_part(parts.tiktok_, catalog.tiktok, {&catalog.creations, &catalog.views}, parts.tiktok_taken_,
           s.tiktok_end_, first_needed);
  s.tiktok_ = std::move(parts.tiktok_);
  s.tiktok_.finish(s.tiktok_end_, first_needed, order);
  // The day values are in the sums now: their memory goes back before the streams' sums are built.
  catalog.creations = DayValues();
  catalog.views = DayValues();
  s.slot_of_.resize(order.size());
  s.kind_of_.resize(order.size());
  for (std::size_t j = 0; j < order.size(); ++j) {
    const TiktokSeries& t = catalog.tiktok[order[j]];
    s.slot_of_[j] = slot_of_input[order[j]];
    s.kind_of_[j] = series_kind(t.platform, t.content);
  }
  // Series of each track, ordered by slot, so a track's territories are runs.
  std::vector<std::uint32_t> stored_by_slot(order.size());
  std::iota(stored_by_slot.begin(), stored_by_slot.end(), 0);
  std::stable_sort(stored_by_slot.begin(), stored_by_slot.end(),
                   [&](auto a, auto b) { return s.slot_of_[a] < s.slot_of_[b]; });
  s.track_series_start_.assign(checked_add(track_count, 1), 0);
  for (std::uint32_t j : stored_by_slot) ++s.track_series_start_[s.slot_track_[s.slot_of_[j]] + 1];
  std::partial_sum(s.track_series_start_.begin(), s.track_series_start_.end(),
                   s.track_series_start_.begin());
  s.track_series_ = std::move(stored_by_slot);  // already grouped by track, since slots are

  if (s.streams_end_) {
    add_part(parts.streams_, catalog.streams, {&catalog.streams_values, nullptr},
             parts.streams_taken_, *s.streams_end_, first_needed);
    s.streams_ = std::move(parts.streams_);
    s.streams_.finish(*s.streams_end_, first_needed, order);
    std::vector<std::uint32_t> track_of(order.size());
    for (std::size_t j = 0; j < order.size(); ++j) track_of[j] = catalog.streams[order[j]].track;
    group_by(track_count, order.size(), track_of, s.streams_track_start_, s.streams_series_);
  } else {
    s.streams_track_start_.assign(checked_add(track_count, 1), 0);
  }

  s.tracks_ = std::move(catalog.tracks);
  s.id_index_.reserve(track_count);
  for (std::size_t t = 0; t < track_count; ++t)
    s.id_index_.emplace_back(s.tracks_[t].id, static_cast<std::uint32_t>(t));
  std::sort(s.id_index_.begin(), s.id_index_.end());
  s.id_rank_.resize(track_count);
  for (std::size_t r = 0; r < track_count; ++r)
    s.id_rank_[s.id_index_[r].second] = static_cast<std::uint32_t>(r);
  return store;
}

std::optional<std::uint32_t> Store::find_track(std::string_view id) const {
  auto it = std::lower_bound(id_index_.begin(), id_index_.end(), std::pair{id, std::uint32_t{0}});
  if (it == id_index_.end() || it->first != id) return std::nullopt;
  return it->second;
}

std::size_t Store::bytes() const {
  std::size_t total = tiktok_.bytes() + streams_.bytes();
  total += slot_of_.size() * 4 + kind_of_.size() + slot_track_.size() * 6 + track_slots_.size() * 4;
  total += (track_series_start_.size() + track_series_.size() + streams_track_start_.size() +
            streams_series_.size()) *
           4;
  return total;
}

Change Store::streams_of_track(std::uint32_t track, Window current, Window previous) const {
  Change out;
  for (std::uint32_t i = streams_track_start_[track]; i < streams_track_start_[track + 1]; ++i) {
    const std::uint32_t j = streams_series_[i];
    out.current += streams_.range(0, j, current.start, current.end);
    out.previous += streams_.range(0, j, previous.start, previous.end);
  }
  return out;
}

Windows Store::windows_of(const Query& q) const {
  Windows w;
  if (q.range) {
    w.current = {q.range->first, q.range->second};
  } else {
    w.current = {tiktok_end_ - q.period + 1, tiktok_end_};
  }
  const Day length = w.current.end - w.current.start + 1;
  w.previous = {w.current.start - length, w.current.start - 1};
  return w;
}

namespace {

// The dense part of sum_slots for one cell width per metric. Series j adds
// row k1 minus row k0 to its slot (the current window) and row k2 minus row
// k0 to the "both windows" sums. Rows are prefixes (n0 >= n1 >= n2 series
// reach k0, k1, k2 days back), so the walk is three runs with no test per
// series of which rows it reaches: [0, n2) reads three cells, [n2, n1) reads
// two cells and a total, [n1, n0) one cell and totals. Series at or past n0
// start after the window ends and add nothing. `Filtered`: skip the series
// whose kind the filters exclude (with no filter every series counts).
struct DenseRows {
  std::size_t n0, n1, n2, at0, at1, at2;
  bool has_k0;  // k0 > 0: a custom range that ends before E
};

template <bool Filtered, typename CellC, typename CellV>
void add_dense(const DenseRows& r, const CellC* creation_cells, const CellV* view_cells,
               const std::uint64_t* creation_totals, const std::uint64_t* view_totals,
               const std::uint32_t* slot, const std::uint8_t* kind, SeriesFilter filter,
               std::uint64_t* creations, std::uint64_t* views, std::uint64_t* both_per_slot,
               std::uint64_t& both_c, std::uint64_t& both_v) {
  std::uint64_t bc = 0, bv = 0;
  auto add = [&](std::size_t j, std::uint64_t c1, std::uint64_t v1, std::uint64_t c2,
                 std::uint64_t v2) {
    if (Filtered && !filter.keeps(kind[j])) return;
    std::uint64_t c0 = 0, v0 = 0;
    if (r.has_k0) c0 = creation_cells[r.at0 + j], v0 = view_cells[r.at0 + j];
    const std::uint32_t s = slot[j];
    creations[s] += c1 - c0;
    views[s] += v1 - v0;
    if (both_per_slot) both_per_slot[s] += c2 - c0;
    bc += c2 - c0;
    bv += v2 - v0;
  };
  std::size_t j = 0;
  for (; j < r.n2; ++j)
    add(j, creation_cells[r.at1 + j], view_cells[r.at1 + j], creation_cells[r.at2 + j],
        view_cells[r.at2 + j]);
  for (; j < r.n1; ++j)
    add(j, creation_cells[r.at1 + j], view_cells[r.at1 + j], creation_totals[j], view_totals[j]);
  for (; j < r.n0; ++j)
    add(j, creation_totals[j], view_totals[j], creation_totals[j], view_totals[j]);
  both_c += bc;
  both_v += bv;
}

}  // namespace

SlotSums Store::sum_slots(const Windows& w, SeriesFilter filter, bool both_per_slot) const {
  SlotSums out;
  out.creations.assign(slot_track_.size(), 0);
  out.views.assign(slot_track_.size(), 0);
  if (both_per_slot) out.both_creations.assign(slot_track_.size(), 0);

  // Sums back from E: the current window is rows k1 minus k0, current and
  // previous together rows k2 minus k0. For a period p that is rows p and 2p
  // (k0 = 0): one read per series and metric per row, walked in order.
  const long long k0 = static_cast<long long>(tiktok_end_) - w.current.end;
  const long long k1 = static_cast<long long>(tiktok_end_) - w.current.start + 1;
  const long long k2 = static_cast<long long>(tiktok_end_) - w.previous.start + 1;
  const bool filtered = !filter.keeps_all();
  std::uint64_t* const per_slot = both_per_slot ? out.both_creations.data() : nullptr;
  std::uint64_t both_c = 0, both_v = 0;
  // The series stored apart from the walks below: sparse ones, and groups
  // whose part ended before the current window starts.
  auto add_apart = [&](std::size_t j) {
    if (!filter.keeps(kind_of_[j])) return;
    const std::uint32_t s = slot_of_[j];
    const std::uint64_t c = tiktok_.range(0, j, w.current.start, w.current.end);
    const std::uint64_t c2 = tiktok_.range(0, j, w.previous.start, w.current.end);
    out.creations[s] += c;
    out.views[s] += tiktok_.range(1, j, w.current.start, w.current.end);
    if (per_slot) per_slot[s] += c2;
    both_c += c2;
    both_v += tiktok_.range(1, j, w.previous.start, w.current.end);
  };
  for (const auto& g : tiktok_.groups()) {
    // The group's rows count back from its part's last day, `shift` days
    // after E: row k back from E is row k + shift minus row shift there.
    const long long g0 = k0 + g.shift, g1 = k1 + g.shift, g2 = k2 + g.shift;
    if (g2 <= 0) continue;  // the part ended before both windows
    if (g1 <= 0) {          // ... before the current one
      for (std::size_t j = g.begin; j < g.begin + g.count; ++j) add_apart(j);
      continue;
    }
    const DenseRows rows{g0 <= 0 ? g.count : g.row_count(g0),
                         g.row_count(g1),
                         g.row_count(g2),
                         g.row_offset(g0),
                         g.row_offset(g1),
                         g.row_offset(g2),
                         g0 > 0};
    g.cells[0].with([&](const auto* creation_cells) {
      g.cells[1].with([&](const auto* view_cells) {
        const auto run = [&](auto filtered_run) {
          add_dense<decltype(filtered_run)::value>(
              rows, creation_cells, view_cells, tiktok_.totals(0) + g.begin,
              tiktok_.totals(1) + g.begin, slot_of_.data() + g.begin, kind_of_.data() + g.begin,
              filter, out.creations.data(), out.views.data(), per_slot, both_c, both_v);
        };
        if (filtered)
          run(std::true_type{});
        else
          run(std::false_type{});
      });
    });
  }
  for (std::size_t j = tiktok_.dense_count(); j < tiktok_.size(); ++j) add_apart(j);
  out.both_creations_total = both_c;
  out.both_views = both_v;
  return out;
}

OverviewAnswer Store::overview(const Query& q) const {
  OverviewAnswer a;
  const Windows w = windows_of(q);
  a.window = w.current;
  a.previous = w.previous;
  const SeriesFilter filter = filter_of(q);
  const SlotSums sums = sum_slots(w, filter, false);
  const std::uint64_t* const slot_creations = sums.creations.data();
  const std::uint64_t* const slot_views = sums.views.data();

  // Rows are ranked small (32 bytes) and get their territories after the cut.
  struct Ranked {
    std::uint64_t creations, views, streams;
    std::uint32_t track;
  };
  const std::size_t track_count = tracks_.size();
  std::vector<Ranked> rows;
  for (std::uint32_t t = 0; t < track_count; ++t) {
    std::uint64_t c = 0, v = 0;
    for (std::uint32_t s = track_slots_[t]; s < track_slots_[t + 1]; ++s) {
      c += slot_creations[s];
      v += slot_views[s];
    }
    a.creations.current += c;
    a.views.current += v;
    if (c > 0) rows.push_back(Ranked{c, v, 0, t});
  }
  a.creations.previous = sums.both_creations_total - a.creations.current;
  a.views.previous = sums.both_views - a.views.current;
  a.tracks_with_creations = rows.size();

  // Streams: the catalog's KPI counts every track; rows get their own.
  if (streams_end_) {
    std::size_t r = 0;
    for (std::uint32_t t = 0; t < track_count; ++t) {
      if (streams_track_start_[t] == streams_track_start_[t + 1]) continue;
      const Change c = streams_of_track(t, a.window, a.previous);
      a.streams.current += c.current;
      a.streams.previous += c.previous;
      while (r < rows.size() && rows[r].track < t) ++r;
      if (r < rows.size() && rows[r].track == t) rows[r].streams = c.current;
    }
  }

  if (!q.search.empty()) {
    const Needle needle(q.search);
    rows.erase(std::remove_if(
                   rows.begin(), rows.end(),
                   [&](const Ranked& row) { return !matches_search(tracks_[row.track], needle); }),
               rows.end());
    a.matching_tracks = rows.size();
  }

  // Rank, then cut: only the rows asked for get territories.
  const auto [begin, end] = page_of(q, rows.size());
  const std::uint32_t* const id_rank = id_rank_.data();
  auto ranked_before = [id_rank](const Ranked& x, const Ranked& y) {
    if (x.creations != y.creations) return x.creations > y.creations;
    if (x.views != y.views) return x.views > y.views;
    return id_rank[x.track] < id_rank[y.track];
  };
  // Sorting by a column: ties keep the standard ranking in either direction.
  auto sorted_before = [&](const Ranked& x, const Ranked& y) {
    int order = 0;  // <0: x before y in ascending order
    switch (q.sort) {
      case SortKey::creations:
        order = x.creations < y.creations ? -1 : x.creations > y.creations;
        break;
      case SortKey::views:
        order = x.views < y.views ? -1 : x.views > y.views;
        break;
      case SortKey::streams:
        order = x.streams < y.streams ? -1 : x.streams > y.streams;
        break;
      case SortKey::title:
        order = compare_text(tracks_[x.track].title, tracks_[y.track].title);
        break;
      case SortKey::artist:
        order = compare_text(tracks_[x.track].artist, tracks_[y.track].artist);
        break;
    }
    if (order != 0) return q.descending ? order > 0 : order < 0;
    return ranked_before(x, y);
  };
  // Only the rows up to `end` are put in order; the rest stay unsorted.
  const auto first = rows.begin(), cut = rows.begin() + static_cast<std::ptrdiff_t>(end);
  if (q.sort == SortKey::creations && q.descending) {
    if (cut != rows.end()) std::nth_element(first, cut, rows.end(), ranked_before);
    std::sort(first, cut, ranked_before);
  } else {
    if (cut != rows.end()) std::nth_element(first, cut, rows.end(), sorted_before);
    std::sort(first, cut, sorted_before);
  }
  a.rows.resize(end - begin);
  for (std::size_t i = begin; i < end; ++i) {
    const Ranked& r = rows[i];
    TrackRow& row = a.rows[i - begin];
    row.track = r.track;
    row.creations = r.creations;
    row.views = r.views;
    row.streams = r.streams;
    // The best 3 slots with creations; slots run in code order, so an equal
    // count never displaces the earlier (smaller) code.
    // The slot without a territory (code {0, 0}, first of its track) is in
    // no territory list; its creations are counted apart.
    TopTerritories& top = row.top;
    for (std::uint32_t s = track_slots_[r.track]; s < track_slots_[r.track + 1]; ++s) {
      const std::uint64_t c = slot_creations[s];
      if (c == 0) continue;
      if (slot_code_[s][0] == 0) {
        row.creations_without_territory = c;
        continue;
      }
      if (top.count == 3 && c <= top.items[2].creations) continue;
      std::size_t at = top.count < 3 ? top.count++ : 2;
      while (at > 0 && top.items[at - 1].creations < c) {
        top.items[at] = top.items[at - 1];
        --at;
      }
      top.items[at] = {{slot_code_[s][0], slot_code_[s][1]}, c, slot_views[s]};
    }
  }
  return a;
}

TrackAnswer Store::track(std::uint32_t t, const Query& q) const {
  TrackAnswer a;
  a.track = t;
  const Windows w = windows_of(q);
  a.window = w.current;
  a.previous = w.previous;
  const long long p = w.current.end - w.current.start + 1;
  a.daily_creations.assign(static_cast<std::size_t>(p), 0);
  a.daily_views.assign(static_cast<std::size_t>(p), 0);

  const SeriesFilter filter = filter_of(q);
  std::vector<TerritoryCount> territories;
  std::uint32_t current_slot = UINT32_MAX;
  for (std::uint32_t i = track_series_start_[t]; i < track_series_start_[t + 1]; ++i) {
    const std::uint32_t j = track_series_[i];
    if (!filter.keeps(kind_of_[j])) continue;
    const std::uint64_t c = tiktok_.range(0, j, w.current.start, w.current.end);
    const std::uint64_t v = tiktok_.range(1, j, w.current.start, w.current.end);
    a.creations.current += c;
    a.views.current += v;
    a.creations.previous += tiktok_.range(0, j, w.previous.start, w.previous.end);
    a.views.previous += tiktok_.range(1, j, w.previous.start, w.previous.end);
    if (slot_of_[j] != current_slot) {
      current_slot = slot_of_[j];
      territories.push_back({{slot_code_[current_slot][0], slot_code_[current_slot][1]}, 0, 0});
    }
    territories.back().creations += c;
    territories.back().views += v;
  }
  daily_tiktok(t, w.current, filter, a.daily_creations, a.daily_views);
  // Slots run in code order, so the one without a territory ({0, 0}) is first.
  if (!territories.empty() && territories.front().code[0] == 0) {
    a.creations_without_territory = territories.front().creations;
    territories.front().creations = 0;
  }
  territories.erase(std::remove_if(territories.begin(), territories.end(),
                                   [](const TerritoryCount& x) { return x.creations == 0; }),
                    territories.end());
  const std::size_t keep = std::min<std::size_t>(kMaxTerritories, territories.size());
  std::partial_sort(territories.begin(), territories.begin() + static_cast<std::ptrdiff_t>(keep),
                    territories.end(), better_territory);
  territories.resize(keep);
  a.territories = std::move(territories);

  a.daily_streams = daily_streams(t, w.current);
  if (streams_end_) a.streams = streams_of_track(t, a.window, a.previous);
  return a;
}

void Store::daily_tiktok(std::uint32_t t, Window w, SeriesFilter filter,
                         std::vector<std::uint64_t>& creations,
                         std::vector<std::uint64_t>& views) const {
  const long long p = static_cast<long long>(w.end) - w.start + 1;
  const long long k0 = static_cast<long long>(tiktok_end_) - w.end;
  creations.assign(static_cast<std::size_t>(p), 0);
  views.assign(static_cast<std::size_t>(p), 0);
  for (std::uint32_t i = track_series_start_[t]; i < track_series_start_[t + 1]; ++i) {
    const std::uint32_t j = track_series_[i];
    if (!filter.keeps(kind_of_[j])) continue;
    // Daily values: differences of consecutive sums back from E, newest day last.
    for (std::size_t m = 0; m < 2; ++m) {
      std::vector<std::uint64_t>& daily = m == 0 ? creations : views;
      std::uint64_t newer = tiktok_.back(m, j, k0);
      for (long long k = k0 + 1; k <= k0 + p; ++k) {
        const std::uint64_t sum = tiktok_.back(m, j, k);
        daily[static_cast<std::size_t>(p - (k - k0))] += sum - newer;
        newer = sum;
      }
    }
  }
}

std::vector<std::optional<std::uint64_t>> Store::daily_streams(std::uint32_t t, Window w) const {
  std::vector<std::optional<std::uint64_t>> daily(static_cast<std::size_t>(w.end - w.start + 1));
  if (!streams_end_) return daily;
  const long long anchor = streams_.anchor();
  for (Day day = w.start; day <= w.end && day <= *streams_end_; ++day) {
    std::uint64_t sum = 0;
    for (std::uint32_t i = streams_track_start_[t]; i < streams_track_start_[t + 1]; ++i) {
      const std::uint32_t j = streams_series_[i];
      sum += streams_.back(0, j, anchor - day + 1) - streams_.back(0, j, anchor - day);
    }
    daily[static_cast<std::size_t>(day - w.start)] = sum;
  }
  return daily;
}

}  // namespace tta
