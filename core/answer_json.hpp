// Pieces shared by every JSON answer (windows, data freshness, changes).
// Internal to core/: only analytics*.cpp include it.
#pragma once

#include "json_writer.hpp"
#include "store.hpp"

namespace tta {
namespace answer_json {

inline void write_window(JsonWriter& w, const Window& window, const Window& previous) {
  w.key("window").begin_object();
  w.key("start").value(format_date(window.start));
  w.key("end").value(format_date(window.end));
  w.key("days").value(static_cast<std::uint64_t>(window.end - window.start + 1));
  w.end_object();
  w.key("previousWindow").begin_object();
  w.key("start").value(format_date(previous.start));
  w.key("end").value(format_date(previous.end));
  w.end_object();
}

inline void write_through(JsonWriter& w, const Store& store) {
  w.key("dataThrough").begin_object();
  w.key("tiktok").value(format_date(store.tiktok_through()));
  if (auto s = store.streams_through())
    w.key("streams").value(format_date(*s));
  else
    w.key("streams").null();
  w.end_object();
}

inline void write_change(JsonWriter& w, std::string_view name, const Change& c) {
  w.key(name).begin_object();
  w.key("current").value(c.current);
  w.key("previous").value(c.previous);
  if (c.previous == 0) {
    w.key("change").null();
  } else {
    const double cur = static_cast<double>(c.current), prev = static_cast<double>(c.previous);
    w.key("change").value((cur - prev) / prev);
  }
  w.end_object();
}

inline void write_code(JsonWriter& w, const TerritoryCount& t) {
  w.key("code").value(std::string_view(t.code, 2));
}

// Window, freshness and the three changes: the head of overview and track.
template <typename Answer>
void write_totals(JsonWriter& w, const Answer& a, const Store& store) {
  write_window(w, a.window, a.previous);
  write_through(w, store);
  write_change(w, "creations", a.creations);
  write_change(w, "views", a.views);
  write_change(w, "streams", a.streams);
}

inline void write_track_info(JsonWriter& w, const TrackInfo& info, bool with_isrc) {
  w.key("id").value(info.id);
  w.key("title").value(info.title);
  w.key("artist").value(info.artist);
  if (with_isrc) w.key("isrc").value(info.isrc);
}

}  // namespace answer_json
}  // namespace tta
