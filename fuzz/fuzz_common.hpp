// Checks shared by the fuzz harnesses. A broken promise calls abort() with a
// line on stderr, so libFuzzer reports the input that broke it (a crash, an
// ASan or UBSan report, or one of these checks).
#pragma once

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analytics.hpp"

namespace tta_fuzz {

using nlohmann::json;

[[noreturn]] inline void broken(const char* what, std::string_view detail = {}) {
  std::fprintf(stderr, "\nBROKEN PROMISE: %s\n  %.*s\n", what,
               static_cast<int>(std::min<std::size_t>(detail.size(), 2000)), detail.data());
  std::abort();
}

// The detail is built only when the check fails (dumping an answer is slow).
#define TTA_FUZZ_REQUIRE(ok, ...)             \
  do {                                        \
    if (!(ok)) tta_fuzz::broken(__VA_ARGS__); \
  } while (0)

// Strict UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF).
inline bool is_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len;
    std::uint32_t cp;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF)
      len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
      len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
      len = 4, cp = c & 0x07;
    else
      return false;
    if (i + len > s.size()) return false;
    for (std::size_t j = 1; j < len; ++j) {
      const unsigned char d = static_cast<unsigned char>(s[i + j]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
      return false;
    i += len;
  }
  return true;
}

// One message for a refusal: not empty, one line, short, valid UTF-8 (it goes
// to JavaScript as a string), and it names a place: "line L, column C: ..."
// for syntax, "<path>: ..." for a rule.
inline void check_refusal_message(const std::string& message) {
  TTA_FUZZ_REQUIRE(!message.empty(), "a refusal has an empty message");
  TTA_FUZZ_REQUIRE(message.find('\n') == std::string::npos, "a refusal message spans several lines",
                   message);
  TTA_FUZZ_REQUIRE(message.size() <= 1000, "a refusal message is longer than 1000 bytes", message);
  TTA_FUZZ_REQUIRE(is_utf8(message), "a refusal message is not valid UTF-8", message);
  const bool syntax =
      message.rfind("line ", 0) == 0 && message.find(", column ") != std::string::npos;
  const std::size_t colon = message.find(": ");
  TTA_FUZZ_REQUIRE(syntax || (colon != std::string::npos && colon > 0),
                   "a refusal message names no place", message);
}

// A refused query: one short line of UTF-8.
inline void check_message(const std::string& message) {
  TTA_FUZZ_REQUIRE(!message.empty(), "a refusal has an empty message");
  TTA_FUZZ_REQUIRE(message.find('\n') == std::string::npos, "a refusal message spans several lines",
                   message);
  TTA_FUZZ_REQUIRE(message.size() <= 1000, "a refusal message is longer than 1000 bytes", message);
  TTA_FUZZ_REQUIRE(is_utf8(message), "a refusal message is not valid UTF-8", message);
}

inline json parse_answer(const tta::Result<std::string>& answer, const char* what) {
  if (!answer) broken(what, answer.error());
  TTA_FUZZ_REQUIRE(is_utf8(answer.value()), "an answer is not valid UTF-8", answer.value());
  try {
    return json::parse(answer.value());
  } catch (const std::exception& e) {
    broken("an answer is not valid JSON", answer.value());
  }
}

inline std::uint64_t u64(const json& v) { return v.get<std::uint64_t>(); }

// Promises that hold inside any overview answer (docs/ANSWERS.md).
inline void check_overview(const json& a, const tta::Query& q) {
  TTA_FUZZ_REQUIRE(a.at("window").at("days").get<int>() == q.period,
                   "overview: window.days is not the period");
  const json& rows = a.at("tracks");
  const std::uint64_t with = u64(a.at("tracksWithCreations"));
  TTA_FUZZ_REQUIRE(with <= u64(a.at("catalogTracks")),
                   "overview: more tracks with creations than tracks");
  const std::uint64_t expected_rows =
      q.offset >= with ? 0 : std::min<std::uint64_t>(q.limit, with - q.offset);
  TTA_FUZZ_REQUIRE(rows.size() == expected_rows, "overview: limit/offset cut the list wrongly",
                   a.dump());
  std::uint64_t creations = 0;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const json& r = rows[i];
    TTA_FUZZ_REQUIRE(u64(r.at("creations")) > 0, "overview: a listed track has no creations");
    creations += u64(r.at("creations"));
    if (i > 0) {
      const json& p = rows[i - 1];
      const bool ordered = u64(p["creations"]) != u64(r["creations"])
                               ? u64(p["creations"]) > u64(r["creations"])
                           : u64(p["views"]) != u64(r["views"])
                               ? u64(p["views"]) > u64(r["views"])
                               : p["id"].get<std::string>() < r["id"].get<std::string>();
      TTA_FUZZ_REQUIRE(ordered, "overview: tracks are not ranked by creations, views, id",
                       a.dump());
    }
    const json& top = r.at("topTerritories");
    TTA_FUZZ_REQUIRE(top.size() <= 3, "overview: more than 3 top territories");
    std::uint64_t top_sum =
        r.contains("creationsWithoutTerritory") ? u64(r["creationsWithoutTerritory"]) : 0;
    for (const json& t : top) {
      TTA_FUZZ_REQUIRE(u64(t.at("creations")) > 0, "overview: a top territory has no creations");
      top_sum += u64(t["creations"]);
    }
    TTA_FUZZ_REQUIRE(top_sum <= u64(r["creations"]),
                     "overview: top territories and creations without one add up to more than "
                     "the track");
  }
  if (q.offset == 0 && q.limit >= with)
    TTA_FUZZ_REQUIRE(creations == u64(a.at("creations").at("current")),
                     "overview: the tracks do not add up to the total", a.dump());
}

// Promises that hold inside any track answer.
inline void check_track(const json& a, const tta::Query& q) {
  const json& s = a.at("series");
  const std::size_t p = static_cast<std::size_t>(q.period);
  TTA_FUZZ_REQUIRE(s.at("dates").size() == p && s.at("creations").size() == p &&
                       s.at("views").size() == p && s.at("streams").size() == p,
                   "track: a series does not have one entry per day", a.dump());
  std::uint64_t c = 0, v = 0;
  for (std::size_t d = 0; d < p; ++d) c += u64(s["creations"][d]), v += u64(s["views"][d]);
  TTA_FUZZ_REQUIRE(c == u64(a.at("creations").at("current")),
                   "track: the daily creations do not add up", a.dump());
  TTA_FUZZ_REQUIRE(v == u64(a.at("views").at("current")), "track: the daily views do not add up",
                   a.dump());
  TTA_FUZZ_REQUIRE(a.at("territories").size() <= 50, "track: more than 50 territories");
  // Territories and the creations without one add up to the track's.
  std::uint64_t tc =
      a.contains("creationsWithoutTerritory") ? u64(a["creationsWithoutTerritory"]) : 0;
  for (const json& t : a["territories"]) {
    TTA_FUZZ_REQUIRE(
        t.at("code").get<std::string>().size() == 2 && t["code"] != std::string(2, '\0'),
        "track: a territory without a code", a.dump());
    tc += u64(t.at("creations"));
  }
  TTA_FUZZ_REQUIRE(a["territories"].size() < 50 ? tc == c : tc <= c,
                   "track: territories do not add up to the track's creations", a.dump());
  TTA_FUZZ_REQUIRE(p == 0 || (s["dates"][0] == a.at("window").at("start") &&
                              s["dates"][p - 1] == a["window"].at("end")),
                   "track: the series dates are not the window", a.dump());
  bool seen_null = false;
  for (const json& x : s["streams"]) {
    if (x.is_null())
      seen_null = true;
    else
      TTA_FUZZ_REQUIRE(!seen_null, "track: a streams day after a null one (nulls are only after S)",
                       a.dump());
  }
}

}  // namespace tta_fuzz
