// Harness 1: any bytes as a tiktok-analytics/v1 document.
//
// - A refusal is one message that names a place, and leaves no data.
// - An accepted document is asked every kind of query through the request
//   entry the CLI and the module share (core/request.hpp): overview for
//   several periods, filters, limit/offset cuts, sorts, searches and date
//   ranges; track for its ids (daily and weekly) and for unknown ids; splits,
//   breakouts, lift, the lift ranking and both CSV exports. Every answer is
//   valid UTF-8 (and valid JSON unless it is CSV), every refusal one short
//   line of UTF-8, and the plain overview and track answers keep the promises
//   checked in fuzz_common.hpp.
// - Then documents that must be refused (a truncation, trailing bytes, and
//   documents broken at each stage of a load) are loaded into the same
//   instance: every refusal must leave the answers byte-identical. Loading the
//   same bytes again, in pieces and summed in batches of a few day values,
//   must give the same answers. A byte-flipped copy may go
//   either way, but a refusal of it must change nothing either.
#include <algorithm>  // std::equal
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_queries.hpp"

namespace {

using namespace tta_fuzz;

// Documents refused at each stage of a load: syntax, a rule while reading,
// a rule checked after reading (overlaps, unknown tracks), the store.
const char* const kRefusedAtEachStage[] = {
    "{\"tracks\": [",
    "{\"tracks\": [{\"id\": \"A\"}], \"x\": "
    "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    "{\"tracks\": [{\"id\": \"A\"}], \"tiktok\": [{\"track\": \"A\", \"territory\": \"FR\", "
    "\"start\": \"2026-01-01\","
    " \"creations\": [1, 2], \"views\": [1, 9007199254740991]}]}",
    "{\"tracks\": [{\"id\": \"A\"}, {\"id\": \"A\"}]}",
    "{\"tracks\": [{\"id\": \"A\"}], \"streams\": [{\"track\": \"A\", \"start\": \"2026-01-01\", "
    "\"streams\": [1, 2]},"
    " {\"track\": \"A\", \"start\": \"2026-01-02\", \"streams\": [1]}]}",
    "{\"tracks\": [{\"id\": \"A\"}], \"streams\": [{\"track\": \"B\", \"start\": \"2026-01-01\", "
    "\"streams\": [1]}]}",
    "{\"tracks\": [{\"id\": \"A\"}], \"tiktok\": [], \"streams\": []}",
};

void expect_unchanged(const tta::Analytics& engine, const std::vector<std::string>& ids,
                      const std::vector<std::string>& before, std::string_view what) {
  if (snapshot(engine, ids) != before) broken("a refused document changed the answers", what);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string document(reinterpret_cast<const char*>(data), size);
  tta::Analytics engine;
  const auto loaded = engine.load(document);
  if (!loaded) {
    check_refusal_message(loaded.error());
    TTA_FUZZ_REQUIRE(!engine.has_data(), "a refused first document left data");
    TTA_FUZZ_REQUIRE(!engine.overview_json(tta::Query{}).ok(),
                     "overview answered with no document loaded");
    // The instance still works.
    TTA_FUZZ_REQUIRE(engine.load("{\"asOf\": \"2026-01-01\", \"tracks\": []}").ok(),
                     "a refusal broke the instance");
    return 0;
  }
  const std::vector<std::string> ids = ids_of(document);
  const std::vector<std::string> all_before = answers(engine, ids);
  const std::vector<std::string> before = snapshot(engine, ids);

  std::vector<std::string> refused;
  refused.push_back(
      document.substr(0, document.rfind('}')));  // an object's closing brace is missing
  refused.push_back(document + "}");             // bytes after the document
  for (const char* bad : kRefusedAtEachStage) refused.emplace_back(bad);
  for (const std::string& bad : refused) {
    const auto second = engine.load(bad);
    if (second) broken("a document that must be refused was accepted", bad);
    check_refusal_message(second.error());
    expect_unchanged(engine, ids, before, second.error());
  }

  // The same bytes again, in pieces, with the sums built a few day values at
  // a time (DocumentStream): the same answers.
  const std::size_t hash = std::hash<std::string>{}(document);
  tta::DocumentStream stream(hash % 5);
  const std::size_t piece = 1 + (hash >> 8) % (size + 1);
  for (std::size_t at = 0; at < size; at += piece)
    if (auto error = stream.feed(std::string_view(document).substr(at, piece), at + piece >= size))
      broken("the same document in pieces was refused", error->message);
  if (!engine.load(stream)) broken("the same document was refused the second time");
  // Every answer but the summary's first (whose storeBytes counts the parts).
  std::vector<std::string> again = answers(engine, ids);
  if (again.size() != all_before.size() ||
      !std::equal(again.begin() + 1, again.end(), all_before.begin() + 1))
    broken("loading the same document twice gave different answers");
  auto without_store_bytes = [](std::string summary) {
    const std::size_t at = summary.find(",\"storeBytes\":");
    if (at != std::string::npos) summary.erase(at, summary.find_first_of(",}", at + 1) - at);
    return summary;
  };
  if (without_store_bytes(again[0]) != without_store_bytes(all_before[0]))
    broken("the same document gave another summary", again[0]);

  // A byte-flipped copy: either accepted, or refused with no change.
  std::string flipped = document;
  flipped[hash % size] = static_cast<char>(flipped[hash % size] ^ (1 + (hash >> 20) % 255));
  const std::vector<std::string> reloaded = snapshot(engine, ids);  // storeBytes may differ
  const auto third = engine.load(flipped);
  if (!third) {
    check_refusal_message(third.error());
    expect_unchanged(engine, ids, reloaded, third.error());
  } else {
    answers(engine, ids_of(flipped));
  }
  return 0;
}
