// The fast scanner must accept exactly what nlohmann's parser accepts and
// report the same events, so it is checked against nlohmann itself on valid
// documents and on many mutations of them.
#include "support.hpp"

#include <random>

#include "catalog_generator.hpp"
#include "json_scanner.hpp"

namespace {

// Writes every event as text, so two parsers can be compared whole.
class Recorder final : public nlohmann::json_sax<json> {
 public:
  std::string log;
  bool null() override { return add("null"); }
  bool boolean(bool v) override { return add(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return add("i" + std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add("u" + std::to_string(v)); }
  bool number_float(number_float_t v, const string_t&) override { return add("f" + json(v).dump()); }
  bool string(string_t& v) override { return add("s" + json(v).dump()); }
  bool binary(binary_t&) override { return add("binary"); }
  bool start_object(std::size_t) override { return add("{"); }
  bool key(string_t& v) override { return add("k" + json(v).dump()); }
  bool end_object() override { return add("}"); }
  bool start_array(std::size_t) override { return add("["); }
  bool end_array() override { return add("]"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool add(const std::string& event) {
    log += event;
    log += ' ';
    return true;
  }
};

void check_same(const std::string& text) {
  Recorder ours, theirs;
  std::string error;
  const bool ours_ok = tta::scan_json(text, ours, error) == tta::ScanOutcome::complete;
  const bool theirs_ok = json::sax_parse(text, &theirs);
  INFO("text: " << json(json::binary_t(std::vector<std::uint8_t>(text.begin(), text.end()))).dump());
  INFO("our error: " << error);
  REQUIRE(ours_ok == theirs_ok);
  if (ours_ok) REQUIRE(ours.log == theirs.log);
  if (!ours_ok) REQUIRE(error.rfind("line ", 0) == 0);
}

}  // namespace

TEST_CASE("the scanner reads JSON edge cases exactly as nlohmann does") {
  for (const char* text :
       {"0", "-0", "1.5", "-1e-7", "1E+2", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
        "-9223372036854775809", "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\"", "\"\xc3\xa9\xf0\x9f\x98\x80\"",
        "[]", "{}", " [ 1 , [ ] , { \"a\" : null } ] ", "\xef\xbb\xbf{}", "true", "false", "null",
        // refused by both
        "", " ", "01", "1.", ".5", "1e", "+1", "[1,]", "{\"a\":1,}", "{'a':1}", "[1 2]", "{\"a\" 1}", "tru",
        "nul", "NaN", "Infinity", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\nb\"",
        "\"\xc0\xaf\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xff\"", "[1]x", "// c\n{}", "{\"a\":1}}",
        "1e999", "[\"abc"}) {
    check_same(text);
  }
  check_same(std::string("\"a\0b\"", 5));
  check_same(std::string("[1,\0]", 5));
}

TEST_CASE("the scanner agrees with nlohmann on documents and thousands of their mutations") {
  std::vector<std::string> seeds = {read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json")};
  tta::GeneratorOptions options;
  options.tracks = 3;
  options.days = 15;
  std::ostringstream out;
  tta::write_sample_catalog(out, options);
  seeds.push_back(out.str());
  std::mt19937_64 random(42);
  const std::string alphabet = "{}[],:\"\\0123456789-+.eEtrufalsn \n\xc3\xa9\xff";
  for (const std::string& seed : seeds) {
    check_same(seed);
    for (int i = 0; i < 3000; ++i) {
      std::string text = seed;
      for (int edits = 1 + static_cast<int>(random() % 3); edits > 0; --edits) {
        const std::size_t at = random() % text.size();
        const char c = alphabet[random() % alphabet.size()];
        switch (random() % 3) {
          case 0: text[at] = c; break;
          case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
          default: text.erase(at, 1 + random() % 4); break;
        }
      }
      check_same(text);
    }
  }
}
