// Property tests: on many generated catalogs, the engine's answers equal the
// brute-force reference's day-by-day scan, over random periods and filters.
#include "support.hpp"

#include <random>

#include "catalog_generator.hpp"

namespace {

// Random small documents that hit the edges on purpose: series starting
// inside windows or after E, nulls, unknown platform/content, lower-case
// territories, huge views, documents with and without asOf, without streams.
json random_document(std::mt19937_64& random) {
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<std::uint64_t>(n)); };
  const int base = *tta::parse_date("2025-06-01");
  const int span = 20 + pick(120);
  json doc;
  doc["tracks"] = json::array();
  const int tracks = 1 + pick(6);
  for (int t = 0; t < tracks; ++t) {
    json track = {{"id", std::string(1, static_cast<char>('a' + pick(3))) + std::to_string(t)}};
    if (pick(4)) track["title"] = "Title " + std::to_string(t);
    if (pick(4)) track["artist"] = "Artist";
    if (pick(2)) track["isrc"] = "FRX" + std::to_string(100000000 + t);
    doc["tracks"].push_back(track);
  }
  const char* territories[] = {"FR", "us", "BR", "CN", "DE"};
  const char* platforms[] = {"tiktok", "douyin", nullptr};
  const char* contents[] = {"ugc", "pgc", nullptr};
  doc["tiktok"] = json::array();
  const bool no_tiktok = pick(8) == 0;
  for (int t = 0; t < tracks && !no_tiktok; ++t) {
    for (const char* territory : territories) {
      for (const char* platform : platforms) {
        for (const char* content : contents) {
          if (pick(5)) continue;
          // One or two non-overlapping pieces per key.
          int cursor = base + pick(span);
          for (int piece = 0; piece < 1 + pick(2); ++piece) {
            const int length = pick(4) == 0 ? 0 : 1 + pick(span);
            json s = {{"track", doc["tracks"][static_cast<std::size_t>(t)]["id"]}, {"territory", territory},
                      {"start", tta::format_date(cursor)}};
            if (platform) s["platform"] = platform;
            if (content) s["content"] = content;
            json creations = json::array(), views = json::array();
            for (int d = 0; d < length; ++d) {
              if (pick(15) == 0) {
                creations.push_back(nullptr);
                views.push_back(nullptr);
                continue;
              }
              // Now and then a count above 2^32, so 64-bit creation sums are exercised too.
              const std::uint64_t c = pick(400) == 0 ? 3000000000ull : pick(3) ? 0 : static_cast<std::uint64_t>(pick(50));
              creations.push_back(c);
              views.push_back(pick(200) == 0 ? 5000000000ull + static_cast<std::uint64_t>(pick(1000))
                                             : c * static_cast<std::uint64_t>(pick(300)) + static_cast<std::uint64_t>(pick(2)));
            }
            s["creations"] = creations;
            s["views"] = views;
            doc["tiktok"].push_back(s);
            cursor += length + pick(30);
          }
        }
      }
    }
  }
  doc["streams"] = json::array();
  if (pick(5)) {
    for (int t = 0; t < tracks; ++t) {
      if (pick(4) == 0) continue;
      json values = json::array();
      const int length = pick(span);
      for (int d = 0; d < length; ++d) values.push_back(pick(20) == 0 ? json(nullptr) : json(pick(10000)));
      doc["streams"].push_back({{"track", doc["tracks"][static_cast<std::size_t>(t)]["id"]},
                                {"start", tta::format_date(base + pick(span))}, {"streams", values}});
    }
  }
  if (pick(2)) doc["asOf"] = tta::format_date(base + pick(span + 30));
  return doc;
}

// Mostly the dashboard's periods and short odd ones; the longest period now
// and then (the brute-force scan of 7,300 days is slow).
int random_period(std::mt19937_64& random) {
  const int common[] = {1, 2, 7, 28, 90, 365};
  if (random() % 25 == 0) return 3650;
  if (random() % 2) return common[random() % 6];
  return 1 + static_cast<int>(random() % 200);
}

const char* const kPlatforms[] = {"all", "tiktok", "douyin"};
const char* const kContents[] = {"all", "ugc", "pgc"};

// Checks every answer of one document against the reference.
void check_document(const json& doc, std::mt19937_64& random, int queries) {
  tta::Analytics engine;
  auto loaded = engine.load(doc.dump());
  if (!loaded) {
    // Only a document with no covered day and no asOf may be refused here.
    CHECK(loaded.error().rfind("asOf: required", 0) == 0);
    return;
  }
  for (int q = 0; q < queries; ++q) {
    const int period = random_period(random);
    const char* platform = kPlatforms[random() % 3];
    const char* content = kContents[random() % 3];
    INFO("period " << period << ", platform " << platform << ", content " << content);
    const json expected = tta_reference::overview(doc, period, platform, content);
    tta::Query query = make_query(period, platform, content);
    CHECK_ANSWER(answer_or_throw(engine.overview_json(query)), expected);

    // limit/offset cut the ranked list only.
    query.offset = random() % 4;
    query.limit = random() % 4;
    json sliced = expected;
    json rows = json::array();
    for (std::size_t i = query.offset; i < expected["tracks"].size() && rows.size() < query.limit; ++i)
      rows.push_back(expected["tracks"][i]);
    sliced["tracks"] = rows;
    CHECK_ANSWER(answer_or_throw(engine.overview_json(query)), sliced);

    const auto& tracks = doc["tracks"];
    const std::string id = tracks[random() % tracks.size()]["id"];
    INFO("track " << id);
    CHECK_ANSWER(answer_or_throw(engine.track_json(id, make_query(period, platform, content))),
                 tta_reference::track(doc, id, period, platform, content));
  }
}

}  // namespace

TEST_CASE("on 200 random small documents the engine answers exactly as the brute-force scan") {
  std::mt19937_64 random(GENERATE(range(0, 200)));
  const json doc = random_document(random);
  INFO("document: " << doc.dump());
  check_document(doc, random, 6);
}

TEST_CASE("on generated sample catalogs the engine answers exactly as the brute-force scan") {
  std::mt19937_64 random(7);
  for (const bool quiet : {false, true}) {
    tta::GeneratorOptions options;
    options.tracks = 12;
    options.days = 200;
    options.seed = 11;
    options.quiet_catalog = quiet;
    std::ostringstream out;
    tta::write_sample_catalog(out, options);
    const json doc = json::parse(out.str());
    INFO("quiet catalog: " << quiet);
    check_document(doc, random, 8);
  }
}
