// Bad input: every rule of the format refuses the whole document with one
// message naming the place and the rule, and a refused document changes
// nothing that was loaded before.
#include "support.hpp"

#include <random>

namespace {

// A valid base document; each case below breaks one rule of it.
const char* const kTrack = R"({"id": "A", "title": "Alpha"})";
std::string doc_with(const std::string& tracks, const std::string& tiktok,
                     const std::string& streams, const std::string& extra = "") {
  return "{" + extra + R"("tracks": [)" + tracks + R"(], "tiktok": [)" + tiktok +
         R"(], "streams": [)" + streams + "]}";
}
std::string series(const std::string& fields) {
  return R"({"track": "A", "territory": "FR", "platform": "tiktok", "content": "ugc", )" + fields +
         "}";
}
const std::string kGoodSeries =
    series(R"("start": "2026-01-01", "creations": [1, 2], "views": [10, 20])");

struct Case {
  std::string document;
  std::string message;  // the whole expected message
};

}  // namespace

TEST_CASE("every broken rule is refused with a message naming the place and the rule") {
  const std::vector<Case> cases = {
      {"", "line 1, column 1: syntax error: unexpected end of input; expected a value"},
      {"{\"tracks\": [}", "line 1, column 13: syntax error: unexpected '}'; expected a value"},
      {"{\"tracks\": []}\n\n  x",
       "line 3, column 3: syntax error: unexpected character after the document"},
      {"{\"tracks\": [{\"id\": \"A\", \"title\": \"caf\xc3\"}]}",
       "line 1, column 38: syntax error: invalid UTF-8 in a string"},
      {"{\"tracks\": [{\"id\": \"A\",\n \"title\": \"\\ud83d\"}]}",
       "line 2, column 12: syntax error: invalid \\u escape; a high surrogate must be followed by "
       "a low one"},
      {"{\"tracks\": [], \"x\": 1e999}",
       "line 1, column 21: syntax error: number out of range: 1e999"},
      {"{\"tracks\": [], \"x\": [1,]}",
       "line 1, column 24: syntax error: unexpected ']'; expected a value"},
      {"{\"tracks\": [], \"x\": 01}", "line 1, column 22: syntax error: expected ',' or '}'"},
      {"[]",
       "document: must be a JSON object with \"tracks\", \"tiktok\" and \"streams\", got an array"},
      {"42", "document: must be a JSON object with \"tracks\", \"tiktok\" and \"streams\""},
      {"{}", "document: missing required field \"tracks\""},
      {doc_with(kTrack, kGoodSeries, "", R"("schema": "tiktok-analytics/v2", )"),
       "schema: must be \"tiktok-analytics/v1\", got \"tiktok-analytics/v2\""},
      {doc_with(kTrack, kGoodSeries, "", R"("asOf": "2026-02-30", )"),
       "asOf: must be a date YYYY-MM-DD (years 1900-9999), got \"2026-02-30\""},
      {doc_with(kTrack, kGoodSeries, "", R"("asOf": 20260101, )"), "asOf: must be a string"},
      {doc_with(kTrack, kGoodSeries, "", R"("tracks": [], )"),
       "tracks: appears twice in the same object"},
      {R"({"tracks": {}})", "tracks: must be an array"},
      {doc_with(R"({"title": "x"})", "", ""), "tracks[0]: missing required field \"id\""},
      {doc_with(R"({"id": 7})", "", ""), "tracks[0].id: must be a string"},
      {doc_with(R"({"id": ""})", "", ""), "tracks[0].id: must be a non-empty string"},
      {doc_with(R"({"id": "A", "title": ["x"]})", "", ""), "tracks[0].title: must be a string"},
      {doc_with(std::string(kTrack) + R"(, {"id": "B"}, {"id": "A"})", kGoodSeries, ""),
       "tracks[2].id: duplicate track id \"A\" (first at tracks[0])"},
      {doc_with(kTrack, kGoodSeries + ", 5", ""), "tiktok[1]: must be an object"},
      {doc_with(
           kTrack,
           R"({"track": "B", "territory": "FR", "start": "2026-01-01", "creations": [], "views": []})",
           ""),
       "tiktok[0].track: unknown track id \"B\" (every track must be listed in \"tracks\")"},
      {doc_with(
           kTrack,
           R"({"track": "A", "territory": 5, "start": "2026-01-01", "creations": [], "views": []})",
           ""),
       "tiktok[0].territory: must be a string"},
      {doc_with(
           kTrack,
           R"({"track": "A", "territory": "", "start": "2026-01-01", "creations": [], "views": []})",
           ""),
       "tiktok[0].territory: must be a two-letter territory code, got \"\""},
      {doc_with(
           kTrack,
           R"({"track": "A", "platform": "youtube", "start": "2026-01-01", "creations": [1], "views": [1]})",
           ""),
       "tiktok[0].platform: must be \"tiktok\", \"douyin\", \"youtube_shorts\" or "
       "\"instagram_reels\", got \"youtube\""},
      {doc_with(
           kTrack,
           R"({"track": "A", "start": "2026-01-01", "creations": [1, 2], "views": [1, 2]}, )"
           R"({"track": "A", "territory": null, "start": "2026-01-02", "creations": [1], "views": [1]})",
           ""),
       "tiktok[1]: covers 2026-01-02, which tiktok[0] with the same track, territory, platform "
       "and content already covers"},
      {doc_with(
           kTrack,
           R"({"track": "A", "territory": "FRA", "start": "2026-01-01", "creations": [], "views": []})",
           ""),
       "tiktok[0].territory: must be a two-letter territory code, got \"FRA\""},
      {doc_with(
           kTrack,
           series(
               R"("start": "2026-01-01", "creations": [1], "views": [1], "platform": "youtube")"),
           ""),
       "tiktok[0].platform: appears twice in the same object"},
      {doc_with(
           kTrack,
           R"({"track": "A", "territory": "FR", "platform": "TikTok", "start": "2026-01-01", "creations": [], "views": []})",
           ""),
       "tiktok[0].platform: must be \"tiktok\", \"douyin\", \"youtube_shorts\" or "
       "\"instagram_reels\", got \"TikTok\""},
      {doc_with(
           kTrack,
           R"({"track": "A", "territory": "FR", "content": "both", "start": "2026-01-01", "creations": [], "views": []})",
           ""),
       "tiktok[0].content: must be \"ugc\" or \"pgc\", got \"both\""},
      {doc_with(kTrack, series(R"("start": "01/01/2026", "creations": [1], "views": [1])"), ""),
       "tiktok[0].start: must be a date YYYY-MM-DD (years 1900-9999), got \"01/01/2026\""},
      {doc_with(kTrack, series(R"("start": "2026-01-01", "views": [1])"), ""),
       "tiktok[0]: missing required field \"creations\""},
      {doc_with(kTrack, series(R"("start": "2026-01-01", "creations": [1, 2, 3], "views": [1, 2])"),
                ""),
       "tiktok[0].views: has 2 values but creations has 3; both must have the same length"},
      {doc_with(kTrack,
                series(R"("start": "2026-01-01", "creations": [0, 1, -3], "views": [1, 2, 3])"),
                ""),
       "tiktok[0].creations[2]: must be a non-negative integer or null, got -3"},
      {doc_with(kTrack, series(R"("start": "2026-01-01", "creations": [0, 1], "views": [1, 2.5])"),
                ""),
       "tiktok[0].views[1]: must be a non-negative integer or null, got \"2.5\""},
      {doc_with(kTrack, series(R"("start": "2026-01-01", "creations": [0, "1"], "views": [1, 2])"),
                ""),
       "tiktok[0].creations[1]: must be a non-negative integer or null, got a string"},
      {doc_with(kTrack, series(R"("start": "2026-01-01", "creations": 3, "views": [1])"), ""),
       "tiktok[0].creations: must be an array of non-negative integers or null"},
      {doc_with(kTrack,
                series(R"("start": "2026-01-01", "creations": [9007199254740992], "views": [1])"),
                ""),
       "tiktok[0].creations[0]: must be at most 2^53-1 (9007199254740991), got 9007199254740992"},
      {doc_with(
           kTrack,
           series(
               R"("start": "2026-01-01", "creations": [1, 1], "views": [9007199254740000, 991])") +
               "," + series(R"("start": "2026-01-03", "creations": [1], "views": [1])"),
           ""),
       "tiktok[1].views[0]: the document's total views would pass 2^53-1 (9007199254740991), so "
       "sums could not stay exact"},
      {doc_with(
           kTrack,
           kGoodSeries + "," + series(R"("start": "2026-01-02", "creations": [1], "views": [1])"),
           ""),
       "tiktok[1]: covers 2026-01-02, which tiktok[0] with the same track, territory, platform and "
       "content already covers"},
      {doc_with(
           kTrack, "",
           R"({"track": "A", "start": "2026-01-01", "streams": [1, 2, 3]}, {"track": "A", "start": "2025-12-30", "streams": [1, 2, 3]})"),
       "streams[1]: covers 2026-01-01, which streams[0] with the same track already covers"},
      {doc_with(kTrack, "", R"({"track": "A", "start": "2026-01-01"})"),
       "streams[0]: missing required field \"streams\""},
      {doc_with(kTrack, "", R"({"track": "A", "start": "9999-12-30", "streams": [1, 2, 3]})"),
       "streams[0]: runs past 9999-12-31"},
      {doc_with(kTrack, "", ""),
       "asOf: required when no series covers any day (the report day cannot be told otherwise)"},
  };
  for (const Case& c : cases) {
    tta::Analytics engine;
    auto loaded = engine.load(c.document);
    INFO("document: " << c.document);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error() == c.message);
    CHECK_FALSE(engine.has_data());
  }
}

TEST_CASE("series that differ in track or platform or content may cover the same days") {
  // FR and fr are the same territory, so only different platforms/contents/tracks may share days.
  const std::string doc = doc_with(
      std::string(kTrack) + R"(, {"id": "B"})",
      kGoodSeries + "," +
          R"({"track": "A", "territory": "fr", "platform": "tiktok", "start": "2026-01-01", "creations": [5], "views": [5]},)"
          R"({"track": "A", "territory": "FR", "platform": "douyin", "content": "ugc", "start": "2026-01-01", "creations": [5], "views": [5]},)"
          R"({"track": "B", "territory": "FR", "platform": "tiktok", "content": "ugc", "start": "2026-01-01", "creations": [5], "views": [5]},)" +
          series(R"("start": "2026-01-03", "creations": [7], "views": [7])"),
      "");
  tta::Analytics engine;
  auto loaded = engine.load(doc);
  INFO((loaded.ok() ? std::string() : loaded.error()));
  REQUIRE(loaded.ok());
  // The FR slot of A holds 1+2 (ugc) + 5 (no content) + 5 (douyin) + 7 = 20 creations
  // and 10+20 + 5 + 5 + 7 = 47 views; E is 2026-01-03, so period 3 covers all of it.
  const json a = answer_or_throw(engine.track_json("A", make_query(3, "all", "all")));
  CHECK(a["territories"] == json::parse(R"([{"code": "FR", "creations": 20, "views": 47}])"));
}

TEST_CASE("a refused document leaves the data loaded before and its answers unchanged") {
  tta::Analytics engine;
  const std::string tiny = read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json");
  load_or_throw(engine, tiny);
  const std::string before = engine.overview_json(make_query(7, "all", "all")).value();
  const std::string track_before = engine.track_json("A", make_query(28, "tiktok", "ugc")).value();
  const std::string summary_before = engine.summary_json();

  for (const std::string& bad :
       {std::string("{"), tiny.substr(0, tiny.size() / 2),
        doc_with(kTrack, kGoodSeries + "," + kGoodSeries, ""), std::string(200000, '[')}) {
    REQUIRE_FALSE(engine.load(bad).ok());
    CHECK(engine.overview_json(make_query(7, "all", "all")).value() == before);
    CHECK(engine.track_json("A", make_query(28, "tiktok", "ugc")).value() == track_before);
    CHECK(engine.summary_json() == summary_before);
  }
  CHECK(answer_or_throw(engine.overview_json(make_query(7, "all", "all"))) ==
        load_example("overview-p7.json"));
}

TEST_CASE("every prefix of a valid document is refused with a syntax error, never a crash") {
  const std::string tiny = read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json");
  const std::size_t end = tiny.find_last_of('}');
  for (std::size_t cut = 0; cut < end; ++cut) {
    tta::Analytics engine;
    auto loaded = engine.load(tiny.substr(0, cut));
    INFO("cut at " << cut);
    REQUIRE_FALSE(loaded.ok());
    CHECK(loaded.error().rfind("line ", 0) == 0);
  }
}

TEST_CASE("hostile bytes get one message and never crash or hang") {
  std::mt19937_64 random(20261126);
  std::vector<std::string> inputs = {std::string(200000, '['),
                                     std::string(200000, '{'),
                                     "{\"tracks\": []," + std::string(100000, '[') + "]",
                                     std::string("{\"tracks\": [{\"id\": \"\xff\xfe\"}]}"),
                                     std::string("{\"tracks\": [{\"id\": \"A\0B\"}]}", 26),
                                     "{\"tracks\": [{\"id\": \"\\ud800\"}]}"};
  for (int i = 0; i < 200; ++i) {
    std::string bytes(static_cast<std::size_t>(random() % 4096), '\0');
    for (char& c : bytes) c = static_cast<char>(random());
    inputs.push_back(bytes);
  }
  for (const std::string& input : inputs) {
    tta::Analytics engine;
    auto loaded = engine.load(input);
    REQUIRE_FALSE(loaded.ok());
    CHECK_FALSE(loaded.error().empty());
    CHECK(loaded.error().find('\n') == std::string::npos);
  }
}

TEST_CASE("queries refuse a period outside 1..3650 and an unknown track and a missing document") {
  tta::Analytics engine;
  CHECK(engine.overview_json(make_query(7, "all", "all")).error() == "no document is loaded");
  load_or_throw(engine, read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json"));
  CHECK(engine.overview_json(make_query(0, "all", "all")).error() ==
        "period must be a whole number of days from 1 to 3650, got 0");
  CHECK(engine.track_json("A", make_query(3651, "all", "all")).error() ==
        "period must be a whole number of days from 1 to 3650, got 3651");
  CHECK(engine.track_json("Z", make_query(7, "all", "all")).error() == "unknown track id \"Z\"");
  CHECK(tta::parse_platform("TikTok").error() ==
        "platform must be all, tiktok, douyin, youtube_shorts or instagram_reels, got \"TikTok\"");
  CHECK(tta::parse_content("").error() == "content must be all, ugc or pgc, got \"\"");
}
