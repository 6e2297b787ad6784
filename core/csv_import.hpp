// The second input format: long rows in CSV, one row per day.
//   tiktok:  date,track,territory,platform,content,creations,views
//   streams: date,track,streams
// Rows are grouped into the series of the JSON format (docs/FORMAT.md); a day
// with no row, or an empty count, is a day with no data. Errors name the file,
// the line and the field.
#pragma once

#include <optional>
#include <string_view>

#include "catalog.hpp"
#include "result.hpp"

namespace tta {

Result<Catalog> read_csv_catalog(std::string_view tiktok_csv, std::string_view streams_csv,
                                 std::optional<Day> as_of);

}  // namespace tta
