// One entry for every query, given as a small JSON object, so that the CLI
// and the WebAssembly module share the parsing, the checks and the messages:
//   {"query": "overview", "period": 28, "platform": "all", "content": "all",
//    "limit": 50, "offset": 0, "sort": "creations", "descending": true, "search": ""}
//   {"query": "track", "track": "T1", "start": "2026-10-01", "end": "2026-10-31", "weekly": true}
// Queries: overview, track, splits, breakouts, lift, liftRanking, overviewCsv, trackCsv.
// docs/INSIGHTS.md lists every field.
#pragma once

#include <string>
#include <string_view>

#include "analytics.hpp"

namespace tta {

Result<std::string> answer_request(const Analytics& analytics, std::string_view request);

// The query options of a request (its "query" field is not looked at), with
// the same checks and messages: for callers that answer in another form
// (bindings/ answers overview requests with Analytics::overview_packed).
Result<Query> read_request_query(std::string_view request);

}  // namespace tta
