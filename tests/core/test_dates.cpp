// Calendar arithmetic: windows are plain subtraction on day numbers, so the
// conversion must be exact, including leap days and century rules.
#include <catch2/catch.hpp>

#include "dates.hpp"

using tta::format_date;
using tta::parse_date;

TEST_CASE("1970-01-01 is day 0 and known dates have their known day numbers") {
  CHECK(parse_date("1970-01-01") == 0);
  CHECK(parse_date("2000-03-01") == 11017);  // 30 years incl. 7 leap days + Jan+Feb 2000 (31+29)
  CHECK(parse_date("2026-11-26") == 20783);  // `date -d 2026-11-26 +%s` / 86400
  CHECK(parse_date("1900-01-01") == -25567);
}

TEST_CASE("every day from 1900 to 2200 formats back to the text it was parsed from") {
  const int first = *parse_date("1900-01-01"), last = *parse_date("2200-12-31");
  for (int day = first; day <= last; ++day) {
    const auto text = format_date(day);
    REQUIRE(parse_date(text) == day);
  }
}

TEST_CASE("leap days exist only in leap years, with the century rules") {
  CHECK(parse_date("2024-02-29").has_value());
  CHECK(parse_date("2000-02-29").has_value());
  CHECK_FALSE(parse_date("1900-02-29").has_value());
  CHECK_FALSE(parse_date("2026-02-29").has_value());
  CHECK(*parse_date("2024-03-01") - *parse_date("2024-02-28") == 2);
  CHECK(*parse_date("2026-03-01") - *parse_date("2026-02-28") == 1);
}

TEST_CASE("dates that are not strictly YYYY-MM-DD in 1900-9999 are refused") {
  for (const char* bad :
       {"2026-1-05", "2026/01/05", "26-01-05", "2026-13-01", "2026-00-10", "2026-04-31",
        "2026-01-00", "1899-12-31", "2026-01-05T00:00", " 2026-01-05", "２０２６-01-05", ""}) {
    INFO(bad);
    CHECK_FALSE(parse_date(bad).has_value());
  }
}
