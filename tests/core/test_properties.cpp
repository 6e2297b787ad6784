// Property tests: on many generated catalogs, the engine's answers equal the
// brute-force reference's day-by-day scan, over random periods and filters.
#include "support.hpp"

#include <random>

#include "catalog_generator.hpp"
#include "random_documents.hpp"

namespace {

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
