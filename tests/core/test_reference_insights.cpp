// Hand-computed checks of the brute-force reference for the newer queries
// (tests/reference/brute_force_insights.hpp): custom ranges, splits,
// breakouts, lift and its ranking, weekly series, table sort/search, CSV.
// Each document is tiny and written inline; the arithmetic of every expected
// value is in the comments beside it. Property tests then compare the engine
// with these reference functions.
//
// Catch2 v2; the main() lives in a separate file of the test binary.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reference/brute_force_insights.hpp"
#include "request.hpp"
#include "support.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using nlohmann::json;

json data_through(const char* tiktok, json streams) {
  return {{"tiktok", tiktok}, {"streams", streams}};
}

std::vector<std::string> ids_of(const json& rows) {
  std::vector<std::string> ids;
  for (const json& r : rows) ids.push_back(r.at("id").get<std::string>());
  return ids;
}
using Ids = std::vector<std::string>;

}  // namespace

// ===========================================================================
// 1. Custom ranges
// ===========================================================================

// asOf 2026-03-15: E = 03-14, S = 03-13.
// A/FR: creations on 03-dd = dd (03-01..03-14), views = 10 dd.
// B/BR (douyin pgc): 03-10..03-14 creations 5,0,5,0,5, views 50,0,50,0,50.
// Streams A: 100 a day 03-01..03-13; B: 03-12 7, 03-13 8, 03-14 9 (after S).
const char* const kRangeDoc = R"json({
  "asOf": "2026-03-15",
  "tracks": [{"id": "A", "title": "Alpha", "artist": "Nova", "isrc": "FRX1"}, {"id": "B"}],
  "tiktok": [
    {"track": "A", "territory": "fr", "platform": "tiktok", "content": "ugc", "start": "2026-03-01",
     "creations": [1,2,3,4,5,6,7,8,9,10,11,12,13,14],
     "views": [10,20,30,40,50,60,70,80,90,100,110,120,130,140]},
    {"track": "B", "territory": "BR", "platform": "douyin", "content": "pgc", "start": "2026-03-10",
     "creations": [5,0,5,0,5], "views": [50,0,50,0,50]}],
  "streams": [
    {"track": "A", "start": "2026-03-01", "streams": [100,100,100,100,100,100,100,100,100,100,100,100,100]},
    {"track": "B", "start": "2026-03-12", "streams": [7,8,9]}]
})json";

TEST_CASE("reference overview_range sums a custom window against the same length before it") {
  const json doc = json::parse(kRangeDoc);
  // Window 03-12..03-14 (3 days), previous 03-09..03-11.
  // creations: A 12+13+14 = 39, B 5+0+5 = 10 -> 49; previous A 9+10+11 = 30,
  //   B (03-10 5, 03-11 0) = 5 -> 35; change 14/35 = 0.4.
  // views: A 390 + B 100 = 490; previous A 300 + B 50 = 350; change 140/350 = 0.4.
  // streams: only 03-12, 03-13 are <= S: A 200 + B 7+8 = 215;
  //   previous A 300 + B 0 = 300; change -85/300.
  const json expected = {{"window", frame_window("2026-03-12", "2026-03-14", 3)},
                         {"previousWindow", range("2026-03-09", "2026-03-11")},
                         {"dataThrough", data_through("2026-03-14", "2026-03-13")},
                         {"creations", metric(49, 35, 0.4)},
                         {"views", metric(490, 350, 0.4)},
                         {"streams", metric(215, 300, -85.0 / 300.0)},
                         {"tracksWithCreations", 2},
                         {"catalogTracks", 2},
                         {"tracks",
                          {{{"id", "A"},
                            {"title", "Alpha"},
                            {"artist", "Nova"},
                            {"creations", 39},
                            {"views", 390},
                            {"streams", 200},
                            {"topTerritories", {{{"code", "FR"}, {"creations", 39}}}}},
                           {{"id", "B"},
                            {"title", nullptr},
                            {"artist", nullptr},
                            {"creations", 10},
                            {"views", 100},
                            {"streams", 15},
                            {"topTerritories", {{{"code", "BR"}, {"creations", 10}}}}}}}};
  CHECK_ANSWER(tta_reference::overview_range(doc, "2026-03-12", "2026-03-14", "all", "all"),
               expected);

  // Filter douyin: only B. creations 10 vs 5 -> change 1.0; views 100 vs 50 -> 1.0;
  // streams are not filtered: still 215 vs 300.
  const json douyin =
      tta_reference::overview_range(doc, "2026-03-12", "2026-03-14", "douyin", "all");
  CHECK_ANSWER(douyin["creations"], metric(10, 5, 1.0));
  CHECK_ANSWER(douyin["views"], metric(100, 50, 1.0));
  CHECK_ANSWER(douyin["streams"], metric(215, 300, -85.0 / 300.0));
  CHECK(ids_of(douyin["tracks"]) == Ids{"B"});
}

TEST_CASE("reference track_range covers a window ending before E, with zeros and null changes") {
  const json doc = json::parse(kRangeDoc);
  // B over 03-10..03-11 (2 days), previous 03-08..03-09 (before B's series: 0).
  // creations 5+0 = 5 vs 0 -> null; views 50+0 = 50 vs 0 -> null;
  // streams: B's series starts 03-12, so 0 on both days (<= S: numbers, not null).
  const json expected = {
      {"track", {{"id", "B"}, {"title", nullptr}, {"artist", nullptr}, {"isrc", nullptr}}},
      {"window", frame_window("2026-03-10", "2026-03-11", 2)},
      {"previousWindow", range("2026-03-08", "2026-03-09")},
      {"dataThrough", data_through("2026-03-14", "2026-03-13")},
      {"creations", metric(5, 0, nullptr)},
      {"views", metric(50, 0, nullptr)},
      {"streams", metric(0, 0, nullptr)},
      {"territories", {{{"code", "BR"}, {"creations", 5}, {"views", 50}}}},
      {"series",
       {{"dates", {"2026-03-10", "2026-03-11"}},
        {"creations", {5, 0}},
        {"views", {50, 0}},
        {"streams", {0, 0}}}}};
  CHECK_ANSWER(tta_reference::track_range(doc, "B", "2026-03-10", "2026-03-11", "all", "all"),
               expected);

  // A single day, 03-14 (after S): streams null in the series, 0 in the sum;
  // previous day 03-13: A 13 creations, 100 streams.
  const json one = tta_reference::track_range(doc, "A", "2026-03-14", "2026-03-14", "all", "all");
  CHECK_ANSWER(one["window"], frame_window("2026-03-14", "2026-03-14", 1));
  CHECK_ANSWER(one["previousWindow"], range("2026-03-13", "2026-03-13"));
  CHECK_ANSWER(one["creations"], metric(14, 13, 1.0 / 13.0));
  CHECK_ANSWER(one["streams"], metric(0, 100, -1.0));
  CHECK_ANSWER(one["series"]["streams"], json::array({nullptr}));

  CHECK_THROWS_AS(tta_reference::track_range(doc, "A", "2026-03-12", "2026-03-11", "all", "all"),
                  std::invalid_argument);  // start after end
  CHECK_THROWS_AS(tta_reference::track_range(doc, "Z", "2026-03-12", "2026-03-12", "all", "all"),
                  std::invalid_argument);  // unknown id
}

TEST_CASE("reference overview_range/track_range ending at E equal overview/track of that period") {
  const json doc = json::parse(kRangeDoc);
  for (int p = 1; p <= 20; ++p) {
    // E = 2026-03-14 = day 20526; the window starts at E - p + 1.
    const std::string start =
        tta_reference::detail::format_day(tta_reference::detail::parse_day("2026-03-14") - p + 1);
    for (const char* platform : {"all", "tiktok", "douyin"})
      for (const char* content : {"all", "ugc", "pgc"}) {
        INFO("p " << p << " " << platform << " " << content);
        CHECK(tta_reference::overview_range(doc, start, "2026-03-14", platform, content) ==
              tta_reference::overview(doc, p, platform, content));
        CHECK(tta_reference::track_range(doc, "A", start, "2026-03-14", platform, content) ==
              tta_reference::track(doc, "A", p, platform, content));
      }
  }
}

// ===========================================================================
// 2. Splits
// ===========================================================================

// asOf 2026-03-15: E = 03-14; period 2 -> window 03-13..03-14.
// Every series starts 03-13 (two days) except A/DE (03-01 only, outside).
//   A/FR tiktok  ugc   creations 1+2 = 3   views 10+20 = 30
//   A/BR tiktok  pgc             4+0 = 4         40+0  = 40
//   A/US (none)  ...  -- see below
//   A/US douyin  ugc             0+5 = 5         0+500 = 500
//   A/CN (none)  pgc          6+null = 6      60+null  = 60
//   A/JP tiktok  (none)          7+0 = 7         70+0  = 70
//   B/FR douyin  pgc           10+10 = 20         1+1  = 2
//   A/DE douyin  ugc  100 on 03-01 only -> 0 in the window
const char* const kSplitDoc = R"json({
  "asOf": "2026-03-15",
  "tracks": [{"id": "A"}, {"id": "B"}],
  "tiktok": [
    {"track": "A", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-13", "creations": [1,2], "views": [10,20]},
    {"track": "A", "territory": "BR", "platform": "tiktok", "content": "pgc", "start": "2026-03-13", "creations": [4,0], "views": [40,0]},
    {"track": "A", "territory": "US", "platform": "douyin", "content": "ugc", "start": "2026-03-13", "creations": [0,5], "views": [0,500]},
    {"track": "A", "territory": "CN", "content": "pgc", "start": "2026-03-13", "creations": [6,null], "views": [60,null]},
    {"track": "A", "territory": "JP", "platform": "tiktok", "start": "2026-03-13", "creations": [7,0], "views": [70,0]},
    {"track": "B", "territory": "FR", "platform": "douyin", "content": "pgc", "start": "2026-03-13", "creations": [10,10], "views": [1,1]},
    {"track": "A", "territory": "DE", "platform": "douyin", "content": "ugc", "start": "2026-03-01", "creations": [100], "views": [100]}]
})json";

namespace {
json entry(const char* key, std::uint64_t creations, std::uint64_t views, json share) {
  return {{"key", key}, {"creations", creations}, {"views", views}, {"share", share}};
}
}  // namespace

TEST_CASE("reference splits: whole catalog, no filter") {
  const json doc = json::parse(kSplitDoc);
  // platform: tiktok = FR 3 + BR 4 + JP 7 = 14 (views 30+40+70 = 140);
  //           douyin = A/US 5 + B/FR 20 = 25 (views 500+2 = 502);
  //           unknown = CN 6 (views 60).  Sum 45.
  // content:  ugc = FR 3 + US 5 = 8 (views 30+500 = 530);
  //           pgc = BR 4 + CN 6 + B 20 = 30 (views 40+60+2 = 102);
  //           unknown = JP 7 (views 70).  Sum 45.
  const json expected = {{"window", frame_window("2026-03-13", "2026-03-14", 2)},
                         {"previousWindow", range("2026-03-11", "2026-03-12")},
                         {"dataThrough", data_through("2026-03-14", "2026-03-13")},
                         {"platform",
                          {entry("tiktok", 14, 140, 14.0 / 45), entry("douyin", 25, 502, 25.0 / 45),
                           entry("youtube_shorts", 0, 0, 0.0), entry("instagram_reels", 0, 0, 0.0),
                           entry("unknown", 6, 60, 6.0 / 45)}},
                         {"content",
                          {entry("ugc", 8, 530, 8.0 / 45), entry("pgc", 30, 102, 30.0 / 45),
                           entry("unknown", 7, 70, 7.0 / 45)}}};
  CHECK_ANSWER(tta_reference::splits(doc, 2, "all", "all", ""), expected);
}

TEST_CASE("reference splits: each split keeps the other dimension's filter only") {
  const json doc = json::parse(kSplitDoc);
  // platform tiktok, content pgc.
  // platform split (content pgc, platform ignored): tiktok = A/BR 4 (40),
  //   douyin = B/FR 20 (2), unknown = A/CN 6 (60); sum 30.
  // content split (platform tiktok, content ignored): ugc = A/FR 3 (30),
  //   pgc = A/BR 4 (40), unknown = A/JP 7 (70); sum 14.
  const json got = tta_reference::splits(doc, 2, "tiktok", "pgc", "");
  CHECK_ANSWER(got["platform"],
               json({entry("tiktok", 4, 40, 4.0 / 30), entry("douyin", 20, 2, 20.0 / 30),
                     entry("youtube_shorts", 0, 0, 0.0), entry("instagram_reels", 0, 0, 0.0),
                     entry("unknown", 6, 60, 6.0 / 30)}));
  CHECK_ANSWER(got["content"], json({entry("ugc", 3, 30, 3.0 / 14), entry("pgc", 4, 40, 4.0 / 14),
                                     entry("unknown", 7, 70, 7.0 / 14)}));
}

TEST_CASE("reference splits of one track, zero entries kept and null shares when nothing counts") {
  const json doc = json::parse(kSplitDoc);
  // Track A, no filter: platform tiktok 14 (140), douyin 5 (500), unknown 6 (60), sum 25;
  // content ugc 8 (530), pgc 4+6 = 10 (100), unknown 7 (70), sum 25.
  const json a = tta_reference::splits(doc, 2, "all", "all", "A");
  CHECK_ANSWER(a["platform"],
               json({entry("tiktok", 14, 140, 14.0 / 25), entry("douyin", 5, 500, 5.0 / 25),
                     entry("youtube_shorts", 0, 0, 0.0), entry("instagram_reels", 0, 0, 0.0),
                     entry("unknown", 6, 60, 6.0 / 25)}));
  CHECK_ANSWER(a["content"], json({entry("ugc", 8, 530, 8.0 / 25), entry("pgc", 10, 100, 10.0 / 25),
                                   entry("unknown", 7, 70, 7.0 / 25)}));

  // Track B, content ugc: B has only a pgc series, so the platform split
  // (content ugc) is all 0 -> shares null; the content split ignores the
  // content filter: pgc 20 -> share 1.0, the other two 0 -> share 0.0.
  const json b = tta_reference::splits(doc, 2, "all", "ugc", "B");
  CHECK_ANSWER(b["platform"],
               json({entry("tiktok", 0, 0, nullptr), entry("douyin", 0, 0, nullptr),
                     entry("youtube_shorts", 0, 0, nullptr),
                     entry("instagram_reels", 0, 0, nullptr), entry("unknown", 0, 0, nullptr)}));
  CHECK_ANSWER(b["content"], json({entry("ugc", 0, 0, 0.0), entry("pgc", 20, 2, 1.0),
                                   entry("unknown", 0, 0, 0.0)}));

  // Period 1 (03-14 only): A/DE's 100 on 03-01 never counts; catalog:
  // tiktok FR 2 + BR 0 + JP 0 = 2, douyin US 5 + B 10 = 15, unknown CN null = 0.
  const json day = tta_reference::splits(doc, 1, "all", "all", "");
  CHECK_ANSWER(day["platform"],
               json({entry("tiktok", 2, 20, 2.0 / 17), entry("douyin", 15, 501, 15.0 / 17),
                     entry("youtube_shorts", 0, 0, 0.0), entry("instagram_reels", 0, 0, 0.0),
                     entry("unknown", 0, 0, 0.0)}));

  CHECK_THROWS_AS(tta_reference::splits(doc, 2, "all", "all", "Z"), std::invalid_argument);
}

// ===========================================================================
// 3. Breakouts
// ===========================================================================

// asOf 2026-03-15; period 2: window 03-13..03-14, previous 03-11..03-12.
// Every series starts 03-11 with [prev1, prev2, cur1, cur2]; all tiktok ugc
// except B (douyin ugc). (prev, cur):
//   A 0/10  B 0/4 (douyin)  C 0/10  D 3/9  E 4/8  F 4/7  G 6/12
//   H 3/6   I 1/2  J 5/0    K none (0/0)  L 2/5
const char* const kBreakoutDoc = R"json({
  "asOf": "2026-03-15",
  "tracks": [{"id": "A", "title": "Alpha", "artist": "Nova"}, {"id": "B"}, {"id": "C"}, {"id": "D"},
             {"id": "E"}, {"id": "F"}, {"id": "G"}, {"id": "H"}, {"id": "I"}, {"id": "J"},
             {"id": "K"}, {"id": "L"}],
  "tiktok": [
    {"track": "A", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [0,0,4,6], "views": [0,0,0,0]},
    {"track": "B", "territory": "FR", "platform": "douyin", "content": "ugc", "start": "2026-03-11", "creations": [0,0,4,0], "views": [0,0,0,0]},
    {"track": "C", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [0,0,0,10], "views": [0,0,0,0]},
    {"track": "D", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [1,2,4,5], "views": [0,0,0,0]},
    {"track": "E", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [2,2,4,4], "views": [0,0,0,0]},
    {"track": "F", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [2,2,3,4], "views": [0,0,0,0]},
    {"track": "G", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [3,3,6,6], "views": [0,0,0,0]},
    {"track": "H", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [3,0,3,3], "views": [0,0,0,0]},
    {"track": "I", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [1,0,1,1], "views": [0,0,0,0]},
    {"track": "J", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [5,0,0,0], "views": [0,0,0,0]},
    {"track": "L", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [1,1,2,3], "views": [0,0,0,0]}]
})json";

namespace {
json breakout(const char* id, std::uint64_t cur, std::uint64_t prev, json growth) {
  return {{"id", id},         {"title", nullptr},          {"artist", nullptr},
          {"creations", cur}, {"previousCreations", prev}, {"growth", growth}};
}
}  // namespace

TEST_CASE("reference breakouts: new tracks first, then by growth, creations and id") {
  const json doc = json::parse(kBreakoutDoc);
  // min 3. New (prev 0): A 10, C 10 (tie -> id asc), B 4.
  // Growing: D (9-3)/3 = 2.0; L (5-2)/2 = 1.5; G 6/6 = 1.0 (cur 12); E 4/4 = 1.0
  //   (8 >= 2*4: the boundary counts; cur 8); H 3/3 = 1.0 (cur 6).
  // Out: F 7 < 2*4; I cur 2 < 3; J cur 0 < 3; K cur 0 < 3.
  json a = breakout("A", 10, 0, nullptr);
  a["title"] = "Alpha";
  a["artist"] = "Nova";
  const json expected = {
      {"window", frame_window("2026-03-13", "2026-03-14", 2)},
      {"previousWindow", range("2026-03-11", "2026-03-12")},
      {"dataThrough", data_through("2026-03-14", "2026-03-13")},
      {"minCreations", 3},
      {"tracks",
       {a, breakout("C", 10, 0, nullptr), breakout("B", 4, 0, nullptr), breakout("D", 9, 3, 2.0),
        breakout("L", 5, 2, 1.5), breakout("G", 12, 6, 1.0), breakout("E", 8, 4, 1.0),
        breakout("H", 6, 3, 1.0)}}};
  CHECK_ANSWER(tta_reference::breakouts(doc, 2, "all", "all", 3), expected);
}

TEST_CASE("reference breakouts: the minimum and the filters select the tracks") {
  const json doc = json::parse(kBreakoutDoc);
  // min 10: A 10, C 10 (new), G 12 >= 10 with 12 >= 2*6. D 9 < 10 is out.
  CHECK(ids_of(tta_reference::breakouts(doc, 2, "all", "all", 10)["tracks"]) == Ids{"A", "C", "G"});
  // min 1: everything of min 3 plus I (2 >= 2*1, growth 1.0, cur 2 -> after H).
  CHECK(ids_of(tta_reference::breakouts(doc, 2, "all", "all", 1)["tracks"]) ==
        Ids{"A", "C", "B", "D", "L", "G", "E", "H", "I"});
  // douyin: only B has a douyin series -> B (0/4); every other track 0/0 < 1.
  CHECK(ids_of(tta_reference::breakouts(doc, 2, "douyin", "all", 1)["tracks"]) == Ids{"B"});
  // tiktok: B's series no longer counts (B is 0/0 -> out with min 1).
  CHECK(ids_of(tta_reference::breakouts(doc, 2, "tiktok", "all", 1)["tracks"]) ==
        Ids{"A", "C", "D", "L", "G", "E", "H", "I"});
  // pgc: no series at all -> no track with cur >= 1.
  CHECK(tta_reference::breakouts(doc, 2, "all", "pgc", 1)["tracks"] == json::array());
  CHECK(tta_reference::breakouts(doc, 2, "all", "all", 1)["minCreations"] == json(1u));
  // Period 1 (03-14 vs 03-13): D 5 vs 4 -> out; G 6 vs 6 -> out;
  // A 6/4 out; C 10/0 new; B 0/4 out; L 3/2 out; E 4/4 out; H 3/3 out; I 1/1 out.
  CHECK(ids_of(tta_reference::breakouts(doc, 1, "all", "all", 1)["tracks"]) == Ids{"C"});
}

// ===========================================================================
// 4-5. Lift and its ranking
// ===========================================================================

// asOf 2026-03-15: E = 03-14, S = 03-13. Period 7: window 03-08..03-14; the
// history ends at min(S, E, 03-14 + 14) = 03-13 and starts 83 days before,
// on 2025-12-20 (11 days of December, 31 of January, 28 of February, 13 of
// March). Creations are read from 2025-11-28 (22 days before the history:
// 14 lags and the filter's 8 days), streams from 2025-12-12.
//   P: creations c(k) = a fixed pseudo-random digit 0-9 on day k from
//      2025-11-28 (107 days, to E); streams 1000 + 5 c(d - 3) from 12-12 to S.
//      The filtered streams are exactly 5 x the filtered creations 3 days
//      earlier; clipping scales the same way (median 0, MAD 3 and 15), so lag 3
//      has correlation 1, the slope is 5 with no residual: interval [5, 5].
//   F: the same creations, streams a flat 500: filtered streams all 0, no
//      variance, every correlation null: "not-significant".
//   M: the same creations, no streams at all: "no-streams".
//   N: 3 creations on 2026-03-01, 1 on 03-02, 1 on 03-03: "thin-activity".
namespace {
std::vector<std::uint64_t> digits_of_p() {
  std::vector<std::uint64_t> c;
  std::uint64_t state = 1;
  for (int k = 0; k < 107; ++k) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    c.push_back((state >> 33) % 10);
  }
  return c;
}

json lift_doc() {
  const std::vector<std::uint64_t> c = digits_of_p();
  json streams_p = json::array(), flat = json::array();
  for (int k = 14; k <= 105; ++k) {  // 2025-12-12 .. 2026-03-13
    streams_p.push_back(1000 + 5 * c[static_cast<std::size_t>(k - 3)]);
    flat.push_back(500);
  }
  json tiktok = json::array();
  for (const char* id : {"P", "F", "M"})
    tiktok.push_back({{"track", id},
                      {"territory", "FR"},
                      {"platform", "tiktok"},
                      {"content", "ugc"},
                      {"start", "2025-11-28"},
                      {"creations", c},
                      {"views", json(std::vector<int>(107, 0))}});
  tiktok.push_back({{"track", "N"},
                    {"territory", "FR"},
                    {"start", "2026-03-01"},
                    {"creations", {3, 1, 1}},
                    {"views", {0, 0, 0}}});
  return {{"asOf", "2026-03-15"},
          {"tracks", {{{"id", "P"}}, {{"id", "F"}}, {{"id", "M"}}, {{"id", "N"}}}},
          {"tiktok", tiktok},
          {"streams",
           {{{"track", "P"}, {"start", "2025-12-12"}, {"streams", streams_p}},
            {{"track", "F"}, {"start", "2025-12-12"}, {"streams", flat}}}}};
}

json engine_answer(const json& doc, json request) {
  tta::Analytics engine;
  const auto loaded = engine.load(doc.dump());
  REQUIRE(loaded);
  return answer_or_throw(tta::answer_request(engine, request.dump()));
}

const json kHistory = {{"start", "2025-12-20"}, {"end", "2026-03-13"}, {"days", 84}};
}  // namespace

TEST_CASE("lift, by hand: a planted lag and ratio, flat streams, no streams, thin activity") {
  const json doc = lift_doc();
  const std::vector<std::uint64_t> c = digits_of_p();
  std::uint64_t history_creations = 0, history_days = 0, window_creations = 0;
  for (int k = 8; k <= 105; ++k) {  // 2025-12-06 (the history's start - 14) .. 2026-03-13
    history_creations += c[static_cast<std::size_t>(k)];
    history_days += c[static_cast<std::size_t>(k)] > 0;
  }
  for (int k = 100; k <= 106; ++k)
    window_creations += c[static_cast<std::size_t>(k)];  // 03-08 .. 03-14

  for (int side = 0; side < 2; ++side) {
    INFO((side ? "engine" : "reference"));
    auto lift = [&](const char* id) {
      if (side == 0) return tta_reference::lift(doc, id, 7, "all", "all");
      json a = engine_answer(doc, {{"query", "lift"}, {"track", id}, {"period", 7}});
      a.erase("previousWindow");
      return a;
    };
    const json p = lift("P");
    CHECK(p["history"] == kHistory);
    CHECK(p["historyCreations"] == history_creations);
    CHECK(p["historyCreationDays"] == history_days);
    CHECK(p["bestLag"] == 3);
    CHECK(std::abs(p["correlation"].get<double>() - 1.0) < 1e-12);
    CHECK(p["lags"][3]["pairs"] == 84);
    CHECK(p["streamsPerCreation"] == 5.0);
    CHECK(p["streamsPerCreationInterval"] == json({{"low", 5.0}, {"high", 5.0}}));
    CHECK(p["reason"].is_null());
    for (int lag = 0; lag <= 14; ++lag)
      if (lag != 3) CHECK(p["lags"][lag]["correlation"].get<double>() < 0.5);

    const json f = lift("F");
    CHECK(f["reason"] == "not-significant");
    CHECK(f["bestLag"].is_null());
    CHECK(f["lags"].size() == 15);
    CHECK(f["lags"][0] == json({{"lag", 0}, {"pairs", 84}, {"correlation", nullptr}}));
    CHECK(f["streamsPerCreation"].is_null());
    CHECK(f["streamsPerCreationInterval"].is_null());

    const json m = lift("M");
    CHECK(m["reason"] == "no-streams");
    CHECK(m["bestLag"].is_null());
    CHECK(m["lags"] == json::array());
    CHECK(m["historyCreations"] == history_creations);

    const json n = lift("N");
    CHECK(n["reason"] == "thin-activity");
    CHECK(n["historyCreations"] == 5);
    CHECK(n["historyCreationDays"] == 3);
    CHECK(n["history"] == kHistory);
    CHECK(n["correlation"].is_null());

    // The ranking: only P has a claim (N has creations in the window, no claim).
    json ranking = side == 0 ? tta_reference::lift_ranking(doc, 7, "all", "all")
                             : engine_answer(doc, {{"query", "liftRanking"}, {"period", 7}});
    ranking.erase("previousWindow");
    CHECK(ranking["history"] == kHistory);
    CHECK(ranking["claims"] == 1);
    REQUIRE(ranking["tracks"].size() == 1);
    const json& row = ranking["tracks"][0];
    CHECK(row["id"] == "P");
    CHECK(row["creations"] == window_creations);
    CHECK(row["bestLag"] == 3);
    CHECK(row["streamsPerCreation"] == 5.0);
    CHECK(row["reason"].is_null());
  }
}

TEST_CASE("lift, by hand: the history follows a custom range and S") {
  const json doc = lift_doc();
  // A range ending 2026-02-01: the history ends 14 days later, on 02-15, and
  // starts 83 days before, on 2025-11-24.
  json a = engine_answer(
      doc, {{"query", "lift"}, {"track", "P"}, {"start", "2026-01-20"}, {"end", "2026-02-01"}});
  CHECK(a["history"] == json({{"start", "2025-11-24"}, {"end", "2026-02-15"}, {"days", 84}}));
  CHECK(a["reason"] == "no-streams");  // streams start on 2025-12-12: 26 missing days
  // S unknown: no streams anywhere.
  json no_s = doc;
  no_s.erase("asOf");
  no_s["streams"] = json::array();
  a = engine_answer(no_s, {{"query", "lift"}, {"track", "P"}, {"period", 7}});
  CHECK(a["reason"] == "no-streams");
  CHECK(a["history"]["end"] == "2026-03-14");  // min(E, window end + 14), E = the last TikTok day
}

// ===========================================================================
// 6. Weekly series
// ===========================================================================

// asOf 2026-03-15: E = 03-14, S = 03-13.
// A tiktok: creations on 03-dd = dd (03-01..03-14), views 10 dd.
// A douyin: 100 creations, 1000 views on 03-06.
// Streams: 1000 a day 03-03..03-13, 5000 on 03-14 (after S, never counted).
const char* const kWeeklyDoc = R"json({
  "asOf": "2026-03-15",
  "tracks": [{"id": "A"}],
  "tiktok": [
    {"track": "A", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-01",
     "creations": [1,2,3,4,5,6,7,8,9,10,11,12,13,14],
     "views": [10,20,30,40,50,60,70,80,90,100,110,120,130,140]},
    {"track": "A", "territory": "CN", "platform": "douyin", "content": "ugc", "start": "2026-03-06",
     "creations": [100], "views": [1000]}],
  "streams": [{"track": "A", "start": "2026-03-03",
               "streams": [1000,1000,1000,1000,1000,1000,1000,1000,1000,1000,1000,5000]}]
})json";

TEST_CASE("reference weekly series: buckets end at the window end, the first one is short") {
  const json doc = json::parse(kWeeklyDoc);
  // Period 10: window 03-05..03-14 -> buckets 03-05..03-07 (10 mod 7 = 3 days)
  // and 03-08..03-14 (7 days).
  // Bucket 1: creations 5+6+7 + 100 = 118, views 50+60+70 + 1000 = 1180,
  //           streams 3 x 1000 = 3000.
  // Bucket 2: creations 8+...+14 = 77, views 770, streams 03-08..03-13 = 6000
  //           (03-14 is after S).
  CHECK_ANSWER(tta_reference::weekly_series(doc, "A", 10, "all", "all"),
               json({{"dates", {"2026-03-05", "2026-03-08"}},
                     {"days", {3, 7}},
                     {"creations", {118, 77}},
                     {"views", {1180, 770}},
                     {"streams", {3000, 6000}}}));
  // Same with tiktok only: the douyin 100 / 1000 drop out; streams unfiltered.
  CHECK_ANSWER(tta_reference::weekly_series(doc, "A", 10, "tiktok", "all"),
               json({{"dates", {"2026-03-05", "2026-03-08"}},
                     {"days", {3, 7}},
                     {"creations", {18, 77}},
                     {"views", {180, 770}},
                     {"streams", {3000, 6000}}}));
  // Period 15: window 02-28..03-14 -> 1 + 7 + 7 days.
  // 02-28: nothing covers it, but it is <= S -> streams 0 (not null).
  // 03-01..03-07: creations 28 + 100 = 128, views 280 + 1000 = 1280, streams 03-03..03-07 = 5000.
  CHECK_ANSWER(tta_reference::weekly_series(doc, "A", 15, "all", "all"),
               json({{"dates", {"2026-02-28", "2026-03-01", "2026-03-08"}},
                     {"days", {1, 7, 7}},
                     {"creations", {0, 128, 77}},
                     {"views", {0, 1280, 770}},
                     {"streams", {0, 5000, 6000}}}));
  // Period 7: one full bucket.
  CHECK_ANSWER(tta_reference::weekly_series(doc, "A", 7, "all", "all"),
               json({{"dates", {"2026-03-08"}},
                     {"days", {7}},
                     {"creations", {77}},
                     {"views", {770}},
                     {"streams", {6000}}}));
  // Period 1: 03-14 only, after S -> streams null.
  CHECK_ANSWER(tta_reference::weekly_series(doc, "A", 1, "all", "all"),
               json({{"dates", {"2026-03-14"}},
                     {"days", {1}},
                     {"creations", {14}},
                     {"views", {140}},
                     {"streams", {nullptr}}}));
  CHECK_THROWS_AS(tta_reference::weekly_series(doc, "Z", 7, "all", "all"), std::invalid_argument);
}

TEST_CASE("reference weekly series with S unknown has null streams") {
  // No asOf, no streams: E = 03-03. Period 2: one bucket 03-02..03-03 (2 days).
  const json doc = json::parse(R"json({
      "tracks": [{"id": "A"}],
      "tiktok": [{"track": "A", "territory": "FR", "start": "2026-03-01", "creations": [1,2,3], "views": [4,5,6]}]
    })json");
  CHECK_ANSWER(tta_reference::weekly_series(doc, "A", 2, "all", "all"),
               json({{"dates", {"2026-03-02"}},
                     {"days", {2}},
                     {"creations", {5}},
                     {"views", {11}},
                     {"streams", {nullptr}}}));
}

// ===========================================================================
// 7. Table sort and search
// ===========================================================================

// asOf 2026-03-15; period 7: window 03-08..03-14. One day of data per track on 03-08.
//        title    artist         isrc     creations views streams
//   T1   "Zebra"  "Nova"         FRX001   5         100   30
//   T2   "apple"  "Nova"         USABC1   5         100   10
//   T3   null     "\u00c1nima"   -        9         50    0
//   T4   "Mango"  null           -        2         900   20
//   T5   "Zebra"  -              -        0 (3 on 03-01, outside the window)
// Standard ranking: T3 (9), T1, T2 (5/100 tie -> id), T4 (2).
const char* const kTableDoc = R"json({
  "asOf": "2026-03-15",
  "tracks": [{"id": "T1", "title": "Zebra", "artist": "Nova", "isrc": "FRX001"},
             {"id": "T2", "title": "apple", "artist": "Nova", "isrc": "USABC1"},
             {"id": "T3", "artist": "\u00c1nima"},
             {"id": "T4", "title": "Mango"},
             {"id": "T5", "title": "Zebra"}],
  "tiktok": [
    {"track": "T1", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-08", "creations": [5], "views": [100]},
    {"track": "T2", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-08", "creations": [5], "views": [100]},
    {"track": "T3", "territory": "FR", "platform": "douyin", "content": "ugc", "start": "2026-03-08", "creations": [9], "views": [50]},
    {"track": "T4", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-08", "creations": [2], "views": [900]},
    {"track": "T5", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-01", "creations": [3], "views": [3]}],
  "streams": [
    {"track": "T1", "start": "2026-03-08", "streams": [30]},
    {"track": "T2", "start": "2026-03-08", "streams": [10]},
    {"track": "T4", "start": "2026-03-08", "streams": [20]}]
})json";

TEST_CASE("reference table sorts by each key in both directions, ties by the standard ranking") {
  const json doc = json::parse(kTableDoc);
  const auto order = [&](const char* sort, bool descending) {
    return ids_of(tta_reference::table(doc, 7, "all", "all", sort, descending, ""));
  };
  // creations desc 9,5,5,2 = the standard ranking; asc 2, then the 5/5 tie in
  // standard order (T1 before T2 by id, not reversed), then 9.
  CHECK(order("creations", true) == Ids{"T3", "T1", "T2", "T4"});
  CHECK(order("creations", false) == Ids{"T4", "T1", "T2", "T3"});
  // views 100,100,50,900: desc 900, (100 tie: T1, T2), 50; asc 50, T1, T2, 900.
  CHECK(order("views", true) == Ids{"T4", "T1", "T2", "T3"});
  CHECK(order("views", false) == Ids{"T3", "T1", "T2", "T4"});
  // streams T1 30, T2 10, T3 0, T4 20.
  CHECK(order("streams", true) == Ids{"T1", "T4", "T2", "T3"});
  CHECK(order("streams", false) == Ids{"T3", "T2", "T4", "T1"});
  // title, byte-wise: "Mango" (M 0x4D) < "Zebra" (Z 0x5A) < "apple" (a 0x61) < null.
  CHECK(order("title", false) == Ids{"T4", "T1", "T2", "T3"});
  CHECK(order("title", true) == Ids{"T3", "T2", "T1", "T4"});
  // artist: "Nova" (T1, T2) < "\u00c1nima" (first byte 0xC3) < null (T4).
  // Descending: null first, then \u00c1nima, then the Nova tie still T1, T2.
  CHECK(order("artist", false) == Ids{"T1", "T2", "T3", "T4"});
  CHECK(order("artist", true) == Ids{"T4", "T3", "T1", "T2"});
  // The rows are the overview's rows, unchanged.
  const json rows = tta_reference::table(doc, 7, "all", "all", "creations", true, "");
  CHECK(rows == tta_reference::overview(doc, 7, "all", "all")["tracks"]);
  // Filters apply: tiktok drops T3 (douyin).
  CHECK(ids_of(tta_reference::table(doc, 7, "tiktok", "all", "views", false, "")) ==
        Ids{"T1", "T2", "T4"});
  CHECK_THROWS_AS(tta_reference::table(doc, 7, "all", "all", "isrc", true, ""),
                  std::invalid_argument);
}

TEST_CASE("reference table search matches title, artist, isrc or id, ASCII case-insensitively") {
  const json doc = json::parse(kTableDoc);
  const auto found = [&](const std::string& search) {
    return ids_of(tta_reference::table(doc, 7, "all", "all", "creations", true, search));
  };
  CHECK(found("nova") == Ids{"T1", "T2"});           // artist, any case
  CHECK(found("fRx") == Ids{"T1"});                  // isrc FRX001
  CHECK(found("usabc1") == Ids{"T2"});               // isrc
  CHECK(found("t4") == Ids{"T4"});                   // id
  CHECK(found("t") == Ids{"T3", "T1", "T2", "T4"});  // every id has a T
  CHECK(found("zebra") == Ids{"T1"});                // T5 has no creation in the window
  CHECK(found("an") == Ids{"T4"});                   // "Mango"; "\u00c1nima" has no ASCII "an"
  CHECK(found("\u00e1nima").empty());                // no folding beyond ASCII (C3 A1 vs C3 81)
  CHECK(found("\u00c1NIMA") == Ids{"T3"});           // the ASCII part folds
  CHECK(found("null").empty());                      // a null title/artist never matches
  CHECK(found("").size() == 4);
  // Search and sort together: "nova" by streams ascending -> T2 (10), T1 (30).
  CHECK(ids_of(tta_reference::table(doc, 7, "all", "all", "streams", false, "nova")) ==
        Ids{"T2", "T1"});
}

// ===========================================================================
// 8. CSV
// ===========================================================================

// asOf 2026-03-15: E = 03-14, S = 03-13; period 7: window 03-08..03-14.
//   X1 "Plain"/"Nova": FR 03-12..03-14 creations 1,2,3 views 10,20,30;
//      BR 03-13..03-14 2,0 views 20,0; CN 03-14 1 views 10; US 03-08 1 views 10
//      -> creations 10, views 100; territories FR 6, BR 2, CN 1, US 1 -> top 3 "FR BR CN";
//      streams 03-12 2, 03-13 3, 03-14 99 (after S) -> 5.
//   X2 "Hello, \"World\"" / "=SUM(A1)": FR 4 creations, 40 views.
//   -3 "\rCR" / "+plus,comma": DE 2 creations, 0 views.
//   X4 null / "\tTab": JP 1 creation, 7 views.
//   X5 "line\nbreak" / "@at": IT 1 creation, 3 views (ties X4 on creations, fewer views).
//   X6: 5 creations on 03-01, outside the window.
const char* const kCsvDoc = R"json({
  "asOf": "2026-03-15",
  "tracks": [{"id": "X1", "title": "Plain", "artist": "Nova"},
             {"id": "X2", "title": "Hello, \"World\"", "artist": "=SUM(A1)"},
             {"id": "-3", "title": "\rCR", "artist": "+plus,comma"},
             {"id": "X4", "artist": "\tTab"},
             {"id": "X5", "title": "line\nbreak", "artist": "@at"},
             {"id": "X6", "title": "a-b"}],
  "tiktok": [
    {"track": "X1", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-12", "creations": [1,2,3], "views": [10,20,30]},
    {"track": "X1", "territory": "BR", "platform": "tiktok", "content": "ugc", "start": "2026-03-13", "creations": [2,0], "views": [20,0]},
    {"track": "X1", "territory": "CN", "platform": "douyin", "content": "ugc", "start": "2026-03-14", "creations": [1], "views": [10]},
    {"track": "X1", "territory": "US", "platform": "tiktok", "content": "ugc", "start": "2026-03-08", "creations": [1], "views": [10]},
    {"track": "X2", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-10", "creations": [4], "views": [40]},
    {"track": "-3", "territory": "DE", "platform": "tiktok", "content": "ugc", "start": "2026-03-11", "creations": [2], "views": [0]},
    {"track": "X4", "territory": "JP", "platform": "tiktok", "content": "ugc", "start": "2026-03-09", "creations": [1], "views": [7]},
    {"track": "X5", "territory": "IT", "platform": "tiktok", "content": "ugc", "start": "2026-03-09", "creations": [1], "views": [3]},
    {"track": "X6", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-01", "creations": [5], "views": [5]}],
  "streams": [{"track": "X1", "start": "2026-03-12", "streams": [2,3,99]}]
})json";

TEST_CASE("reference overview CSV: ranked rows, quoting and formula-injection guard") {
  const json doc = json::parse(kCsvDoc);
  const std::string expected =
      "rank,id,title,artist,creations,views,streams,top_territories\r\n"
      "1,X1,Plain,Nova,10,100,5,FR BR CN\r\n"
      // comma and quotes -> quoted, inner quotes doubled; leading = -> '=
      "2,X2,\"Hello, \"\"World\"\"\",'=SUM(A1),4,40,0,FR\r\n"
      // id "-3" -> '-3; title CR... -> 'CR... then quoted (holds a CR);
      // artist +plus,comma -> '+plus,comma then quoted (holds a comma)
      "3,'-3,\"'\rCR\",\"'+plus,comma\",2,0,0,DE\r\n"
      // null title -> empty cell; leading TAB -> ' (a TAB alone needs no quotes)
      "4,X4,,'\tTab,1,7,0,JP\r\n"
      // LF -> quoted; leading @ -> '
      "5,X5,\"line\nbreak\",'@at,1,3,0,IT\r\n";
  CHECK(tta_reference::overview_csv(doc, 7, "all", "all") == expected);
  // Nothing in the window for pgc: the header alone.
  CHECK(tta_reference::overview_csv(doc, 7, "all", "pgc") ==
        "rank,id,title,artist,creations,views,streams,top_territories\r\n");
  // Filter douyin: only X1's CN creation (1, views 10); streams unfiltered (5).
  CHECK(tta_reference::overview_csv(doc, 7, "douyin", "all") ==
        "rank,id,title,artist,creations,views,streams,top_territories\r\n"
        "1,X1,Plain,Nova,1,10,5,CN\r\n");
}

TEST_CASE("reference track CSV: one line per day, empty streams after S") {
  const json doc = json::parse(kCsvDoc);
  // X1, period 3: 03-12..03-14.
  // 03-12: FR 1 (views 10), streams 2.
  // 03-13: FR 2 + BR 2 = 4 (views 20+20 = 40), streams 3.
  // 03-14: FR 3 + BR 0 + CN 1 = 4 (views 30+0+10 = 40), after S -> empty.
  CHECK(tta_reference::track_csv(doc, "X1", 3, "all", "all") ==
        "date,creations,views,streams\r\n"
        "2026-03-12,1,10,2\r\n"
        "2026-03-13,4,40,3\r\n"
        "2026-03-14,4,40,\r\n");
  // X2 (no streams series), period 1: 03-14 -> 0 creations, 0 views, streams empty.
  CHECK(tta_reference::track_csv(doc, "X2", 1, "all", "all") ==
        "date,creations,views,streams\r\n2026-03-14,0,0,\r\n");
  // X2, period 2: 03-13 is <= S -> streams 0 (not empty).
  CHECK(tta_reference::track_csv(doc, "X2", 2, "all", "all") ==
        "date,creations,views,streams\r\n2026-03-13,0,0,0\r\n2026-03-14,0,0,\r\n");
  CHECK_THROWS_AS(tta_reference::track_csv(doc, "Z", 3, "all", "all"), std::invalid_argument);
}

TEST_CASE("reference CSV cell rules") {
  using tta_reference::detail::csv_cell;
  CHECK(csv_cell("plain", true) == "plain");
  CHECK(csv_cell("a-b", true) == "a-b");  // '-' not first: untouched
  CHECK(csv_cell("-1", true) == "'-1");
  CHECK(csv_cell("-1", false) == "-1");  // not a text cell: no guard
  CHECK(csv_cell("say \"hi\"", true) == "\"say \"\"hi\"\"\"");
  CHECK(csv_cell("=1,2", true) == "\"'=1,2\"");         // guard first, then quoting
  CHECK(csv_cell("\"=x\"", true) == "\"\"\"=x\"\"\"");  // starts with a quote: no guard
  CHECK(csv_cell("", true) == "");
}
