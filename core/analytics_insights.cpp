// JSON and CSV for the answers beyond the contract's two pages
// (docs/INSIGHTS.md describes each shape).
#include <new>  // std::bad_alloc
#include <stdexcept>  // std::length_error

#include "analytics.hpp"
#include "answer_json.hpp"
#include "checked_size.hpp"
#include "store.hpp"

namespace tta {
namespace {

using namespace answer_json;

void write_split(JsonWriter& w, const char* name, const std::array<SplitEntry, 3>& entries) {
  std::uint64_t total = 0;
  for (const SplitEntry& e : entries) total += e.creations;
  w.key(name).begin_array();
  for (const SplitEntry& e : entries) {
    w.begin_object();
    w.key("key").value(std::string_view(e.key));
    w.key("creations").value(e.creations);
    w.key("views").value(e.views);
    w.key("share");
    if (total == 0) w.null();
    else w.value(static_cast<double>(e.creations) / static_cast<double>(total));
    w.end_object();
  }
  w.end_array();
}

void write_lift_fields(JsonWriter& w, const LiftAnswer& a) {
  w.key("bestLag");
  if (a.best_lag) w.value(static_cast<std::uint64_t>(*a.best_lag)); else w.null();
  w.key("correlation").value(a.correlation);
  w.key("streamsPerCreation").value(a.streams_per_creation);
}

// RFC 4180 cells, safe to open in a spreadsheet: text that a spreadsheet
// would run as a formula gets a leading apostrophe.
std::string csv_text(std::string_view text) {
  std::string cell;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    cell += '\'';
  cell.append(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_text(const std::optional<std::string>& text) {
  return text ? csv_text(std::string_view(*text)) : std::string();
}

template <typename F>
Result<std::string> guarded(F&& answer) {
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    return answer();
  });
}

}  // namespace

Result<std::string> Analytics::splits_json(std::string_view id, const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  std::optional<std::uint32_t> track;
  if (!id.empty()) {
    track = store_->find_track(id);
    if (!track) return Error{"unknown track id \"" + cut_text(id, 60) + "\""};
  }
  return guarded([&]() -> Result<std::string> {
    const SplitsAnswer a = store_->splits(q, track);
    JsonWriter w;
    w.begin_object();
    write_window(w, a.windows.current, a.windows.previous);
    write_through(w, *store_);
    write_split(w, "platform", a.platform);
    write_split(w, "content", a.content);
    w.end_object();
    return w.take();
  });
}

Result<std::string> Analytics::breakouts_json(const Query& q, std::uint64_t min_creations) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  return guarded([&]() -> Result<std::string> {
    const std::vector<BreakoutRow> rows = store_->breakouts(q, min_creations);
    const Windows windows = store_->windows_of(q);
    JsonWriter w;
    w.begin_object();
    write_window(w, windows.current, windows.previous);
    write_through(w, *store_);
    w.key("minCreations").value(min_creations);
    w.key("breakouts").value(std::uint64_t{rows.size()});
    w.key("tracks").begin_array();
    const std::size_t begin = std::min(q.offset, rows.size());
    const std::size_t end = begin + std::min(q.limit, rows.size() - begin);
    for (std::size_t i = begin; i < end; ++i) {
      const BreakoutRow& row = rows[i];
      w.begin_object();
      write_track_info(w, store_->tracks()[row.track], false);
      w.key("creations").value(row.creations);
      w.key("previousCreations").value(row.previous);
      w.key("growth");
      if (row.previous == 0) w.null();
      else w.value((static_cast<double>(row.creations) - static_cast<double>(row.previous)) /
                   static_cast<double>(row.previous));
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take();
  });
}

Result<std::string> Analytics::lift_json(std::string_view id, const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  const auto track = store_->find_track(id);
  if (!track) return Error{"unknown track id \"" + cut_text(id, 60) + "\""};
  return guarded([&]() -> Result<std::string> {
    const LiftAnswer a = store_->lift(*track, q);
    const Windows windows = store_->windows_of(q);
    JsonWriter w;
    w.begin_object();
    w.key("track").begin_object();
    write_track_info(w, store_->tracks()[*track], true);
    w.end_object();
    write_window(w, windows.current, windows.previous);
    write_through(w, *store_);
    w.key("lags").begin_array();
    for (const LagCorrelation& lag : a.lags) {
      w.begin_object();
      w.key("lag").value(static_cast<std::uint64_t>(lag.lag));
      w.key("pairs").value(std::uint64_t{lag.pairs});
      w.key("correlation").value(lag.correlation);
      w.end_object();
    }
    w.end_array();
    write_lift_fields(w, a);
    w.end_object();
    return w.take();
  });
}

Result<std::string> Analytics::lift_ranking_json(const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  return guarded([&]() -> Result<std::string> {
    const Result<std::vector<LiftAnswer>> result = store_->lift_ranking(q);
    if (!result) return Error{result.error()};
    const std::vector<LiftAnswer>& ranked = result.value();
    const Windows windows = store_->windows_of(q);
    JsonWriter w;
    w.begin_object();
    write_window(w, windows.current, windows.previous);
    w.key("tracks").begin_array();
    const std::size_t begin = std::min(q.offset, ranked.size());
    const std::size_t end = begin + std::min(q.limit, ranked.size() - begin);
    for (std::size_t i = begin; i < end; ++i) {
      w.begin_object();
      write_track_info(w, store_->tracks()[ranked[i].track], false);
      w.key("creations").value(ranked[i].creations);
      write_lift_fields(w, ranked[i]);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take();
  });
}

Result<std::string> Analytics::overview_csv(const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  return guarded([&]() -> Result<std::string> {
    const OverviewAnswer a = store_->overview(q);
    std::string out = "rank,id,title,artist,creations,views,streams,top_territories\r\n";
    std::size_t rank = q.offset;
    for (const TrackRow& row : a.rows) {
      const TrackInfo& info = store_->tracks()[row.track];
      std::string codes;
      for (const TerritoryCount& t : row.top) {
        if (!codes.empty()) codes += ' ';
        codes.append(t.code, 2);
      }
      out += std::to_string(++rank) + ',' + csv_text(std::string_view(info.id)) + ',' + csv_text(info.title) + ',' +
             csv_text(info.artist) + ',' + std::to_string(row.creations) + ',' + std::to_string(row.views) + ',' +
             std::to_string(row.streams) + ',' + codes + "\r\n";
    }
    return out;
  });
}

Result<std::string> Analytics::track_csv(std::string_view id, const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  const auto track = store_->find_track(id);
  if (!track) return Error{"unknown track id \"" + cut_text(id, 60) + "\""};
  return guarded([&]() -> Result<std::string> {
    const TrackAnswer a = store_->track(*track, q);
    std::string out = "date,creations,views,streams\r\n";
    for (std::size_t d = 0; d < a.daily_creations.size(); ++d) {
      out += format_date(static_cast<Day>(a.window.start + static_cast<Day>(d))) + ',' +
             std::to_string(a.daily_creations[d]) + ',' + std::to_string(a.daily_views[d]) + ',' +
             (a.daily_streams[d] ? std::to_string(*a.daily_streams[d]) : std::string()) + "\r\n";
    }
    return out;
  });
}

}  // namespace tta
