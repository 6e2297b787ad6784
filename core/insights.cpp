// Answers beyond the contract's two pages: platform and content splits,
// breakouts, and how a track's streams follow its creations (lift).
#include <algorithm>
#include <cmath>  // std::sqrt

#include "store.hpp"

namespace tta {
namespace {

std::size_t platform_index(std::uint8_t kind) {
  return (kind & kPlatformTiktok) ? 0 : (kind & kPlatformDouyin) ? 1 : 2;
}
std::size_t content_index(std::uint8_t kind) {
  const std::uint8_t content = kind >> 3;
  return (content & kContentUgc) ? 0 : (content & kContentPgc) ? 1 : 2;
}

// Pearson correlation with the two-pass formula; nullopt without enough
// pairs or without variance on either side.
std::optional<double> correlation(const std::vector<double>& x, const std::vector<double>& y, double* slope) {
  const std::size_t n = x.size();
  if (n < 3) return std::nullopt;
  double mean_x = 0, mean_y = 0;
  for (std::size_t i = 0; i < n; ++i) {
    mean_x += x[i];
    mean_y += y[i];
  }
  mean_x /= static_cast<double>(n);
  mean_y /= static_cast<double>(n);
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double dx = x[i] - mean_x, dy = y[i] - mean_y;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx == 0 || syy == 0) return std::nullopt;
  if (slope) *slope = sxy / sxx;
  return sxy / std::sqrt(sxx * syy);
}

}  // namespace

SplitsAnswer Store::splits(const Query& q, std::optional<std::uint32_t> track) const {
  SplitsAnswer a;
  a.windows = windows_of(q);
  std::uint8_t content_mask;
  const std::uint8_t platform_mask = filter_mask(q, content_mask);
  auto add = [&](std::uint32_t j) {
    const std::uint8_t kind = kind_of_[j];
    if (!(kind & content_mask) && !(kind & platform_mask)) return;
    const std::uint64_t c = tiktok_.range(0, j, a.windows.current.start, a.windows.current.end);
    const std::uint64_t v = tiktok_.range(1, j, a.windows.current.start, a.windows.current.end);
    // Each split is across its own dimension, within the other filter.
    if (kind & content_mask) {
      a.platform[platform_index(kind)].creations += c;
      a.platform[platform_index(kind)].views += v;
    }
    if (kind & platform_mask) {
      a.content[content_index(kind)].creations += c;
      a.content[content_index(kind)].views += v;
    }
  };
  if (track) {
    for (std::uint32_t i = track_series_start_[*track]; i < track_series_start_[*track + 1]; ++i) add(track_series_[i]);
  } else {
    for (std::uint32_t j = 0; j < tiktok_.size(); ++j) add(j);
  }
  return a;
}

std::vector<BreakoutRow> Store::breakouts(const Query& q, std::uint64_t min_creations) const {
  std::uint8_t content_mask;
  const std::uint8_t platform_mask = filter_mask(q, content_mask);
  const SlotSums sums = sum_slots(windows_of(q), platform_mask, content_mask);
  std::vector<BreakoutRow> rows;
  for (std::uint32_t t = 0; t < tracks_.size(); ++t) {
    BreakoutRow row{t, 0, 0};
    std::uint64_t both = 0;
    for (std::uint32_t s = track_slots_[t]; s < track_slots_[t + 1]; ++s) {
      row.creations += sums.creations[s];
      both += sums.both_creations[s];
    }
    row.previous = both - row.creations;
    // A breakout at least doubles, with enough volume that 1 -> 3 is not one.
    if (row.creations >= min_creations && row.creations >= 2 * row.previous) rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [&](const BreakoutRow& x, const BreakoutRow& y) {
    if ((x.previous == 0) != (y.previous == 0)) return x.previous == 0;
    if (x.previous != 0) {
      // growth x > growth y, compared exactly: (cx - px) / px > (cy - py) / py
      const double gx = (static_cast<double>(x.creations) - static_cast<double>(x.previous)) / static_cast<double>(x.previous);
      const double gy = (static_cast<double>(y.creations) - static_cast<double>(y.previous)) / static_cast<double>(y.previous);
      if (gx != gy) return gx > gy;
    }
    if (x.creations != y.creations) return x.creations > y.creations;
    return tracks_[x.track].id < tracks_[y.track].id;
  });
  return rows;
}

LiftAnswer Store::lift(std::uint32_t t, const Query& q) const {
  const Window w = windows_of(q).current;
  std::uint8_t content_mask;
  const std::uint8_t platform_mask = filter_mask(q, content_mask);
  std::vector<std::uint64_t> creations, views;
  daily_tiktok(t, w, platform_mask, content_mask, creations, views);
  return lift_of(t, w, creations);
}

LiftAnswer Store::lift_of(std::uint32_t t, Window w, const std::vector<std::uint64_t>& creations) const {
  LiftAnswer a;
  a.track = t;
  for (std::uint64_t c : creations) a.creations += c;
  // Streams may follow up to kMaxLag days after the window's last day.
  const std::vector<std::optional<std::uint64_t>> streams = daily_streams(t, {w.start, w.end + kMaxLag});
  double best = 0;
  std::vector<double> x, y;
  for (int lag = 0; lag <= kMaxLag; ++lag) {
    x.clear();
    y.clear();
    for (std::size_t i = 0; i < creations.size(); ++i) {
      const auto& s = streams[i + static_cast<std::size_t>(lag)];
      if (!s) break;  // after S: no later day has streams either
      x.push_back(static_cast<double>(creations[i]));
      y.push_back(static_cast<double>(*s));
    }
    double slope = 0;
    LagCorrelation entry{lag, x.size(), correlation(x, y, &slope)};
    if (entry.correlation && (!a.best_lag || *entry.correlation > best)) {
      best = *entry.correlation;
      a.best_lag = lag;
      a.correlation = entry.correlation;
      a.streams_per_creation = slope;
    }
    a.lags.push_back(entry);
  }
  return a;
}

std::vector<LiftAnswer> Store::lift_ranking(const Query& q) const {
  std::uint8_t content_mask;
  const std::uint8_t platform_mask = filter_mask(q, content_mask);
  const Window w = windows_of(q).current;
  const std::size_t days = static_cast<std::size_t>(w.end - w.start + 1);
  const SlotSums sums = sum_slots(windows_of(q), platform_mask, content_mask);

  // Daily creations of every track with creations, in one pass over the rows
  // back from E (in memory order) instead of one lookup per series and day.
  std::vector<std::uint32_t> column(tracks_.size(), UINT32_MAX);
  std::vector<std::uint32_t> active;
  for (std::uint32_t t = 0; t < tracks_.size(); ++t) {
    std::uint64_t c = 0;
    for (std::uint32_t s = track_slots_[t]; s < track_slots_[t + 1]; ++s) c += sums.creations[s];
    if (c == 0) continue;
    column[t] = static_cast<std::uint32_t>(active.size());
    active.push_back(t);
  }
  std::vector<std::uint64_t> daily(active.size() * days, 0);  // [track][day]
  const long long k0 = static_cast<long long>(tiktok_end_) - w.end;
  auto add = [&](std::size_t j, long long k, std::uint64_t value) {
    const std::uint32_t c = column[slot_track_[slot_of_[j]]];
    if (c != UINT32_MAX && value) daily[c * days + static_cast<std::size_t>(days - static_cast<std::size_t>(k - k0))] += value;
  };
  auto matches = [&](std::size_t j) { return (kind_of_[j] & platform_mask) && (kind_of_[j] & content_mask); };
  for (const auto& g : tiktok_.groups()) g.cells[0].with([&](const auto* cells) {
    for (long long k = k0 + 1; k <= k0 + static_cast<long long>(days); ++k) {
      // Day E-k+1 of series j is row k minus row k-1; series not reaching
      // k days back have nothing on that day.
      const std::size_t reach = g.row_count(k), newer_reach = g.row_count(k - 1);
      const auto* row = cells + g.row_offset(k);
      const auto* newer = cells + g.row_offset(k - 1);
      for (std::size_t i = 0; i < reach; ++i) {
        const std::size_t j = g.begin + i;
        if (!matches(j)) continue;
        const std::uint64_t before = k == 1 ? 0 : (i < newer_reach ? newer[i] : tiktok_.totals(0)[j]);
        add(j, k, row[i] - before);
      }
    }
  });
  for (std::size_t j = tiktok_.dense_count(); j < tiktok_.size(); ++j) {
    if (!matches(j)) continue;
    for (long long k = k0 + 1; k <= k0 + static_cast<long long>(days); ++k)
      add(j, k, tiktok_.back(0, j, k) - tiktok_.back(0, j, k - 1));
  }

  std::vector<LiftAnswer> ranked;
  std::vector<std::uint64_t> creations(days);
  for (std::size_t c = 0; c < active.size(); ++c) {
    std::copy(daily.begin() + static_cast<std::ptrdiff_t>(c * days),
              daily.begin() + static_cast<std::ptrdiff_t>((c + 1) * days), creations.begin());
    LiftAnswer lift_of_track = lift_of(active[c], w, creations);
    if (lift_of_track.best_lag) ranked.push_back(std::move(lift_of_track));
  }
  std::sort(ranked.begin(), ranked.end(), [&](const LiftAnswer& x, const LiftAnswer& y) {
    if (*x.correlation != *y.correlation) return *x.correlation > *y.correlation;
    if (x.creations != y.creations) return x.creations > y.creations;
    return tracks_[x.track].id < tracks_[y.track].id;
  });
  return ranked;
}

}  // namespace tta
