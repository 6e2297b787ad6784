// Hand-computed answers, checked against both the brute-force reference
// (tests/reference/brute_force.hpp, which then judges the engine in property
// tests) and the engine itself:
//   1. against the worked example (tests/data/examples/: a small document
//      with its exact answers, docs/ANSWERS.md);
//   2. against small inline documents whose answers are computed by hand in
//      the comments next to the expected values.
//
// Catch2 v2; the main() lives in a separate file of the test binary.
// TTA_TEST_DATA_DIR is the absolute path of tests/data (set by the tests CMake).

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "reference/brute_force.hpp"
#include "request.hpp"
#include "support.hpp"

#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#ifndef TTA_TEST_DATA_DIR
#error "TTA_TEST_DATA_DIR must be defined as the absolute path of tests/data"
#endif

namespace {

using nlohmann::json;

}  // namespace

// ===========================================================================
// Civil dates
// ===========================================================================

TEST_CASE("the reference's own date arithmetic agrees with known dates and round-trips") {
  using tta_reference::detail::format_day;
  using tta_reference::detail::parse_day;
  // Known values (checked with Python's datetime): days since 1970-01-01.
  CHECK(parse_day("1970-01-01") == 0);
  CHECK(parse_day("2000-03-01") == 11017);
  CHECK(parse_day("2026-03-15") == 20527);
  CHECK(parse_day("0001-01-01") == -719162);
  // Leap rules: 2000 and 2024 are leap, 1900 and 2026 are not.
  CHECK(parse_day("2000-03-01") - parse_day("2000-02-28") == 2);
  CHECK(parse_day("2024-03-01") - parse_day("2024-02-28") == 2);
  CHECK(parse_day("1900-03-01") - parse_day("1900-02-28") == 1);
  CHECK(parse_day("2026-03-01") - parse_day("2026-02-28") == 1);
  CHECK(parse_day("2026-01-01") - parse_day("2025-12-31") == 1);
  // Every day from 1890 to 2110 formats back to itself, and consecutive
  // days format to strictly increasing strings.
  std::string previous;
  for (auto d = parse_day("1890-01-01"); d <= parse_day("2110-12-31"); ++d) {
    const std::string text = format_day(d);
    REQUIRE(parse_day(text) == d);
    REQUIRE(text > previous);
    previous = text;
  }
}

// ===========================================================================
// The worked example (asOf given: E = D-1, S = D-2)
// ===========================================================================

TEST_CASE("the overview equals the worked example for period 7") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = load_example("tiny.json");
  CHECK_ANSWER(impl->overview(doc, 7, "all", "all"), load_example("overview-p7.json"));
}

TEST_CASE("the overview equals the worked example for period 7, TikTok UGC only") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = load_example("tiny.json");
  CHECK_ANSWER(impl->overview(doc, 7, "tiktok", "ugc"),
               load_example("overview-p7-tiktok-ugc.json"));
}

TEST_CASE("the track page equals the worked example for track A, period 7") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = load_example("tiny.json");
  CHECK_ANSWER(impl->track(doc, "A", 7, "all", "all"), load_example("track-A-p7.json"));
}

// ===========================================================================
// Document 1: no asOf, both kinds of series, across a year boundary.
// ===========================================================================
//
// TikTok series (day values listed from `start`):
//   s0 b "us" tiktok/ugc   from 2025-12-28: cr [1,1,1,1,1,null] v [10,10,10,10,10,null]
//                          covers 12-28..01-02; the last day is null but still covered
//   s1 b "GB" (no platform, no content) from 2025-12-31: cr [1,1] v [3,3]   -> 12-31, 01-01
//   s2 b "JP" tiktok/ugc   on 2025-12-29: cr [4] v [40]                     (previous window only)
//   s3 a "US" tiktok/pgc   on 2026-01-01: cr [4] v [26]                     (starts inside the
//   window) s4 c "de" douyin/pgc   from 2025-12-30: cr [5,3,1] v [50,20,10]         -> 12-30..01-01
// Streams series:
//   t0 a from 2025-12-27: [100,200,300,400,500]   -> 12-27..12-31
//   t1 c from 2025-12-30: [7,null]                 -> 12-30..12-31
//   t2 d from 2025-12-20: ten 1s                   -> 12-20..12-29
//
// E = latest TikTok day covered = 2026-01-02 (only s0 reaches it, with a null).
// S = latest streams day covered = 2025-12-31.
// Period 3: window 2025-12-31..2026-01-02, previous 2025-12-28..2025-12-30.
namespace {
const char* const kDoc1 = R"({
  "tracks": [
    {"id": "b", "title": "Bee", "artist": "X"},
    {"id": "a", "title": "Ay"},
    {"id": "c"},
    {"id": "d", "title": "Dee", "artist": "Y", "isrc": "ISRC1"}
  ],
  "tiktok": [
    {"track": "b", "territory": "us", "platform": "tiktok", "content": "ugc", "start": "2025-12-28",
     "creations": [1, 1, 1, 1, 1, null], "views": [10, 10, 10, 10, 10, null]},
    {"track": "b", "territory": "GB", "start": "2025-12-31", "creations": [1, 1], "views": [3, 3]},
    {"track": "b", "territory": "JP", "platform": "tiktok", "content": "ugc", "start": "2025-12-29",
     "creations": [4], "views": [40]},
    {"track": "a", "territory": "US", "platform": "tiktok", "content": "pgc", "start": "2026-01-01",
     "creations": [4], "views": [26]},
    {"track": "c", "territory": "de", "platform": "douyin", "content": "pgc", "start": "2025-12-30",
     "creations": [5, 3, 1], "views": [50, 20, 10]}
  ],
  "streams": [
    {"track": "a", "start": "2025-12-27", "streams": [100, 200, 300, 400, 500]},
    {"track": "c", "start": "2025-12-30", "streams": [7, null]},
    {"track": "d", "start": "2025-12-20", "streams": [1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}
  ]
})";

// Frame shared by every period-3 answer on document 1.
json doc1_frame(json answer) {
  answer["window"] = frame_window("2025-12-31", "2026-01-02", 3);
  answer["previousWindow"] = range("2025-12-28", "2025-12-30");
  answer["dataThrough"] = {{"tiktok", "2026-01-02"}, {"streams", "2025-12-31"}};
  return answer;
}

// Streams never depend on the platform/content filters:
//   current  = days 12-31..01-02 that are <= S, i.e. 12-31 only: t0 500 + t1 null(0) = 500
//   previous = 12-28..12-30: t0 200+300+400 = 900, t1 7 (12-30), t2 1+1 (12-28, 12-29) = 909
const json kDoc1Streams = metric(500, 909, -409.0 / 909.0);
}  // namespace

TEST_CASE(
    "without asOf, E and S come from the data and ties in the track ranking go to views then id") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = json::parse(kDoc1);
  json expected = doc1_frame(json::object());
  // Current window, all series:
  //   b: s0 1+1+null = 2 cr / 20 v, s1 1+1 = 2 cr / 6 v            -> 4 cr, 26 v
  //   a: s3 4 cr / 26 v (01-01)                                    -> 4 cr, 26 v
  //   c: s4 3+1 = 4 cr, 20+10 = 30 v                               -> 4 cr, 30 v
  //   total 12 cr, 82 v
  // Previous window:
  //   b: s0 1+1+1 = 3 cr / 30 v, s2 4 cr / 40 v -> 7 / 70;  c: s4 5 / 50;  a: 0
  //   total 12 cr, 120 v
  expected["creations"] = metric(12, 12, 0.0);         // (12-12)/12 = 0, not null
  expected["views"] = metric(82, 120, -38.0 / 120.0);  // (82-120)/120
  expected["streams"] = kDoc1Streams;
  expected["tracksWithCreations"] = 3;  // a, b, c (d has no TikTok)
  expected["catalogTracks"] = 4;
  // All three have 4 creations: c first (30 views), then a and b tie on
  // 26 views too, so id asc: a before b (the catalog lists b first).
  // Track streams in the window: a = 500 (12-31), c = t1 null on 12-31 = 0, b none = 0.
  expected["tracks"] = json::array({
      {{"id", "c"},
       {"title", nullptr},
       {"artist", nullptr},
       {"creations", 4},
       {"views", 30},
       {"streams", 0},
       {"topTerritories", json::array({{{"code", "DE"}, {"creations", 4}}})}},
      {{"id", "a"},
       {"title", "Ay"},
       {"artist", nullptr},
       {"creations", 4},
       {"views", 26},
       {"streams", 500},
       {"topTerritories", json::array({{{"code", "US"}, {"creations", 4}}})}},
      // b's territories: GB 2 and US 2 tie -> code asc; JP has 0 in the window -> left out.
      {{"id", "b"},
       {"title", "Bee"},
       {"artist", "X"},
       {"creations", 4},
       {"views", 26},
       {"streams", 0},
       {"topTerritories",
        json::array({{{"code", "GB"}, {"creations", 2}}, {{"code", "US"}, {"creations", 2}}})}},
  });
  CHECK_ANSWER(impl->overview(doc, 3, "all", "all"), expected);
}

TEST_CASE(
    "a track page without asOf has daily sums, territory ties by code, and no streams after S") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = json::parse(kDoc1);
  json expected = doc1_frame(json::object());
  expected["track"] = {{"id", "b"}, {"title", "Bee"}, {"artist", "X"}, {"isrc", nullptr}};
  expected["creations"] = metric(4, 7, -3.0 / 7.0);  // see the overview test
  expected["views"] = metric(26, 70, -44.0 / 70.0);
  expected["streams"] = metric(0, 0, nullptr);  // b has no streams series
  // GB: 1+1 cr, 3+3 v; US: 1+1+null cr, 10+10+null v; tie on 2 -> GB first.
  expected["territories"] = json::array({{{"code", "GB"}, {"creations", 2}, {"views", 6}},
                                         {{"code", "US"}, {"creations", 2}, {"views", 20}}});
  // 12-31: s0 1/10 + s1 1/3;  01-01: s0 1/10 + s1 1/3;  01-02: s0 null -> 0.
  // Streams: 12-31 <= S and nothing covers it -> 0; 01-01 and 01-02 > S -> null.
  expected["series"] = {{"dates", {"2025-12-31", "2026-01-01", "2026-01-02"}},
                        {"creations", {2, 2, 0}},
                        {"views", {13, 13, 0}},
                        {"streams", {0, nullptr, nullptr}}};
  CHECK_ANSWER(impl->track(doc, "b", 3, "all", "all"), expected);
}

TEST_CASE("a track whose only series starts inside the window has no previous creations") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = json::parse(kDoc1);
  json expected = doc1_frame(json::object());
  expected["track"] = {{"id", "a"}, {"title", "Ay"}, {"artist", nullptr}, {"isrc", nullptr}};
  expected["creations"] = metric(4, 0, nullptr);  // previous 0 -> change null
  expected["views"] = metric(26, 0, nullptr);
  // Streams t0: current 12-31 = 500 (later days > S); previous 200+300+400 = 900.
  expected["streams"] = metric(500, 900, -400.0 / 900.0);
  expected["territories"] = json::array({{{"code", "US"}, {"creations", 4}, {"views", 26}}});
  expected["series"] = {{"dates", {"2025-12-31", "2026-01-01", "2026-01-02"}},
                        {"creations", {0, 4, 0}},
                        {"views", {0, 26, 0}},
                        {"streams", {500, nullptr, nullptr}}};
  CHECK_ANSWER(impl->track(doc, "a", 3, "all", "all"), expected);
}

TEST_CASE("series with unknown platform or content count only when that filter is all") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = json::parse(kDoc1);

  SECTION("tiktok + ugc keeps s0 and s2 only (GB has no platform, no content)") {
    json expected = doc1_frame(json::object());
    // current: s0 1+1+null = 2 cr, 20 v; previous: s0 3 / 30 + s2 4 / 40 = 7 / 70.
    expected["creations"] = metric(2, 7, -5.0 / 7.0);
    expected["views"] = metric(20, 70, -50.0 / 70.0);
    expected["streams"] = kDoc1Streams;  // not filtered
    expected["tracksWithCreations"] = 1;
    expected["catalogTracks"] = 4;
    expected["tracks"] = json::array({
        {{"id", "b"},
         {"title", "Bee"},
         {"artist", "X"},
         {"creations", 2},
         {"views", 20},
         {"streams", 0},
         {"topTerritories", json::array({{{"code", "US"}, {"creations", 2}}})}},
    });
    CHECK_ANSWER(impl->overview(doc, 3, "tiktok", "ugc"), expected);
  }

  SECTION("all + pgc keeps s3 and s4 only (GB has no content)") {
    json expected = doc1_frame(json::object());
    // current: a 4 / 26, c 4 / 30 -> 8 / 56; previous: s4 on 12-30 5 / 50.
    expected["creations"] = metric(8, 5, 3.0 / 5.0);
    expected["views"] = metric(56, 50, 6.0 / 50.0);
    expected["streams"] = kDoc1Streams;
    expected["tracksWithCreations"] = 2;
    expected["catalogTracks"] = 4;
    expected["tracks"] = json::array({
        // tie on 4 creations, c has more views
        {{"id", "c"},
         {"title", nullptr},
         {"artist", nullptr},
         {"creations", 4},
         {"views", 30},
         {"streams", 0},
         {"topTerritories", json::array({{{"code", "DE"}, {"creations", 4}}})}},
        {{"id", "a"},
         {"title", "Ay"},
         {"artist", nullptr},
         {"creations", 4},
         {"views", 26},
         {"streams", 500},
         {"topTerritories", json::array({{{"code", "US"}, {"creations", 4}}})}},
    });
    CHECK_ANSWER(impl->overview(doc, 3, "all", "pgc"), expected);
  }

  SECTION("douyin + all keeps s4 only") {
    const json answer = impl->overview(doc, 3, "douyin", "all");
    CHECK_ANSWER(answer["creations"], metric(4, 5, -1.0 / 5.0));  // 3+1 vs 5
    CHECK_ANSWER(answer["views"], metric(30, 50, -20.0 / 50.0));  // 20+10 vs 50
    CHECK_ANSWER(answer["streams"], kDoc1Streams);
    REQUIRE(answer["tracks"].size() == 1);
    CHECK(answer["tracks"][0]["id"] == "c");
  }

  SECTION("the track page of b with tiktok + ugc drops GB from territories and the curve") {
    const json answer = impl->track(doc, "b", 3, "tiktok", "ugc");
    CHECK_ANSWER(answer["territories"],
                 json::array({{{"code", "US"}, {"creations", 2}, {"views", 20}}}));
    CHECK_ANSWER(answer["series"]["creations"], json::array({1, 1, 0}));  // s0 only
    CHECK_ANSWER(answer["series"]["views"], json::array({10, 10, 0}));
    CHECK_ANSWER(answer["series"]["streams"], json::array({0, nullptr, nullptr}));
  }
}

// ===========================================================================
// Document 2: no asOf and no streams series at all -> S unknown.
// ===========================================================================
//   x "fr" tiktok/ugc from 2026-02-27: cr [1,2,3,4] v [10,20,30,40] -> 02-27, 02-28, 03-01, 03-02
//   E = 2026-03-02 (2026 is not a leap year). Period 2: window 03-01..03-02, previous 02-27..02-28.
namespace {
const char* const kDoc2 = R"({
  "tracks": [{"id": "x", "title": "Ex"}],
  "tiktok": [
    {"track": "x", "territory": "fr", "platform": "tiktok", "content": "ugc", "start": "2026-02-27",
     "creations": [1, 2, 3, 4], "views": [10, 20, 30, 40]}
  ]
})";
json doc2_frame(json answer) {
  answer["window"] = frame_window("2026-03-01", "2026-03-02", 2);
  answer["previousWindow"] = range("2026-02-27", "2026-02-28");
  answer["dataThrough"] = {{"tiktok", "2026-03-02"}, {"streams", nullptr}};  // S unknown
  return answer;
}
}  // namespace

TEST_CASE(
    "without streams series the streams date is null, stream sums are 0 and the curve is all "
    "null") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = json::parse(kDoc2);

  json overview = doc2_frame(json::object());
  overview["creations"] = metric(7, 3, 4.0 / 3.0);  // 3+4 vs 1+2
  overview["views"] = metric(70, 30, 40.0 / 30.0);  // 30+40 vs 10+20
  overview["streams"] = metric(0, 0, nullptr);
  overview["tracksWithCreations"] = 1;
  overview["catalogTracks"] = 1;
  overview["tracks"] = json::array({
      {{"id", "x"},
       {"title", "Ex"},
       {"artist", nullptr},
       {"creations", 7},
       {"views", 70},
       {"streams", 0},
       {"topTerritories", json::array({{{"code", "FR"}, {"creations", 7}}})}},
  });
  CHECK_ANSWER(impl->overview(doc, 2, "all", "all"), overview);

  json track = doc2_frame(json::object());
  track["track"] = {{"id", "x"}, {"title", "Ex"}, {"artist", nullptr}, {"isrc", nullptr}};
  track["creations"] = metric(7, 3, 4.0 / 3.0);
  track["views"] = metric(70, 30, 40.0 / 30.0);
  track["streams"] = metric(0, 0, nullptr);
  track["territories"] = json::array({{{"code", "FR"}, {"creations", 7}, {"views", 70}}});
  track["series"] = {{"dates", {"2026-03-01", "2026-03-02"}},
                     {"creations", {3, 4}},
                     {"views", {30, 40}},
                     {"streams", {nullptr, nullptr}}};
  CHECK_ANSWER(impl->track(doc, "x", 2, "all", "all"), track);
}

// ===========================================================================
// Document 3: no asOf and no TikTok series -> E = day after the last streams day.
// ===========================================================================
//   s1 from 2024-02-27: [10,20,30,40] -> 02-27, 02-28, 02-29 (2024 is leap), 03-01
//   s2 from 2024-02-25: [5,5,5]       -> 02-25..02-27
//   S = 2024-03-01, E = 2024-03-02.
namespace {
const char* const kDoc3 = R"({
  "tracks": [{"id": "s1"}, {"id": "s2", "title": "Ess"}],
  "tiktok": [],
  "streams": [
    {"track": "s1", "start": "2024-02-27", "streams": [10, 20, 30, 40]},
    {"track": "s2", "start": "2024-02-25", "streams": [5, 5, 5]}
  ]
})";
}  // namespace

TEST_CASE("without TikTok series E is the day after the last streams day") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = json::parse(kDoc3);

  // Period 4: window 02-28..03-02, previous 02-24..02-27.
  //   streams current: s1 20+30+40 (03-02 is after S) = 90
  //   streams previous: s1 10 (02-27) + s2 5+5+5 = 25  -> change 65/25
  json overview = json::object();
  overview["window"] = frame_window("2024-02-28", "2024-03-02", 4);
  overview["previousWindow"] = range("2024-02-24", "2024-02-27");
  overview["dataThrough"] = {{"tiktok", "2024-03-02"}, {"streams", "2024-03-01"}};
  overview["creations"] = metric(0, 0, nullptr);
  overview["views"] = metric(0, 0, nullptr);
  overview["streams"] = metric(90, 25, 65.0 / 25.0);
  overview["tracksWithCreations"] = 0;
  overview["catalogTracks"] = 2;
  overview["tracks"] = json::array();
  CHECK_ANSWER(impl->overview(doc, 4, "all", "all"), overview);

  // Track s1, period 2: window 03-01..03-02, previous 02-28..02-29.
  //   streams current 40 (03-01), previous 20+30 = 50 -> change -10/50.
  json track = json::object();
  track["track"] = {{"id", "s1"}, {"title", nullptr}, {"artist", nullptr}, {"isrc", nullptr}};
  track["window"] = frame_window("2024-03-01", "2024-03-02", 2);
  track["previousWindow"] = range("2024-02-28", "2024-02-29");
  track["dataThrough"] = {{"tiktok", "2024-03-02"}, {"streams", "2024-03-01"}};
  track["creations"] = metric(0, 0, nullptr);
  track["views"] = metric(0, 0, nullptr);
  track["streams"] = metric(40, 50, -10.0 / 50.0);
  track["territories"] = json::array();
  track["series"] = {{"dates", {"2024-03-01", "2024-03-02"}},
                     {"creations", {0, 0}},
                     {"views", {0, 0}},
                     {"streams", {40, nullptr}}};  // the streams curve ends a day earlier
  CHECK_ANSWER(impl->track(doc, "s1", 2, "all", "all"), track);
}

// ===========================================================================
// Document 4 (built in code): 55 territories, asOf, data after E and S.
// ===========================================================================
//   asOf 2026-01-10 -> E = 2026-01-09, S = 2026-01-08. Period 1: window 01-09, previous 01-08.
//   Territory i (0..54) has code {'A'+i/26, 'A'+i%26} (AA..AZ, BA..BZ, CA..CC), odd i
//   written lower case, listed in reverse order; one series on 01-09 each:
//   creations 1 (2 for i = 54, "CC"), views i.
//   Plus "ZZ" on 01-10 (after E) with 100/100, and streams [5,6,7] from 01-08.
namespace {
json make_doc4() {
  json doc = {
      {"schema", "tiktok-analytics/v1"},
      {"asOf", "2026-01-10"},
      {"tracks", json::array({{{"id", "t"}, {"title", "Tee"}, {"artist", "Z"}, {"isrc", "I"}}})},
      {"tiktok", json::array()},
      {"streams",
       json::array({{{"track", "t"}, {"start", "2026-01-08"}, {"streams", {5, 6, 7}}}})}};
  for (int i = 54; i >= 0; --i) {
    std::string code{static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)};
    if (i % 2 == 1)
      for (char& ch : code) ch = static_cast<char>(ch - 'A' + 'a');
    doc["tiktok"].push_back({{"track", "t"},
                             {"territory", code},
                             {"platform", "tiktok"},
                             {"content", "ugc"},
                             {"start", "2026-01-09"},
                             {"creations", {i == 54 ? 2 : 1}},
                             {"views", {i}}});
  }
  doc["tiktok"].push_back({{"track", "t"},
                           {"territory", "ZZ"},
                           {"start", "2026-01-10"},
                           {"creations", {100}},
                           {"views", {100}}});
  return doc;
}
}  // namespace

TEST_CASE(
    "territories are cut to 50 and top territories to 3, by creations then code, ignoring data "
    "after E") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = make_doc4();

  const json track = impl->track(doc, "t", 1, "all", "all");
  CHECK(track["window"] == json({{"start", "2026-01-09"}, {"end", "2026-01-09"}, {"days", 1u}}));
  CHECK(track["dataThrough"] == json({{"tiktok", "2026-01-09"}, {"streams", "2026-01-08"}}));
  // creations: 54 territories x 1 + CC 2 = 56 (ZZ on 01-10 is after E); views 0+1+...+54 = 1485.
  CHECK_ANSWER(track["creations"], metric(56, 0, nullptr));
  CHECK_ANSWER(track["views"], metric(1485, 0, nullptr));
  // streams: 01-09 is after S -> 0; previous 01-08 = 5 -> (0-5)/5 = -1.
  CHECK_ANSWER(track["streams"], metric(0, 5, -1.0));
  // CC (2 creations) first, then 1-creation codes by code asc: AA..AZ, BA..BW (i = 0..48).
  json territories = json::array({{{"code", "CC"}, {"creations", 2}, {"views", 54}}});
  for (int i = 0; i <= 48; ++i)
    territories.push_back(
        {{"code", std::string{static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)}},
         {"creations", 1},
         {"views", i}});
  REQUIRE(territories.size() == 50);
  CHECK_ANSWER(track["territories"], territories);
  CHECK_ANSWER(track["series"], json({{"dates", {"2026-01-09"}},
                                      {"creations", {56}},
                                      {"views", {1485}},
                                      {"streams", {nullptr}}}));

  const json overview = impl->overview(doc, 1, "all", "all");
  REQUIRE(overview["tracks"].size() == 1);
  CHECK_ANSWER(overview["tracks"][0]["topTerritories"],
               json::array({{{"code", "CC"}, {"creations", 2}},
                            {{"code", "AA"}, {"creations", 1}},
                            {{"code", "AB"}, {"creations", 1}}}));
}

// ===========================================================================
// Misuse
// ===========================================================================

TEST_CASE("both refuse an unknown track id and a document with no series and no asOf") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  CHECK_THROWS_AS(impl->track(json::parse(kDoc1), "nope", 3, "all", "all"), std::invalid_argument);
  CHECK_THROWS_AS(impl->overview(json::parse(R"({"tracks": [{"id": "a"}]})"), 7, "all", "all"),
                  std::invalid_argument);
}

// ===========================================================================
// Document 4: short-form platforms beyond TikTok, and series without a
// territory (docs/FORMAT.md, "Short-form platforms beyond TikTok").
// ===========================================================================
//   asOf 2026-03-15: E = 03-14, S = 03-13. Period 2: window 03-13..03-14,
//   previous 03-11..03-12.
//   s0 A FR   tiktok          ugc from 03-11 cr [1,2,3,4] v [10,20,30,40]   cur 7/70, prev 3/30
//   s1 A none youtube_shorts  ugc from 03-13 cr [5,6] v [500,600]          cur 11/1100
//   s2 A FR   instagram_reels ugc from 03-13 cr [2,0] v [50,0]             cur 2/50
//   s3 A null youtube_shorts  pgc from 03-12 cr [1,1,1] v [1,1,1]          cur 2/2, prev 1/1
//   s4 B US   instagram_reels (no content) from 03-13 cr [9,9] v [90,90]    cur 18/180
//   s5 B none (no platform)   ugc from 03-14 cr [4] v [4]                   cur 4/4
//   streams A from 03-11 [10,10,10,10]: cur 03-13 only (S) = 10, prev 20.
//   s0 and s2 share track and territory but not the platform: no overlap.
namespace {
const char* const kDoc4 = R"({
  "asOf": "2026-03-15",
  "tracks": [{"id": "A"}, {"id": "B"}],
  "tiktok": [
    {"track": "A", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-03-11",
     "creations": [1, 2, 3, 4], "views": [10, 20, 30, 40]},
    {"track": "A", "platform": "youtube_shorts", "content": "ugc", "start": "2026-03-13",
     "creations": [5, 6], "views": [500, 600]},
    {"track": "A", "territory": "fr", "platform": "instagram_reels", "content": "ugc",
     "start": "2026-03-13", "creations": [2, 0], "views": [50, 0]},
    {"track": "A", "territory": null, "platform": "youtube_shorts", "content": "pgc",
     "start": "2026-03-12", "creations": [1, 1, 1], "views": [1, 1, 1]},
    {"track": "B", "territory": "US", "platform": "instagram_reels", "start": "2026-03-13",
     "creations": [9, 9], "views": [90, 90]},
    {"track": "B", "content": "ugc", "start": "2026-03-14", "creations": [4], "views": [4]}
  ],
  "streams": [{"track": "A", "start": "2026-03-11", "streams": [10, 10, 10, 10]}]
})";
json doc4_frame(json answer) {
  answer["window"] = frame_window("2026-03-13", "2026-03-14", 2);
  answer["previousWindow"] = range("2026-03-11", "2026-03-12");
  answer["dataThrough"] = {{"tiktok", "2026-03-14"}, {"streams", "2026-03-13"}};
  return answer;
}
json row4(const char* id, std::uint64_t creations, std::uint64_t views, std::uint64_t streams,
          json top, std::uint64_t without_territory) {
  return {{"id", id},
          {"title", nullptr},
          {"artist", nullptr},
          {"creations", creations},
          {"views", views},
          {"streams", streams},
          {"topTerritories", top},
          {"creationsWithoutTerritory", without_territory}};
}
}  // namespace

TEST_CASE("series without a territory count in totals and rows, never in territory lists") {
  const Implementation* impl = GENERATE(implementations());
  INFO("implementation: " << impl->name);
  const json doc = json::parse(kDoc4);

  SECTION("every platform") {
    json expected = doc4_frame(json::object());
    // A: 7 + 11 + 2 + 2 = 22 cr, 70 + 1100 + 50 + 2 = 1222 v; prev s0 3 + s3 1 = 4 / 31.
    // B: 18 + 4 = 22 cr, 184 v. Tie on 22: A has more views.
    expected["creations"] = metric(44, 4, 40.0 / 4.0);
    expected["views"] = metric(1406, 31, 1375.0 / 31.0);
    expected["streams"] = metric(10, 20, -0.5);
    expected["tracksWithCreations"] = 2;
    expected["catalogTracks"] = 2;
    expected["tracks"] =
        json::array({row4("A", 22, 1222, 10, json::array({{{"code", "FR"}, {"creations", 9}}}), 13),
                     row4("B", 22, 184, 0, json::array({{{"code", "US"}, {"creations", 18}}}), 4)});
    CHECK_ANSWER(impl->overview(doc, 2, "all", "all"), expected);
  }

  SECTION("YouTube Shorts alone: A's 13 creations, no territory; B's series are not Shorts") {
    const json answer = impl->overview(doc, 2, "youtube_shorts", "all");
    CHECK_ANSWER(answer["creations"], metric(13, 1, 12.0));
    CHECK_ANSWER(answer["views"], metric(1102, 1, 1101.0));
    CHECK_ANSWER(answer["tracks"], json::array({row4("A", 13, 1102, 10, json::array(), 13)}));
  }

  SECTION("TikTok and Instagram Reels: B's Reels first, A's TikTok and Reels in FR") {
    const json answer = impl->overview(doc, 2, "tiktok,instagram_reels", "all");
    CHECK_ANSWER(answer["creations"], metric(27, 3, 8.0));  // 18 + 7 + 2 vs s0's 3
    CHECK_ANSWER(
        answer["tracks"],
        json::array({row4("B", 18, 180, 0, json::array({{{"code", "US"}, {"creations", 18}}}), 0),
                     row4("A", 9, 120, 10, json::array({{{"code", "FR"}, {"creations", 9}}}), 0)}));
  }

  SECTION("the track page: FR only in territories, the Shorts in the curve") {
    json expected = doc4_frame(json::object());
    expected["track"] = {{"id", "A"}, {"title", nullptr}, {"artist", nullptr}, {"isrc", nullptr}};
    expected["creations"] = metric(22, 4, 18.0 / 4.0);
    expected["views"] = metric(1222, 31, 1191.0 / 31.0);
    expected["streams"] = metric(10, 20, -0.5);
    // FR: s0 7 + s2 2 = 9 creations, 70 + 50 = 120 views.
    expected["territories"] = json::array({{{"code", "FR"}, {"creations", 9}, {"views", 120}}});
    expected["creationsWithoutTerritory"] = 13;
    // 03-13: 3 + 5 + 2 + 1 = 11 / 30 + 500 + 50 + 1 = 581; 03-14: 4 + 6 + 0 + 1 = 11 / 641.
    expected["series"] = {{"dates", {"2026-03-13", "2026-03-14"}},
                          {"creations", {11, 11}},
                          {"views", {581, 641}},
                          {"streams", {10, nullptr}}};
    CHECK_ANSWER(impl->track(doc, "A", 2, "all", "all"), expected);
  }

  SECTION("a document without such series keeps its answers: no creationsWithoutTerritory") {
    json v1 = doc;
    v1["tiktok"] = json::array({doc["tiktok"][0], doc["tiktok"][2]});
    CHECK_FALSE(
        impl->overview(v1, 2, "all", "all")["tracks"][0].contains("creationsWithoutTerritory"));
    CHECK_FALSE(impl->track(v1, "A", 2, "all", "all").contains("creationsWithoutTerritory"));
  }
}

TEST_CASE("the engine's splits give every platform, and its requests take a platform set") {
  tta::Analytics engine;
  load_or_throw(engine, kDoc4);
  // Whole catalog, period 2: tiktok s0 7 (70); douyin none; youtube_shorts s1 + s3
  // 13 (1102); instagram_reels s2 + s4 20 (230); unknown s5 4 (4). Sum 44.
  const json splits = answer_or_throw(engine.splits_json("", make_query(2, "all", "all")));
  const json expected =
      json::array({{{"key", "tiktok"}, {"creations", 7}, {"views", 70}},
                   {{"key", "douyin"}, {"creations", 0}, {"views", 0}},
                   {{"key", "youtube_shorts"}, {"creations", 13}, {"views", 1102}},
                   {{"key", "instagram_reels"}, {"creations", 20}, {"views", 230}},
                   {{"key", "unknown"}, {"creations", 4}, {"views", 4}}});
  REQUIRE(splits["platform"].size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(splits["platform"][i]["key"] == expected[i]["key"]);
    CHECK(splits["platform"][i]["creations"] == expected[i]["creations"]);
    CHECK(splits["platform"][i]["views"] == expected[i]["views"]);
  }
  CHECK(splits["platform"][2]["share"].get<double>() == 13.0 / 44.0);

  // The JSON request (CLI and module) with "platforms": the same answer as the set.
  const json by_request = answer_or_throw(tta::answer_request(
      engine, R"({"query":"overview","period":2,"platforms":["tiktok","instagram_reels"]})"));
  CHECK(by_request["creations"]["current"] == 27);
  CHECK(by_request["tracks"][0]["id"] == "B");
}
