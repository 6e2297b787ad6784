// Reads a tiktok-analytics/v1 document as a stream of JSON events (never a DOM
// of the whole document) and checks every rule of the format. An error names
// the place: a JSON path such as tiktok[12].views[40], or line and column for
// a syntax error.
#pragma once

#include <string_view>

#include "catalog.hpp"
#include "result.hpp"

namespace tta {

// Values above this cannot cross into JavaScript exactly, so documents whose
// values or totals pass it are refused.
inline constexpr std::uint64_t kMaxExact = (std::uint64_t{1} << 53) - 1;
// Deepest nesting accepted anywhere (the format itself needs 4 levels).
inline constexpr std::size_t kMaxDepth = 64;

// How the day arrays are read: their plain values in runs (the bulk path of
// json_scanner.hpp), or one JSON event per value, the reference that tests
// compare the runs with. Both give the same catalog or the same error.
enum class DayArrays { runs, events };

Result<Catalog> read_catalog(std::string_view document, DayArrays mode = DayArrays::runs);

}  // namespace tta
