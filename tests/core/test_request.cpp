// core/request.hpp: the one JSON request shared by the CLI and the module.
#include <catch2/catch.hpp>

#include "dates.hpp"
#include "request.hpp"

using namespace tta;

TEST_CASE("read_request_query maps every field of a request onto the Query") {
  const auto q = read_request_query(
      R"({"query":"overview","period":7,"platform":"douyin","content":"ugc","limit":5,"offset":2,)"
      R"("sort":"title","descending":false,"search":"abc","weekly":true})");
  REQUIRE(q);
  CHECK(q.value().period == 7);
  CHECK(q.value().platforms == kPlatformDouyin);
  CHECK(q.value().content == ContentFilter::ugc);
  CHECK(q.value().limit == 5);
  CHECK(q.value().offset == 2);
  CHECK(q.value().sort == SortKey::title);
  CHECK_FALSE(q.value().descending);
  CHECK(q.value().search == "abc");
  CHECK(q.value().weekly);
}

TEST_CASE("absent and null fields take the defaults") {
  const auto q = read_request_query(R"({"period":90,"platform":null,"limit":null})");
  REQUIRE(q);
  CHECK(q.value().period == 90);
  CHECK(q.value().platforms == kAllPlatforms);
  CHECK(q.value().limit == SIZE_MAX);
  CHECK(q.value().offset == 0);
}

TEST_CASE("a date range replaces the period, and needs both ends") {
  const auto q = read_request_query(R"({"start":"2026-10-01","end":"2026-10-31"})");
  REQUIRE(q);
  REQUIRE(q.value().range);
  // 2026-10-01 is day 20,727 since 1970-01-01: 56 years of 365 days, 14 leap
  // days (1972..2024) and 273 days from January to September 2026.
  CHECK(q.value().range->first == 56 * 365 + 14 + 273);
  CHECK(q.value().range->second == q.value().range->first + 30);
  CHECK(read_request_query(R"({"start":"2026-10-01"})").error() ==
        "a date range needs both start and end");
  CHECK(read_request_query(R"({"start":"2026-10-01","end":"31/10/2026"})").error() ==
        "end must be a date YYYY-MM-DD, got \"31/10/2026\"");
}

TEST_CASE("a request that is not an object, or misses its period, is refused by name") {
  CHECK(read_request_query("[1,2]").error() == "a request must be a JSON object");
  CHECK(read_request_query("{").error() == "a request must be a JSON object");
  CHECK(read_request_query("{}").error() == "period is required (or start and end)");
  CHECK(read_request_query(R"({"period":7,"limit":-1})").error() ==
        "limit must be a whole number >= 0");
  CHECK(read_request_query(R"({"period":7,"weekly":"yes"})").error() ==
        "weekly must be true or false");
  CHECK(read_request_query(R"({"period":7,"search":5})").error() == "search must be a string");
}

TEST_CASE("answer_request names an unknown query and a missing track id") {
  const Analytics analytics;
  CHECK(answer_request(analytics, R"({"query":"chart","period":7})").error() ==
        "query must be overview, track, splits, breakouts, lift, liftRanking, overviewCsv or "
        "trackCsv, got \"chart\"");
  CHECK(answer_request(analytics, R"({"query":"lift","period":7})").error() ==
        "a lift query needs a track id");
}

TEST_CASE("platforms takes a set of platform words, refused with its place when wrong") {
  const auto set = read_request_query(R"({"period":7,"platforms":["tiktok","youtube_shorts"]})");
  REQUIRE(set);
  CHECK(set.value().platforms == (kPlatformTiktok | kPlatformShorts));
  const auto one = read_request_query(R"({"period":7,"platforms":["instagram_reels"]})");
  REQUIRE(one);
  CHECK(one.value().platforms == kPlatformReels);
  // Even all four named platforms leave out the series without a platform.
  const auto four = read_request_query(
      R"({"period":7,"platforms":["tiktok","douyin","youtube_shorts","instagram_reels"]})");
  REQUIRE(four);
  CHECK(four.value().platforms == (kAllPlatforms & ~kPlatformUnknown));
  CHECK(read_request_query(R"({"period":7,"platforms":null})").value().platforms == kAllPlatforms);

  const std::string words = "\"tiktok\", \"douyin\", \"youtube_shorts\" or \"instagram_reels\"";
  CHECK(read_request_query(R"({"period":7,"platforms":["tiktok","reels"]})").error() ==
        "platforms[1] must be " + words + ", got \"reels\"");
  CHECK(read_request_query(R"({"period":7,"platforms":[3]})").error() ==
        "platforms[0] must be " + words + ", got 3");
  CHECK(read_request_query(R"({"period":7,"platforms":[]})").error() ==
        "platforms must be an array of one or more of " + words);
  CHECK(read_request_query(R"({"period":7,"platforms":"tiktok"})").error() ==
        "platforms must be an array of one or more of " + words);
  CHECK(read_request_query(R"({"period":7,"platform":"tiktok","platforms":["douyin"]})").error() ==
        "give platform or platforms, not both");
}
