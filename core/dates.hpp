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

Day day_from_civil(int year, unsigned month, unsigned day);
// Strict YYYY-MM-DD with a real calendar date in [kFirstYear, kLastYear].
std::optional<Day> parse_date(std::string_view text);
std::string format_date(Day day);

}  // namespace tta
