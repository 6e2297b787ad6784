// Harness 2 (structure-aware): the fuzzer's bytes choose a document's shape
// (tracks, series keys, start dates near the edges of 1900..9999 and of asOf,
// lengths, null days, huge values, key order, unknown fields), so almost every
// input is a well-formed document. The harness knows which rules its document
// breaks, so it checks that the engine accepts exactly the valid ones; on an
// accepted document every answer must equal the brute-force reference
// (tests/reference/brute_force.hpp) exactly.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "dates.hpp"
#include "fuzz_common.hpp"
#include "reference/brute_force.hpp"

namespace {

using namespace tta_fuzz;
using ojson = nlohmann::ordered_json;

const tta::Day kFirst = tta::day_from_civil(1900, 1, 1);
const tta::Day kLast = tta::day_from_civil(9999, 12, 31);
constexpr std::uint64_t kMaxExact = (std::uint64_t{1} << 53) - 1;

// Structural equality; `change` doubles may differ in the last bits.
bool same(const json& a, const json& e) {
  if (e.is_number_float()) {
    if (!a.is_number_float()) return false;
    const double x = a.get<double>(), y = e.get<double>();
    return x == y || std::fabs(x - y) <= 1e-12 * std::max(std::fabs(x), std::fabs(y));
  }
  if (e.is_number_integer())
    return a.is_number_unsigned() && a.get<std::uint64_t>() == e.get<std::uint64_t>();
  if (a.type() != e.type()) return false;
  if (e.is_object()) {
    if (a.size() != e.size()) return false;
    for (auto it = e.begin(); it != e.end(); ++it)
      if (!a.contains(it.key()) || !same(a[it.key()], it.value())) return false;
    return true;
  }
  if (e.is_array()) {
    if (a.size() != e.size()) return false;
    for (std::size_t i = 0; i < e.size(); ++i)
      if (!same(a[i], e[i])) return false;
    return true;
  }
  return a == e;
}

struct Built {
  std::string text;
  json doc;  // the same document, for the reference
  std::vector<std::string> ids;
  std::vector<std::string> broken_rules;  // empty: the document is valid
  std::size_t series = 0;
};

tta::Day clamp_day(long long d) {
  return static_cast<tta::Day>(std::clamp<long long>(d, kFirst, kLast));
}

Built build(FuzzedDataProvider& in) {
  Built b;
  ojson doc = ojson::object();
  const tta::Day bases[] = {tta::day_from_civil(2026, 3, 1), kFirst,        kLast,
                            tta::day_from_civil(1970, 1, 1), kFirst + 7300, kLast - 7300};
  const tta::Day base = bases[in.ConsumeIntegralInRange<int>(0, 5)];

  // Root keys in an order the fuzzer picks.
  std::vector<std::string> root = {"schema", "asOf", "tracks", "tiktok", "streams", "extra"};
  for (std::size_t i = root.size(); i > 1; --i)
    std::swap(root[i - 1], root[in.ConsumeIntegralInRange<std::size_t>(0, i - 1)]);

  std::optional<tta::Day> as_of;
  const int as_of_kind = in.ConsumeIntegralInRange<int>(0, 4);
  if (as_of_kind == 1) as_of = clamp_day(base + in.ConsumeIntegralInRange<int>(-8000, 8000));
  if (as_of_kind == 2) as_of = clamp_day(base + in.ConsumeIntegralInRange<int>(-40, 40));
  if (as_of_kind == 3) as_of = in.ConsumeBool() ? kFirst : kLast;

  const char* const kIds[] = {"A", "B", "b", "\xc3\xa9t\xc3\xa9", "T\"1\\", "Z"};
  const char* const kTitles[] = {"Alpha",     "",       "Beta <b>bold</b>", "\xf0\x9f\x8e\xb5 song",
                                 "tab\there", "nul\x01"};
  const int track_count = in.ConsumeIntegralInRange<int>(1, 4);
  ojson tracks = ojson::array();
  for (int t = 0; t < track_count; ++t) {
    ojson track = ojson::object();
    track["id"] = kIds[t];
    b.ids.push_back(kIds[t]);
    if (in.ConsumeBool()) track["title"] = kTitles[in.ConsumeIntegralInRange<int>(0, 5)];
    if (in.ConsumeBool()) track["artist"] = in.ConsumeBool() ? ojson("Nova") : ojson(nullptr);
    if (in.ConsumeBool()) track["isrc"] = "FRX262600001";
    tracks.push_back(track);
  }

  std::uint64_t total_creations = 0, total_views = 0, total_streams = 0;
  bool overflow = false;
  auto add = [&](std::uint64_t& total, std::uint64_t v) {
    if (v > kMaxExact - total)
      overflow = true;
    else
      total += v;
  };
  // A day array: a pattern chosen by the fuzzer, not one byte per day.
  auto values = [&](std::size_t length, std::uint64_t& total, const std::vector<bool>* nulls) {
    ojson out = ojson::array();
    const int kind = in.ConsumeIntegralInRange<int>(0, 4);
    const std::uint64_t scale =
        kind == 4 ? (std::uint64_t{1} << in.ConsumeIntegralInRange<int>(20, 52)) : 1;
    const std::uint64_t seed = in.ConsumeIntegral<std::uint16_t>();
    for (std::size_t k = 0; k < length; ++k) {
      if (nulls ? (*nulls)[k] : (kind == 3 && (seed + k) % 5 == 0)) {
        out.push_back(nullptr);
        continue;
      }
      std::uint64_t v = kind == 0   ? 0
                        : kind == 1 ? seed % 7
                                    : ((seed * 2654435761u + k * 40503u) >> 7) % 1000;
      v *= scale;
      add(total, v);
      out.push_back(v);
    }
    return out;
  };

  // Which series keys cover which days, to know whether two overlap.
  std::map<std::tuple<std::string, std::string, std::string, std::string>,
           std::vector<std::pair<long long, long long>>>
      covered;
  bool overlap = false, past_end = false, unknown_track = false;
  long long any_covered = 0;
  auto cover = [&](const std::tuple<std::string, std::string, std::string, std::string>& key,
                   tta::Day start, std::size_t length) {
    if (length == 0) return;
    const long long first = start, last = start + static_cast<long long>(length) - 1;
    if (last > kLast) past_end = true;
    ++any_covered;
    for (auto [a, z] : covered[key])
      if (a <= last && first <= z) overlap = true;
    covered[key].push_back({first, last});
  };
  auto start_and_length = [&](tta::Day& start, std::size_t& length) {
    const int shape = in.ConsumeIntegralInRange<int>(0, 9);
    length = shape == 0   ? 0
             : shape == 9 ? in.ConsumeIntegralInRange<std::size_t>(300, 3000)
                          : in.ConsumeIntegralInRange<std::size_t>(1, 40);
    const int where = in.ConsumeIntegralInRange<int>(0, 3);
    if (where == 0)
      start = clamp_day(base + in.ConsumeIntegralInRange<int>(-60, 10));
    else if (where == 1)
      start = clamp_day(base + in.ConsumeIntegralInRange<int>(-7400, 7400));
    else if (where == 2)
      start = clamp_day(static_cast<long long>(kLast) - static_cast<long long>(length) + 1 +
                        in.ConsumeIntegralInRange<int>(-2, 1));
    else
      start = clamp_day(kFirst + in.ConsumeIntegralInRange<int>(0, 30));
  };
  auto track_ref = [&]() -> std::string {
    if (in.ConsumeIntegralInRange<int>(0, 40) == 0) {
      unknown_track = true;
      return "nobody";
    }
    return kIds[in.ConsumeIntegralInRange<int>(0, track_count - 1)];
  };

  ojson tiktok = ojson::array();
  const int tiktok_count = in.ConsumeIntegralInRange<int>(0, 8);
  // "": no territory (the key left out).
  const char* const kTerritories[] = {"FR", "fr", "US", "CN", "bR", ""};
  const char* const kPlatformWords[] = {"tiktok", "douyin", "youtube_shorts", "instagram_reels"};
  for (int i = 0; i < tiktok_count; ++i) {
    ojson s = ojson::object();
    const std::string track = track_ref();
    std::string territory = kTerritories[in.ConsumeIntegralInRange<int>(0, 5)];
    const int platform = in.ConsumeIntegralInRange<int>(0, 4),
              content = in.ConsumeIntegralInRange<int>(0, 2);
    tta::Day start;
    std::size_t length;
    start_and_length(start, length);
    std::vector<bool> nulls(length);
    for (std::size_t k = 0; k < length; ++k)
      nulls[k] = (k * 7 + static_cast<std::size_t>(i)) % 11 == 0 && length % 3 == 0;
    std::vector<std::string> keys = {"track", "territory", "platform", "content",
                                     "start", "creations", "views",    "note"};
    for (std::size_t k = keys.size(); k > 1; --k)
      std::swap(keys[k - 1], keys[in.ConsumeIntegralInRange<std::size_t>(0, k - 1)]);
    const bool note = in.ConsumeBool();
    for (const std::string& key : keys) {
      if (key == "track")
        s["track"] = track;
      else if (key == "territory" && !territory.empty())
        s["territory"] = territory;
      else if (key == "platform" && platform)
        s["platform"] = kPlatformWords[platform - 1];
      else if (key == "content" && content)
        s["content"] = content == 1 ? "ugc" : "pgc";
      else if (key == "start")
        s["start"] = tta::format_date(start);
      else if (key == "creations")
        s["creations"] = values(length, total_creations, &nulls);
      else if (key == "views")
        s["views"] = values(length, total_views, &nulls);
      else if (key == "note" && note)
        s["note"] = {{"nested", {1, 2.5, "x", nullptr, true}}};
    }
    for (char& c : territory) c = static_cast<char>(c & ~0x20);
    cover({track, territory, std::to_string(platform), std::to_string(content)}, start, length);
    tiktok.push_back(s);
  }
  ojson streams = ojson::array();
  const int streams_count = in.ConsumeIntegralInRange<int>(0, 4);
  for (int i = 0; i < streams_count; ++i) {
    const std::string track = track_ref();
    tta::Day start;
    std::size_t length;
    start_and_length(start, length);
    ojson s = ojson::object();
    s["start"] = tta::format_date(start);
    s["streams"] = values(length, total_streams, nullptr);
    s["track"] = track;
    cover({track, "", "streams", ""}, start, length);
    streams.push_back(s);
  }
  b.series = static_cast<std::size_t>(tiktok_count + streams_count);

  for (const std::string& key : root) {
    if (key == "schema" && in.ConsumeBool())
      doc["schema"] = "tiktok-analytics/v1";
    else if (key == "asOf" && as_of)
      doc["asOf"] = tta::format_date(*as_of);
    else if (key == "tracks")
      doc["tracks"] = tracks;
    else if (key == "tiktok" && (tiktok_count || in.ConsumeBool()))
      doc["tiktok"] = tiktok;
    else if (key == "streams" && (streams_count || in.ConsumeBool()))
      doc["streams"] = streams;
    else if (key == "extra" && in.ConsumeBool())
      doc["extra"] = {{"tracks", 1}, {"asOf", "never"}};
  }

  if (overflow) b.broken_rules.push_back("a total passes 2^53-1");
  if (overlap) b.broken_rules.push_back("two series with the same key cover the same day");
  if (past_end) b.broken_rules.push_back("a series runs past 9999-12-31");
  if (unknown_track) b.broken_rules.push_back("a series names an unknown track");
  if (!as_of && any_covered == 0) b.broken_rules.push_back("no asOf and no covered day");

  const int indent = in.ConsumeIntegralInRange<int>(-1, 2);
  b.text = doc.dump(indent);
  b.doc = json::parse(b.text);
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  const Built b = build(in);
  tta::Analytics engine;
  const auto loaded = engine.load(b.text);
  if (!b.broken_rules.empty()) {
    if (loaded)
      broken("a document breaking a rule was accepted",
             b.broken_rules[0] + "\n" + b.text.substr(0, 3000));
    check_refusal_message(loaded.error());
    return 0;
  }
  if (!loaded)
    broken("a valid document was refused", loaded.error() + "\n" + b.text.substr(0, 3000));

  const char* const kPlatforms[] = {"all", "tiktok", "douyin", "youtube_shorts", "instagram_reels"};
  const char* const kContents[] = {"all", "ugc", "pgc"};
  const int common[] = {1, 2, 7, 28, 90, 365};
  for (int round = 0; round < 3; ++round) {
    int period = common[in.ConsumeIntegralInRange<int>(0, 5)];
    if (round == 2)
      period = b.series <= 3 && in.ConsumeBool() ? 3650 : in.ConsumeIntegralInRange<int>(1, 400);
    const char* platform = kPlatforms[in.ConsumeIntegralInRange<int>(0, 4)];
    const char* content = kContents[in.ConsumeIntegralInRange<int>(0, 2)];
    tta::Query q;
    q.period = period;
    q.platforms = tta::parse_platform(platform).value();
    q.content = tta::parse_content(content).value();
    const json expected = tta_reference::overview(b.doc, period, platform, content);
    const json actual = parse_answer(engine.overview_json(q), "overview refused a valid query");
    check_overview(actual, q);
    if (!same(actual, expected))
      broken("overview differs from the brute-force reference",
             "period " + std::to_string(period) + " " + platform + "/" + content +
                 "\nengine:    " + actual.dump() + "\nreference: " + expected.dump() +
                 "\ndocument:  " + b.text.substr(0, 3000));
    const std::string& id = b.ids[in.ConsumeIntegralInRange<std::size_t>(0, b.ids.size() - 1)];
    const json expected_track = tta_reference::track(b.doc, id, period, platform, content);
    const json actual_track = parse_answer(engine.track_json(id, q), "track refused a listed id");
    check_track(actual_track, q);
    if (!same(actual_track, expected_track))
      broken("track differs from the brute-force reference",
             "track " + id + " period " + std::to_string(period) + " " + platform + "/" + content +
                 "\nengine:    " + actual_track.dump() + "\nreference: " + expected_track.dump() +
                 "\ndocument:  " + b.text.substr(0, 3000));
  }
  return 0;
}
