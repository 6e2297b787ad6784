// Brute-force reference implementation of the answers defined in docs/ANSWERS.md
// ("Answers": overview and track).
//
// Purpose: property tests compare the real (optimised) engine in core/ with
// this file on many generated documents. So this file is written to be
// *obviously* correct rather than fast, and shares no code or design with the
// engine:
//   - dates are turned into day numbers by our own civil-date arithmetic;
//   - every sum is computed day by day: for each day of a window, look at
//     every series and add its value for that day (null counts as 0);
//   - nothing is cached or pre-aggregated.
// The cost is O(days in window x number of series) per figure, which is fine
// for the small documents property tests use.
//
// Input is an already-valid `tiktok-analytics/v1` document (validation is the
// engine's job, not ours); if it is not valid the behaviour here is undefined.
//
// Output: nlohmann::json values with the keys of docs/ANSWERS.md. Every count is a
// JSON unsigned integer (number_unsigned), every `change` a double or null.
// Note: nlohmann::json stores object keys sorted, so the *textual* key order
// of a dump differs from docs/ANSWERS.md; JSON objects are unordered, so tests
// compare by value. Array orderings (tracks, territories, series) are exact.
#pragma once

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace tta_reference {

namespace detail {

using json = nlohmann::json;

// A day number: days since 1970-01-01 (which is day 0). Signed, because long
// previous windows can reach far back, and 64-bit so nothing ever overflows.
using Day = std::int64_t;

// ---------------------------------------------------------------------------
// Civil (proleptic Gregorian) calendar, written out the plain way.
// ---------------------------------------------------------------------------

// Floor division (C++ '/' truncates towards zero, which is wrong for years <= 0).
inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

inline bool is_leap_year(std::int64_t y) { return (y % 4 == 0 && y % 100 != 0) || (y % 400 == 0); }

inline int days_in_month(std::int64_t y, int m) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return (m == 2 && is_leap_year(y)) ? 29 : kDays[m - 1];
}

// Number of leap years in [1, y] (for y >= 0; also right for negative y
// thanks to floor division, counting year 0, -4, ... as leap).
inline std::int64_t leap_years_through(std::int64_t y) {
  return floor_div(y, 4) - floor_div(y, 100) + floor_div(y, 400);
}

// Days from 0001-01-01 to the first day of year y.
inline std::int64_t days_before_year_from_0001(std::int64_t y) {
  return 365 * (y - 1) + leap_years_through(y - 1);
}

// 1970-01-01 expressed as a count of days from 0001-01-01.
inline std::int64_t epoch_offset() { return days_before_year_from_0001(1970); }

inline Day day_from_civil(std::int64_t y, int m, int d) {
  std::int64_t days = days_before_year_from_0001(y);
  for (int month = 1; month < m; ++month) days += days_in_month(y, month);
  days += d - 1;
  return days - epoch_offset();
}

struct Civil {
  std::int64_t year;
  int month;
  int day;
};

// Inverse of day_from_civil: guess the year from the mean year length, then
// walk to the right year and month. Slow but easy to check.
inline Civil civil_from_day(Day day) {
  const std::int64_t from0001 = day + epoch_offset();
  std::int64_t y = 1 + floor_div(from0001 * 10000, 3652425);
  while (days_before_year_from_0001(y) > from0001) --y;
  while (days_before_year_from_0001(y + 1) <= from0001) ++y;
  std::int64_t rest = from0001 - days_before_year_from_0001(y);  // 0-based day of year
  int m = 1;
  while (rest >= days_in_month(y, m)) {
    rest -= days_in_month(y, m);
    ++m;
  }
  return Civil{y, m, static_cast<int>(rest) + 1};
}

// "YYYY-MM-DD" -> day number. The document is valid, so the format is exact.
inline Day parse_day(const std::string& text) {
  int y = 0, m = 0, d = 0;
  if (std::sscanf(text.c_str(), "%d-%d-%d", &y, &m, &d) != 3)
    throw std::invalid_argument("tta_reference: bad date " + text);
  return day_from_civil(y, m, d);
}

inline std::string format_day(Day day) {
  const Civil c = civil_from_day(day);
  char buf[64];  // roomy enough for any int64 year, so no truncation
  std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d", static_cast<long long>(c.year), c.month,
                c.day);
  return buf;
}

// ---------------------------------------------------------------------------
// Reading one value of a series.
// ---------------------------------------------------------------------------

// The value of `series[field]` on `day`, 0 when the series does not cover the
// day or the value is null ("null counts as 0 in sums").
inline std::uint64_t value_on(const json& series, const char* field, Day day) {
  const Day start = parse_day(series.at("start").get<std::string>());
  const json& values = series.at(field);
  if (day < start) return 0;
  const Day k = day - start;
  if (k >= static_cast<Day>(values.size())) return 0;
  const json& v = values[static_cast<std::size_t>(k)];
  if (v.is_null()) return 0;
  return v.get<std::uint64_t>();
}

// Last day covered by a series: start + n - 1 (null values included). Empty
// when the series has no values at all (it covers no day).
inline std::optional<Day> last_covered_day(const json& series, const char* field) {
  const std::size_t n = series.at(field).size();
  if (n == 0) return std::nullopt;
  return parse_day(series.at("start").get<std::string>()) + static_cast<Day>(n) - 1;
}

inline const json& array_or_empty(const json& doc, const char* key) {
  static const json kEmpty = json::array();
  auto it = doc.find(key);
  if (it == doc.end() || it->is_null()) return kEmpty;
  return *it;
}

inline std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

// A filter value "all" matches every series. Any other value matches only a
// series that states exactly that value; a series without the key (unknown)
// matches only "all".
inline bool field_matches(const json& series, const char* key, const std::string& wanted) {
  if (wanted == "all") return true;
  auto it = series.find(key);
  if (it == series.end() || !it->is_string()) return false;
  return it->get<std::string>() == wanted;
}

// The platform filter is "all", one platform, or a set: platform words
// separated by commas ("tiktok,youtube_shorts"). A set keeps a series whose
// platform is one of its words; a series without a platform only under "all".
inline bool platform_matches(const json& series, const std::string& wanted) {
  if (wanted == "all") return true;
  auto it = series.find("platform");
  if (it == series.end() || !it->is_string()) return false;
  const std::string platform = it->get<std::string>();
  for (std::size_t from = 0, comma = 0; comma != std::string::npos; from = comma + 1) {
    comma = wanted.find(',', from);
    if (wanted.substr(from, comma == std::string::npos ? comma : comma - from) == platform)
      return true;
  }
  return false;
}

struct Filters {
  std::string platform;  // all | a platform | platforms separated by commas
  std::string content;   // all | ugc | pgc
};

inline bool series_matches(const json& series, const Filters& f) {
  return platform_matches(series, f.platform) && field_matches(series, "content", f.content);
}

// A series' territory, upper-cased; "" when it has none (absent or null).
inline std::string territory_of(const json& series) {
  auto it = series.find("territory");
  if (it == series.end() || !it->is_string()) return "";
  return upper(it->get<std::string>());
}

// Whether any TikTok series of the document has no territory (answers then
// give creationsWithoutTerritory).
inline bool has_series_without_territory(const json& doc) {
  for (const json& s : array_or_empty(doc, "tiktok"))
    if (territory_of(s).empty()) return true;
  return false;
}

// ---------------------------------------------------------------------------
// E, S and windows.
// ---------------------------------------------------------------------------

struct Clock {
  Day E;                 // last complete TikTok day
  std::optional<Day> S;  // last complete streams day; empty = unknown
};

inline Clock clock_of(const json& doc) {
  auto as_of = doc.find("asOf");
  if (as_of != doc.end() && as_of->is_string()) {
    // "TikTok data is complete through D-1, streams through D-2."
    const Day D = parse_day(as_of->get<std::string>());
    return Clock{D - 1, D - 2};
  }
  // Without asOf: the latest day covered by any series of each kind.
  std::optional<Day> last_tiktok, last_streams;
  for (const json& s : array_or_empty(doc, "tiktok")) {
    // creations and views have the same length, so either gives coverage.
    auto last = last_covered_day(s, "creations");
    if (last && (!last_tiktok || *last > *last_tiktok)) last_tiktok = last;
  }
  for (const json& s : array_or_empty(doc, "streams")) {
    auto last = last_covered_day(s, "streams");
    if (last && (!last_streams || *last > *last_streams)) last_streams = last;
  }
  Clock c{0, last_streams};
  if (last_tiktok) {
    c.E = *last_tiktok;
  } else if (last_streams) {
    c.E = *last_streams + 1;  // no TikTok series: the day after the last streams day
  } else {
    // docs/ANSWERS.md: "A document with no series at all needs asOf (refused otherwise)."
    throw std::invalid_argument("tta_reference: no series and no asOf");
  }
  return c;
}

struct Range {
  Day first;
  Day last;  // inclusive
};

struct Windows {
  Range current;   // [E-p+1, E]
  Range previous;  // [E-2p+1, E-p]
};

inline Windows windows_of(const Clock& c, int period) {
  const Day p = period;
  return Windows{Range{c.E - p + 1, c.E}, Range{c.E - 2 * p + 1, c.E - p}};
}

// A custom range [first, last]: previous window = the same length just before.
inline Windows windows_of_range(Day first, Day last) {
  const Day n = last - first + 1;
  return Windows{Range{first, last}, Range{first - n, first - 1}};
}

// ---------------------------------------------------------------------------
// Day-by-day sums. `track` / `territory` empty = no restriction.
// ---------------------------------------------------------------------------

// Sum of TikTok `field` (creations or views) on one day, over every series
// matching the filters (and the track / upper-cased territory if given).
inline std::uint64_t tiktok_on_day(const json& doc, const char* field, Day day, const Filters& f,
                                   const std::optional<std::string>& track,
                                   const std::optional<std::string>& territory) {
  std::uint64_t sum = 0;
  for (const json& s : array_or_empty(doc, "tiktok")) {
    if (track && s.at("track").get<std::string>() != *track) continue;
    if (territory && territory_of(s) != *territory) continue;
    if (!series_matches(s, f)) continue;
    sum += value_on(s, field, day);
  }
  return sum;
}

inline std::uint64_t tiktok_sum(const json& doc, const char* field, const Range& r,
                                const Filters& f, const std::optional<std::string>& track,
                                const std::optional<std::string>& territory) {
  std::uint64_t sum = 0;
  for (Day day = r.first; day <= r.last; ++day)
    sum += tiktok_on_day(doc, field, day, f, track, territory);
  return sum;
}

// Streams on one day: null (empty optional) when the day is after S or S is
// unknown, else the sum over the streams series (0 where nothing covers it).
// Streams are never filtered by platform/content.
inline std::optional<std::uint64_t> streams_on_day(const json& doc, Day day, const Clock& c,
                                                   const std::optional<std::string>& track) {
  if (!c.S || day > *c.S) return std::nullopt;
  std::uint64_t sum = 0;
  for (const json& s : array_or_empty(doc, "streams")) {
    if (track && s.at("track").get<std::string>() != *track) continue;
    sum += value_on(s, "streams", day);
  }
  return sum;
}

// "streams: sums over days in the window that are <= S" (0 when S unknown).
inline std::uint64_t streams_sum(const json& doc, const Range& r, const Clock& c,
                                 const std::optional<std::string>& track) {
  std::uint64_t sum = 0;
  for (Day day = r.first; day <= r.last; ++day)
    sum += streams_on_day(doc, day, c, track).value_or(0);
  return sum;
}

// ---------------------------------------------------------------------------
// Answer pieces.
// ---------------------------------------------------------------------------

// {"current", "previous", "change"}; change = (cur - prev) / prev, null if prev == 0.
inline json metric(std::uint64_t current, std::uint64_t previous) {
  json m = json::object();
  m["current"] = current;
  m["previous"] = previous;
  if (previous == 0) {
    m["change"] = nullptr;
  } else {
    // Sums are <= 2^53-1 (docs/ANSWERS.md), so the difference and the divisor
    // are exact doubles and the only rounding is the division itself.
    const double diff = static_cast<double>(static_cast<std::int64_t>(current) -
                                            static_cast<std::int64_t>(previous));
    m["change"] = diff / static_cast<double>(previous);
  }
  return m;
}

// window.days is the window's length: the period, or end - start + 1 for a
// custom range.
inline void put_frame(json& out, const Clock& c, const Windows& w) {
  out["window"] = {{"start", format_day(w.current.first)},
                   {"end", format_day(w.current.last)},
                   {"days", static_cast<std::uint64_t>(w.current.last - w.current.first + 1)}};
  out["previousWindow"] = {{"start", format_day(w.previous.first)},
                           {"end", format_day(w.previous.last)}};
  out["dataThrough"] = {{"tiktok", format_day(c.E)},
                        {"streams", c.S ? json(format_day(*c.S)) : json(nullptr)}};
}

// A string field of a track, or null when absent.
inline json optional_string(const json& track, const char* key) {
  auto it = track.find(key);
  if (it == track.end() || !it->is_string()) return nullptr;
  return *it;
}

// Every distinct (upper-cased) territory code of the track's TikTok series,
// whatever the filters (codes with 0 creations are dropped later). Series
// without a territory are in no territory list.
inline std::vector<std::string> territories_of(const json& doc, const std::string& track) {
  std::vector<std::string> codes;
  for (const json& s : array_or_empty(doc, "tiktok")) {
    if (s.at("track").get<std::string>() != track) continue;
    const std::string code = territory_of(s);
    if (code.empty()) continue;
    if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
  }
  return codes;
}

struct TerritoryRow {
  std::string code;
  std::uint64_t creations;
  std::uint64_t views;
};

// Territories of a track with creations > 0 in the window, by creations desc
// then code asc (byte order), cut to `limit`.
inline std::vector<TerritoryRow> ranked_territories(const json& doc, const std::string& track,
                                                    const Range& window, const Filters& f,
                                                    std::size_t limit) {
  std::vector<TerritoryRow> rows;
  for (const std::string& code : territories_of(doc, track)) {
    const std::uint64_t creations = tiktok_sum(doc, "creations", window, f, track, code);
    if (creations == 0) continue;
    const std::uint64_t views = tiktok_sum(doc, "views", window, f, track, code);
    rows.push_back(TerritoryRow{code, creations, views});
  }
  std::sort(rows.begin(), rows.end(), [](const TerritoryRow& a, const TerritoryRow& b) {
    if (a.creations != b.creations) return a.creations > b.creations;
    return a.code < b.code;
  });
  if (rows.size() > limit) rows.resize(limit);
  return rows;
}

// ---------------------------------------------------------------------------
// overview over given windows (period or custom range; the public
// overview(period) is below)
// ---------------------------------------------------------------------------
inline json overview_in(const json& doc, const Clock& c, const Windows& w, const Filters& f) {
  const std::optional<std::string> any;  // no track / territory restriction

  json out = json::object();
  put_frame(out, c, w);
  out["creations"] = metric(tiktok_sum(doc, "creations", w.current, f, any, any),
                            tiktok_sum(doc, "creations", w.previous, f, any, any));
  out["views"] = metric(tiktok_sum(doc, "views", w.current, f, any, any),
                        tiktok_sum(doc, "views", w.previous, f, any, any));
  // Catalog-wide streams: every streams series, whatever the filters.
  out["streams"] =
      metric(streams_sum(doc, w.current, c, any), streams_sum(doc, w.previous, c, any));

  struct Row {
    std::string id;
    std::uint64_t creations, views;
    json value;
  };
  std::vector<Row> rows;
  const json& catalog = array_or_empty(doc, "tracks");
  const bool without_territory = has_series_without_territory(doc);
  for (const json& t : catalog) {
    const std::string id = t.at("id").get<std::string>();
    const std::uint64_t creations = tiktok_sum(doc, "creations", w.current, f, id, any);
    if (creations == 0) continue;  // only tracks with at least one creation
    const std::uint64_t views = tiktok_sum(doc, "views", w.current, f, id, any);

    json top = json::array();
    for (const TerritoryRow& r : ranked_territories(doc, id, w.current, f, 3))
      top.push_back({{"code", r.code}, {"creations", r.creations}});

    json row = json::object();
    row["id"] = id;
    row["title"] = optional_string(t, "title");
    row["artist"] = optional_string(t, "artist");
    row["creations"] = creations;
    row["views"] = views;
    row["streams"] = streams_sum(doc, w.current, c, id);  // the track's streams in the window
    row["topTerritories"] = top;
    if (without_territory)
      row["creationsWithoutTerritory"] =
          tiktok_sum(doc, "creations", w.current, f, id, std::string());
    rows.push_back(Row{id, creations, views, row});
  }
  // creations desc, then views desc, then id asc (byte order).
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.creations != b.creations) return a.creations > b.creations;
    if (a.views != b.views) return a.views > b.views;
    return a.id < b.id;
  });

  out["tracksWithCreations"] = static_cast<std::uint64_t>(rows.size());
  out["catalogTracks"] = static_cast<std::uint64_t>(catalog.size());
  json tracks = json::array();
  for (const Row& r : rows) tracks.push_back(r.value);
  out["tracks"] = tracks;
  return out;
}

// ---------------------------------------------------------------------------
// track over given windows (the public track(id, period) is below)
// ---------------------------------------------------------------------------

// The catalog entry of a track. Throws std::invalid_argument for an unknown id.
inline const json& find_track(const json& doc, const std::string& id) {
  const json* found = nullptr;
  for (const json& t : array_or_empty(doc, "tracks"))
    if (t.at("id").get<std::string>() == id) found = &t;
  if (!found) throw std::invalid_argument("tta_reference: unknown track " + id);
  return *found;
}

// {"id", "title", "artist", "isrc"} of a catalog entry, absent fields null.
inline json track_identity(const json& t) {
  return {{"id", t.at("id").get<std::string>()},
          {"title", optional_string(t, "title")},
          {"artist", optional_string(t, "artist")},
          {"isrc", optional_string(t, "isrc")}};
}

inline json track_in(const json& doc, const std::string& id, const Clock& c, const Windows& w,
                     const Filters& f) {
  const json& found = find_track(doc, id);
  const std::optional<std::string> any;

  json out = json::object();
  out["track"] = track_identity(found);
  put_frame(out, c, w);
  out["creations"] = metric(tiktok_sum(doc, "creations", w.current, f, id, any),
                            tiktok_sum(doc, "creations", w.previous, f, id, any));
  out["views"] = metric(tiktok_sum(doc, "views", w.current, f, id, any),
                        tiktok_sum(doc, "views", w.previous, f, id, any));
  out["streams"] = metric(streams_sum(doc, w.current, c, id), streams_sum(doc, w.previous, c, id));

  json territories = json::array();
  for (const TerritoryRow& r : ranked_territories(doc, id, w.current, f, 50))
    territories.push_back({{"code", r.code}, {"creations", r.creations}, {"views", r.views}});
  out["territories"] = territories;
  if (has_series_without_territory(doc))
    out["creationsWithoutTerritory"] =
        tiktok_sum(doc, "creations", w.current, f, id, std::string());

  // One entry per day of the window. Every window day is <= E, so creations
  // and views are always numbers; streams are null after S (or S unknown).
  json dates = json::array(), creations = json::array(), views = json::array(),
       streams = json::array();
  for (Day day = w.current.first; day <= w.current.last; ++day) {
    dates.push_back(format_day(day));
    creations.push_back(tiktok_on_day(doc, "creations", day, f, id, any));
    views.push_back(tiktok_on_day(doc, "views", day, f, id, any));
    const std::optional<std::uint64_t> s = streams_on_day(doc, day, c, id);
    streams.push_back(s ? json(*s) : json(nullptr));
  }
  out["series"] = {
      {"dates", dates}, {"creations", creations}, {"views", views}, {"streams", streams}};
  return out;
}

}  // namespace detail

// ---------------------------------------------------------------------------
// overview(period, filters)
// ---------------------------------------------------------------------------
inline nlohmann::json overview(const nlohmann::json& doc, int period, const std::string& platform,
                               const std::string& content) {
  const detail::Clock c = detail::clock_of(doc);
  return detail::overview_in(doc, c, detail::windows_of(c, period),
                             detail::Filters{platform, content});
}

// ---------------------------------------------------------------------------
// track(id, period, filters). Throws std::invalid_argument for an unknown id.
// ---------------------------------------------------------------------------
inline nlohmann::json track(const nlohmann::json& doc, const std::string& id, int period,
                            const std::string& platform, const std::string& content) {
  const detail::Clock c = detail::clock_of(doc);
  return detail::track_in(doc, id, c, detail::windows_of(c, period),
                          detail::Filters{platform, content});
}

}  // namespace tta_reference
