#include "request.hpp"

#include <cmath>  // std::floor

#include <nlohmann/json.hpp>

namespace tta {
namespace {

using Json = nlohmann::json;

Error bad_field(const std::string& field, const std::string& rule) {
  return Error{field + " must be " + rule};
}

Result<std::string> text_field(const Json& request, const char* field, std::string fallback) {
  const auto it = request.find(field);
  if (it == request.end() || it->is_null()) return fallback;
  if (!it->is_string()) return bad_field(field, "a string");
  return it->get<std::string>();
}

// Whole numbers >= 0; null or absent gives the fallback.
Result<std::uint64_t> count_field(const Json& request, const char* field, std::uint64_t fallback) {
  const auto it = request.find(field);
  if (it == request.end() || it->is_null()) return fallback;
  if (it->is_number_unsigned()) return it->get<std::uint64_t>();
  if (it->is_number_float() && it->get<double>() >= 0 &&
      std::floor(it->get<double>()) == it->get<double>())
    return it->get<double>() >= 1.8e19 ? UINT64_MAX : static_cast<std::uint64_t>(it->get<double>());
  return bad_field(field, "a whole number >= 0");
}

Result<bool> flag_field(const Json& request, const char* field, bool fallback) {
  const auto it = request.find(field);
  if (it == request.end() || it->is_null()) return fallback;
  if (!it->is_boolean()) return bad_field(field, "true or false");
  return it->get<bool>();
}

// "platforms": a non-empty array of platform words; 0 when absent or null.
Result<std::uint8_t> platform_set(const Json& request) {
  const auto it = request.find("platforms");
  if (it == request.end() || it->is_null()) return std::uint8_t{0};
  if (!it->is_array() || it->empty())
    return bad_field("platforms", "an array of one or more of " + platform_words({}, {}, "\""));
  std::uint8_t set = 0;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const Json& word = (*it)[i];
    const std::uint8_t bit =
        word.is_string() ? platform_bit(word.get_ref<const std::string&>()) : 0;
    if (bit == 0)
      return Error{"platforms[" + std::to_string(i) + "] must be " + platform_words({}, {}, "\"") +
                   ", got " + cut_text(word.dump(), 40)};
    set = static_cast<std::uint8_t>(set | bit);
  }
  return set;
}

Result<Query> read_query(const Json& request) {
  Query q;
  const bool has_start = request.contains("start") && !request["start"].is_null();
  const bool has_end = request.contains("end") && !request["end"].is_null();
  if (has_start || has_end) {
    if (!has_start || !has_end) return Error{"a date range needs both start and end"};
    const auto start = text_field(request, "start", "");
    const auto end = text_field(request, "end", "");
    if (!start) return Error{start.error()};
    if (!end) return Error{end.error()};
    const auto first = parse_date(start.value()), last = parse_date(end.value());
    if (!first)
      return bad_field("start", "a date YYYY-MM-DD, got \"" + cut_text(start.value(), 20) + "\"");
    if (!last)
      return bad_field("end", "a date YYYY-MM-DD, got \"" + cut_text(end.value(), 20) + "\"");
    q.range = std::pair{*first, *last};
  } else {
    const auto it = request.find("period");
    if (it == request.end() || it->is_null()) return Error{"period is required (or start and end)"};
    if (it->is_number_integer()) {
      // The message quotes the value given: an unsigned value past the range
      // is refused as it is, not clamped first.
      if (it->is_number_unsigned() && it->get<std::uint64_t>() > 3650)
        return Error{"period must be a whole number of days from 1 to 3650, got " +
                     std::to_string(it->get<std::uint64_t>())};
      const auto p = check_period(it->get<long long>());
      if (!p) return Error{p.error()};
      q.period = p.value();
    } else {
      return Error{"period must be a whole number of days from 1 to 3650, got " +
                   cut_text(it->dump(), 40)};
    }
  }
  const auto platform = text_field(request, "platform", "all");
  if (!platform) return Error{platform.error()};
  const auto p = parse_platform(platform.value());
  if (!p) return Error{p.error()};
  q.platforms = p.value();
  const auto set = platform_set(request);
  if (!set) return Error{set.error()};
  if (set.value() != 0) {
    if (request.contains("platform") && !request["platform"].is_null())
      return Error{"give platform or platforms, not both"};
    q.platforms = set.value();
  }
  const auto content = text_field(request, "content", "all");
  if (!content) return Error{content.error()};
  const auto c = parse_content(content.value());
  if (!c) return Error{c.error()};
  q.content = c.value();
  const auto limit = count_field(request, "limit", UINT64_MAX);
  if (!limit) return Error{limit.error()};
  q.limit = static_cast<std::size_t>(std::min<std::uint64_t>(limit.value(), SIZE_MAX));
  const auto offset = count_field(request, "offset", 0);
  if (!offset) return Error{offset.error()};
  q.offset = static_cast<std::size_t>(std::min<std::uint64_t>(offset.value(), SIZE_MAX));
  const auto sort = text_field(request, "sort", "creations");
  if (!sort) return Error{sort.error()};
  const auto s = parse_sort(sort.value());
  if (!s) return Error{s.error()};
  q.sort = s.value();
  const auto descending = flag_field(request, "descending", true);
  if (!descending) return Error{descending.error()};
  q.descending = descending.value();
  const auto search = text_field(request, "search", "");
  if (!search) return Error{search.error()};
  q.search = search.value();
  const auto weekly = flag_field(request, "weekly", false);
  if (!weekly) return Error{weekly.error()};
  q.weekly = weekly.value();
  return q;
}

// A request is flat: values nested deeper are dropped while parsing, so no
// deep tree is ever built (destroying one would recurse).
Result<Json> parse_request(std::string_view text) {
  const auto shallow = [](int depth, Json::parse_event_t, Json&) { return depth <= 2; };
  Json request = Json::parse(text.begin(), text.end(), shallow, false);
  if (request.is_discarded() || !request.is_object())
    return Error{"a request must be a JSON object"};
  return request;
}

}  // namespace

Result<Query> read_request_query(std::string_view text) {
  auto request = parse_request(text);
  if (!request) return Error{request.error()};
  return read_query(request.value());
}

Result<std::string> answer_request(const Analytics& analytics, std::string_view text) {
  auto parsed = parse_request(text);
  if (!parsed) return Error{parsed.error()};
  const Json& request = parsed.value();
  const auto kind = text_field(request, "query", "");
  if (!kind) return Error{kind.error()};
  const auto query = read_query(request);
  if (!query) return Error{query.error()};
  const Query& q = query.value();
  const auto track = text_field(request, "track", "");
  if (!track) return Error{track.error()};
  const std::string& k = kind.value();
  const bool needs_track = k == "track" || k == "lift" || k == "trackCsv";
  if (needs_track && track.value().empty()) return Error{"a " + k + " query needs a track id"};
  if (k == "overview") return analytics.overview_json(q);
  if (k == "track") return analytics.track_json(track.value(), q);
  if (k == "splits") return analytics.splits_json(track.value(), q);
  if (k == "breakouts") {
    const auto min = count_field(request, "minCreations", 50);
    if (!min) return Error{min.error()};
    return analytics.breakouts_json(q, min.value());
  }
  if (k == "lift") return analytics.lift_json(track.value(), q);
  if (k == "liftRanking") return analytics.lift_ranking_json(q);
  if (k == "overviewCsv") return analytics.overview_csv(q);
  if (k == "trackCsv") return analytics.track_csv(track.value(), q);
  return Error{
      "query must be overview, track, splits, breakouts, lift, liftRanking, overviewCsv or "
      "trackCsv, got \"" +
      cut_text(k, 40) + "\""};
}

}  // namespace tta
