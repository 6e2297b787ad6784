// The fast scanner must accept exactly what nlohmann's parser accepts and
// report the same events, so it is checked against nlohmann itself on valid
// documents and on many mutations of them. Its bulk path for arrays of
// integers (UintArraySink) must change nothing but the speed: the same values
// in the same order, the same syntax errors, and the same catalog or the same
// refusal from read_catalog.
#include "support.hpp"

#include <cstring>
#include <memory>
#include <random>

#include "catalog_generator.hpp"
#include "ingest.hpp"
#include "json_scanner.hpp"

namespace {

// Writes every event as text, so two parsers can be compared whole. With a
// limit, the handler refuses the event that would pass it.
class Recorder : public nlohmann::json_sax<json> {
 public:
  explicit Recorder(std::size_t limit = SIZE_MAX) : limit_(limit) {}
  std::string log;
  bool null() override { return add("null"); }
  bool boolean(bool v) override { return add(v ? "true" : "false"); }
  bool number_integer(number_integer_t v) override { return add("i" + std::to_string(v)); }
  bool number_unsigned(number_unsigned_t v) override { return add("u" + std::to_string(v)); }
  bool number_float(number_float_t v, const string_t&) override {
    return add("f" + json(v).dump());
  }
  bool string(string_t& v) override { return add("s" + json(v).dump()); }
  bool binary(binary_t&) override { return add("binary"); }
  bool start_object(std::size_t) override { return add("{"); }
  bool key(string_t& v) override { return add("k" + json(v).dump()); }
  bool end_object() override { return add("}"); }
  bool start_array(std::size_t) override { return add("["); }
  bool end_array() override { return add("]"); }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override {
    return false;
  }

 protected:
  bool add(const std::string& event) {
    if (events_ == limit_) return false;
    ++events_;
    log += event;
    log += ' ';
    return true;
  }

 private:
  std::size_t limit_, events_ = 0;
};

// The same log from the bulk path: each value of a run written as its event.
// Takes runs in two arrays of three (the others get events), so that bulk and
// ordinary arrays nest in each other.
class RunRecorder final : public Recorder, public tta::UintArraySink {
 public:
  using Recorder::Recorder;
  std::size_t runs = 0, run_values = 0;
  bool wants_uints() override { return ++asked_ % 3 != 0; }
  bool take_uints(const std::uint64_t* values, std::size_t count) override {
    ++runs;
    run_values += count;
    if (count == 0 || count > 1024) return add("bad run of " + std::to_string(count));
    for (std::size_t i = 0; i < count; ++i) {
      if (values[i] > tta::kMaxRunValue && values[i] != tta::kRunNull)
        return add("bad value in a run");
      if (!add(values[i] == tta::kRunNull ? "null" : "u" + std::to_string(values[i]))) return false;
    }
    return true;
  }

 private:
  std::size_t asked_ = 0;
};

// Piece sizes for the streaming checks, taken in turn: pieces of 1 byte, odd
// sizes that end inside numbers, strings, escapes and UTF-8 characters, and
// sizes across the bulk path's runs of 256 values.
std::size_t next_piece_size() {
  static const std::size_t kSizes[] = {1, 2, 3, 5, 7, 13, 31, 64, 257, 1000};
  static std::size_t turn = 0;
  return kSizes[turn++ % (sizeof kSizes / sizeof kSizes[0])];
}

// The text fed to a JsonStream in pieces of `size` bytes, each in a buffer of
// exactly its size (AddressSanitizer then sees a read past a piece).
tta::ScanOutcome scan_in_pieces(const std::string& text, std::size_t size,
                                nlohmann::json_sax<json>& handler, tta::UintArraySink* runs,
                                std::string& error) {
  tta::JsonStream stream(handler, runs);
  for (std::size_t at = 0;;) {
    const std::size_t n = std::min(size, text.size() - at);
    const bool last = at + n == text.size();
    const std::unique_ptr<char[]> exact(new char[n == 0 ? 1 : n]);
    std::copy(text.begin() + static_cast<std::ptrdiff_t>(at),
              text.begin() + static_cast<std::ptrdiff_t>(at + n), exact.get());
    const tta::ScanOutcome outcome = stream.feed(std::string_view(exact.get(), n), last, error);
    at += n;
    if (outcome != tta::ScanOutcome::incomplete || last) return outcome;
  }
}

// The bulk path against the ordinary one: the same outcome, events and error.
// Returns how many values went through runs.
std::size_t check_runs_same(const std::string& text, std::size_t limit = SIZE_MAX) {
  Recorder plain(limit);
  RunRecorder bulk(limit);
  std::string plain_error, bulk_error;
  // In a buffer of exactly its size, so that AddressSanitizer sees a read
  // past the end (a std::string has room and a terminator after it).
  const std::unique_ptr<char[]> exact(new char[text.size()]);
  std::copy(text.begin(), text.end(), exact.get());
  const std::string_view view(exact.get(), text.size());
  const tta::ScanOutcome plain_outcome = tta::scan_json(view, plain, plain_error);
  const tta::ScanOutcome bulk_outcome = tta::scan_json(view, bulk, bulk_error, &bulk);
  INFO(
      "text: " << json(json::binary_t(std::vector<std::uint8_t>(text.begin(), text.end()))).dump());
  INFO("event limit: " << limit);
  REQUIRE(bulk_outcome == plain_outcome);
  REQUIRE(bulk_error == plain_error);
  REQUIRE(bulk.log == plain.log);
  // And the same text in pieces: the same events, outcome and message.
  const std::size_t size = next_piece_size();
  INFO("pieces of " << size << " bytes");
  RunRecorder pieces(limit);
  std::string pieces_error;
  REQUIRE(scan_in_pieces(text, size, pieces, &pieces, pieces_error) == plain_outcome);
  REQUIRE(pieces_error == plain_error);
  REQUIRE(pieces.log == plain.log);
  return bulk.run_values;
}

void check_same(const std::string& text) {
  Recorder ours, theirs;
  std::string error;
  const bool ours_ok = tta::scan_json(text, ours, error) == tta::ScanOutcome::complete;
  const bool theirs_ok = json::sax_parse(text, &theirs);
  INFO(
      "text: " << json(json::binary_t(std::vector<std::uint8_t>(text.begin(), text.end()))).dump());
  INFO("our error: " << error);
  REQUIRE(ours_ok == theirs_ok);
  if (ours_ok) REQUIRE(ours.log == theirs.log);
  if (!ours_ok) REQUIRE(error.rfind("line ", 0) == 0);
  check_runs_same(text);
}

}  // namespace

TEST_CASE("the scanner reads JSON edge cases exactly as nlohmann does") {
  for (const char* text :
       {"0", "-0", "1.5", "-1e-7", "1E+2", "18446744073709551615", "18446744073709551616",
        "-9223372036854775808", "-9223372036854775809",
        "\"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\\t\"", "\"\xc3\xa9\xf0\x9f\x98\x80\"", "[]", "{}",
        " [ 1 , [ ] , { \"a\" : null } ] ", "\xef\xbb\xbf{}", "true", "false", "null",
        // refused by both
        "", " ", "01", "1.", ".5", "1e", "+1", "[1,]", "{\"a\":1,}", "{'a':1}", "[1 2]",
        "{\"a\" 1}", "tru", "nul", "NaN", "Infinity", "\"\\x\"", "\"\\ud800\"", "\"\\udc00\"",
        "\"\\ud800\\u0041\"", "\"a\nb\"", "\"\xc0\xaf\"", "\"\xed\xa0\x80\"",
        "\"\xf4\x90\x80\x80\"", "\"\xff\"", "[1]x", "// c\n{}", "{\"a\":1}}", "1e999", "[\"abc"}) {
    check_same(text);
  }
  check_same(std::string("\"a\0b\"", 5));
  check_same(std::string("[1,\0]", 5));
}

TEST_CASE("the scanner agrees with nlohmann on documents and thousands of their mutations") {
  std::vector<std::string> seeds = {
      read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json")};
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
          case 0:
            text[at] = c;
            break;
          case 1:
            text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
            break;
          default:
            text.erase(at, 1 + random() % 4);
            break;
        }
      }
      check_same(text);
    }
  }
}

namespace {

// A day array of `length` small values (some null) with `element` at `at`,
// written with `separator` between the elements.
std::string day_array(std::size_t length, std::size_t at, const std::string& element,
                      const std::string& separator = ",") {
  std::string out = "[";
  for (std::size_t i = 0; i < length; ++i) {
    if (i > 0) out += separator;
    if (i == at)
      out += element;
    else if (i % 7 == 3)
      out += "null";
    else
      out += std::to_string(i % 5 == 0 ? i * 37 % 1000 : i % 3);
  }
  return out + "]";
}

// Elements the bulk path takes, and elements it must leave to the ordinary
// path (each either valid JSON or a syntax error).
const char* const kElements[] = {"0",
                                 "7",
                                 "null",
                                 "9007199254740991",
                                 "1234567890123456",  // taken
                                 "9007199254740992",
                                 "9999999999999999",
                                 "12345678901234567",
                                 "18446744073709551615",
                                 "18446744073709551616",
                                 "123456789012345678901234567890",
                                 "-3",
                                 "-0",
                                 "-",
                                 "1.0",
                                 "0.5",
                                 "1.",
                                 "1e2",
                                 "0e0",
                                 "1E+2",
                                 "01",
                                 "00",
                                 "0x",
                                 "7x",
                                 "nul",
                                 "nullx",
                                 "null.5",
                                 "nulle",
                                 "n",
                                 "\"7\"",
                                 "[1]",
                                 "[]",
                                 "{}",
                                 "true",
                                 "false",
                                 " 7 ",
                                 "\n8\r\n",
                                 "\t",
                                 "",
                                 ",",
                                 "]",
                                 "[",
                                 "}",
                                 "\xc3\xa9",
                                 "-9223372036854775809",
                                 "1e999"};

struct Differences {
  std::size_t documents = 0, run_values = 0;
};

// Catalogs compared field by field.
void require_same_catalog(const tta::Catalog& a, const tta::Catalog& b) {
  REQUIRE(a.as_of == b.as_of);
  REQUIRE(a.tracks.size() == b.tracks.size());
  for (std::size_t i = 0; i < a.tracks.size(); ++i) REQUIRE(a.tracks[i].id == b.tracks[i].id);
  REQUIRE(a.tiktok.size() == b.tiktok.size());
  for (std::size_t i = 0; i < a.tiktok.size(); ++i) {
    REQUIRE(a.tiktok[i].track == b.tiktok[i].track);
    REQUIRE(a.tiktok[i].start == b.tiktok[i].start);
    REQUIRE(a.tiktok[i].offset == b.tiktok[i].offset);
    REQUIRE(a.tiktok[i].length == b.tiktok[i].length);
  }
  REQUIRE(a.streams.size() == b.streams.size());
  for (std::size_t i = 0; i < a.streams.size(); ++i) {
    REQUIRE(a.streams[i].offset == b.streams[i].offset);
    REQUIRE(a.streams[i].length == b.streams[i].length);
  }
  REQUIRE(a.creations == b.creations);
  REQUIRE(a.views == b.views);
  REQUIRE(a.streams_values == b.streams_values);
  REQUIRE(a.null_days == b.null_days);
}

// read_catalog with runs and with one event per value: the same catalog, or
// the same message. Returns the message ("" if accepted).
std::string check_catalog_same(const std::string& document) {
  const auto runs = tta::read_catalog(document, tta::DayArrays::runs);
  const auto events = tta::read_catalog(document, tta::DayArrays::events);
  INFO("document: "
       << json(json::binary_t(std::vector<std::uint8_t>(document.begin(), document.end()))).dump());
  REQUIRE(runs.ok() == events.ok());
  // The same document in pieces, as a download arrives.
  const std::size_t size = next_piece_size();
  INFO("pieces of " << size << " bytes");
  tta::CatalogStream stream;
  std::optional<tta::Error> refused;
  for (std::size_t at = 0; at < document.size() && !refused; at += size)
    refused = stream.feed(std::string_view(document).substr(at, size));
  const auto streamed = stream.finish();
  REQUIRE(streamed.ok() == runs.ok());
  if (!runs.ok()) {
    REQUIRE(runs.error() == events.error());
    REQUIRE(streamed.error() == runs.error());
    if (refused) REQUIRE(refused->message == runs.error());
    return runs.error();
  }
  require_same_catalog(runs.value(), events.value());
  require_same_catalog(streamed.value(), runs.value());
  return "";
}

std::string catalog_with(const std::string& creations, const std::string& views,
                         const std::string& streams) {
  return R"({"schema": "tiktok-analytics/v1", "asOf": "2026-11-26", "tracks": [{"id": "A"}], "tiktok": [)"
         R"({"track": "A", "territory": "FR", "start": "2024-01-01", "creations": [1, 2], "views": [3, 4]},)"
         R"({"track": "A", "territory": "DE", "start": "2024-01-01", "creations": )" +
         creations + R"(, "views": )" + views +
         R"(}], "streams": [{"track": "A", "start": "2024-01-01", "streams": )" + streams + "}]}";
}

const std::size_t kPositions[] = {0, 1, 2, 254, 255, 256, 257, 300, 511, 512, 513, 599};

}  // namespace

TEST_CASE(
    "the bulk path for integer arrays reports every element and error as the ordinary path does") {
  std::size_t taken = 0;
  for (const char* element : kElements) {
    for (std::size_t at : kPositions) {
      for (const char* separator : {",", ", ", " ,\n", "\n,\t "}) {
        const std::string array = day_array(600, at, element, separator);
        taken += check_runs_same(array);
        taken +=
            check_runs_same("{\"a\": [[], " + array + ", [" + array + "]], \"b\": " + array + "}");
        // The element last, and the text cut short around the element.
        taken += check_runs_same(day_array(at + 1, at, element, separator));
        const std::size_t where = day_array(600, at, "@", separator).find('@');
        for (std::size_t cut :
             {where, where + 1, where + std::strlen(element), where + std::strlen(element) + 1})
          taken += check_runs_same(array.substr(0, cut));
      }
    }
  }
  // Every element at every distance from the end of the text, cut there or
  // closed: the bulk path reads with no end checks only far from the end.
  for (const char* element : kElements) {
    for (std::size_t after = 0; after <= 48; ++after) {
      std::string head = "[";
      for (int i = 0; i < 40; ++i) head += "7,";
      const std::string tail = ",12,null,0,123456789,1,2,3,45,6,7,8,9,10,11,12,13,14,15,16,17]";
      taken += check_runs_same(head + element + tail.substr(0, after));
      taken +=
          check_runs_same(head + element + tail.substr(tail.size() - std::min(after, tail.size())));
      taken += check_runs_same(head + element + std::string(after, ' ') + "]");
    }
  }
  REQUIRE(taken > 1000000);  // the bulk path was used, not skipped
  // A handler that stops in the middle of a run stops the scan there.
  const std::string array = day_array(600, 400, "-1", ", ");
  for (std::size_t limit : {0, 1, 2, 3, 255, 256, 257, 258, 400, 401, 402, 599, 600, 601, 602})
    check_runs_same("[" + array + "," + array + "]", limit);
}

TEST_CASE("read_catalog gives the same catalog or message with runs as with one event per value") {
  std::size_t refused = 0;
  for (const char* element : kElements) {
    for (std::size_t at : kPositions) {
      const std::string bad = day_array(600, at, element, ",");
      const std::string good = day_array(600, 600, "", ",");
      check_catalog_same(catalog_with(bad, good, good));
      check_catalog_same(catalog_with(good, bad, good));
      refused += !check_catalog_same(catalog_with(good, good, day_array(600, at, element, " ,\n")))
                      .empty();
    }
  }
  REQUIRE(refused > 100);
  // The path in a message counts the elements taken in runs.
  CHECK(check_catalog_same(catalog_with(day_array(600, 0, "0"), day_array(600, 0, "0"),
                                        day_array(600, 300, "-3"))) ==
        "streams[0].streams[300]: must be a non-negative integer or null, got -3");
  CHECK(
      check_catalog_same(catalog_with(day_array(600, 257, "1.0"), day_array(600, 0, "0"), "[]")) ==
      "tiktok[1].creations[257]: must be a non-negative integer or null, got \"1.0\"");
  CHECK(check_catalog_same(
            catalog_with(day_array(600, 0, "0"), day_array(600, 599, "9007199254740992"), "[]")) ==
        "tiktok[1].views[599]: must be at most 2^53-1 (9007199254740991), got 9007199254740992");
  CHECK(check_catalog_same(catalog_with(day_array(600, 0, "0"), day_array(601, 0, "0"), "[]")) ==
        "tiktok[1].views: has 601 values but creations has 600; both must have the same length");
  // -0 is the integer 0, and nulls count as missing days, in runs or not.
  // day_array(600, ...) has 86 nulls, at i % 7 == 3; 254 is not one of them, 256 neither.
  const auto read = tta::read_catalog(
      catalog_with(day_array(600, 254, "-0"), day_array(600, 256, "null"), "[null, 0]"));
  REQUIRE(read.ok());
  CHECK(read.value().creations[2 + 254] == 0);
  CHECK(read.value().null_days == 86 + 87 + 1);
}

TEST_CASE("the document's total is checked value by value inside a run") {
  // 7 (tiktok[0].views) + 2^52 + (2^52 - 8) = 2^53-1: the next non-zero
  // value passes the limit, wherever it falls in a run.
  for (std::size_t first : {0, 100, 255, 256}) {
    for (std::size_t gap : {1, 2, 100, 255, 256, 300}) {
      for (std::size_t extra : {1, 5, 200}) {
        std::vector<std::string> values(900, "0");
        values[first] = "4503599627370496";
        values[first + gap] = "4503599627370488";
        values[first + gap + extra] = "1";
        std::string array = "[";
        for (std::size_t i = 0; i < values.size(); ++i) array += (i ? "," : "") + values[i];
        array += "]";
        const std::string zeros = day_array(900, 900, "");
        const std::string message = check_catalog_same(catalog_with(zeros, array, "[]"));
        CHECK(message == "tiktok[1].views[" + std::to_string(first + gap + extra) +
                             "]: the document's total views would pass 2^53-1 (9007199254740991), "
                             "so sums could not stay exact");
        // Exactly at the limit is fine.
        values[first + gap + extra] = "null";
        array = "[";
        for (std::size_t i = 0; i < values.size(); ++i) array += (i ? "," : "") + values[i];
        array += "]";
        CHECK(check_catalog_same(catalog_with(zeros, array, "[]")) == "");
      }
    }
  }
}

TEST_CASE("read_catalog with runs agrees with one event per value on mutated documents") {
  tta::GeneratorOptions options;
  options.tracks = 3;
  options.days = 40;
  std::ostringstream out;
  tta::write_sample_catalog(out, options);
  const std::string seed = out.str();
  REQUIRE(check_catalog_same(seed).empty());
  std::mt19937_64 random(7);
  const std::string alphabet = "[],0123456789-.eE nul\n\"{}";
  std::size_t refused = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string text = seed;
    for (int edits = 1 + static_cast<int>(random() % 3); edits > 0; --edits) {
      // Mostly inside the day arrays, which are most of the bytes.
      const std::size_t at = random() % text.size();
      const char c = alphabet[random() % alphabet.size()];
      switch (random() % 4) {
        case 0:
          text[at] = c;
          break;
        case 1:
          text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c);
          break;
        case 2:
          text.insert(at, random() % 2 ? "9007199254740991" : "null");
          break;
        default:
          text.erase(at, 1 + random() % 4);
          break;
      }
    }
    refused += !check_catalog_same(text).empty();
  }
  CHECK(refused > 100);
  CHECK(refused < 4000);
}

TEST_CASE(
    "a document in pieces of any size gives the catalog or the message of the whole document") {
  tta::GeneratorOptions options;
  options.tracks = 2;
  options.days = 30;
  std::ostringstream out;
  tta::write_sample_catalog(out, options);
  const std::string sample = out.str();
  const std::string title =
      "\\u00e9\\ud83d\\ude00 caf\xc3\xa9 \xf0\x9f\x8e\xb5 \\\"quoted\\\" \\\\ " +
      std::string(3000, 'x');
  const std::string head =
      "{\"schema\": \"tiktok-analytics/v1\",\r\n \"asOf\": \"2026-11-26\",\r\n \"tracks\": ";
  const std::string tail = ", \"tiktok\": [], \"streams\": []}";
  const std::vector<std::string> documents = {
      sample,
      "\xef\xbb\xbf" + sample,
      sample + " \n\t ",
      head + "[{\"id\": \"A\", \"title\": \"" + title + "\"}]" + tail,
      head + "[{\"id\": \"A\", \"title\": \"" + title + "\n\"}]" +
          tail,                                         // a raw newline in a long string
      head + "[{\"id\": \"A\", \"title\": \"" + title,  // never closed
      head + "[{\"id\": \"A\", \"n\": " + std::string(5000, '7') + "}]" + tail,
      head + "[{\"id\": \"A\", \"n\": 1" + std::string(5000, '0') + "e}]" + tail,
      head + "[{\"id\": \"A\", \"title\": \"\\ud800\\u12\"}]" + tail,
      head + "[{\"id\": \"A\", \"title\": \"\xe2\x82\"}]" + tail,
      head + "[{\"id\": \"A\"} " + std::string(3000, ' ') + "x]" + tail,
      sample.substr(0, sample.size() / 2),
      sample.substr(0, sample.size() - 1),
  };
  for (const std::string& document : documents) {
    const auto whole = tta::read_catalog(document);
    for (std::size_t size : {1, 2, 3, 4, 5, 7, 64, 4096}) {
      INFO("document " << document.substr(0, 120) << "... in pieces of " << size << " bytes");
      tta::CatalogStream stream;
      for (std::size_t at = 0; at < document.size(); at += size) {
        // Each piece in a buffer of exactly its size.
        const std::string piece = document.substr(at, size);
        const std::unique_ptr<char[]> exact(new char[piece.size()]);
        std::copy(piece.begin(), piece.end(), exact.get());
        if (stream.feed(std::string_view(exact.get(), piece.size()))) break;
      }
      const auto streamed = stream.finish();
      REQUIRE(streamed.ok() == whole.ok());
      if (whole.ok())
        require_same_catalog(streamed.value(), whole.value());
      else
        REQUIRE(streamed.error() == whole.error());
    }
  }
  // The places in those messages, worked out by hand.
  CHECK(tta::read_catalog(documents[4]).error() ==
        "line 3, column " + std::to_string(34 + title.size() + 1) +
            ": syntax error: control character in a string; it must be escaped");
  CHECK(tta::read_catalog(documents[5]).error() ==
        "line 3, column " + std::to_string(34 + title.size() + 1) +
            ": syntax error: unexpected end of input; missing closing quote");
}
