// Harness 5: any bytes as the long-row CSV input (core/csv_import.hpp):
// "<tiktok CSV>\0<streams CSV>\0<asOf>" (the later parts may be missing).
// A refusal is one line of UTF-8 naming the file and line (or asOf, or
// memory) and leaves the data loaded before byte-identical; an accepted
// catalog answers every kind of query as fuzz_load checks them.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_queries.hpp"

namespace {

using namespace tta_fuzz;

const char* const kBefore = R"({"asOf": "2026-01-10", "tracks": [{"id": "A", "title": "Alpha"}],
  "tiktok": [{"track": "A", "territory": "FR", "start": "2026-01-01", "creations": [1, 2, 3], "views": [10, 20, 30]}],
  "streams": [{"track": "A", "start": "2026-01-01", "streams": [5, 6]}]})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t cut1 = input.find('\0');
  const std::string_view tiktok = input.substr(0, cut1);
  std::string_view streams, as_of_text;
  if (cut1 != std::string_view::npos) {
    const std::size_t cut2 = input.find('\0', cut1 + 1);
    streams = input.substr(
        cut1 + 1, cut2 == std::string_view::npos ? std::string_view::npos : cut2 - cut1 - 1);
    if (cut2 != std::string_view::npos) as_of_text = input.substr(cut2 + 1);
  }
  const std::optional<tta::Day> as_of = tta::parse_date(as_of_text);

  tta::Analytics engine;
  if (!engine.load(kBefore)) broken("the harness's own document was refused");
  const std::vector<std::string> before = snapshot(engine, {"A"});
  const auto loaded = engine.load_csv(tiktok, streams, as_of);
  if (!loaded) {
    const std::string& m = loaded.error();
    check_message(m);
    TTA_FUZZ_REQUIRE(m.rfind("tiktok CSV line ", 0) == 0 || m.rfind("streams CSV line ", 0) == 0 ||
                         m.rfind("asOf: ", 0) == 0 ||
                         m.find("too large for the memory available") != std::string::npos,
                     "a CSV refusal names no file and line", m);
    if (snapshot(engine, {"A"}) != before) broken("a refused CSV changed the answers", m);
    return 0;
  }
  const std::vector<std::string> ids = ranked_ids(engine);
  const std::vector<std::string> first = answers(engine, ids);
  // The same files again: the same answers.
  if (!engine.load_csv(tiktok, streams, as_of)) broken("the same CSV was refused the second time");
  if (answers(engine, ids) != first) broken("loading the same CSV twice gave different answers");
  return 0;
}
