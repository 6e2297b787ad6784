// CSV import: long rows give exactly the answers of the same data as a JSON
// document (which the other tests check against the brute-force reference),
// and every malformed row is refused with its file, line and field.
#include "support.hpp"

#include <random>

#include "random_documents.hpp"
#include "request.hpp"

namespace {

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

struct CsvPair {
  std::string tiktok, streams;
  json same_as_json;  // the document the rows describe: tracks as they first appear, no titles
};

// One row per day of every series; a null day inside a series becomes a row
// with empty counts or no row at all, both meaning "no data". (The first and
// last day keep their rows: they say which days the series covers.)
CsvPair to_csv(const json& doc, std::mt19937_64& random) {
  CsvPair out{"date,track,territory,platform,content,creations,views\r\n", "date,track,streams\n",
              doc};
  std::vector<std::string> order;
  auto seen = [&](const std::string& id) {
    if (std::find(order.begin(), order.end(), id) == order.end()) order.push_back(id);
  };
  for (const json& s : doc["tiktok"]) {
    if (s["creations"].empty()) continue;  // an empty series has no rows
    const int start = *tta::parse_date(s["start"].get<std::string>());
    for (std::size_t k = 0; k < s["creations"].size(); ++k) {
      const bool null_day = s["creations"][k].is_null();
      const bool inside = k > 0 && k + 1 < s["creations"].size();
      if (null_day && inside && random() % 2) continue;
      seen(s["track"]);
      out.tiktok +=
          tta::format_date(start + static_cast<int>(k)) + "," + csv_field(s["track"]) + "," +
          (s.contains("territory") && s["territory"].is_string() ? s["territory"].get<std::string>()
                                                                 : "") +
          "," + s.value("platform", "") + "," + s.value("content", "") + "," +
          (null_day ? "" : s["creations"][k].dump()) + "," +
          (s["views"][k].is_null() ? "" : s["views"][k].dump()) + (random() % 2 ? "\r\n" : "\n");
    }
  }
  for (const json& s : doc["streams"]) {
    const int start = *tta::parse_date(s["start"].get<std::string>());
    for (std::size_t k = 0; k < s["streams"].size(); ++k) {
      const bool inside = k > 0 && k + 1 < s["streams"].size();
      if (s["streams"][k].is_null() && inside && random() % 2) continue;
      seen(s["track"]);
      out.streams += tta::format_date(start + static_cast<int>(k)) + "," + csv_field(s["track"]) +
                     "," + (s["streams"][k].is_null() ? "" : s["streams"][k].dump()) + "\n";
    }
  }
  json tracks = json::array();
  for (const std::string& id : order) tracks.push_back({{"id", id}});
  out.same_as_json["tracks"] = tracks;
  json tiktok = json::array(), streams = json::array();
  for (const json& s : doc["tiktok"])
    if (!s["creations"].empty()) tiktok.push_back(s);
  for (const json& s : doc["streams"])
    if (!s["streams"].empty()) streams.push_back(s);
  out.same_as_json["tiktok"] = tiktok;
  out.same_as_json["streams"] = streams;
  return out;
}

std::string load_csv_error(const std::string& tiktok, const std::string& streams = "") {
  tta::Analytics engine;
  auto loaded = engine.load_csv(tiktok, streams, std::nullopt);
  return loaded ? std::string("(accepted)") : loaded.error();
}

const std::string kHeader = "date,track,territory,platform,content,creations,views\n";

}  // namespace

TEST_CASE("on 150 random documents the same data as CSV rows gives the same answers as JSON") {
  const int seed = GENERATE(range(2000, 2150));
  std::mt19937_64 random(static_cast<std::uint64_t>(seed));
  const json doc = random_document(random);
  const CsvPair csv = to_csv(doc, random);
  INFO("tiktok CSV:\n" << csv.tiktok << "\nstreams CSV:\n" << csv.streams);
  tta::Analytics from_json, from_csv;
  const auto as_of =
      doc.contains("asOf") ? tta::parse_date(doc["asOf"].get<std::string>()) : std::nullopt;
  const auto json_loaded = from_json.load(csv.same_as_json.dump());
  const auto csv_loaded = from_csv.load_csv(csv.tiktok, csv.streams, as_of);
  REQUIRE(json_loaded.ok() == csv_loaded.ok());
  if (!json_loaded) {
    CHECK(csv_loaded.error() == json_loaded.error());
    return;
  }
  for (const json& track : csv.same_as_json["tracks"]) {
    for (int period : {1, 7, 28, 90}) {
      const json q = {{"query", "overview"}, {"period", period}};
      CHECK(tta::answer_request(from_csv, q.dump()).value() ==
            tta::answer_request(from_json, q.dump()).value());
      json t = {
          {"query", "track"}, {"period", period}, {"track", track["id"]}, {"platform", "tiktok"}};
      CHECK(tta::answer_request(from_csv, t.dump()).value() ==
            tta::answer_request(from_json, t.dump()).value());
    }
  }
}

TEST_CASE("malformed CSV rows are refused with the file, line and field") {
  CHECK(load_csv_error("") ==
        "tiktok CSV line 1: the header must be "
        "date,track,territory,platform,content,creations,views, got an empty file");
  CHECK(load_csv_error("date,track,views\n") ==
        "tiktok CSV line 1: the header must be "
        "date,track,territory,platform,content,creations,views");
  CHECK(load_csv_error(kHeader + "2026-01-01,A,FR,tiktok,ugc,1\n") ==
        "tiktok CSV line 2: has 6 fields, the header has 7");
  CHECK(load_csv_error(kHeader + "2026-01-01,A,FR,,,1,2\n2026-13-01,A,FR,,,1,2\n") ==
        "tiktok CSV line 3, date: must be a date YYYY-MM-DD (years 1900-9999), got \"2026-13-01\"");
  CHECK(load_csv_error(kHeader + "2026-01-01,,FR,,,1,2\n") ==
        "tiktok CSV line 2, track: must not be empty");
  CHECK(load_csv_error(kHeader + "2026-01-01,A,FRA,,,1,2\n") ==
        "tiktok CSV line 2, territory: must be a two-letter territory code or empty, got \"FRA\"");
  CHECK(load_csv_error(kHeader + "2026-01-01,A,FR,youtube,,1,2\n") ==
        "tiktok CSV line 2, platform: must be tiktok, douyin, youtube_shorts, instagram_reels or "
        "empty, got \"youtube\"");
  CHECK(load_csv_error(kHeader + "2026-01-01,A,FR,,both,1,2\n") ==
        "tiktok CSV line 2, content: must be ugc, pgc or empty, got \"both\"");
  CHECK(
      load_csv_error(kHeader + "2026-01-01,A,FR,,,-1,2\n") ==
      "tiktok CSV line 2, creations: must be a whole number from 0 to 2^53-1 or empty, got \"-1\"");
  CHECK(load_csv_error(kHeader + "2026-01-01,A,FR,,,1,9007199254740992\n") ==
        "tiktok CSV line 2, views: must be a whole number from 0 to 2^53-1 or empty, got "
        "\"9007199254740992\"");
  CHECK(load_csv_error(kHeader +
                       "2026-01-01,A,FR,,,1,2\n2026-01-02,A,fr,,,1,2\n2026-01-01,A,FR,,,3,4\n") ==
        "tiktok CSV line 4: a second row for 2026-01-01 (the first is on line 2)");
  CHECK(load_csv_error(kHeader + "2026-01-01,\"A,1,FR,,,1,2\n") ==
        "tiktok CSV line 2: a quoted field is not closed");
  CHECK(load_csv_error(kHeader + "2026-01-01,A\"x,FR,,,1,2\n") ==
        "tiktok CSV line 2: a quote inside an unquoted field");
  CHECK(load_csv_error(kHeader + "2026-01-01,\xff,FR,,,1,2\n") ==
        "tiktok CSV line 2: invalid UTF-8");
  CHECK(load_csv_error(kHeader + "2026-01-01,A,FR,,,1,9007199254740991\n2026-01-02,A,FR,,,1,1\n") ==
        "tiktok CSV line 3: the total would pass 2^53-1 (9007199254740991), so sums could not stay "
        "exact");
  CHECK(
      load_csv_error(kHeader + "2026-01-01,A,FR,,,1,2\n", "date,track,streams\n2026-01-01,A,x\n") ==
      "streams CSV line 2, streams: must be a whole number from 0 to 2^53-1 or empty, got \"x\"");
  CHECK(load_csv_error(kHeader) ==
        "asOf: required when no series covers any day (the report day cannot be told otherwise)");
}

TEST_CASE("a refused CSV keeps the data loaded before, and quoted ids keep their commas") {
  tta::Analytics engine;
  REQUIRE(engine.load_csv(
      "\xEF\xBB\xBF" + kHeader + "2026-01-01,\"Hit, \"\"Live\"\"\",FR,tiktok,ugc,5,50\r\n\r\n", "",
      std::nullopt));
  const std::string before = engine.overview_json(make_query(7, "all", "all")).value();
  CHECK(json::parse(before)["tracks"][0]["id"] == "Hit, \"Live\"");
  REQUIRE_FALSE(engine.load_csv(kHeader + "oops\n", "", std::nullopt));
  CHECK(engine.overview_json(make_query(7, "all", "all")).value() == before);
}
