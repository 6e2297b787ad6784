// Regressions: each case reproduces an input that once broke a promise (found
// by the fuzz harnesses in fuzz/, by the conformance table, or by reading the
// code while writing them), next to the fix it checks. See fuzz/README.md.
#include "support.hpp"

#include <random>

#include "checked_size.hpp"
#include "request.hpp"

namespace {

// Strict UTF-8: messages and answers go to JavaScript as strings.
bool is_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80                 ? 1
                            : c >= 0xC2 && c <= 0xDF ? 2
                            : c >= 0xE0 && c <= 0xEF ? 3
                            : c >= 0xF0 && c <= 0xF4 ? 4
                                                     : 0;
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
  load_or_throw(
      engine,
      R"({"tracks": [{"id": "A"}], "streams": [{"track": "A", "start": "9999-12-30", "streams": [7, 5]}]})");
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
  load_or_throw(
      engine,
      R"({"tracks": [{"id": "A"}], "tiktok": [{"track": "A", "territory": "FR", "start": "2026-01-01",
                            "creations": [-0, 2], "views": [3, -0]}], "streams": [{"track": "A", "start": "2026-01-01", "streams": [-0]}]})");
  const json a = answer_or_throw(engine.overview_json(make_query(2, "all", "all")));
  CHECK(a["creations"]["current"] == 2);
  CHECK(a["views"]["current"] == 3);
  CHECK(
      engine
          .load(
              R"({"tracks": [{"id": "A"}], "streams": [{"track": "A", "start": "2026-01-01", "streams": [-1]}]})")
          .error() == "streams[0].streams[0]: must be a non-negative integer or null, got -1");
}

// Conformance table: an integer of 2^64 or more arrives as a double, and was
// refused as "must be a non-negative integer or null, got \"18446744073709551616\"",
// which it is. Fix: core/ingest.cpp names the real rule, the 2^53-1 bound.
TEST_CASE("regression: a day value of 2^64 or more is refused for passing 2^53-1") {
  tta::Analytics engine;
  const std::string doc =
      R"({"tracks": [{"id": "A"}], "streams": [{"track": "A", "start": "2026-01-01", "streams": [1, @]}]})";
  auto with = [&](const std::string& v) { return std::string(doc).replace(doc.find('@'), 1, v); };
  CHECK(
      engine.load(with("18446744073709551616")).error() ==
      "streams[0].streams[1]: must be at most 2^53-1 (9007199254740991), got 18446744073709551616");
  CHECK(engine.load(with(repeat("9", 100))).error() ==
        "streams[0].streams[1]: must be at most 2^53-1 (9007199254740991), got " + repeat("9", 40) +
            "...");
  CHECK(engine.load(with("-99999999999999999999")).error() ==
        "streams[0].streams[1]: must be a non-negative integer or null, got "
        "\"-99999999999999999999\"");
}

// Found while writing the harnesses' UTF-8 check: a quoted value cut at 40
// bytes inside a multi-byte character kept its first byte (invalid UTF-8
// before the "..."), and a short value ending in a multi-byte character lost
// it ("café" was quoted as "caf"). Fix: core/ingest.cpp quote() cuts at a
// character boundary and only when the text is longer than 40 bytes.
TEST_CASE(
    "regression: quoted values in messages are cut at a character boundary, and only when long") {
  tta::Analytics engine;
  auto schema = [&](const std::string& s) {
    return engine.load(R"({"schema": ")" + s + R"(", "asOf": "2026-01-01", "tracks": []})").error();
  };
  CHECK(schema("caf\xc3\xa9") == "schema: must be \"tiktok-analytics/v1\", got \"caf\xc3\xa9\"");
  const std::string long_value = repeat("a", 39) + "\xc3\xa9" + "tail";
  CHECK(schema(long_value) ==
        "schema: must be \"tiktok-analytics/v1\", got \"" + repeat("a", 39) + "...\"");
  CHECK(is_utf8(schema(long_value)));
  CHECK(schema(repeat("\xf0\x9f\x8e\xb5", 12)) ==
        "schema: must be \"tiktok-analytics/v1\", got \"" + repeat("\xf0\x9f\x8e\xb5", 10) +
            "...\"");
}

// Found while writing the harnesses' UTF-8 check: a path longer than 160
// bytes was cut at fixed byte offsets, inside multi-byte characters of keys.
// Fix: core/ingest.cpp keeps both cut ends valid UTF-8.
TEST_CASE("regression: a long path in a message stays valid UTF-8") {
  tta::Analytics engine;
  std::string doc = R"({"tracks": [], "asOf": "2026-01-01", "x": )";
  for (int depth = 0; depth < 70; ++depth)
    doc += "{\"\xc3\xa9\xc3\xa9" + std::string(depth % 3, 'k') + "\": ";
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
TEST_CASE(
    "regression: every message quoting a caller's text is one line of valid UTF-8, cut at a "
    "character") {
  tta::Analytics engine;
  load_or_throw(engine, read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json"));
  const std::string id = "x" + repeat("\xc3\xa9", 40);
  const std::string cut_id = "unknown track id \"x" + repeat("\xc3\xa9", 29) + "\"";
  for (const char* kind : {"track", "splits", "lift", "trackCsv"}) {
    INFO(kind);
    const auto answer =
        tta::answer_request(engine, json{{"query", kind}, {"track", id}, {"period", 7}}.dump());
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
        "platform must be all, tiktok, douyin, youtube_shorts or instagram_reels, got \"a?b\"");
  CHECK(refusal({{"query", "overview"}, {"period", 7}, {"content", repeat("\xe2\x99\xab", 20)}}) ==
        "content must be all, ugc or pgc, got \"" + repeat("\xe2\x99\xab", 13) + "\"");
  CHECK(refusal({{"query", "overview"}, {"period", 7}, {"sort", "\t"}}) ==
        "sort must be creations, views, streams, title or artist, got \"?\"");
  CHECK(refusal({{"query", "overview"},
                 {"start", "2026-01-0" + repeat("\xc3\xa9", 10)},
                 {"end", "2026-01-02"}}) ==
        "start must be a date YYYY-MM-DD, got \"2026-01-0" + repeat("\xc3\xa9", 5) + "\"");
  CHECK(refusal({{"query", "overview"}, {"period", repeat("\xc3\xa9", 30)}}) ==
        "period must be a whole number of days from 1 to 3650, got \"" + repeat("\xc3\xa9", 19) +
            "");
  CHECK(refusal({{"query", repeat("\xc3\xa9", 30)}, {"period", 7}})
            .find("got \"" + repeat("\xc3\xa9", 20) + "\"") != std::string::npos);
  // A native caller may pass any bytes: still valid UTF-8 in the message.
  CHECK(engine.track_json("\xff\xfe\n", make_query(7, "all", "all")).error() ==
        "unknown track id \"???\"");

  tta::Analytics csv;
  const auto loaded = csv.load_csv(
      "date,track,territory,platform,content,creations,views\n2026-01-01,A,FR,tiktok,ugc,1,"
      "caf\xc3\xa9\n",
      "", tta::parse_date("2026-01-05"));
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error() ==
        "tiktok CSV line 2, views: must be a whole number from 0 to 2^53-1 or empty, got "
        "\"caf\xc3\xa9\"");
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
    tiktok +=
        "1900-01-01,T," + code + ",tiktok,ugc,1,10\n9999-12-30,T," + code + ",tiktok,ugc,2,20\n";
  }
  tiktok +=
      "2026-01-01,T,FR,,,5,50\n2026-01-20,T,FR,,,6,60\n";  // 18 days apart: one series of 20 days
  tta::Analytics engine;
  const auto loaded =
      engine.load_csv(tiktok, "date,track,streams\n1900-01-01,T,7\n9999-12-29,T,8\n",
                      tta::parse_date("9999-12-31"));
  REQUIRE(loaded.ok());
  CHECK(loaded.value().tiktok_series == 201);
  CHECK(loaded.value().daily_points == 200 + 20 + 2);
  CHECK(loaded.value().store_bytes < 100000);
  const json a =
      answer_or_throw(engine.overview_json(make_query(2, "all", "all")));  // 9999-12-29..30
  CHECK(a["creations"]["current"] == 200);
  CHECK(a["views"]["current"] == 2000);
  CHECK(a["streams"]["current"] == 8);
  tta::Analytics json_engine;  // the same data as JSON, with nulls between the rows
  load_or_throw(
      json_engine,
      R"({"asOf": "2026-02-01", "tracks": [{"id": "T"}], "tiktok": [{"track": "T", "territory": "FR",
      "start": "2026-01-01", "creations": [5, )" +
          repeat("null, ", 18) + R"(6], "views": [50, )" + repeat("null, ", 18) + "60]}]}");
  engine.load_csv(
      "date,track,territory,platform,content,creations,views\n2026-01-01,T,FR,,,5,50\n2026-01-20,T,"
      "FR,,,6,60\n",
      "", tta::parse_date("2026-02-01"));
  CHECK(engine.track_json("T", make_query(31, "all", "all")).value() ==
        json_engine.track_json("T", make_query(31, "all", "all")).value());
}

// Review of the WebAssembly build: the lift ranking sized its buffer as
// tracks x days; with a 32-bit size_t 1,176,704 x 3,650 wrapped to 2,304 cells
// and the loop wrote far past them. Fix: core/checked_size.hpp for every size
// computed from counts, and a bound on the ranking's cells (core/insights.cpp).
TEST_CASE("regression: sizes that do not fit size_t are refused like running out of memory") {
  CHECK(tta::checked_mul(1176704, 3650) == std::size_t{1176704} * 3650);  // fits 64 bits
  CHECK(tta::checked_add(SIZE_MAX - 1, 1) == SIZE_MAX);
  CHECK_THROWS_AS(tta::checked_mul(SIZE_MAX / 2 + 1, 2), std::bad_alloc);
  CHECK_THROWS_AS(tta::checked_add(SIZE_MAX, 1), std::bad_alloc);
  CHECK_THROWS_AS(tta::checked_add(1, 2, SIZE_MAX), tta::SizeOverflow);
  // What a 32-bit size_t would have done with the reproduction's product.
  CHECK(static_cast<std::uint32_t>(std::uint64_t{1176704} * 3650) == 2304);
}

namespace {

// `tracks` tracks, each with one TikTok series of one day with 1 creation,
// on the last day, and streams on the same day.
std::string one_day_per_track(std::size_t tracks) {
  std::string doc = R"({"asOf": "2026-11-27", "tracks": [)";
  for (std::size_t t = 0; t < tracks; ++t)
    doc += (t ? R"(,{"id": "T)" : R"({"id": "T)") + std::to_string(t) + "\"}";
  doc += R"(], "tiktok": [)";
  for (std::size_t t = 0; t < tracks; ++t)
    doc += (t ? R"(,{"track": "T)" : R"({"track": "T)") + std::to_string(t) +
           R"(", "territory": "FR", "start": "2026-11-26", "creations": [1], "views": [5]})";
  return doc + "]}";
}

}  // namespace

TEST_CASE(
    "regression: a lift ranking over 3,650 days of 10,000 tracks answers, with no tracks x days "
    "buffer") {
  // 10,000 tracks x 3,650 days once sized a 292 MB buffer. Each track has one
  // creation on one day, fewer than a claim needs, so none is ranked.
  tta::Analytics engine;
  load_or_throw(engine, one_day_per_track(10000));
  const json ranked = answer_or_throw(engine.lift_ranking_json(make_query(3650, "all", "all")));
  CHECK(ranked["tracks"] == json::array());
  CHECK(answer_or_throw(engine.lift_ranking_json(make_query(3650, "douyin", "all")))["tracks"] ==
        json::array());
  CHECK(answer_or_throw(
            engine.overview_json(make_query(3650, "all", "all")))["creations"]["current"] == 10000);
}

// Review: "tta overview --period 999999999999" said "got 1073741824": the
// request reader clamped the value before checking it.
TEST_CASE("regression: the period message quotes the value given, however large") {
  tta::Analytics engine;
  load_or_throw(engine, read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json"));
  for (const char* period :
       {"999999999999", "1073741824", "18446744073709551615", "9223372036854775808"}) {
    const auto answer = tta::answer_request(
        engine, std::string(R"({"query": "overview", "period": )") + period + "}");
    REQUIRE_FALSE(answer.ok());
    CHECK(answer.error() ==
          std::string("period must be a whole number of days from 1 to 3650, got ") + period);
  }
  const auto negative =
      tta::answer_request(engine, R"({"query": "overview", "period": -9223372036854775808})");
  CHECK(negative.error() ==
        "period must be a whole number of days from 1 to 3650, got -9223372036854775808");
}

// Review: the text cut replaced only bytes below 0x20 and 0x7F, so C1
// controls, U+2028/9 and bidi overrides reached messages as they were.
TEST_CASE("regression: control and format characters in quoted text show as '?'") {
  tta::Analytics engine;
  load_or_throw(engine, read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json"));
  const std::pair<const char*, const char*> cases[] = {
      {"a\xc2\x85"
       "b",
       "a?b"},  // U+0085 NEXT LINE (C1)
      {"a\xc2\x9b"
       "b",
       "a?b"},  // U+009B CSI (C1)
      {"a\xe2\x80\xa8"
       "b",
       "a?b"},  // U+2028 LINE SEPARATOR
      {"a\xe2\x80\xa9"
       "b",
       "a?b"},  // U+2029 PARAGRAPH SEPARATOR
      {"\xe2\x80\xae"
       "cba",
       "?cba"},  // U+202E RIGHT-TO-LEFT OVERRIDE
      {"\xe2\x80\xaa"
       "x",
       "?x"},  // U+202A LEFT-TO-RIGHT EMBEDDING
      {"\xe2\x81\xa6"
       "x\xe2\x81\xa9",
       "?x?"},  // U+2066 .. U+2069 isolates
      {"\xe2\x80\x8f"
       "x",
       "?x"},  // U+200F RIGHT-TO-LEFT MARK
      {"\xd8\x9c"
       "x",
       "?x"},  // U+061C ARABIC LETTER MARK
      {"\xef\xbb\xbf"
       "x",
       "?x"},  // U+FEFF
      {"\xf3\xa0\x80\x81"
       "x",
       "?x"},                          // U+E0001 LANGUAGE TAG
      {"a\x7f\tb\nc\rd", "a??b?c?d"},  // DEL and C0
      {"\xc3\xa9\xe2\x82\xac\xf0\x9f\x8e\xb5",
       "\xc3\xa9\xe2\x82\xac\xf0\x9f\x8e\xb5"},  // é € 🎵 stay
  };
  for (const auto& [id, shown] : cases) {
    INFO(id);
    CHECK(engine.track_json(id, make_query(7, "all", "all")).error() ==
          std::string("unknown track id \"") + shown + "\"");
  }
  // In a document: a key path and a quoted value.
  const auto deep =
      engine.load("{\"a\\u2028b\\u0085\": " + std::string(70, '[') + std::string(70, ']') + "}");
  CHECK(deep.error().rfind("a?b?[0][0]", 0) == 0);
  CHECK(deep.error().find("nested deeper than 64 levels") != std::string::npos);
  const auto platform = engine.load(
      R"({"tracks": [{"id": "A"}], "tiktok": [{"track": "A", "territory": "FR", "platform": "tik\u0085tok\u202e", "start": "2026-01-01", "creations": [1], "views": [1]}]})");
  CHECK(platform.error() ==
        "tiktok[0].platform: must be \"tiktok\", \"douyin\", \"youtube_shorts\" or "
        "\"instagram_reels\", got \"tik?tok?\"");
}

// Review: a 5,001-character search over 1 MB titles took 45 s (std::search
// is quadratic on such inputs); the API had no cap.
TEST_CASE(
    "regression: search is a linear case-insensitive substring match, and long searches are "
    "refused") {
  // Against a plain brute-force match, on titles and searches over a two-letter
  // alphabet (the worst case of a naive search), with case folding.
  std::mt19937_64 random(11);
  const int n = 60;
  std::string doc = R"({"asOf": "2026-11-27", "tracks": [)";
  std::vector<std::string> titles;
  for (int t = 0; t < n; ++t) {
    std::string title;
    for (std::size_t i = random() % 40; i > 0; --i) title += "aAb"[random() % 3];
    titles.push_back(title);
    doc += (t ? "," : "") + json({{"id", "T" + std::to_string(t)}, {"title", title}}).dump();
  }
  doc += R"(], "tiktok": [)";
  for (int t = 0; t < n; ++t)
    doc += (t ? R"(,{"track": "T)" : R"({"track": "T)") + std::to_string(t) +
           R"(", "territory": "FR", "start": "2026-11-26", "creations": [1], "views": [5]})";
  doc += "]}";
  tta::Analytics engine;
  load_or_throw(engine, doc);
  auto folded = [](std::string s) {
    for (char& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
  };
  for (int round = 0; round < 300; ++round) {
    std::string needle;
    for (std::size_t i = 1 + random() % 6; i > 0; --i) needle += "aAbB"[random() % 4];
    INFO("search " << needle);
    std::size_t expected = 0;
    for (int t = 0; t < n; ++t) {
      const std::string id = "t" + std::to_string(t);
      expected += folded(titles[t]).find(folded(needle)) != std::string::npos ||
                  id.find(folded(needle)) != std::string::npos;
    }
    tta::Query q = make_query(7, "all", "all");
    q.search = needle;
    CHECK(answer_or_throw(engine.overview_json(q))["matchingTracks"] == expected);
  }
  tta::Query q = make_query(7, "all", "all");
  q.search = std::string(1000, 'a');
  CHECK(answer_or_throw(engine.overview_json(q))["matchingTracks"] == 0);
  q.search = std::string(5001, 'a');
  CHECK(engine.overview_json(q).error() == "search must be at most 1000 bytes of UTF-8, got 5001");
  CHECK(tta::answer_request(engine, R"({"query": "overviewCsv", "period": 7, "search": ")" +
                                        std::string(1001, 'x') + "\"}")
            .error() == "search must be at most 1000 bytes of UTF-8, got 1001");
}

// Review: the CSV count "00000000000000001" (17 characters) was refused.
TEST_CASE("regression: CSV counts may have leading zeros") {
  tta::Analytics engine;
  const auto loaded = engine.load_csv(
      "date,track,territory,platform,content,creations,views\n"
      "2026-03-01,A,FR,tiktok,ugc,00000000000000001,000000000000000000009007199254740991\n",
      "", tta::day_from_civil(2026, 3, 2));
  REQUIRE(loaded.ok());
  const json a = answer_or_throw(engine.overview_json(make_query(7, "all", "all")));
  CHECK(a["creations"]["current"] == 1);
  CHECK(a["views"]["current"] == 9007199254740991u);
  const auto refused = engine.load_csv(
      "date,track,territory,platform,content,creations,views\n"
      "2026-03-01,A,FR,tiktok,ugc,0009007199254740992,0\n",
      "", tta::day_from_civil(2026, 3, 2));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error() ==
        "tiktok CSV line 2, creations: must be a whole number from 0 to 2^53-1 or empty, got "
        "\"0009007199254740992\"");
}
