// Harness 3 (differential): the core's own JSON scanner (core/json_scanner.*)
// against nlohmann::json's SAX parser on the same bytes. Both must agree on
// whether the bytes are one JSON text, and on an accepted text they must
// report exactly the same events (keys, strings byte for byte, numbers with the
// same type and value). A syntax error must name its line and column.
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "json_scanner.hpp"

namespace {

using namespace tta_fuzz;

class Recorder final : public nlohmann::json_sax<json> {
 public:
  std::vector<std::string> events;

  bool null() override { return add("null"); }
  bool boolean(bool v) override { return add(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return add("int " + std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add("uint " + std::to_string(v)); }
  bool number_float(number_float_t v, const string_t& token) override {
    std::uint64_t bits;
    std::memcpy(&bits, &v, sizeof bits);
    return add("float " + std::to_string(bits) + " " + token);
  }
  bool string(string_t& v) override { return add("string " + v); }
  bool binary(binary_t&) override { return add("binary"); }
  bool start_object(std::size_t) override { return add("{"); }
  bool key(string_t& v) override { return add("key " + v); }
  bool end_object() override { return add("}"); }
  bool start_array(std::size_t) override { return add("["); }
  bool end_array() override { return add("]"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 private:
  bool add(std::string e) {
    events.push_back(std::move(e));
    return true;
  }
};

std::string show(const std::vector<std::string>& events) {
  std::string out;
  for (const std::string& e : events) out += e + " | ";
  return out.substr(0, 1500);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Recorder ours, theirs;
  std::string error;
  const tta::ScanOutcome outcome = tta::scan_json(text, ours, error);
  TTA_FUZZ_REQUIRE(outcome != tta::ScanOutcome::stopped,
                   "the scanner stopped although the handler never refused");
  const bool scanner_ok = outcome == tta::ScanOutcome::complete;
  // One intended difference: nlohmann takes a NUL byte outside a string for
  // the end of the input and ignores what follows; the scanner refuses any NUL
  // (inside a string it is an unescaped control character, outside one a
  // stray byte).
  if (text.find('\0') != std::string::npos) {
    TTA_FUZZ_REQUIRE(!scanner_ok, "the scanner accepted a NUL byte", text);
    return 0;
  }
  const bool reference_ok = json::sax_parse(text.begin(), text.end(), &theirs);
  if (scanner_ok != reference_ok)
    broken(scanner_ok ? "the scanner accepted what nlohmann refuses"
                      : "the scanner refused what nlohmann accepts",
           error + "\nscanner: " + show(ours.events) + "\nnlohmann: " + show(theirs.events));
  if (!scanner_ok) {
    TTA_FUZZ_REQUIRE(error.rfind("line ", 0) == 0 && error.find(", column ") != std::string::npos,
                     "a syntax error names no line and column", error);
    TTA_FUZZ_REQUIRE(is_utf8(error) && error.find('\n') == std::string::npos && error.size() <= 200,
                     "a syntax error message is not one short line of UTF-8", error);
    return 0;
  }
  if (ours.events != theirs.events)
    broken("the scanner's events differ from nlohmann's",
           "scanner: " + show(ours.events) + "\nnlohmann: " + show(theirs.events));
  return 0;
}
