// Regressions: each case reproduces an input that once broke a promise (found
// by the fuzz harnesses in fuzz/, by the conformance table, or by reading the
// code while writing them), next to the fix it checks. See fuzz/README.md.
#include "support.hpp"

#include "request.hpp"

namespace {

// Strict UTF-8: messages and answers go to JavaScript as strings.
bool is_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    for (std::size_t j = 1; j < len; ++j)
      if ((static_cast<unsigned char>(s[i + j]) & 0xC0) != 0x80) return false;
    i += len;
  }
  return true;
}

std::string repeat(const std::string& s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

}  // namespace

// fuzz_load: track_json cut an unknown id at 60 bytes, inside the 30th "é",
// and the message was not valid UTF-8. Fix: core/analytics.cpp cuts at a
// character boundary.
TEST_CASE("regression: an unknown track id is cut at a character boundary in the message") {
  tta::Analytics engine;
  load_or_throw(engine, read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json"));
  const std::string id = "x" + repeat("\xc3\xa9", 40);
  const auto answer = engine.track_json(id, make_query(7, "all", "all"));
  REQUIRE_FALSE(answer.ok());
  CHECK(answer.error() == "unknown track id \"x" + repeat("\xc3\xa9", 29) + "\"");
  CHECK(is_utf8(answer.error()));
}

// fuzz_structured (differential against the brute-force reference): with no
// asOf and no TikTok series, E is the day after the last streams day; for
// streams through 9999-12-31 that is 10000-01-01, which format_date wrote as
// "0000-01-01". Fix: core/dates.cpp writes years past 9999 in full.
TEST_CASE("regression: E on 10000-01-01 is written as 10000-01-01, not 0000-01-01") {
  tta::Analytics engine;
  load_or_throw(engine, R"({"tracks": [{"id": "A"}], "streams": [{"track": "A", "start": "9999-12-30", "streams": [7, 5]}]})");
  const json a = answer_or_throw(engine.overview_json(make_query(1, "all", "all")));
  CHECK(a["window"] == json::parse(R"({"start": "10000-01-01", "end": "10000-01-01", "days": 1})"));
  CHECK(a["previousWindow"] == json::parse(R"({"start": "9999-12-31", "end": "9999-12-31"})"));
  CHECK(a["dataThrough"] == json::parse(R"({"tiktok": "10000-01-01", "streams": "9999-12-31"})"));
  CHECK(a["streams"]["previous"] == 5);
  const json t = answer_or_throw(engine.track_json("A", make_query(3, "all", "all")));
  CHECK(t["series"]["dates"] == json::parse(R"(["9999-12-30", "9999-12-31", "10000-01-01"])"));
  CHECK(t["series"]["streams"] == json::parse("[7, 5, null]"));
  CHECK(tta::format_date(tta::day_from_civil(9999, 12, 31) + 1) == "10000-01-01");
}

// Conformance table: -0 in a day array was refused with "must be a
// non-negative integer or null, got 0". JSON's -0 is the integer 0 (and
// JSON.parse reads it as a number equal to 0). Fix: core/ingest.cpp takes it as 0.
TEST_CASE("regression: -0 in a day array is the integer 0") {
  tta::Analytics engine;
  load_or_throw(engine, R"({"tracks": [{"id": "A"}], "tiktok": [{"track": "A", "territory": "FR", "start": "2026-01-01",
                            "creations": [-0, 2], "views": [3, -0]}], "streams": [{"track": "A", "start": "2026-01-01", "streams": [-0]}]})");
  const json a = answer_or_throw(engine.overview_json(make_query(2, "all", "all")));
  CHECK(a["creations"]["current"] == 2);
  CHECK(a["views"]["current"] == 3);
  CHECK(engine.load(R"({"tracks": [{"id": "A"}], "streams": [{"track": "A", "start": "2026-01-01", "streams": [-1]}]})").error() ==
        "streams[0].streams[0]: must be a non-negative integer or null, got -1");
}

// Conformance table: an integer of 2^64 or more arrives as a double, and was
// refused as "must be a non-negative integer or null, got \"18446744073709551616\"",
// which it is. Fix: core/ingest.cpp names the real rule, the 2^53-1 bound.
TEST_CASE("regression: a day value of 2^64 or more is refused for passing 2^53-1") {
  tta::Analytics engine;
  const std::string doc = R"({"tracks": [{"id": "A"}], "streams": [{"track": "A", "start": "2026-01-01", "streams": [1, @]}]})";
  auto with = [&](const std::string& v) { return std::string(doc).replace(doc.find('@'), 1, v); };
  CHECK(engine.load(with("18446744073709551616")).error() ==
        "streams[0].streams[1]: must be at most 2^53-1 (9007199254740991), got 18446744073709551616");
  CHECK(engine.load(with(repeat("9", 100))).error() ==
        "streams[0].streams[1]: must be at most 2^53-1 (9007199254740991), got " + repeat("9", 40) + "...");
  CHECK(engine.load(with("-99999999999999999999")).error() ==
        "streams[0].streams[1]: must be a non-negative integer or null, got \"-99999999999999999999\"");
}

// Found while writing the harnesses' UTF-8 check: a quoted value cut at 40
// bytes inside a multi-byte character kept its first byte (invalid UTF-8
// before the "..."), and a short value ending in a multi-byte character lost
// it ("café" was quoted as "caf"). Fix: core/ingest.cpp quote() cuts at a
// character boundary and only when the text is longer than 40 bytes.
TEST_CASE("regression: quoted values in messages are cut at a character boundary, and only when long") {
  tta::Analytics engine;
  auto schema = [&](const std::string& s) {
    return engine.load(R"({"schema": ")" + s + R"(", "asOf": "2026-01-01", "tracks": []})").error();
  };
  CHECK(schema("caf\xc3\xa9") == "schema: must be \"tiktok-analytics/v1\", got \"caf\xc3\xa9\"");
  const std::string long_value = repeat("a", 39) + "\xc3\xa9" + "tail";
  CHECK(schema(long_value) == "schema: must be \"tiktok-analytics/v1\", got \"" + repeat("a", 39) + "...\"");
  CHECK(is_utf8(schema(long_value)));
  CHECK(schema(repeat("\xf0\x9f\x8e\xb5", 12)) ==
        "schema: must be \"tiktok-analytics/v1\", got \"" + repeat("\xf0\x9f\x8e\xb5", 10) + "...\"");
}

// Found while writing the harnesses' UTF-8 check: a path longer than 160
// bytes was cut at fixed byte offsets, inside multi-byte characters of keys.
// Fix: core/ingest.cpp keeps both cut ends valid UTF-8.
TEST_CASE("regression: a long path in a message stays valid UTF-8") {
  tta::Analytics engine;
  std::string doc = R"({"tracks": [], "asOf": "2026-01-01", "x": )";
  for (int depth = 0; depth < 70; ++depth) doc += "{\"\xc3\xa9\xc3\xa9" + std::string(depth % 3, 'k') + "\": ";
  doc += "1" + std::string(70, '}') + "}";
  const auto loaded = engine.load(doc);
  REQUIRE_FALSE(loaded.ok());
  INFO(loaded.error());
  CHECK(loaded.error().find("nested deeper than 64 levels") != std::string::npos);
  CHECK(loaded.error().rfind("x.", 0) == 0);
  CHECK(is_utf8(loaded.error()));
}

// fuzz_load (through the request entry): the other queries that take a track
// id (splits, lift, trackCsv) cut an unknown id the same way; a search for
// the pattern found it in the request reader (dates, periods, query kinds)
// and the filter parsers
// (which also let a newline through into a one-line message); the CSV reader
// dropped a value's last character when it was not ASCII ("café" shown as
// "caf"). Fix: one helper, cut_text() in core/result.hpp, used by all of them.
TEST_CASE("regression: every message quoting a caller's text is one line of valid UTF-8, cut at a character") {
  tta::Analytics engine;
  load_or_throw(engine, read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json"));
  const std::string id = "x" + repeat("\xc3\xa9", 40);
  const std::string cut_id = "unknown track id \"x" + repeat("\xc3\xa9", 29) + "\"";
  for (const char* kind : {"track", "splits", "lift", "trackCsv"}) {
    INFO(kind);
    const auto answer = tta::answer_request(engine, json{{"query", kind}, {"track", id}, {"period", 7}}.dump());
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error() == cut_id);
  }
  auto refusal = [&](const json& request) {
    const auto answer = tta::answer_request(engine, request.dump());
    REQUIRE_FALSE(answer.ok());
    INFO(answer.error());
    CHECK(is_utf8(answer.error()));
    CHECK(answer.error().find('\n') == std::string::npos);
    return answer.error();
  };
  CHECK(refusal({{"query", "overview"}, {"period", 7}, {"platform", "a\nb"}}) ==
        "platform must be all, tiktok or douyin, got \"a?b\"");
  CHECK(refusal({{"query", "overview"}, {"period", 7}, {"content", repeat("\xe2\x99\xab", 20)}}) ==
        "content must be all, ugc or pgc, got \"" + repeat("\xe2\x99\xab", 13) + "\"");
  CHECK(refusal({{"query", "overview"}, {"period", 7}, {"sort", "\t"}}) ==
        "sort must be creations, views, streams, title or artist, got \"?\"");
  CHECK(refusal({{"query", "overview"}, {"start", "2026-01-0" + repeat("\xc3\xa9", 10)}, {"end", "2026-01-02"}}) ==
        "start must be a date YYYY-MM-DD, got \"2026-01-0" + repeat("\xc3\xa9", 5) + "\"");
  CHECK(refusal({{"query", "overview"}, {"period", repeat("\xc3\xa9", 30)}}) ==
        "period must be a whole number of days from 1 to 3650, got \"" + repeat("\xc3\xa9", 19) + "");
  CHECK(refusal({{"query", repeat("\xc3\xa9", 30)}, {"period", 7}}).find("got \"" + repeat("\xc3\xa9", 20) + "\"") !=
        std::string::npos);
  // A native caller may pass any bytes: still valid UTF-8 in the message.
  CHECK(engine.track_json("\xff\xfe\n", make_query(7, "all", "all")).error() == "unknown track id \"???\"");

  tta::Analytics csv;
  const auto loaded = csv.load_csv("date,track,territory,platform,content,creations,views\n2026-01-01,A,FR,tiktok,ugc,1,caf\xc3\xa9\n",
                                   "", tta::parse_date("2026-01-05"));
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error() == "tiktok CSV line 2, views: must be a whole number from 0 to 2^53-1 or empty, got \"caf\xc3\xa9\"");
}

// Found reading the CSV reader while writing fuzz_csv: it filled every day from
// a key's first row to its last, so two rows on 1900-01-01 and 9999-12-30 cost
// 2.96 million days (47 MB) per key: a 4 KB file could ask for gigabytes.
// Fix: core/csv_import.cpp starts a new series after a gap of more than 32
// days (the days between have no data either way; answers are unchanged).
TEST_CASE("regression: CSV rows centuries apart do not fill the days between") {
  std::string tiktok = "date,track,territory,platform,content,creations,views\n";
  for (int i = 0; i < 100; ++i) {
    const std::string code{static_cast<char>('A' + i / 26), static_cast<char>('A' + i % 26)};
    tiktok += "1900-01-01,T," + code + ",tiktok,ugc,1,10\n9999-12-30,T," + code + ",tiktok,ugc,2,20\n";
  }
  tiktok += "2026-01-01,T,FR,,,5,50\n2026-01-20,T,FR,,,6,60\n";  // 18 days apart: one series of 20 days
  tta::Analytics engine;
  const auto loaded = engine.load_csv(tiktok, "date,track,streams\n1900-01-01,T,7\n9999-12-29,T,8\n", tta::parse_date("9999-12-31"));
  REQUIRE(loaded.ok());
  CHECK(loaded.value().tiktok_series == 201);
  CHECK(loaded.value().daily_points == 200 + 20 + 2);
  CHECK(loaded.value().store_bytes < 100000);
  const json a = answer_or_throw(engine.overview_json(make_query(2, "all", "all")));  // 9999-12-29..30
  CHECK(a["creations"]["current"] == 200);
  CHECK(a["views"]["current"] == 2000);
  CHECK(a["streams"]["current"] == 8);
  tta::Analytics json_engine;  // the same data as JSON, with nulls between the rows
  load_or_throw(json_engine, R"({"asOf": "2026-02-01", "tracks": [{"id": "T"}], "tiktok": [{"track": "T", "territory": "FR",
      "start": "2026-01-01", "creations": [5, )" + repeat("null, ", 18) + R"(6], "views": [50, )" + repeat("null, ", 18) + "60]}]}");
  engine.load_csv("date,track,territory,platform,content,creations,views\n2026-01-01,T,FR,,,5,50\n2026-01-20,T,FR,,,6,60\n", "",
                  tta::parse_date("2026-02-01"));
  CHECK(engine.track_json("T", make_query(31, "all", "all")).value() == json_engine.track_json("T", make_query(31, "all", "all")).value());
}
