#include "store.hpp"

#include <algorithm>
#include <numeric>  // std::iota

namespace tta {
namespace {

// Groups `count` items into CSR form by `group_of`, keeping their order.
void group_by(std::size_t groups, std::size_t count, const std::vector<std::uint32_t>& group_of,
              std::vector<std::uint32_t>& start, std::vector<std::uint32_t>& items) {
  start.assign(groups + 1, 0);
  for (std::size_t i = 0; i < count; ++i) ++start[group_of[i] + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  items.resize(count);
  std::vector<std::uint32_t> fill(start.begin(), start.end() - 1);
  for (std::size_t i = 0; i < count; ++i) items[fill[group_of[i]]++] = static_cast<std::uint32_t>(i);
}

bool better_territory(const TerritoryCount& a, const TerritoryCount& b) {
  if (a.creations != b.creations) return a.creations > b.creations;
  return std::lexicographical_compare(a.code, a.code + 2, b.code, b.code + 2);
}

}  // namespace

Result<std::unique_ptr<Store>> Store::build(Catalog catalog) {
  std::unique_ptr<Store> store(new Store());
  Store& s = *store;

  // E and S: the last complete TikTok and streams days.
  std::optional<Day> tiktok_last, streams_last;
  for (const TiktokSeries& t : catalog.tiktok)
    if (t.length) tiktok_last = std::max(tiktok_last.value_or(t.start), static_cast<Day>(t.start + t.length - 1));
  for (const StreamsSeries& t : catalog.streams)
    if (t.length) streams_last = std::max(streams_last.value_or(t.start), static_cast<Day>(t.start + t.length - 1));
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
    return Error{"asOf: required when no series covers any day (the report day cannot be told otherwise)"};
  }

  // Slots: one per (track, territory), ordered by track then code.
  const std::size_t n = catalog.tiktok.size();
  std::vector<std::uint32_t> by_slot(n);
  std::iota(by_slot.begin(), by_slot.end(), 0);
  auto slot_key = [&](std::uint32_t i) {
    const TiktokSeries& t = catalog.tiktok[i];
    return std::tuple(t.track, t.territory[0], t.territory[1]);
  };
  std::sort(by_slot.begin(), by_slot.end(), [&](auto a, auto b) { return slot_key(a) < slot_key(b); });
  std::vector<std::uint32_t> slot_of_input(n);
  for (std::size_t r = 0; r < n; ++r) {
    const std::uint32_t i = by_slot[r];
    if (r == 0 || slot_key(by_slot[r - 1]) != slot_key(i)) {
      s.slot_track_.push_back(catalog.tiktok[i].track);
      s.slot_code_.push_back({catalog.tiktok[i].territory[0], catalog.tiktok[i].territory[1]});
    }
    slot_of_input[i] = static_cast<std::uint32_t>(s.slot_track_.size() - 1);
  }
  const std::size_t track_count = catalog.tracks.size();
  s.track_slots_.assign(track_count + 1, 0);
  for (std::uint32_t t : s.slot_track_) ++s.track_slots_[t + 1];
  std::partial_sum(s.track_slots_.begin(), s.track_slots_.end(), s.track_slots_.begin());

  std::vector<SeriesInput> inputs;
  inputs.reserve(n);
  for (const TiktokSeries& t : catalog.tiktok)
    inputs.push_back({t.start, t.length, {catalog.creations.data() + t.offset, catalog.views.data() + t.offset}});
  std::vector<std::uint32_t> order;
  s.tiktok_ = SeriesSums<2>(s.tiktok_end_, inputs, order);
  s.slot_of_.resize(order.size());
  s.kind_of_.resize(order.size());
  for (std::size_t j = 0; j < order.size(); ++j) {
    const TiktokSeries& t = catalog.tiktok[order[j]];
    s.slot_of_[j] = slot_of_input[order[j]];
    s.kind_of_[j] = static_cast<std::uint8_t>(t.platform | (t.content << 3));
  }
  // Series of each track, ordered by slot, so a track's territories are runs.
  std::vector<std::uint32_t> stored_by_slot(order.size());
  std::iota(stored_by_slot.begin(), stored_by_slot.end(), 0);
  std::stable_sort(stored_by_slot.begin(), stored_by_slot.end(),
                   [&](auto a, auto b) { return s.slot_of_[a] < s.slot_of_[b]; });
  s.track_series_start_.assign(track_count + 1, 0);
  for (std::uint32_t j : stored_by_slot) ++s.track_series_start_[s.slot_track_[s.slot_of_[j]] + 1];
  std::partial_sum(s.track_series_start_.begin(), s.track_series_start_.end(), s.track_series_start_.begin());
  s.track_series_ = std::move(stored_by_slot);  // already grouped by track, since slots are

  if (s.streams_end_) {
    std::vector<SeriesInput> stream_inputs;
    for (const StreamsSeries& t : catalog.streams)
      stream_inputs.push_back({t.start, t.length, {catalog.streams_values.data() + t.offset, nullptr}});
    s.streams_ = SeriesSums<1>(std::min(*s.streams_end_, s.tiktok_end_), stream_inputs, order);
    std::vector<std::uint32_t> track_of(order.size());
    for (std::size_t j = 0; j < order.size(); ++j) track_of[j] = catalog.streams[order[j]].track;
    group_by(track_count, order.size(), track_of, s.streams_track_start_, s.streams_series_);
  } else {
    s.streams_track_start_.assign(track_count + 1, 0);
  }

  s.tracks_ = std::move(catalog.tracks);
  s.id_index_.reserve(track_count);
  for (std::size_t t = 0; t < track_count; ++t)
    s.id_index_.emplace_back(s.tracks_[t].id, static_cast<std::uint32_t>(t));
  std::sort(s.id_index_.begin(), s.id_index_.end());
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
            streams_series_.size()) * 4;
  return total;
}

std::uint8_t Store::filter_mask(const Query& q, std::uint8_t& content_mask) const {
  content_mask = static_cast<std::uint8_t>(
      (q.content == ContentFilter::all ? 7 : q.content == ContentFilter::ugc ? kContentUgc : kContentPgc) << 3);
  return q.platform == PlatformFilter::all ? 7 : q.platform == PlatformFilter::tiktok ? kPlatformTiktok
                                                                                      : kPlatformDouyin;
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

OverviewAnswer Store::overview(const Query& q) const {
  OverviewAnswer a;
  const long long p = q.period;
  a.window = {tiktok_end_ - q.period + 1, tiktok_end_};
  a.previous = {tiktok_end_ - 2 * q.period + 1, tiktok_end_ - q.period};

  std::uint8_t content_mask;
  const std::uint8_t platform_mask = filter_mask(q, content_mask);
  std::vector<std::uint64_t> slot_creations(slot_track_.size(), 0), slot_views(slot_track_.size(), 0);
  std::uint64_t both_creations = 0, both_views = 0;  // current + previous window

  // The period switch: one read per series and metric in rows p and 2p,
  // walked in order; series too short to reach a row contribute their total.
  const std::size_t dense = tiktok_.dense_count();
  const std::size_t reach_p = tiktok_.row_count(p), reach_2p = tiktok_.row_count(2 * p);
  const std::size_t at_p = tiktok_.row_offset(p), at_2p = tiktok_.row_offset(2 * p);
  const std::uint64_t* const c_all = tiktok_.totals(0);
  const std::uint64_t* const v_all = tiktok_.totals(1);
  const std::uint8_t* const kind = kind_of_.data();
  const std::uint32_t* const slot = slot_of_.data();
  auto matches = [&](std::size_t j) { return (kind[j] & platform_mask) && (kind[j] & content_mask); };
  tiktok_.with_cells(0, [&](const auto* creations) {
    tiktok_.with_cells(1, [&](const auto* views) {
      const auto* const c_p = creations + at_p;
      const auto* const v_p = views + at_p;
      const auto* const c_2p = creations + at_2p;
      const auto* const v_2p = views + at_2p;
      for (std::size_t j = 0; j < reach_2p; ++j) {
        if (!matches(j)) continue;
        slot_creations[slot[j]] += c_p[j];
        slot_views[slot[j]] += v_p[j];
        both_creations += c_2p[j];
        both_views += v_2p[j];
      }
      for (std::size_t j = reach_2p; j < reach_p; ++j) {
        if (!matches(j)) continue;
        slot_creations[slot[j]] += c_p[j];
        slot_views[slot[j]] += v_p[j];
        both_creations += c_all[j];
        both_views += v_all[j];
      }
    });
  });
  for (std::size_t j = reach_p; j < dense; ++j) {
    if (!matches(j)) continue;
    slot_creations[slot[j]] += c_all[j];
    slot_views[slot[j]] += v_all[j];
    both_creations += c_all[j];
    both_views += v_all[j];
  }
  for (std::size_t j = dense; j < tiktok_.size(); ++j) {
    if (!matches(j)) continue;
    slot_creations[slot[j]] += tiktok_.back(0, j, p);
    slot_views[slot[j]] += tiktok_.back(1, j, p);
    both_creations += tiktok_.back(0, j, 2 * p);
    both_views += tiktok_.back(1, j, 2 * p);
  }

  const std::size_t track_count = tracks_.size();
  std::vector<TrackRow> rows;
  for (std::uint32_t t = 0; t < track_count; ++t) {
    std::uint64_t c = 0, v = 0;
    for (std::uint32_t s = track_slots_[t]; s < track_slots_[t + 1]; ++s) {
      c += slot_creations[s];
      v += slot_views[s];
    }
    a.creations.current += c;
    a.views.current += v;
    if (c > 0) rows.push_back(TrackRow{t, c, v, 0, {}});
  }
  a.creations.previous = both_creations - a.creations.current;
  a.views.previous = both_views - a.views.current;
  a.tracks_with_creations = rows.size();

  if (streams_end_) {
    for (std::uint32_t t = 0; t < track_count; ++t) {
      const Change c = streams_of_track(t, a.window, a.previous);
      a.streams.current += c.current;
      a.streams.previous += c.previous;
    }
  }

  // Rank, then cut: only the rows asked for get territories and streams.
  const std::size_t begin = std::min(q.offset, rows.size());
  const std::size_t end = begin + std::min(q.limit, rows.size() - begin);
  auto ranked_before = [&](const TrackRow& x, const TrackRow& y) {
    if (x.creations != y.creations) return x.creations > y.creations;
    if (x.views != y.views) return x.views > y.views;
    return tracks_[x.track].id < tracks_[y.track].id;
  };
  std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(end), rows.end(), ranked_before);
  rows.erase(rows.begin() + static_cast<std::ptrdiff_t>(end), rows.end());
  rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(begin));
  for (TrackRow& row : rows) {
    if (streams_end_) row.streams = streams_of_track(row.track, a.window, a.previous).current;
    std::vector<TerritoryCount> all;
    for (std::uint32_t s = track_slots_[row.track]; s < track_slots_[row.track + 1]; ++s)
      if (slot_creations[s] > 0)
        all.push_back({{slot_code_[s][0], slot_code_[s][1]}, slot_creations[s], slot_views[s]});
    const std::size_t keep = std::min<std::size_t>(3, all.size());
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(keep), all.end(), better_territory);
    all.resize(keep);
    row.top = std::move(all);
  }
  a.rows = std::move(rows);
  return a;
}

TrackAnswer Store::track(std::uint32_t t, const Query& q) const {
  TrackAnswer a;
  a.track = t;
  const long long p = q.period;
  a.window = {tiktok_end_ - q.period + 1, tiktok_end_};
  a.previous = {tiktok_end_ - 2 * q.period + 1, tiktok_end_ - q.period};
  a.daily_creations.assign(static_cast<std::size_t>(p), 0);
  a.daily_views.assign(static_cast<std::size_t>(p), 0);

  std::uint8_t content_mask;
  const std::uint8_t platform_mask = filter_mask(q, content_mask);
  std::vector<TerritoryCount> territories;
  std::uint32_t current_slot = UINT32_MAX;
  for (std::uint32_t i = track_series_start_[t]; i < track_series_start_[t + 1]; ++i) {
    const std::uint32_t j = track_series_[i];
    if (!(kind_of_[j] & platform_mask) || !(kind_of_[j] & content_mask)) continue;
    const std::uint64_t c = tiktok_.back(0, j, p), v = tiktok_.back(1, j, p);
    a.creations.current += c;
    a.views.current += v;
    a.creations.previous += tiktok_.back(0, j, 2 * p) - c;
    a.views.previous += tiktok_.back(1, j, 2 * p) - v;
    if (slot_of_[j] != current_slot) {
      current_slot = slot_of_[j];
      territories.push_back({{slot_code_[current_slot][0], slot_code_[current_slot][1]}, 0, 0});
    }
    territories.back().creations += c;
    territories.back().views += v;
    // Daily values: differences of consecutive sums, newest day last.
    for (std::size_t m = 0; m < 2; ++m) {
      std::vector<std::uint64_t>& daily = m == 0 ? a.daily_creations : a.daily_views;
      std::uint64_t newer = 0;
      for (long long k = 1; k <= p; ++k) {
        const std::uint64_t sum = tiktok_.back(m, j, k);
        daily[static_cast<std::size_t>(p - k)] += sum - newer;
        newer = sum;
      }
    }
  }
  territories.erase(std::remove_if(territories.begin(), territories.end(),
                                   [](const TerritoryCount& x) { return x.creations == 0; }),
                    territories.end());
  const std::size_t keep = std::min<std::size_t>(50, territories.size());
  std::partial_sort(territories.begin(), territories.begin() + static_cast<std::ptrdiff_t>(keep),
                    territories.end(), better_territory);
  territories.resize(keep);
  a.territories = std::move(territories);

  a.daily_streams.assign(static_cast<std::size_t>(p), std::nullopt);
  if (streams_end_) {
    a.streams = streams_of_track(t, a.window, a.previous);
    const Day anchor = streams_.anchor();
    for (long long d = 0; d < p; ++d) {
      const Day day = static_cast<Day>(a.window.start + d);
      if (day > *streams_end_) break;
      std::uint64_t sum = 0;
      for (std::uint32_t i = streams_track_start_[t]; i < streams_track_start_[t + 1]; ++i) {
        const std::uint32_t j = streams_series_[i];
        sum += streams_.back(0, j, anchor - day + 1) - streams_.back(0, j, anchor - day);
      }
      a.daily_streams[static_cast<std::size_t>(d)] = sum;
    }
  }
  return a;
}

}  // namespace tta
