// The queries both document harnesses ask of whatever they loaded (fuzz_load
// for JSON, fuzz_csv for CSV), through the request entry the CLI and the
// module share, with the promises each answer must keep.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fuzz_common.hpp"
#include "request.hpp"

namespace tta_fuzz {

struct Ask {
  json request;
  enum { anything, overview, track } promise;  // which invariants a success must keep
  bool must_answer;                            // a refusal breaks a promise
  tta::Query query;                            // period, limit, offset of an overview/track promise
};

inline tta::Query query_of(int period, std::size_t limit = SIZE_MAX, std::size_t offset = 0) {
  tta::Query q;
  q.period = period, q.limit = limit, q.offset = offset;
  return q;
}

// The ids a document lists (it was accepted, so it parses), first few only.
inline std::vector<std::string> ids_of(std::string_view document) {
  std::vector<std::string> ids;
  try {
    const json doc = json::parse(document);
    for (const json& t : doc.at("tracks")) {
      ids.push_back(t.at("id").get<std::string>());
      if (ids.size() == 3) break;
    }
  } catch (const std::exception& e) {
    broken("an accepted document does not parse as JSON", e.what());
  }
  return ids;
}

inline std::vector<Ask> questions(const std::vector<std::string>& ids,
                                  const std::string& last_day) {
  std::vector<Ask> asks;
  auto overview = [&](json r, int period, std::size_t limit = SIZE_MAX, std::size_t offset = 0) {
    r["query"] = "overview";
    r["period"] = period;
    if (limit != SIZE_MAX) r["limit"] = limit;
    if (offset) r["offset"] = offset;
    asks.push_back({r, Ask::overview, true, query_of(period, limit, offset)});
  };
  overview(json::object(), 1);
  overview(json::object(), 7);
  overview({{"platform", "tiktok"}, {"content", "ugc"}}, 28);
  overview({{"platform", "douyin"}}, 90);
  overview({{"content", "pgc"}}, 365);
  overview(json::object(), 3650);
  overview(json::object(), 28, 1);
  overview(json::object(), 28, 2, 1);
  overview(json::object(), 28, 0, 0);
  overview(json::object(), 28, SIZE_MAX - 1, SIZE_MAX - 1);
  overview(json::object(), 28, SIZE_MAX - 1, 3);
  for (const char* sort : {"views", "streams", "title", "artist"})
    asks.push_back({{{"query", "overview"},
                     {"period", 28},
                     {"sort", sort},
                     {"descending", false},
                     {"limit", 5}},
                    Ask::anything,
                    true,
                    {}});
  for (const char* search : {"a", "T1", "\xc3\x89t\xc3\xa9", "zz-nothing"})
    asks.push_back(
        {{{"query", "overview"}, {"period", 365}, {"search", search}}, Ask::anything, true, {}});

  // Date ranges around the last complete day E, valid or not.
  const auto e = tta::parse_date(last_day);
  if (e) {
    for (auto [from, to] :
         {std::pair{-9, 0}, {-3649, 0}, {0, 0}, {-3650, 0}, {1, 1}, {0, -1}, {-5000, -4000}}) {
      // Requests write dates as YYYY-MM-DD in 1900..9999; E may be outside.
      const bool writable = *e + from >= tta::day_from_civil(1900, 1, 1) &&
                            *e + to <= tta::day_from_civil(9999, 12, 31);
      const bool valid = from >= -3649 && to <= 0 && from <= to && writable;
      json r = {{"query", "overview"},
                {"start", tta::format_date(*e + from)},
                {"end", tta::format_date(*e + to)}};
      asks.push_back({r, Ask::anything, valid, {}});
      if (!ids.empty()) {
        r["query"] = "track", r["track"] = ids[0];
        asks.push_back({r, Ask::anything, valid, {}});
      }
    }
  }

  for (const std::string& id : ids) {
    for (int period : {1, 7, 90}) {
      tta::Query q = query_of(period);
      asks.push_back(
          {{{"query", "track"}, {"track", id}, {"period", period}}, Ask::track, true, q});
    }
    asks.push_back({{{"query", "track"}, {"track", id}, {"period", 365}, {"weekly", true}},
                    Ask::anything,
                    true,
                    {}});
    asks.push_back({{{"query", "splits"}, {"track", id}, {"period", 28}}, Ask::anything, true, {}});
    asks.push_back({{{"query", "lift"}, {"track", id}, {"period", 90}}, Ask::anything, true, {}});
    asks.push_back(
        {{{"query", "trackCsv"}, {"track", id}, {"period", 28}}, Ask::anything, true, {}});
  }
  if (!ids.empty())
    asks.push_back({{{"query", "track"}, {"track", ids[0]}, {"period", 3650}},
                    Ask::track,
                    true,
                    query_of(3650)});
  asks.push_back({{{"query", "splits"}, {"period", 7}}, Ask::anything, true, {}});
  asks.push_back(
      {{{"query", "breakouts"}, {"period", 7}, {"minCreations", 0}}, Ask::anything, true, {}});
  asks.push_back({{{"query", "breakouts"}, {"period", 28}}, Ask::anything, true, {}});
  asks.push_back(
      {{{"query", "liftRanking"}, {"period", 90}, {"limit", 3}}, Ask::anything, true, {}});
  asks.push_back({{{"query", "overviewCsv"}, {"period", 28}}, Ask::anything, true, {}});

  // Unknown ids, one of them long and cut by the message inside a character.
  std::string long_id = ids.empty() ? std::string("x") : ids[0];
  for (int i = 0; i < 40; ++i) long_id += "\xc3\xa9";
  for (const std::string& id : {std::string("\x01unknown"), long_id})
    for (const char* kind : {"track", "splits", "lift", "trackCsv"})
      asks.push_back({{{"query", kind}, {"track", id}, {"period", 7}}, Ask::anything, false, {}});
  return asks;
}

// Ids of tracks with creations over the longest period, for catalogs read
// from CSV (where no document lists them).
inline std::vector<std::string> ranked_ids(const tta::Analytics& engine) {
  std::vector<std::string> ids;
  const json a = parse_answer(
      tta::answer_request(engine, R"({"query": "overview", "period": 3650, "limit": 3})"),
      "overview refused a valid query");
  for (const json& row : a.at("tracks")) ids.push_back(row.at("id").get<std::string>());
  return ids;
}

inline bool is_csv(const json& request) {
  const std::string kind = request.at("query");
  return kind == "overviewCsv" || kind == "trackCsv";
}

// Every answer (or refusal), as the exact bytes returned.
inline std::vector<std::string> answers(const tta::Analytics& engine,
                                        const std::vector<std::string>& ids) {
  std::vector<std::string> out = {engine.summary_json()};
  const auto first = tta::answer_request(engine, R"({"query": "overview", "period": 7})");
  const json frame = parse_answer(first, "overview refused a valid query");
  for (const Ask& ask : questions(ids, frame.at("window").at("end").get<std::string>())) {
    const std::string text = ask.request.dump();
    const auto answer = tta::answer_request(engine, text);
    if (!answer) {
      TTA_FUZZ_REQUIRE(!ask.must_answer, "a valid request was refused",
                       text + "\n" + answer.error());
      check_message(answer.error());
      out.push_back(answer.error());
      continue;
    }
    TTA_FUZZ_REQUIRE(is_utf8(answer.value()), "an answer is not valid UTF-8", text);
    if (!is_csv(ask.request)) {
      const json a = parse_answer(answer, "unreachable");
      if (ask.promise == Ask::overview) check_overview(a, ask.query);
      if (ask.promise == Ask::track) check_track(a, ask.query);
    }
    out.push_back(answer.value());
  }
  return out;
}

// A few answers as exact bytes: cheap enough to take after every refusal.
inline std::vector<std::string> snapshot(const tta::Analytics& engine,
                                         const std::vector<std::string>& ids) {
  std::vector<std::string> out = {engine.summary_json()};
  for (const char* r :
       {R"({"query": "overview", "period": 7})",
        R"({"query": "overview", "period": 90, "platform": "tiktok", "limit": 2, "offset": 1})"})
    out.push_back(tta::answer_request(engine, r).value());
  if (!ids.empty())
    out.push_back(
        tta::answer_request(engine,
                            json{{"query", "track"}, {"track", ids.back()}, {"period", 28}}.dump())
            .value());
  return out;
}

}  // namespace tta_fuzz
