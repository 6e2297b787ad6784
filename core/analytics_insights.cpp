// JSON for the answers beyond the contract's two pages (docs/INSIGHTS.md
// describes each shape).
#include "analytics.hpp"
#include "answer_json.hpp"
#include "checked_size.hpp"
#include "store.hpp"

namespace tta {
namespace {

using namespace answer_json;

template <std::size_t N>
void write_split(JsonWriter& w, const char* name, const std::array<SplitEntry, N>& entries) {
  std::uint64_t total = 0;
  for (const SplitEntry& e : entries) total += e.creations;
  w.key(name).begin_array();
  for (const SplitEntry& e : entries) {
    w.begin_object();
    w.key("key").value(std::string_view(e.key));
    w.key("creations").value(e.creations);
    w.key("views").value(e.views);
    w.key("share");
    if (total == 0)
      w.null();
    else
      w.value(static_cast<double>(e.creations) / static_cast<double>(total));
    w.end_object();
  }
  w.end_array();
}

void write_history(JsonWriter& w, Window h) {
  w.key("history").begin_object();
  w.key("start").value(format_date(h.start));
  w.key("end").value(format_date(h.end));
  w.key("days").value(static_cast<std::uint64_t>(h.end - h.start + 1));
  w.end_object();
}

void write_lift_fields(JsonWriter& w, const LiftAnswer& a) {
  w.key("bestLag");
  if (a.best_lag)
    w.value(static_cast<std::uint64_t>(*a.best_lag));
  else
    w.null();
  w.key("correlation").value(a.correlation);
  w.key("streamsPerCreation").value(a.streams_per_creation);
  w.key("streamsPerCreationInterval");
  if (a.interval) {
    w.begin_object();
    w.key("low").value(a.interval->first);
    w.key("high").value(a.interval->second);
    w.end_object();
  } else {
    w.null();
  }
  w.key("reason");
  if (a.reason)
    w.value(std::string_view(a.reason));
  else
    w.null();
}

}  // namespace

Result<std::string> Analytics::splits_json(std::string_view id, const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  std::optional<std::uint32_t> track;
  if (!id.empty()) {
    const Result<std::uint32_t> found = find_track(id);
    if (!found) return Error{found.error()};
    track = found.value();
  }
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
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
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    const std::vector<BreakoutRow> rows = store_->breakouts(q, min_creations);
    const Windows windows = store_->windows_of(q);
    JsonWriter w;
    w.begin_object();
    write_window(w, windows.current, windows.previous);
    write_through(w, *store_);
    w.key("minCreations").value(min_creations);
    w.key("breakouts").value(std::uint64_t{rows.size()});
    w.key("tracks").begin_array();
    const auto [begin, end] = page_of(q, rows.size());
    for (std::size_t i = begin; i < end; ++i) {
      const BreakoutRow& row = rows[i];
      w.begin_object();
      write_track_info(w, store_->tracks()[row.track], false);
      w.key("creations").value(row.creations);
      w.key("previousCreations").value(row.previous);
      w.key("growth");
      if (row.previous == 0)
        w.null();
      else
        w.value((static_cast<double>(row.creations) - static_cast<double>(row.previous)) /
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
  const Result<std::uint32_t> track = find_track(id);
  if (!track) return Error{track.error()};
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    const LiftAnswer a = store_->lift(track.value(), q);
    const Windows windows = store_->windows_of(q);
    JsonWriter w;
    w.begin_object();
    w.key("track").begin_object();
    write_track_info(w, store_->tracks()[track.value()], true);
    w.end_object();
    write_window(w, windows.current, windows.previous);
    write_through(w, *store_);
    write_history(w, a.history);
    w.key("historyCreations").value(a.history_creations);
    w.key("historyCreationDays").value(static_cast<std::uint64_t>(a.history_creation_days));
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
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    const Result<std::vector<LiftAnswer>> result = store_->lift_ranking(q);
    if (!result) return Error{result.error()};
    const std::vector<LiftAnswer>& ranked = result.value();
    const Windows windows = store_->windows_of(q);
    JsonWriter w;
    w.begin_object();
    write_window(w, windows.current, windows.previous);
    write_history(w, store_->lift_history(q));
    w.key("claims").value(std::uint64_t{ranked.size()});
    w.key("tracks").begin_array();
    const auto [begin, end] = page_of(q, ranked.size());
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

}  // namespace tta
