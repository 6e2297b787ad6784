// The store's insight kernels (members of Store, declared in store.hpp): platform
// and content splits, breakouts, and how a track's streams follow its creations (lift).
#include <algorithm>
#include <cmath>  // std::sqrt, std::floor
#include <string>

#include "checked_size.hpp"
#include "store.hpp"

namespace tta {
namespace {

// The entry of SplitsAnswer::platform: kPlatformNames' order, then unknown.
std::size_t platform_index(std::uint8_t kind) {
  std::size_t i = 0;
  for (const PlatformName& p : kPlatformNames) {
    if (kind & p.bit) return i;
    ++i;
  }
  return i;
}
std::size_t content_index(std::uint8_t kind) {
  const std::uint8_t content = kind >> kContentShift;
  return (content & kContentUgc) ? 0 : (content & kContentPgc) ? 1 : 2;
}

// The method of docs/INSIGHTS.md ("Lift"), on one track's raw days:
// creations over [h0 - kMaxLag - kLiftFilterSpan, h1], streams over
// [h0 - kLiftFilterSpan, h1] (0 = missing), where [h0, h1] is the history.
// Only + - * / and sqrt: the same bits natively and in WebAssembly.
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

constexpr int kH = kLiftHistoryDays;

// (1 - B)(1 - B^7) of v at index r: the day-over-day change minus the same
// change a week before; removes level, linear trend and the weekly cycle.
double filtered(const std::vector<std::uint64_t>& v, std::size_t r) {
  auto d = [&](std::size_t i) { return static_cast<double>(v[i]); };
  return (d(r) - d(r - 1)) - (d(r - 7) - d(r - 8));
}

struct Filtered {
  std::vector<double> x;  // kH + kMaxLag creations values: index i + kMaxLag - lag pairs with y[i]
  std::vector<double> y;  // kH streams values
  std::vector<char> valid;  // y[i] read no missing streams day
};

// Clips v's entries (those with keep[i], or all when keep is empty) to
// median +- kLiftClip x 1.4826 x MAD, so that one burst's first day cannot
// make two unrelated series look related; unchanged when the MAD is 0.
void winsorize(std::vector<double>& v, const std::vector<char>& keep) {
  std::vector<double> sorted;
  for (std::size_t i = 0; i < v.size(); ++i)
    if (keep.empty() || keep[i]) sorted.push_back(v[i]);
  if (sorted.empty()) return;
  auto median = [](std::vector<double>& u) {
    const std::size_t mid = (u.size() - 1) / 2;  // the lower median
    std::nth_element(u.begin(), u.begin() + static_cast<std::ptrdiff_t>(mid), u.end());
    return u[mid];
  };
  const double m = median(sorted);
  for (double& u : sorted) u = std::fabs(u - m);
  const double mad = median(sorted);
  if (mad == 0) return;
  const double lo = m - kLiftClip * 1.4826 * mad, hi = m + kLiftClip * 1.4826 * mad;
  for (double& u : v) u = std::min(hi, std::max(lo, u));
}

// Lag-k autocorrelation of v over the entries t with keep[t] and keep[t-k]
// (all when keep is empty), around the mean of the kept entries.
double autocorrelation(const std::vector<double>& v, const std::vector<char>& keep, std::size_t k) {
  auto kept = [&](std::size_t t) { return keep.empty() || keep[t]; };
  double sum = 0, count = 0;
  for (std::size_t t = 0; t < v.size(); ++t)
    if (kept(t)) sum += v[t], count += 1;
  if (count == 0) return 0;
  const double mean = sum / count;
  double g0 = 0, gk = 0;
  for (std::size_t t = 0; t < v.size(); ++t) {
    if (!kept(t)) continue;
    g0 += (v[t] - mean) * (v[t] - mean);
    if (t >= k && kept(t - k)) gk += (v[t] - mean) * (v[t - k] - mean);
  }
  return g0 == 0 ? 0 : gk / g0;
}

struct Fit {
  std::size_t pairs = 0;
  std::optional<double> r;
  double slope = 0, sxx = 0, sxy = 0, syy = 0;
};

// Two-pass Pearson over the pairs (x[i + kMaxLag - lag], y[i])
// whose y is valid; null below kLiftMinPairs pairs or without variance.
Fit fit_at(const Filtered& f, int lag) {
  Fit fit;
  double sx = 0, sy = 0;
  const std::size_t off = static_cast<std::size_t>(kMaxLag - lag);
  for (std::size_t i = 0; i < static_cast<std::size_t>(kH); ++i) {
    const std::size_t k = i;
    if (!f.valid[k]) continue;
    ++fit.pairs;
    sx += f.x[i + off];
    sy += f.y[k];
  }
  if (fit.pairs < static_cast<std::size_t>(kLiftMinPairs)) return fit;
  const double n = static_cast<double>(fit.pairs);
  const double mx = sx / n, my = sy / n;
  for (std::size_t i = 0; i < static_cast<std::size_t>(kH); ++i) {
    const std::size_t k = i;
    if (!f.valid[k]) continue;
    const double dx = f.x[i + off] - mx, dy = f.y[k] - my;
    fit.sxx += dx * dx;
    fit.syy += dy * dy;
    fit.sxy += dx * dy;
  }
  if (fit.sxx == 0 || fit.syy == 0) return fit;
  fit.r = fit.sxy / std::sqrt(fit.sxx * fit.syy);
  fit.slope = fit.sxy / fit.sxx;
  return fit;
}

// v rounded to a multiple of 10^e (e may be negative), half up.
double round_to(double v, int e) {
  double p = 1;
  for (int i = 0; i < (e < 0 ? -e : e); ++i) p *= 10;
  return e >= 0 ? std::floor(v / p + 0.5) * p : std::floor(v * p + 0.5) / p;
}

// The largest power of ten at or below the half-width (at least 10^-2).
int rounding_exponent(double half_width) {
  int e = 0;
  double p = 1;
  while (p * 10 <= half_width) {
    p *= 10;
    ++e;
  }
  while (p > half_width && e > -2) {
    p /= 10;
    --e;
  }
  return e;
}

}  // namespace

SplitsAnswer Store::splits(const Query& q, std::optional<std::uint32_t> track) const {
  SplitsAnswer a;
  a.windows = windows_of(q);
  const SeriesFilter filter = filter_of(q);
  auto add = [&](std::uint32_t j) {
    const std::uint8_t kind = kind_of_[j];
    if (!(kind & filter.contents) && !(kind & filter.platforms)) return;
    const std::uint64_t c = tiktok_.range(0, j, a.windows.current.start, a.windows.current.end);
    const std::uint64_t v = tiktok_.range(1, j, a.windows.current.start, a.windows.current.end);
    // Each split is across its own dimension, within the other filter.
    if (kind & filter.contents) {
      a.platform[platform_index(kind)].creations += c;
      a.platform[platform_index(kind)].views += v;
    }
    if (kind & filter.platforms) {
      a.content[content_index(kind)].creations += c;
      a.content[content_index(kind)].views += v;
    }
  };
  if (track) {
    for (std::uint32_t i = track_series_start_[*track]; i < track_series_start_[*track + 1]; ++i)
      add(track_series_[i]);
  } else {
    for (std::uint32_t j = 0; j < tiktok_.size(); ++j) add(j);
  }
  return a;
}

std::vector<BreakoutRow> Store::breakouts(const Query& q, std::uint64_t min_creations) const {
  const SeriesFilter filter = filter_of(q);
  const SlotSums sums = sum_slots(windows_of(q), filter);
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
      const double gx = (static_cast<double>(x.creations) - static_cast<double>(x.previous)) /
                        static_cast<double>(x.previous);
      const double gy = (static_cast<double>(y.creations) - static_cast<double>(y.previous)) /
                        static_cast<double>(y.previous);
      if (gx != gy) return gx > gy;
    }
    if (x.creations != y.creations) return x.creations > y.creations;
    return tracks_[x.track].id < tracks_[y.track].id;
  });
  return rows;
}

Window Store::lift_history(const Query& q) const {
  Day end = std::min(tiktok_end_, windows_of(q).current.end + kMaxLag);
  if (streams_end_) end = std::min(end, *streams_end_);
  return {end - kH + 1, end};
}

void Store::daily_creations(std::uint32_t t, Day a, Day b, SeriesFilter filter,
                            std::vector<std::uint64_t>& out) const {
  out.assign(static_cast<std::size_t>(b - a + 1), 0);
  const long long anchor = tiktok_end_;
  for (std::uint32_t i = track_series_start_[t]; i < track_series_start_[t + 1]; ++i) {
    const std::uint32_t j = track_series_[i];
    if (!filter.keeps(kind_of_[j])) continue;
    // Day d is the sum of the last (E - d + 1) days minus that of the last (E - d).
    std::uint64_t newer = tiktok_.back(0, j, anchor - b);
    for (Day d = b; d >= a; --d) {
      const std::uint64_t sum = tiktok_.back(0, j, anchor - d + 1);
      out[static_cast<std::size_t>(d - a)] += sum - newer;
      newer = sum;
    }
  }
}

bool Store::lift_activity(LiftAnswer& a, Window history,
                          const std::vector<std::uint64_t>& creations) const {
  a.history = history;
  // Activity counts the days whose creations a lag can pair: the history and
  // the kMaxLag days before it.
  for (std::size_t i = kLiftFilterSpan; i < creations.size(); ++i) {
    a.history_creations += creations[i];
    if (creations[i] > 0) ++a.history_creation_days;
  }
  if (a.history_creation_days < kLiftMinCreationDays || a.history_creations < kLiftMinCreations) {
    a.reason = "thin-activity";
    return false;
  }
  return true;
}

void Store::lift_test(LiftAnswer& a, Window h, const std::vector<std::uint64_t>& creations) const {
  // Raw streams over [h0 - 8, h1]; a day with no streams counts as missing.
  std::vector<std::uint64_t> streams(static_cast<std::size_t>(kH + kLiftFilterSpan), 0);
  int missing = 0;
  if (streams_end_) {
    const std::vector<std::optional<std::uint64_t>> raw =
        daily_streams(a.track, {h.start - kLiftFilterSpan, h.end});
    for (std::size_t i = 0; i < raw.size(); ++i) streams[i] = raw[i] ? *raw[i] : 0;
  }
  for (std::uint64_t v : streams) missing += v == 0;
  if (missing > kLiftMaxMissingStreams) {
    a.reason = "no-streams";
    return;
  }
  Filtered f;
  f.x.resize(static_cast<std::size_t>(kH + kMaxLag));
  for (std::size_t j = 0; j < f.x.size(); ++j) f.x[j] = filtered(creations, j + kLiftFilterSpan);
  f.y.resize(kH);
  f.valid.resize(kH);
  for (std::size_t i = 0; i < static_cast<std::size_t>(kH); ++i) {
    const std::size_t r = i + kLiftFilterSpan;
    f.valid[i] = streams[r] && streams[r - 1] && streams[r - 7] && streams[r - 8];
    f.y[i] = filtered(streams, r);
  }

  // The test runs on clipped copies; the slope on the filtered values.
  Filtered clipped = f;
  winsorize(clipped.x, {});
  winsorize(clipped.y, clipped.valid);

  // The observed alignment: the lag with the highest correlation.
  Fit best;
  int best_lag = -1;
  for (int lag = 0; lag <= kMaxLag; ++lag) {
    const Fit fit = fit_at(clipped, lag);
    a.lags.push_back({lag, fit.pairs, fit.r});
    if (fit.r && (best_lag < 0 || *fit.r > *best.r)) {
      best = fit;
      best_lag = lag;
    }
  }
  if (best_lag < 0 || *best.r <= 0) {
    a.reason = "not-significant";
    return;
  }
  // Significance: each lag's correlation of two independent series has a
  // variance of about B / n (Bartlett: B = 1 + 2 sum of the products of their
  // autocorrelations at lags 1..kMaxLag; the filter makes them far from 0),
  // and kMaxLag + 1 lags are tried: the best must pass the one-sided
  // Bonferroni bound z(0.05 / 15) sqrt(B / n).
  double bartlett = 1;
  for (std::size_t k = 1; k <= static_cast<std::size_t>(kMaxLag); ++k)
    bartlett +=
        2 * autocorrelation(clipped.x, {}, k) * autocorrelation(clipped.y, clipped.valid, k);
  if (bartlett < 1) bartlett = 1;
  if (*best.r <= kLiftZ * std::sqrt(bartlett / static_cast<double>(best.pairs))) {
    a.reason = "not-significant";
    return;
  }
  a.best_lag = best_lag;
  a.correlation = best.r;
  best = fit_at(f, best_lag);
  if (!best.r) {  // the clipped values varied, the raw ones not: no slope
    a.reason = "not-significant";
    a.best_lag.reset();
    a.correlation.reset();
    return;
  }
  // Streams per creation: the least-squares slope of the filtered streams on
  // the filtered creations at that lag, with kLiftIntervalWidth standard errors.
  const double n = static_cast<double>(best.pairs);
  const double rss = std::max(0.0, best.syy - best.slope * best.sxy);
  const double half = kLiftIntervalWidth * std::sqrt(rss / (n - 2) / best.sxx);
  const int e = rounding_exponent(half);
  a.interval = std::make_pair(round_to(best.slope - half, e), round_to(best.slope + half, e));
  if (best.slope - half > 0) a.streams_per_creation = round_to(best.slope, e);
}

LiftAnswer Store::lift(std::uint32_t t, const Query& q) const {
  const Windows w = windows_of(q);
  const SeriesFilter filter = filter_of(q);
  LiftAnswer a;
  a.track = t;
  for (std::uint32_t i = track_series_start_[t]; i < track_series_start_[t + 1]; ++i) {
    const std::uint32_t j = track_series_[i];
    if (filter.keeps(kind_of_[j]))
      a.creations += tiktok_.range(0, j, w.current.start, w.current.end);
  }
  const Window h = lift_history(q);
  std::vector<std::uint64_t> creations;
  daily_creations(t, h.start - kMaxLag - kLiftFilterSpan, h.end, filter, creations);
  if (lift_activity(a, h, creations)) lift_test(a, h, creations);
  return a;
}

Result<std::vector<LiftAnswer>> Store::lift_ranking(const Query& q) const {
  const SeriesFilter filter = filter_of(q);
  const SlotSums sums = sum_slots(windows_of(q), filter, false);
  const Window h = lift_history(q);
  const Day first = h.start - kMaxLag - kLiftFilterSpan;

  // First the activity of every track with creations in the window (cheap),
  // so that the bound on the tests is known before any runs.
  struct Candidate {
    std::uint32_t track;
    std::uint64_t creations;
  };
  std::vector<Candidate> tested;
  std::vector<std::uint64_t> creations;
  for (std::uint32_t t = 0; t < tracks_.size(); ++t) {
    std::uint64_t c = 0;
    for (std::uint32_t s = track_slots_[t]; s < track_slots_[t + 1]; ++s) c += sums.creations[s];
    if (c == 0) continue;
    LiftAnswer a;
    daily_creations(t, first, h.end, filter, creations);
    if (!lift_activity(a, h, creations)) continue;
    if (tested.size() == kLiftMaxTested)
      return Error{"lift ranking: more than " + std::to_string(kLiftMaxTested) +
                   " tracks have enough TikTok activity to test; narrow the query with a platform "
                   "or content filter"};
    tested.push_back({t, c});
  }

  std::vector<LiftAnswer> ranked;
  for (const Candidate& c : tested) {
    LiftAnswer a;
    a.track = c.track;
    a.creations = c.creations;
    daily_creations(c.track, first, h.end, filter, creations);
    lift_activity(a, h, creations);
    lift_test(a, h, creations);
    if (a.best_lag) {
      a.lags.clear();  // the ranking does not show them
      a.lags.shrink_to_fit();
      ranked.push_back(std::move(a));
    }
  }
  std::sort(ranked.begin(), ranked.end(), [&](const LiftAnswer& x, const LiftAnswer& y) {
    if (*x.correlation != *y.correlation) return *x.correlation > *y.correlation;
    if (x.creations != y.creations) return x.creations > y.creations;
    return tracks_[x.track].id < tracks_[y.track].id;
  });
  return {std::move(ranked)};
}

}  // namespace tta
