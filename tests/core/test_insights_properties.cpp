// Property tests for the answers beyond the two pages: on random documents the
// engine (through the same JSON requests the CLI and the module send) equals
// the brute-force reference of tests/reference/brute_force_insights.hpp.
#include "support.hpp"

#include <algorithm>

#include "catalog_generator.hpp"
#include "random_documents.hpp"
#include "reference/brute_force_insights.hpp"
#include "request.hpp"

namespace {

json ask(const tta::Analytics& engine, json request) {
  return answer_or_throw(tta::answer_request(engine, request.dump()));
}

std::string ask_text(const tta::Analytics& engine, const json& request) {
  auto answer = tta::answer_request(engine, request.dump());
  if (!answer) throw std::invalid_argument(answer.error());
  return answer.value();
}

const char* const kContents[] = {"all", "ugc", "pgc"};

// The request's filters for the reference's platform and content words.
json filters_of(const std::string& platform, const std::string& content) {
  json filters = {{"content", content}};
  if (platform.find(',') == std::string::npos) {
    filters["platform"] = platform;
    return filters;
  }
  filters["platforms"] = comma_words(platform);
  return filters;
}
const char* const kSorts[] = {"creations", "views", "streams", "title", "artist"};

// Correlations computed in another order may differ in the last bits: equal
// lists, and the engine's order never goes up by more than that.
void check_lift_ranking(const json& engine, const json& reference) {
  REQUIRE(engine["tracks"].size() == reference["tracks"].size());
  auto by_id = [](json tracks) {
    std::vector<json> v(tracks.begin(), tracks.end());
    std::sort(v.begin(), v.end(), [](const json& a, const json& b) { return a["id"] < b["id"]; });
    return json(v);
  };
  CHECK_ANSWER(by_id(engine["tracks"]), by_id(reference["tracks"]));
  for (std::size_t i = 1; i < engine["tracks"].size(); ++i)
    CHECK(engine["tracks"][i]["correlation"].get<double>() <=
          engine["tracks"][i - 1]["correlation"].get<double>() + 1e-12);
}

}  // namespace

TEST_CASE(
    "on 120 random documents ranges, splits, breakouts, lift, weekly, table and CSV equal the "
    "brute-force scan") {
  const int seed = GENERATE(range(1000, 1120));
  std::mt19937_64 random(static_cast<std::uint64_t>(seed));
  const json doc = random_document(random);
  INFO("document: " << doc.dump());
  tta::Analytics engine;
  const auto loaded = engine.load(doc.dump());
  if (!loaded) {
    // Only a document with no covered day and no asOf may be refused here.
    CHECK(loaded.error().rfind("asOf: required", 0) == 0);
    return;
  }
  const auto& tracks = doc["tracks"];
  const std::string end_of_data =
      ask(engine, {{"query", "overview"}, {"period", 1}})["window"]["end"];
  const int e = *tta::parse_date(end_of_data);

  for (int round = 0; round < 3; ++round) {
    const int period = 1 + static_cast<int>(random() % 120);
    const std::string platform = kPlatformFilters[random() % std::size(kPlatformFilters)],
                      content = kContents[random() % 3];
    const std::string id = tracks[random() % tracks.size()]["id"];
    INFO("period " << period << ", " << platform << "/" << content << ", track " << id);
    json base = filters_of(platform, content);
    base["period"] = period;

    // A custom range ending on or before E.
    const int last = e - static_cast<int>(random() % 40),
              first = last - static_cast<int>(random() % 60);
    const std::string start = tta::format_date(first), end = tta::format_date(last);
    INFO("range " << start << ".." << end);
    json range = filters_of(platform, content);
    range["start"] = start;
    range["end"] = end;
    range["query"] = "overview";
    CHECK_ANSWER(ask(engine, range),
                 tta_reference::overview_range(doc, start, end, platform, content));
    range["query"] = "track";
    range["track"] = id;
    CHECK_ANSWER(ask(engine, range),
                 tta_reference::track_range(doc, id, start, end, platform, content));

    json q = base;
    q["query"] = "splits";
    CHECK_ANSWER(ask(engine, q), tta_reference::splits(doc, period, platform, content, ""));
    q["track"] = id;
    CHECK_ANSWER(ask(engine, q), tta_reference::splits(doc, period, platform, content, id));

    const std::uint64_t min = random() % 20;
    q = base;
    q["query"] = "breakouts";
    q["minCreations"] = min;
    q["offset"] = random() % 3;
    q["limit"] = random() % 4;
    json expected = tta_reference::breakouts(doc, period, platform, content, min);
    json answer = ask(engine, q);
    CHECK(answer["breakouts"] == expected["tracks"].size());
    answer.erase("breakouts");
    json rows = json::array();
    for (std::size_t i = q["offset"]; i < expected["tracks"].size() && rows.size() < q["limit"];
         ++i)
      rows.push_back(expected["tracks"][i]);
    expected["tracks"] = rows;
    expected["previousWindow"] =
        answer["previousWindow"];  // the reference leaves out what overview checks
    CHECK_ANSWER(answer, expected);

    q = base;
    q["query"] = "lift";
    q["track"] = id;
    answer = ask(engine, q);
    expected = tta_reference::lift(doc, id, period, platform, content);
    answer.erase("previousWindow");
    CHECK_ANSWER(answer["lags"], expected["lags"]);
    if (answer["bestLag"] == expected["bestLag"]) {
      CHECK_ANSWER(answer, expected);
    } else {  // only a tie within rounding may pick another lag
      const double ours = answer["correlation"], theirs = expected["correlation"];
      CHECK(std::abs(ours - theirs) <= 1e-12);
    }

    q = base;
    q["query"] = "liftRanking";
    answer = ask(engine, q);
    answer.erase("previousWindow");
    check_lift_ranking(answer, tta_reference::lift_ranking(doc, period, platform, content));

    q = base;
    q["query"] = "track";
    q["track"] = id;
    q["weekly"] = true;
    CHECK_ANSWER(ask(engine, q)["series"],
                 tta_reference::weekly_series(doc, id, period, platform, content));

    const std::string sort = kSorts[random() % 5];
    const bool descending = random() % 2;
    const std::string search = random() % 2 ? "" : std::string(1, "aAtT1"[random() % 5]);
    q = base;
    q["query"] = "overview";
    q["sort"] = sort;
    q["descending"] = descending;
    q["search"] = search;
    INFO("sort " << sort << (descending ? " desc" : " asc") << ", search '" << search << "'");
    CHECK_ANSWER(ask(engine, q)["tracks"],
                 tta_reference::table(doc, period, platform, content, sort, descending, search));

    q = base;
    q["query"] = "overviewCsv";
    CHECK(ask_text(engine, q) == tta_reference::overview_csv(doc, period, platform, content));
    q["query"] = "trackCsv";
    q["track"] = id;
    CHECK(ask_text(engine, q) == tta_reference::track_csv(doc, id, period, platform, content));
  }
}

// Random documents are too short for a lift claim; generated catalogs with a
// planted lag (and null ones) reach every branch of the method: each track's
// lift and the ranking equal the brute-force reference.
TEST_CASE(
    "on generated planted and null catalogs every track's lift and the ranking equal the "
    "brute-force scan") {
  using Lift = tta::GeneratorOptions::Lift;
  int claims = 0, reasons[3] = {0, 0, 0};
  for (Lift mode : {Lift::planted, Lift::null}) {
    tta::GeneratorOptions o;
    o.tracks = 24;
    o.days = 160;
    o.seed = 31;
    o.lift = mode;
    std::ostringstream text;
    tta::write_sample_catalog(text, o);
    const json doc = json::parse(text.str());
    tta::Analytics engine;
    REQUIRE(engine.load(text.str()));
    for (const int period : {7, 28}) {
      for (const json& t : doc["tracks"]) {
        const std::string id = t["id"];
        INFO("track " << id << ", period " << period);
        json answer = ask(engine, {{"query", "lift"}, {"track", id}, {"period", period}});
        answer.erase("previousWindow");
        CHECK_ANSWER(answer, tta_reference::lift(doc, id, period, "all", "all"));
        if (answer["reason"].is_null())
          ++claims;
        else if (answer["reason"] == "thin-activity")
          ++reasons[0];
        else if (answer["reason"] == "no-streams")
          ++reasons[1];
        else
          ++reasons[2];
      }
      json ranking = ask(engine, {{"query", "liftRanking"}, {"period", period}});
      ranking.erase("previousWindow");
      const json expected = tta_reference::lift_ranking(doc, period, "all", "all");
      CHECK(ranking["history"] == expected["history"]);
      CHECK(ranking["claims"] == expected["claims"]);
      check_lift_ranking(ranking, expected);
    }
  }
  // Every outcome was met.
  CHECK(claims > 0);
  CHECK(reasons[0] > 0);
  CHECK(reasons[1] > 0);
  CHECK(reasons[2] > 0);
}
