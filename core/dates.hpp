// Calendar days as integers (days since 1970-01-01), so that windows are plain
// subtraction. Only the proleptic Gregorian calendar and YYYY-MM-DD are used.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tta {

using Day = int;  // days since 1970-01-01

// Accepted years in documents; windows may reach up to 20 years before.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 9999;

struct CivilDate {
  int year;
  unsigned month;  // 1..12
  unsigned day;    // 1..31
};

Day day_from_civil(int year, unsigned month, unsigned day);
CivilDate civil_from_day(Day day);
// 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday).
inline int weekday(Day day) { return ((day % 7) + 7 + 3) % 7; }
// Strict YYYY-MM-DD with a real calendar date in [kFirstYear, kLastYear].
std::optional<Day> parse_date(std::string_view text);
std::string format_date(Day day);

}  // namespace tta
