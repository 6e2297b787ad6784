// Brute-force reference for the newer queries (custom ranges, splits,
// breakouts, stream lift, weekly series, table sort/search, CSV export).
//
// Same rules as brute_force.hpp, whose helpers this file reuses: written to be
// obviously correct, not fast; every figure is a day-by-day loop over every
// series (tiktok_on_day / streams_on_day / tiktok_sum / streams_sum); nothing
// is shared with the engine in core/. Input is an already-valid document.
//
// Conventions of the answers (as in brute_force.hpp): counts are unsigned JSON
// integers, ratios (share, growth, correlation, slope) doubles or null, object
// keys unordered, array orders exact.
//
// Functions (all in namespace tta_reference; periods and ranges as in
// docs/ANSWERS.md, filters platform all | a platform | a comma-separated set of
// platforms, and content all|ugc|pgc):
//   overview_range(doc, start, end, platform, content)          -> json
//   track_range(doc, id, start, end, platform, content)         -> json
//   splits(doc, period, platform, content, track_id /*""=all*/) -> json
//   breakouts(doc, period, platform, content, min_creations)    -> json
//   lift(doc, id, period, platform, content)                    -> json
//   lift_ranking(doc, period, platform, content)                -> json
//   weekly_series(doc, id, period, platform, content)           -> json
//   table(doc, period, platform, content, sort, descending, search) -> json array
//   overview_csv(doc, period, platform, content)                -> std::string
//   track_csv(doc, id, period, platform, content)               -> std::string
// An unknown track id throws std::invalid_argument (as track() does).
#pragma once

#include "brute_force.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tta_reference {

namespace detail {

// ---------------------------------------------------------------------------
// Custom ranges
// ---------------------------------------------------------------------------

// [start, end] as windows. The engine refuses a range that is empty (start
// after end) or ends after E; so does the reference, to make its domain plain.
inline Windows windows_of_dates(const Clock& c, const std::string& start, const std::string& end) {
  const Day first = parse_day(start);
  const Day last = parse_day(end);
  if (first > last) throw std::invalid_argument("tta_reference: range start after end");
  if (last > c.E) throw std::invalid_argument("tta_reference: range ends after E");
  return windows_of_range(first, last);
}

// ---------------------------------------------------------------------------
// Splits
// ---------------------------------------------------------------------------

// Does the series state `value` for `key`? value "unknown" = the key is absent
// (a non-string value is treated as absent, like field_matches does).
inline bool field_is(const json& series, const char* key, const std::string& value) {
  auto it = series.find(key);
  const bool absent = it == series.end() || !it->is_string();
  if (value == "unknown") return absent;
  return !absent && it->get<std::string>() == value;
}

// Sum of TikTok `field` over the range, over series whose `key` is `value`
// (see field_is) and that match the filters `f`; `track` empty = every track.
inline std::uint64_t split_sum(const json& doc, const char* field, const Range& r, const char* key,
                               const std::string& value, const Filters& f,
                               const std::optional<std::string>& track) {
  std::uint64_t sum = 0;
  for (Day day = r.first; day <= r.last; ++day) {
    for (const json& s : array_or_empty(doc, "tiktok")) {
      if (track && s.at("track").get<std::string>() != *track) continue;
      if (!field_is(s, key, value)) continue;
      if (!series_matches(s, f)) continue;
      sum += value_on(s, field, day);
    }
  }
  return sum;
}

// The three entries of one split, in the given key order. `f` is the filter
// that still applies (the split dimension itself set to "all").
inline json split_entries(const json& doc, const Range& r, const char* key,
                          const std::vector<std::string>& values, const Filters& f,
                          const std::optional<std::string>& track) {
  std::vector<std::uint64_t> creations, views;
  std::uint64_t total = 0;
  for (const std::string& v : values) {
    creations.push_back(split_sum(doc, "creations", r, key, v, f, track));
    views.push_back(split_sum(doc, "views", r, key, v, f, track));
    total += creations.back();
  }
  json entries = json::array();
  for (std::size_t i = 0; i < values.size(); ++i) {
    json e = json::object();
    e["key"] = values[i];
    e["creations"] = creations[i];
    e["views"] = views[i];
    if (total == 0)
      e["share"] = nullptr;
    else
      e["share"] = static_cast<double>(creations[i]) / static_cast<double>(total);
    entries.push_back(e);
  }
  return entries;
}

// ---------------------------------------------------------------------------
// Lift (docs/INSIGHTS.md, "Lift"): on a fixed 84-day history, the creations
// and streams filtered by (1 - B)(1 - B^7), clipped at median +- 3 x 1.4826 x
// MAD, correlated at lags 0..14; a claim when the best lag passes the
// Bonferroni bound with Bartlett's variance; the slope and its interval on
// the unclipped filtered values. Written day by day with maps keyed by day.
// ---------------------------------------------------------------------------

constexpr int kMaxLag = 14;
constexpr int kHistory = 84;
constexpr int kMinCreationDays = 10;
constexpr std::uint64_t kMinCreations = 30;
constexpr int kMaxMissingStreams = 8;
constexpr std::size_t kMinPairs = 42;
constexpr double kZ = 2.7131;

struct Fit {
  std::size_t pairs = 0;
  std::optional<double> r;
  double slope = 0, sxx = 0, sxy = 0, syy = 0;
};

// Two-pass Pearson: means first, then sums of products of deviations.
inline Fit pearson(const std::vector<double>& x, const std::vector<double>& y) {
  Fit fit;
  fit.pairs = x.size();
  if (x.size() < kMinPairs) return fit;
  const double n = static_cast<double>(x.size());
  double sum_x = 0, sum_y = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sum_x += x[i];
    sum_y += y[i];
  }
  const double mean_x = sum_x / n, mean_y = sum_y / n;
  for (std::size_t i = 0; i < x.size(); ++i) {
    fit.sxx += (x[i] - mean_x) * (x[i] - mean_x);
    fit.syy += (y[i] - mean_y) * (y[i] - mean_y);
    fit.sxy += (x[i] - mean_x) * (y[i] - mean_y);
  }
  if (fit.sxx == 0 || fit.syy == 0) return fit;
  fit.r = fit.sxy / std::sqrt(fit.sxx * fit.syy);
  fit.slope = fit.sxy / fit.sxx;
  return fit;
}

// The lower median of the values (sorted copy).
inline double lower_median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[(v.size() - 1) / 2];
}

// values clipped to median +- 3 x 1.4826 x MAD (unchanged when the MAD is 0).
inline std::map<Day, double> clipped(const std::map<Day, double>& values) {
  std::vector<double> v;
  for (const auto& [day, x] : values) v.push_back(x);
  if (v.empty()) return values;
  const double m = lower_median(v);
  for (double& x : v) x = std::fabs(x - m);
  const double mad = lower_median(v);
  if (mad == 0) return values;
  std::map<Day, double> out;
  for (const auto& [day, x] : values)
    out[day] = std::min(m + 3.0 * 1.4826 * mad, std::max(m - 3.0 * 1.4826 * mad, x));
  return out;
}

// Lag-k autocorrelation over the days d with d and d - k both present.
inline double autocorrelation(const std::map<Day, double>& values, int k) {
  double sum = 0;
  for (const auto& [day, x] : values) sum += x;
  const double mean = sum / static_cast<double>(values.size());
  double g0 = 0, gk = 0;
  for (const auto& [day, x] : values) {
    g0 += (x - mean) * (x - mean);
    const auto before = values.find(day - k);
    if (before != values.end()) gk += (x - mean) * (before->second - mean);
  }
  return g0 == 0 ? 0 : gk / g0;
}

// v rounded to the largest power of ten at or below half (at least 0.01).
inline double round_like(double v, double half) {
  int e = 0;
  while (std::pow(10.0, e + 1) <= half) ++e;
  while (std::pow(10.0, e) > half && e > -2) --e;
  if (e >= 0) return std::floor(v / std::pow(10.0, e) + 0.5) * std::pow(10.0, e);
  return std::floor(v * std::pow(10.0, -e) + 0.5) / std::pow(10.0, -e);
}

struct Lift {
  Range history{0, -1};
  std::uint64_t creations = 0;
  int creation_days = 0;
  std::vector<Fit> lags;
  std::optional<int> best_lag;
  std::optional<double> r, ratio, low, high;
  std::string reason;  // empty with a claim
};

inline Range lift_history(const Clock& c, const Range& window) {
  Day end = std::min(c.E, window.last + kMaxLag);
  if (c.S) end = std::min(end, *c.S);
  return Range{end - kHistory + 1, end};
}

inline Lift lift_of(const json& doc, const std::string& id, const Clock& c, const Range& window,
                    const Filters& f) {
  const std::optional<std::string> any;
  Lift out;
  out.history = lift_history(c, window);
  const Day h0 = out.history.first, h1 = out.history.last;
  std::map<Day, std::uint64_t> creations, streams;
  for (Day d = h0 - kMaxLag - 8; d <= h1; ++d)
    creations[d] = d > c.E ? 0 : tiktok_on_day(doc, "creations", d, f, id, any);
  for (Day d = h0 - kMaxLag; d <= h1; ++d) {
    out.creations += creations[d];
    if (creations[d] > 0) ++out.creation_days;
  }
  if (out.creation_days < kMinCreationDays || out.creations < kMinCreations) {
    out.reason = "thin-activity";
    return out;
  }
  int missing = 0;
  for (Day d = h0 - 8; d <= h1; ++d) {
    const std::optional<std::uint64_t> s = streams_on_day(doc, d, c, id);
    streams[d] = s ? *s : 0;
    if (streams[d] == 0) ++missing;
  }
  if (missing > kMaxMissingStreams) {
    out.reason = "no-streams";
    return out;
  }
  auto as_double = [](std::uint64_t v) { return static_cast<double>(v); };
  std::map<Day, double> x, y;  // y only on days whose four streams days are all present
  for (Day d = h0 - kMaxLag; d <= h1; ++d)
    x[d] = (as_double(creations[d]) - as_double(creations[d - 1])) -
           (as_double(creations[d - 7]) - as_double(creations[d - 8]));
  for (Day d = h0; d <= h1; ++d)
    if (streams[d] && streams[d - 1] && streams[d - 7] && streams[d - 8])
      y[d] = (as_double(streams[d]) - as_double(streams[d - 1])) -
             (as_double(streams[d - 7]) - as_double(streams[d - 8]));
  const std::map<Day, double> xc = clipped(x), yc = clipped(y);

  auto fit = [&](const std::map<Day, double>& xs, const std::map<Day, double>& ys, int lag) {
    std::vector<double> a, b;
    for (const auto& [day, v] : ys) {
      a.push_back(xs.at(day - lag));
      b.push_back(v);
    }
    return pearson(a, b);
  };
  for (int lag = 0; lag <= kMaxLag; ++lag) {
    out.lags.push_back(fit(xc, yc, lag));
    const Fit& now = out.lags.back();
    if (now.r && (!out.best_lag || *now.r > *out.lags[*out.best_lag].r)) out.best_lag = lag;
  }
  const std::optional<int> best = out.best_lag;
  out.best_lag.reset();
  if (!best || *out.lags[*best].r <= 0) {
    out.reason = "not-significant";
    return out;
  }
  double bartlett = 1;
  for (int k = 1; k <= kMaxLag; ++k)
    bartlett += 2 * autocorrelation(xc, k) * autocorrelation(yc, k);
  bartlett = std::max(1.0, bartlett);
  const Fit& chosen = out.lags[*best];
  if (!(*chosen.r > kZ * std::sqrt(bartlett / static_cast<double>(chosen.pairs)))) {
    out.reason = "not-significant";
    return out;
  }
  const Fit raw = fit(x, y, *best);
  if (!raw.r) {
    out.reason = "not-significant";
    return out;
  }
  out.best_lag = best;
  out.r = chosen.r;
  const double n = static_cast<double>(raw.pairs);
  const double residual = std::max(0.0, raw.syy - raw.slope * raw.sxy);
  const double half = 3.0 * std::sqrt(residual / (n - 2) / raw.sxx);
  out.low = round_like(raw.slope - half, half);
  out.high = round_like(raw.slope + half, half);
  if (raw.slope - half > 0) out.ratio = round_like(raw.slope, half);
  return out;
}

inline json optional_double(const std::optional<double>& v) { return v ? json(*v) : json(nullptr); }

// ---------------------------------------------------------------------------
// Table and CSV helpers
// ---------------------------------------------------------------------------

inline std::string lower_ascii(std::string s) {
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  return s;
}

// Case-insensitive (ASCII only) substring test; a null value never matches.
inline bool text_contains(const json& value, const std::string& needle) {
  if (!value.is_string()) return false;
  return lower_ascii(value.get<std::string>()).find(lower_ascii(needle)) != std::string::npos;
}

// Ascending order of optional texts: byte-wise, null after every string.
// Returns <0, 0, >0.
inline int compare_text(const json& a, const json& b) {
  if (a.is_null() && b.is_null()) return 0;
  if (a.is_null()) return 1;
  if (b.is_null()) return -1;
  const std::string& x = a.get_ref<const std::string&>();
  const std::string& y = b.get_ref<const std::string&>();
  // std::string::compare uses char_traits<char>, which compares as unsigned
  // char: byte-wise order of the UTF-8 text.
  const int cmp = x.compare(y);
  return cmp < 0 ? -1 : (cmp > 0 ? 1 : 0);
}

inline int compare_number(std::uint64_t a, std::uint64_t b) { return a < b ? -1 : (a > b ? 1 : 0); }

// The standard ranking of overview rows: creations desc, views desc, id asc.
inline bool ranks_before(const json& a, const json& b) {
  const auto ca = a.at("creations").get<std::uint64_t>(),
             cb = b.at("creations").get<std::uint64_t>();
  if (ca != cb) return ca > cb;
  const auto va = a.at("views").get<std::uint64_t>(), vb = b.at("views").get<std::uint64_t>();
  if (va != vb) return va > vb;
  return a.at("id").get<std::string>() < b.at("id").get<std::string>();
}

// One CSV cell (RFC 4180). For text cells (title, artist, id), a leading
// = + - @ TAB or CR first gets a ' in front (formula injection); then any cell
// holding , " CR or LF is wrapped in double quotes with inner quotes doubled.
inline std::string csv_cell(const std::string& value, bool is_text) {
  std::string cell = value;
  if (is_text && !cell.empty()) {
    const char first = cell[0];
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' ||
        first == '\r')
      cell = "'" + cell;
  }
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char ch : cell) {
    if (ch == '"')
      quoted += "\"\"";
    else
      quoted += ch;
  }
  return quoted + "\"";
}

inline std::string csv_text(const json& value) {
  return csv_cell(value.is_string() ? value.get<std::string>() : std::string(), true);
}

inline std::string csv_line(const std::vector<std::string>& cells) {
  std::string line;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) line += ",";
    line += cells[i];
  }
  return line + "\r\n";
}

}  // namespace detail

// ---------------------------------------------------------------------------
// 1. Custom range: overview / track over [start, end] (previous window = the
//    same length just before start). Throws when start > end or end > E.
// ---------------------------------------------------------------------------
inline nlohmann::json overview_range(const nlohmann::json& doc, const std::string& start,
                                     const std::string& end, const std::string& platform,
                                     const std::string& content) {
  const detail::Clock c = detail::clock_of(doc);
  return detail::overview_in(doc, c, detail::windows_of_dates(c, start, end),
                             detail::Filters{platform, content});
}

inline nlohmann::json track_range(const nlohmann::json& doc, const std::string& id,
                                  const std::string& start, const std::string& end,
                                  const std::string& platform, const std::string& content) {
  const detail::Clock c = detail::clock_of(doc);
  return detail::track_in(doc, id, c, detail::windows_of_dates(c, start, end),
                          detail::Filters{platform, content});
}

// ---------------------------------------------------------------------------
// 2. Platform and content splits of the current window. The platform split
//    keeps the content filter (and ignores the platform one), the content
//    split keeps the platform filter. track_id "" = the whole catalog.
// ---------------------------------------------------------------------------
inline nlohmann::json splits(const nlohmann::json& doc, int period, const std::string& platform,
                             const std::string& content, const std::string& track_id) {
  using namespace detail;
  std::optional<std::string> track;
  if (!track_id.empty()) {
    find_track(doc, track_id);  // throws for an unknown id
    track = track_id;
  }
  const Clock c = clock_of(doc);
  const Windows w = windows_of(c, period);
  json out = json::object();
  put_frame(out, c, w);
  out["platform"] =
      split_entries(doc, w.current, "platform",
                    {"tiktok", "douyin", "youtube_shorts", "instagram_reels", "unknown"},
                    Filters{"all", content}, track);
  out["content"] = split_entries(doc, w.current, "content", {"ugc", "pgc", "unknown"},
                                 Filters{platform, "all"}, track);
  return out;
}

// ---------------------------------------------------------------------------
// 3. Breakouts: cur >= min_creations and (prev == 0 or cur >= 2 prev).
//    Order: prev == 0 first (cur desc, id asc), then growth desc, cur desc,
//    id asc. Note: taken literally, min_creations 0 also lists tracks with
//    cur == prev == 0.
// ---------------------------------------------------------------------------
inline nlohmann::json breakouts(const nlohmann::json& doc, int period, const std::string& platform,
                                const std::string& content, std::uint64_t min_creations) {
  using namespace detail;
  const Filters f{platform, content};
  const Clock c = clock_of(doc);
  const Windows w = windows_of(c, period);
  const std::optional<std::string> any;

  struct Row {
    std::string id;
    std::uint64_t cur, prev;
    std::optional<double> growth;
    json value;
  };
  std::vector<Row> rows;
  for (const json& t : array_or_empty(doc, "tracks")) {
    const std::string id = t.at("id").get<std::string>();
    const std::uint64_t cur = tiktok_sum(doc, "creations", w.current, f, id, any);
    const std::uint64_t prev = tiktok_sum(doc, "creations", w.previous, f, id, any);
    if (cur < min_creations) continue;
    if (!(prev == 0 || cur >= 2 * prev)) continue;
    std::optional<double> growth;
    if (prev != 0)  // cur >= 2 prev here, so cur - prev >= 0; both <= 2^53-1: exact doubles
      growth = static_cast<double>(cur - prev) / static_cast<double>(prev);
    json row = json::object();
    row["id"] = id;
    row["title"] = optional_string(t, "title");
    row["artist"] = optional_string(t, "artist");
    row["creations"] = cur;
    row["previousCreations"] = prev;
    row["growth"] = optional_double(growth);
    rows.push_back(Row{id, cur, prev, growth, row});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    const bool a_new = a.prev == 0, b_new = b.prev == 0;
    if (a_new != b_new) return a_new;  // new tracks (prev == 0) first
    if (!a_new && *a.growth != *b.growth) return *a.growth > *b.growth;
    if (a.cur != b.cur) return a.cur > b.cur;
    return a.id < b.id;
  });

  json out = json::object();
  put_frame(out, c, w);
  out["minCreations"] = min_creations;
  json tracks = json::array();
  for (const Row& r : rows) tracks.push_back(r.value);
  out["tracks"] = tracks;
  return out;
}

// ---------------------------------------------------------------------------
// 4. Lift of one track (the method above), with the history and activity.
// ---------------------------------------------------------------------------
namespace detail {
inline void put_lift_fields(json& out, const Lift& l) {
  out["bestLag"] = l.best_lag ? json(static_cast<std::uint64_t>(*l.best_lag)) : json(nullptr);
  out["correlation"] = optional_double(l.r);
  out["streamsPerCreation"] = optional_double(l.ratio);
  out["streamsPerCreationInterval"] =
      l.low ? json{{"low", *l.low}, {"high", *l.high}} : json(nullptr);
  out["reason"] = l.reason.empty() ? json(nullptr) : json(l.reason);
}
inline json history_json(const Range& h) {
  return {{"start", format_day(h.first)},
          {"end", format_day(h.last)},
          {"days", static_cast<std::uint64_t>(h.last - h.first + 1)}};
}
}  // namespace detail

inline nlohmann::json lift(const nlohmann::json& doc, const std::string& id, int period,
                           const std::string& platform, const std::string& content) {
  using namespace detail;
  const json& t = find_track(doc, id);
  const Clock c = clock_of(doc);
  const Windows w = windows_of(c, period);
  const Lift l = lift_of(doc, id, c, w.current, Filters{platform, content});

  json out = json::object();
  out["track"] = track_identity(t);
  put_frame(out, c, w);
  out.erase("previousWindow");  // lift answers carry window and dataThrough only
  out["history"] = history_json(l.history);
  out["historyCreations"] = l.creations;
  out["historyCreationDays"] = static_cast<std::uint64_t>(l.creation_days);
  json lags = json::array();
  for (std::size_t lag = 0; lag < l.lags.size(); ++lag) {
    const Fit& fit = l.lags[lag];
    lags.push_back({{"lag", static_cast<std::uint64_t>(lag)},
                    {"pairs", static_cast<std::uint64_t>(fit.pairs)},
                    {"correlation", optional_double(fit.r)}});
  }
  out["lags"] = lags;
  put_lift_fields(out, l);
  return out;
}

// ---------------------------------------------------------------------------
// 5. Lift ranking: every track with creations > 0 in the window and a claim;
//    correlation desc, creations desc, id asc.
// ---------------------------------------------------------------------------
inline nlohmann::json lift_ranking(const nlohmann::json& doc, int period,
                                   const std::string& platform, const std::string& content) {
  using namespace detail;
  const Filters f{platform, content};
  const Clock c = clock_of(doc);
  const Windows w = windows_of(c, period);
  const std::optional<std::string> any;

  struct Row {
    std::string id;
    std::uint64_t creations;
    double r;
    json value;
  };
  std::vector<Row> rows;
  for (const json& t : array_or_empty(doc, "tracks")) {
    const std::string id = t.at("id").get<std::string>();
    const std::uint64_t creations = tiktok_sum(doc, "creations", w.current, f, id, any);
    if (creations == 0) continue;
    const Lift l = lift_of(doc, id, c, w.current, f);
    if (!l.best_lag) continue;
    json row = json::object();
    row["id"] = id;
    row["title"] = optional_string(t, "title");
    row["artist"] = optional_string(t, "artist");
    row["creations"] = creations;
    put_lift_fields(row, l);
    rows.push_back(Row{id, creations, *l.r, row});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.r != b.r) return a.r > b.r;
    if (a.creations != b.creations) return a.creations > b.creations;
    return a.id < b.id;
  });
  json out = json::object();
  put_frame(out, c, w);
  out.erase("previousWindow");
  out.erase("dataThrough");  // the ranking carries the window only
  out["history"] = history_json(lift_history(c, w.current));
  out["claims"] = static_cast<std::uint64_t>(rows.size());
  json tracks = json::array();
  for (const Row& r : rows) tracks.push_back(r.value);
  out["tracks"] = tracks;
  return out;
}

// ---------------------------------------------------------------------------
// 6. Weekly series: 7-day buckets, the last one ending at the window end (so
//    the first one is shorter when the period is not a multiple of 7).
// ---------------------------------------------------------------------------
inline nlohmann::json weekly_series(const nlohmann::json& doc, const std::string& id, int period,
                                    const std::string& platform, const std::string& content) {
  using namespace detail;
  find_track(doc, id);  // throws for an unknown id
  const Filters f{platform, content};
  const Clock c = clock_of(doc);
  const Windows w = windows_of(c, period);
  const std::optional<std::string> any;

  // Cut buckets from the end backwards, then put them in date order.
  std::vector<Range> buckets;
  for (Day last = w.current.last; last >= w.current.first;) {
    const Day first = std::max(last - 6, w.current.first);
    buckets.insert(buckets.begin(), Range{first, last});
    last = first - 1;
  }

  json dates = json::array(), days = json::array(), creations = json::array(),
       views = json::array(), streams = json::array();
  for (const Range& b : buckets) {
    dates.push_back(format_day(b.first));
    days.push_back(static_cast<std::uint64_t>(b.last - b.first + 1));
    std::uint64_t cr = 0, vw = 0, st = 0;
    bool any_stream_day = false;
    for (Day day = b.first; day <= b.last; ++day) {
      cr += tiktok_on_day(doc, "creations", day, f, id, any);
      vw += tiktok_on_day(doc, "views", day, f, id, any);
      const std::optional<std::uint64_t> s = streams_on_day(doc, day, c, id);
      if (s) {
        any_stream_day = true;
        st += *s;
      }
    }
    creations.push_back(cr);
    views.push_back(vw);
    streams.push_back(any_stream_day ? json(st) : json(nullptr));
  }
  return {{"dates", dates},
          {"days", days},
          {"creations", creations},
          {"views", views},
          {"streams", streams}};
}

// ---------------------------------------------------------------------------
// 7. Table: the overview's rows (all tracks with creations > 0), filtered by a
//    case-insensitive ASCII substring of title, artist, isrc or id, ordered by
//    `sort` (creations|views|streams|title|artist) in the given direction,
//    ties by the standard ranking whatever the direction.
// ---------------------------------------------------------------------------
inline nlohmann::json table(const nlohmann::json& doc, int period, const std::string& platform,
                            const std::string& content, const std::string& sort, bool descending,
                            const std::string& search) {
  using namespace detail;
  const bool numeric = sort == "creations" || sort == "views" || sort == "streams";
  if (!numeric && sort != "title" && sort != "artist")
    throw std::invalid_argument("tta_reference: unknown sort key " + sort);

  const json all_rows = overview(doc, period, platform, content).at("tracks");
  std::vector<json> rows;
  for (const json& row : all_rows) {
    if (!search.empty()) {
      const std::string id = row.at("id").get<std::string>();
      const json isrc = optional_string(find_track(doc, id), "isrc");
      if (!text_contains(row.at("title"), search) && !text_contains(row.at("artist"), search) &&
          !text_contains(isrc, search) && !text_contains(row.at("id"), search))
        continue;
    }
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [&](const json& a, const json& b) {
    // Ascending comparison of the key, flipped for descending.
    int cmp = numeric
                  ? compare_number(a.at(sort).get<std::uint64_t>(), b.at(sort).get<std::uint64_t>())
                  : compare_text(a.at(sort), b.at(sort));
    if (descending) cmp = -cmp;
    if (cmp != 0) return cmp < 0;
    return ranks_before(a, b);
  });
  json out = json::array();
  for (const json& row : rows) out.push_back(row);
  return out;
}

// ---------------------------------------------------------------------------
// 8. CSV exports (RFC 4180, "\r\n" after every line, header included).
// ---------------------------------------------------------------------------
inline std::string overview_csv(const nlohmann::json& doc, int period, const std::string& platform,
                                const std::string& content) {
  using namespace detail;
  std::string csv = csv_line(
      {"rank", "id", "title", "artist", "creations", "views", "streams", "top_territories"});
  const json rows = overview(doc, period, platform, content).at("tracks");
  std::size_t rank = 0;
  for (const json& row : rows) {
    ++rank;
    std::string territories;
    for (const json& t : row.at("topTerritories")) {
      if (!territories.empty()) territories += " ";
      territories += t.at("code").get<std::string>();
    }
    csv += csv_line(
        {std::to_string(rank), csv_text(row.at("id")), csv_text(row.at("title")),
         csv_text(row.at("artist")), std::to_string(row.at("creations").get<std::uint64_t>()),
         std::to_string(row.at("views").get<std::uint64_t>()),
         std::to_string(row.at("streams").get<std::uint64_t>()), csv_cell(territories, false)});
  }
  return csv;
}

inline std::string track_csv(const nlohmann::json& doc, const std::string& id, int period,
                             const std::string& platform, const std::string& content) {
  using namespace detail;
  const json series = track(doc, id, period, platform, content).at("series");
  std::string csv = csv_line({"date", "creations", "views", "streams"});
  for (std::size_t i = 0; i < series.at("dates").size(); ++i) {
    const json& s = series.at("streams")[i];
    csv += csv_line({series.at("dates")[i].get<std::string>(),
                     std::to_string(series.at("creations")[i].get<std::uint64_t>()),
                     std::to_string(series.at("views")[i].get<std::uint64_t>()),
                     s.is_null() ? std::string() : std::to_string(s.get<std::uint64_t>())});
  }
  return csv;
}

}  // namespace tta_reference
