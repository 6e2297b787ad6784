// Harness 4: any bytes as a query request (core/request.hpp, the one entry the
// CLI and the WebAssembly module share) on a loaded catalog. Whatever the
// bytes, the answer is valid UTF-8 (and valid JSON unless it is a CSV export)
// or a refusal of one short line of UTF-8; nothing crashes, and the loaded
// data answers the same afterwards.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "request.hpp"

namespace {

using namespace tta_fuzz;

// A small catalog with the shapes queries care about: several tracks, titles
// with non-ASCII and quotes, unknown platform/content, nulls, streams.
const char* const kDocument = R"({"asOf": "2026-03-15", "tracks": [
  {"id": "A", "title": "Alpha \u00e9t\u00e9", "artist": "Nova", "isrc": "FRX262600001"},
  {"id": "B", "title": "Beta \"b\", c", "artist": "L\u00e9a"}, {"id": "\u00c9", "title": "\ud83c\udfb5"}, {"id": "D"}],
 "tiktok": [
  {"track": "A", "territory": "FR", "platform": "tiktok", "content": "pgc", "start": "2026-02-28", "creations": [1, 0, 2, 0, 0, 1, 3, 2, 5, 4, 0, 1, 2, null, 6, 1], "views": [100, 0, 250, 0, 0, 90, 400, 310, 800, 650, 0, 120, 330, null, 900, 150]},
  {"track": "A", "territory": "BR", "platform": "tiktok", "content": "ugc", "start": "2026-03-05", "creations": [2, 2, 2, 2, 2, 2, 2, 2, 2, 2], "views": [50, 50, 50, 50, 50, 50, 50, 50, 50, 50]},
  {"track": "A", "territory": "cn", "platform": "douyin", "content": "ugc", "start": "2026-03-10", "creations": [1, 1, 1, 1, 1], "views": [5000000000, 10, 10, 10, 10]},
  {"track": "B", "territory": "US", "start": "2026-03-01", "creations": [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3], "views": [30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30]},
  {"track": "\u00c9", "territory": "GB", "platform": "tiktok", "content": "pgc", "start": "2016-03-08", "creations": [0, 0, 0, 0, 0, 0, 7], "views": [0, 0, 0, 0, 0, 0, 70]}],
 "streams": [
  {"track": "A", "start": "2026-03-01", "streams": [500, 520, 480, 510, 530, 600, 650, 700, 720, 800, 850, 900, 950, 1000]},
  {"track": "D", "start": "2016-02-01", "streams": [10, 10, 10, null, 10]}]})";

const tta::Analytics& engine() {
  static const tta::Analytics loaded = [] {
    tta::Analytics e;
    if (!e.load(kDocument)) broken("the harness's own document was refused");
    return e;
  }();
  return loaded;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string before =
      tta::answer_request(engine(), R"({"query": "overview", "period": 28})").value();
  const std::string text(reinterpret_cast<const char*>(data), size);
  const auto answer = tta::answer_request(engine(), text);
  if (!answer) {
    check_message(answer.error());
  } else {
    TTA_FUZZ_REQUIRE(is_utf8(answer.value()), "an answer is not valid UTF-8", text);
    if (answer.value().empty() || (answer.value()[0] == '{' || answer.value()[0] == '['))
      parse_answer(answer, "unreachable");
  }
  TTA_FUZZ_REQUIRE(
      tta::answer_request(engine(), R"({"query": "overview", "period": 28})").value() == before,
      "a request changed the answers", text);
  return 0;
}
