// Property tests: on many generated catalogs, the engine's answers equal the
// brute-force reference's day-by-day scan, over random periods and filters.
#include "support.hpp"

#include <random>
#include <set>

#include "catalog_generator.hpp"
#include "ingest.hpp"  // read_catalog: a document summed at once
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

const char* const kContents[] = {"all", "ugc", "pgc"};

// Checks every answer of one document, loaded in `engine`, against the reference.
void check_answers(const json& doc, const tta::Analytics& engine, std::mt19937_64& random,
                   int queries) {
  for (int q = 0; q < queries; ++q) {
    const int period = random_period(random);
    const char* platform = kPlatformFilters[random() % std::size(kPlatformFilters)];
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
    for (std::size_t i = query.offset; i < expected["tracks"].size() && rows.size() < query.limit;
         ++i)
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

void check_document(const json& doc, std::mt19937_64& random, int queries) {
  tta::Analytics engine;
  auto loaded = engine.load(doc.dump());
  if (!loaded) {
    // Only a document with no covered day and no asOf may be refused here.
    CHECK(loaded.error().rfind("asOf: required", 0) == 0);
    return;
  }
  check_answers(doc, engine, random, queries);
}

// The document as text with "asOf" last: a batch read before it cannot know E.
std::string as_of_last(const json& doc) {
  json rest = doc;
  rest.erase("asOf");
  std::string text = rest.dump();
  text.pop_back();
  return text + ",\"asOf\":" + doc["asOf"].dump() + "}";
}

// Loads `text` in random pieces with its sums built in batches of
// `batch` day values, and checks the answers against the brute-force scan
// and the insights against the same document summed at once.
void check_in_batches(const json& doc, const std::string& text, std::size_t batch,
                      std::mt19937_64& random, int queries) {
  INFO("batches of " << batch << " day values");
  tta::Analytics whole, batched;
  const auto whole_loaded = whole.load(tta::read_catalog(text));  // one part
  tta::DocumentStream stream(batch);
  std::optional<tta::Error> error;
  for (std::size_t at = 0; at < text.size() && !error;) {
    const std::size_t n = 1 + random() % (text.size() / 3 + 1);
    error = stream.feed(std::string_view(text).substr(at, n), at + n >= text.size());
    at += n;
  }
  const auto loaded = error ? tta::Result<tta::LoadSummary>(*error) : batched.load(stream);
  REQUIRE(loaded.ok() == whole_loaded.ok());
  if (!loaded) {
    CHECK(loaded.error() == whole_loaded.error());
    return;
  }
  CHECK(loaded.value().daily_points == whole_loaded.value().daily_points);
  check_answers(doc, batched, random, queries);
  for (int q = 0; q < queries; ++q) {
    const tta::Query query =
        make_query(random_period(random), kPlatformFilters[random() % std::size(kPlatformFilters)],
                   kContents[random() % 3]);
    const std::string id = doc["tracks"][random() % doc["tracks"].size()]["id"];
    CHECK(batched.splits_json("", query).value() == whole.splits_json("", query).value());
    CHECK(batched.splits_json(id, query).value() == whole.splits_json(id, query).value());
    CHECK(batched.breakouts_json(query, 1).value() == whole.breakouts_json(query, 1).value());
    CHECK(batched.lift_json(id, query).value() == whole.lift_json(id, query).value());
    CHECK(batched.overview_csv(query).value() == whole.overview_csv(query).value());
  }
}

}  // namespace

TEST_CASE("on 200 random small documents the engine answers exactly as the brute-force scan") {
  std::mt19937_64 random(GENERATE(range(0, 200)));
  const json doc = random_document(random);
  INFO("document: " << doc.dump());
  check_document(doc, random, 6);
}

// A small generated catalog (12 tracks, 200 days) as text; `shape` sets the other options.
template <typename Shape>
std::string generated_catalog(unsigned seed, Shape shape) {
  tta::GeneratorOptions options;
  options.tracks = 12;
  options.days = 200;
  options.seed = seed;
  shape(options);
  std::ostringstream out;
  tta::write_sample_catalog(out, options);
  return out.str();
}

TEST_CASE("on generated sample catalogs the engine answers exactly as the brute-force scan") {
  std::mt19937_64 random(7);
  for (const bool quiet : {false, true}) {
    const json doc = json::parse(
        generated_catalog(11, [&](tta::GeneratorOptions& o) { o.quiet_catalog = quiet; }));
    INFO("quiet catalog: " << quiet);
    check_document(doc, random, 8);
  }
}

TEST_CASE("documents read in batches of any size answer exactly as the brute-force scan") {
  std::mt19937_64 random(GENERATE(range(0, 50)));
  const json doc = random_document(random);
  INFO("document: " << doc.dump());
  const std::size_t batches[] = {0, 1, 7, 60};
  const std::size_t batch = batches[random() % 4];
  check_in_batches(doc, doc.dump(), batch, random, 3);
  if (doc.contains("asOf")) check_in_batches(doc, as_of_last(doc), batch, random, 3);
}

TEST_CASE("a generated catalog read in batches answers exactly as the brute-force scan") {
  std::mt19937_64 random(5);
  const std::string text =
      generated_catalog(3, [](tta::GeneratorOptions& o) { o.short_form = true; });
  const json doc = json::parse(text);
  for (const std::size_t batch : {std::size_t{1}, std::size_t{2000}}) {
    check_in_batches(doc, text, batch, random, 4);
    check_in_batches(doc, as_of_last(doc), batch, random, 2);
  }
}

#include "series_sums.hpp"

TEST_CASE("series sums equal the day-by-day sums for every series, window and row") {
  std::mt19937_64 random(11);
  auto pick = [&](long long n) {
    return static_cast<long long>(random() % static_cast<std::uint64_t>(n));
  };
  std::set<unsigned> widths_seen;
  std::set<long long> shifts_seen;
  // Rounds 0-11 build the sums at once; rounds 12-23 in parts, as a document
  // read in batches does (see below).
  for (int round = 0; round < 24; ++round) {
    const tta::Day anchor = 20000 + static_cast<tta::Day>(pick(50));
    const tta::Day first_needed = anchor - 300 + 1;
    // Many series (the fill works in blocks), ending on the anchor, a few
    // days before it, long before it (sparse), after it, or empty; reaching
    // back past first_needed or not; values near 2^32 in some rounds so that
    // either cell width is taken.
    const std::size_t count = 1 + static_cast<std::size_t>(pick(400));
    const bool wide = round % 3 == 0;
    std::vector<std::vector<std::uint64_t>> values(count), views(count);
    std::vector<tta::SeriesInput> inputs;
    for (std::size_t i = 0; i < count; ++i) {
      const long long length = pick(8) == 0 ? 0 : 1 + pick(400);
      long long end = anchor - (pick(3) == 0 ? pick(10) : 0);
      if (pick(6) == 0) end = anchor - 200 - pick(100);
      if (pick(10) == 0) end = anchor + pick(20);
      for (long long d = 0; d < length; ++d) {
        values[i].push_back(pick(4) == 0 ? 0 : static_cast<std::uint64_t>(pick(1000)));
        views[i].push_back(wide && pick(50) == 0
                               ? (std::uint64_t{1} << 32) + static_cast<std::uint64_t>(pick(9))
                               : static_cast<std::uint64_t>(pick(100000)));
      }
      inputs.push_back({static_cast<tta::Day>(end - length + 1),
                        static_cast<std::size_t>(length),
                        {values[i].data(), views[i].data()}});
    }
    std::vector<std::uint32_t> order;
    tta::SeriesSums<2> sums;
    if (round < 12) {
      sums = tta::SeriesSums<2>(anchor, first_needed, inputs, order);
    } else {
      // Parts of random sizes. A part read after asOf knows the anchor: it
      // keeps [first_needed, anchor]. Otherwise it keeps every day and counts
      // back from its own last day, before or after the anchor; finish()
      // then drops the rows no window reaches.
      for (std::size_t from = 0; from < count;) {
        const std::size_t to = std::min<std::size_t>(count, from + 1 + pick(pick(2) ? 120 : 3));
        const std::vector<tta::SeriesInput> part(inputs.begin() + static_cast<long>(from),
                                                 inputs.begin() + static_cast<long>(to));
        if (pick(3) == 0) {
          sums.add(anchor, first_needed, part, from);
        } else {
          long long last = 0, first = anchor;
          for (const tta::SeriesInput& in : part) {
            if (!in.length) continue;
            first = std::min<long long>(first, in.start);
            last = std::max<long long>(last, in.start + static_cast<long long>(in.length) - 1);
          }
          sums.add(static_cast<tta::Day>(last), static_cast<tta::Day>(first), part, from);
        }
        from = to;
      }
      sums.finish(anchor, first_needed, order);
    }
    REQUIRE(order.size() == sums.size());
    // Day-by-day sum of days [a, b] of input i, within [first_needed, anchor].
    auto brute = [&](std::size_t metric, std::size_t i, long long a, long long b) {
      std::uint64_t sum = 0;
      const tta::SeriesInput& in = inputs[i];
      for (long long d = std::max<long long>(a, first_needed); d <= std::min<long long>(b, anchor);
           ++d)
        if (d >= in.start && d < in.start + static_cast<long long>(in.length))
          sum += in.values[metric][d - in.start];
      return sum;
    };
    for (std::size_t j = 0; j < sums.size(); ++j) {
      for (std::size_t metric = 0; metric < 2; ++metric) {
        // Days before first_needed (k 300) count as absent, whether a part
        // kept them or not.
        for (long long k : {0LL, 1LL, 2LL, 7LL, 28LL, 150LL, 299LL, 300LL, 301LL, 1 + pick(400)}) {
          INFO("round " << round << ", stored series " << j << ", metric " << metric << ", k "
                        << k);
          REQUIRE(sums.back(metric, j, k) == brute(metric, order[j], anchor - k + 1, anchor));
        }
        const long long a = anchor - pick(320), b = a + pick(40);
        REQUIRE(sums.range(metric, j, static_cast<tta::Day>(a), static_cast<tta::Day>(b)) ==
                brute(metric, order[j], a, b));
      }
    }
    // The rows as the kernels walk them, group by group: row k, then the
    // totals past it, with rows counted from the group's part's last day
    // (`shift` days after the anchor; row 0 or less is 0). Groups cover the
    // dense series in order, and each cell width is the narrowest that holds
    // its series' totals.
    std::size_t next = 0;
    for (const auto& g : sums.groups()) {
      REQUIRE(g.begin == next);
      REQUIRE(g.shift == static_cast<long long>(g.last) - anchor);
      shifts_seen.insert(g.shift < 0 ? -1 : g.shift > 0);
      next += g.count;
      for (std::size_t metric = 0; metric < 2; ++metric) {
        std::uint64_t largest = 0;
        for (std::size_t j = g.begin; j < g.begin + g.count; ++j)
          largest = std::max(largest, sums.totals(metric)[j]);
        const unsigned width = g.cells[metric].width;
        widths_seen.insert(width);
        REQUIRE((width == 8 || largest < (std::uint64_t{1} << (8 * width))));
        REQUIRE((width == 1 || largest >= (std::uint64_t{1} << (4 * width))));
        g.cells[metric].with([&](const auto* cells) {
          auto row = [&](long long k, std::size_t i) -> std::uint64_t {
            if (k <= 0) return 0;
            const std::size_t reach = g.row_count(k), offset = g.row_offset(k);
            REQUIRE(reach <= g.count);
            return i < reach ? std::uint64_t{cells[offset + i]} : sums.totals(metric)[g.begin + i];
          };
          for (long long k = 1; k <= 300; ++k) {
            for (std::size_t i = 0; i < g.count; ++i) {
              const std::size_t j = g.begin + i;
              const std::uint64_t expected = brute(metric, order[j], anchor - k + 1, anchor);
              const std::uint64_t got = row(k + g.shift, i) - row(g.shift, i);
              if (got != expected)
                FAIL("row " << k << ", series " << j << ": " << got << " != " << expected);
            }
          }
        });
      }
    }
    REQUIRE(next == sums.dense_count());
  }
  REQUIRE(widths_seen == std::set<unsigned>{1, 2, 4, 8});
  REQUIRE(shifts_seen == std::set<long long>{-1, 0, 1});
}
