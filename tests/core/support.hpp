// Shared by the native tests: reading test data, comparing answers, and
// running the engine and the brute-force reference behind one interface.
#pragma once

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "analytics.hpp"
#include "reference/brute_force.hpp"

#ifndef TTA_TEST_DATA_DIR
#error "TTA_TEST_DATA_DIR must be defined as the absolute path of tests/data"
#endif

namespace {

using nlohmann::json;

inline std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

inline json load_example(const std::string& name) {
  return json::parse(read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/" + name));
}

// Structural comparison of an answer with its expected value. Returns "" when
// they agree, else a message naming the first JSON path that differs.
//  - objects: same key set, values compared recursively;
//  - arrays: same length, same order;
//  - an expected integer must be matched by an *unsigned* JSON integer of the
//    same value (answers carry counts as number_unsigned);
//  - an expected double (a `change`) must be matched by a double within 1e-12
//    relative (the example answers were written by another implementation).
std::string json_diff(const json& actual, const json& expected, const std::string& path = "$") {
  const auto fail = [&](const std::string& why) {
    return path + ": " + why + " (actual " + actual.dump() + ", expected " + expected.dump() + ")";
  };
  if (expected.is_number_float()) {
    if (!actual.is_number_float()) return fail("expected a double");
    const double a = actual.get<double>(), e = expected.get<double>();
    if (a == e) return "";
    const double scale = std::max(std::fabs(a), std::fabs(e));
    if (std::fabs(a - e) <= 1e-12 * scale) return "";
    return fail("doubles differ");
  }
  if (expected.is_number_integer()) {  // signed or unsigned literal
    if (!actual.is_number_unsigned()) return fail("expected an unsigned integer");
    if (expected.is_number_unsigned()
            ? actual.get<std::uint64_t>() == expected.get<std::uint64_t>()
            : (expected.get<std::int64_t>() >= 0 &&
               actual.get<std::uint64_t>() ==
                   static_cast<std::uint64_t>(expected.get<std::int64_t>())))
      return "";
    return fail("integers differ");
  }
  if (expected.type() != actual.type()) return fail("types differ");
  if (expected.is_object()) {
    for (auto it = expected.begin(); it != expected.end(); ++it)
      if (!actual.contains(it.key())) return fail("missing key " + it.key());
    for (auto it = actual.begin(); it != actual.end(); ++it)
      if (!expected.contains(it.key())) return fail("unexpected key " + it.key());
    for (auto it = expected.begin(); it != expected.end(); ++it) {
      std::string d = json_diff(actual.at(it.key()), it.value(), path + "." + it.key());
      if (!d.empty()) return d;
    }
    return "";
  }
  if (expected.is_array()) {
    if (actual.size() != expected.size()) return fail("array lengths differ");
    for (std::size_t i = 0; i < expected.size(); ++i) {
      std::string d = json_diff(actual[i], expected[i], path + "[" + std::to_string(i) + "]");
      if (!d.empty()) return d;
    }
    return "";
  }
  return actual == expected ? "" : fail("values differ");  // strings, null, booleans
}

#define CHECK_ANSWER(actual, expected)                         \
  do {                                                         \
    const std::string diff_ = json_diff((actual), (expected)); \
    INFO(diff_);                                               \
    CHECK(diff_.empty());                                      \
  } while (0)

// Small helpers to write expected answers compactly.
inline json metric(std::uint64_t cur, std::uint64_t prev, json change) {
  return {{"current", cur}, {"previous", prev}, {"change", change}};
}
inline json frame_window(const char* start, const char* end, unsigned days) {
  return {{"start", start}, {"end", end}, {"days", days}};
}
inline json range(const char* start, const char* end) { return {{"start", start}, {"end", end}}; }

// The platform filters the property tests draw from: "all", one platform, or
// a set in the brute-force reference's comma-separated form (a request gives
// a set as "platforms", the CLI as --platform a,b).
inline const char* const kPlatformFilters[] = {"all",
                                               "tiktok",
                                               "douyin",
                                               "youtube_shorts",
                                               "instagram_reels",
                                               "tiktok,youtube_shorts",
                                               "douyin,instagram_reels,youtube_shorts"};

// "a,b,c" -> {"a", "b", "c"}.
inline std::vector<std::string> comma_words(const std::string& text) {
  std::vector<std::string> words;
  for (std::size_t from = 0, comma = 0; comma != std::string::npos; from = comma + 1) {
    comma = text.find(',', from);
    words.push_back(text.substr(from, comma == std::string::npos ? comma : comma - from));
  }
  return words;
}

// The platforms kept by a filter of kPlatformFilters' form.
inline std::uint8_t platforms_of(const std::string& filter) {
  std::uint8_t set = 0;
  for (const std::string& word : comma_words(filter)) set |= tta::parse_platform(word).value();
  return set;
}

inline tta::Query make_query(int period, const std::string& platform, const std::string& content) {
  tta::Query q;
  q.period = period;
  q.platforms = platforms_of(platform);
  q.content = tta::parse_content(content).value();
  return q;
}

inline void load_or_throw(tta::Analytics& engine, const std::string& text) {
  auto loaded = engine.load(text);
  if (!loaded) throw std::invalid_argument(loaded.error());
}

inline json answer_or_throw(const tta::Result<std::string>& answer) {
  if (!answer) throw std::invalid_argument(answer.error());
  return json::parse(answer.value());
}

// One way of computing answers from a document: the engine or the reference.
struct Implementation {
  const char* name;
  json (*overview)(const json& doc, int period, const std::string& platform,
                   const std::string& content);
  json (*track)(const json& doc, const std::string& id, int period, const std::string& platform,
                const std::string& content);
};

inline json engine_overview(const json& doc, int period, const std::string& platform,
                            const std::string& content) {
  tta::Analytics engine;
  load_or_throw(engine, doc.dump());
  return answer_or_throw(engine.overview_json(make_query(period, platform, content)));
}

inline json engine_track(const json& doc, const std::string& id, int period,
                         const std::string& platform, const std::string& content) {
  tta::Analytics engine;
  load_or_throw(engine, doc.dump());
  return answer_or_throw(engine.track_json(id, make_query(period, platform, content)));
}

inline const Implementation kReference{"brute-force reference", &tta_reference::overview,
                                       &tta_reference::track};
inline const Implementation kEngine{"engine", &engine_overview, &engine_track};

inline auto implementations() {
  return Catch::Generators::values<const Implementation*>({&kReference, &kEngine});
}

}  // namespace
