// JSON conformance: the structural edge cases of tests/conformance/cases.json
// (in the spirit of JSONTestSuite) run against the document reader. Each case
// is accepted or refused as its table says; a refusal names its place (line
// and column for syntax, a JSON path for a rule) and leaves the data loaded
// before untouched. The policy is written up in docs/INPUT-GUARANTEES.md.
#include "support.hpp"

#include <set>

namespace {

std::string bytes_of(const json& pieces) {
  std::string out;
  for (const json& piece : pieces) {
    if (piece.is_string()) {
      out += piece.get<std::string>();
    } else if (piece.contains("bytes")) {
      std::istringstream hex(piece["bytes"].get<std::string>());
      unsigned value;
      while (hex >> std::hex >> value) out += static_cast<char>(value);
    } else {
      const std::string text = piece.at("repeat").get<std::string>();
      for (int i = 0; i < piece.at("times").get<int>(); ++i) out += text;
    }
  }
  return out;
}

const json& table() {
  static const json t =
      json::parse(read_text(std::string(TTA_TEST_DATA_DIR) + "/../conformance/cases.json"));
  return t;
}

std::string document_of(const json& c) {
  const std::string value = bytes_of(c.at("input"));
  const std::string where = c.at("in").get<std::string>();
  if (where == "document") return value;
  std::string text = table().at("templates").at(where).get<std::string>();
  return text.replace(text.find('@'), 1, value);
}

}  // namespace

TEST_CASE("the conformance table is well formed") {
  std::set<std::string> names;
  for (const json& c : table().at("cases")) {
    INFO(c.dump().substr(0, 200));
    CHECK(names.insert(c.at("name").get<std::string>()).second);
    const std::string cls = c.at("class").get<std::string>(),
                      expect = c.at("expect").get<std::string>();
    CHECK((cls == "y" || cls == "n" || cls == "i"));
    CHECK((expect == "accept" || expect == "refuse"));
    if (cls == "y") CHECK(expect == "accept");
    if (cls == "n") CHECK(expect == "refuse");
    if (cls == "i") CHECK(c.contains("policy"));
    if (expect == "refuse") CHECK((c.contains("at") && c.contains("message")));
  }
  CHECK(names.size() >= 80);
}

TEST_CASE(
    "every JSON edge case of the conformance table is accepted or refused as the policy says") {
  tta::Analytics engine;
  const std::string tiny = read_text(std::string(TTA_TEST_DATA_DIR) + "/examples/tiny.json");
  load_or_throw(engine, tiny);
  const std::string before = engine.overview_json(make_query(7, "all", "all")).value();

  for (const json& c : table().at("cases")) {
    const std::string name = c.at("name").get<std::string>();
    const std::string document = document_of(c);
    INFO("case: " << name << "\ndocument: " << document.substr(0, 300));
    tta::Analytics fresh;
    const auto loaded = fresh.load(document);
    if (c.at("expect") == "accept") {
      INFO((loaded ? std::string() : "refused: " + loaded.error()));
      REQUIRE(loaded.ok());
      if (c.contains("creations")) {
        const json a = answer_or_throw(fresh.overview_json(make_query(9, "all", "all")));
        CHECK(a["creations"]["current"].get<std::uint64_t>() ==
              c["creations"].get<std::uint64_t>());
      }
      if (c.contains("title")) {
        const json a = answer_or_throw(fresh.track_json("A", make_query(7, "all", "all")));
        CHECK(a["track"]["title"] == c["title"]);
      }
      continue;
    }
    REQUIRE_FALSE(loaded.ok());
    const std::string& message = loaded.error();
    INFO("message: " << message);
    CHECK(message.rfind(c.at("at").get<std::string>(), 0) == 0);
    for (const json& part : c.at("message"))
      CHECK(message.find(part.get<std::string>()) != std::string::npos);
    CHECK(message.find('\n') == std::string::npos);
    CHECK_FALSE(fresh.has_data());

    // The same refusal over loaded data changes nothing.
    REQUIRE_FALSE(engine.load(document).ok());
    CHECK(engine.overview_json(make_query(7, "all", "all")).value() == before);
  }
}
