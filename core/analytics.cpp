#include "analytics.hpp"

#include <new>  // std::bad_alloc

#include "ingest.hpp"
#include "json_writer.hpp"
#include "store.hpp"

namespace tta {
namespace {

void write_window(JsonWriter& w, const Window& window, const Window& previous, long long days) {
  w.key("window").begin_object();
  w.key("start").value(format_date(window.start));
  w.key("end").value(format_date(window.end));
  w.key("days").value(static_cast<std::uint64_t>(days));
  w.end_object();
  w.key("previousWindow").begin_object();
  w.key("start").value(format_date(previous.start));
  w.key("end").value(format_date(previous.end));
  w.end_object();
}

void write_through(JsonWriter& w, const Store& store) {
  w.key("dataThrough").begin_object();
  w.key("tiktok").value(format_date(store.tiktok_through()));
  if (auto s = store.streams_through()) w.key("streams").value(format_date(*s));
  else w.key("streams").null();
  w.end_object();
}

void write_change(JsonWriter& w, std::string_view name, const Change& c) {
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

void write_code(JsonWriter& w, const TerritoryCount& t) {
  w.key("code").value(std::string_view(t.code, 2));
}

Error no_data() { return Error{"no document is loaded"}; }

}  // namespace

Result<PlatformFilter> parse_platform(std::string_view word) {
  if (word == "all") return PlatformFilter::all;
  if (word == "tiktok") return PlatformFilter::tiktok;
  if (word == "douyin") return PlatformFilter::douyin;
  return Error{"platform must be all, tiktok or douyin, got \"" + std::string(word.substr(0, 40)) + "\""};
}

Result<ContentFilter> parse_content(std::string_view word) {
  if (word == "all") return ContentFilter::all;
  if (word == "ugc") return ContentFilter::ugc;
  if (word == "pgc") return ContentFilter::pgc;
  return Error{"content must be all, ugc or pgc, got \"" + std::string(word.substr(0, 40)) + "\""};
}

Result<int> check_period(long long period) {
  if (period < 1 || period > 3650)
    return Error{"period must be a whole number of days from 1 to 3650, got " + std::to_string(period)};
  return static_cast<int>(period);
}

Analytics::Analytics() = default;
Analytics::~Analytics() = default;
Analytics::Analytics(Analytics&&) noexcept = default;
Analytics& Analytics::operator=(Analytics&&) noexcept = default;

bool Analytics::has_data() const { return store_ != nullptr; }
const LoadSummary& Analytics::summary() const { return summary_; }

Result<LoadSummary> Analytics::load(std::string_view document) {
  try {
    Result<Catalog> catalog = read_catalog(document);
    if (!catalog) return Error{catalog.error()};
    LoadSummary summary;
    const Catalog& c = catalog.value();
    summary.tracks = c.tracks.size();
    summary.tiktok_series = c.tiktok.size();
    summary.streams_series = c.streams.size();
    summary.daily_points = c.creations.size() + c.streams_values.size();
    auto cover = [&](Day start, std::size_t length) {
      if (!length) return;
      const Day last = static_cast<Day>(start + static_cast<long long>(length) - 1);
      summary.first_day = std::min(summary.first_day.value_or(start), start);
      summary.last_day = std::max(summary.last_day.value_or(last), last);
    };
    for (const TiktokSeries& s : c.tiktok) cover(s.start, s.length);
    for (const StreamsSeries& s : c.streams) cover(s.start, s.length);

    Result<std::unique_ptr<Store>> store = Store::build(std::move(catalog).value());
    if (!store) return Error{store.error()};
    summary.store_bytes = store.value()->bytes();
    store_ = std::move(store).value();  // only now is the previous data replaced
    summary_ = summary;
    return summary;
  } catch (const std::bad_alloc&) {
    return Error{"the document is too large for the memory available; the data loaded before stays loaded"};
  }
}

std::string Analytics::summary_json() const {
  JsonWriter w;
  w.begin_object();
  w.key("tracks").value(std::uint64_t{summary_.tracks});
  w.key("tiktokSeries").value(std::uint64_t{summary_.tiktok_series});
  w.key("streamsSeries").value(std::uint64_t{summary_.streams_series});
  w.key("dailyPoints").value(std::uint64_t{summary_.daily_points});
  w.key("firstDay");
  if (summary_.first_day) w.value(format_date(*summary_.first_day)); else w.null();
  w.key("lastDay");
  if (summary_.last_day) w.value(format_date(*summary_.last_day)); else w.null();
  w.key("storeBytes").value(std::uint64_t{summary_.store_bytes});
  if (store_) {
    w.key("dataThrough").begin_object();
    w.key("tiktok").value(format_date(store_->tiktok_through()));
    if (auto s = store_->streams_through()) w.key("streams").value(format_date(*s)); else w.key("streams").null();
    w.end_object();
  }
  w.end_object();
  return w.take();
}

Result<std::string> Analytics::overview_json(const Query& q) const {
  if (!store_) return no_data();
  if (auto p = check_period(q.period); !p) return Error{p.error()};
  try {
    const OverviewAnswer a = store_->overview(q);
    const auto& tracks = store_->tracks();
    JsonWriter w;
    w.begin_object();
    write_window(w, a.window, a.previous, q.period);
    write_through(w, *store_);
    write_change(w, "creations", a.creations);
    write_change(w, "views", a.views);
    write_change(w, "streams", a.streams);
    w.key("tracksWithCreations").value(std::uint64_t{a.tracks_with_creations});
    w.key("catalogTracks").value(std::uint64_t{tracks.size()});
    w.key("tracks").begin_array();
    for (const TrackRow& row : a.rows) {
      const TrackInfo& info = tracks[row.track];
      w.begin_object();
      w.key("id").value(info.id);
      w.key("title").value(info.title);
      w.key("artist").value(info.artist);
      w.key("creations").value(row.creations);
      w.key("views").value(row.views);
      w.key("streams").value(row.streams);
      w.key("topTerritories").begin_array();
      for (const TerritoryCount& t : row.top) {
        w.begin_object();
        write_code(w, t);
        w.key("creations").value(t.creations);
        w.end_object();
      }
      w.end_array();
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take();
  } catch (const std::bad_alloc&) {
    return Error{"not enough memory to answer this query"};
  }
}

Result<std::string> Analytics::track_json(std::string_view id, const Query& q) const {
  if (!store_) return no_data();
  if (auto p = check_period(q.period); !p) return Error{p.error()};
  const auto t = store_->find_track(id);
  if (!t) {
    std::size_t cut = std::min<std::size_t>(id.size(), 60);
    // Never cut inside a UTF-8 character: the message must stay valid UTF-8.
    while (cut > 0 && cut < id.size() && (static_cast<unsigned char>(id[cut]) & 0xC0) == 0x80) --cut;
    std::string shown(id.substr(0, cut));
    return Error{"unknown track id \"" + shown + "\""};
  }
  try {
    const TrackAnswer a = store_->track(*t, q);
    const TrackInfo& info = store_->tracks()[*t];
    JsonWriter w;
    w.begin_object();
    w.key("track").begin_object();
    w.key("id").value(info.id);
    w.key("title").value(info.title);
    w.key("artist").value(info.artist);
    w.key("isrc").value(info.isrc);
    w.end_object();
    write_window(w, a.window, a.previous, q.period);
    write_through(w, *store_);
    write_change(w, "creations", a.creations);
    write_change(w, "views", a.views);
    write_change(w, "streams", a.streams);
    w.key("territories").begin_array();
    for (const TerritoryCount& t : a.territories) {
      w.begin_object();
      write_code(w, t);
      w.key("creations").value(t.creations);
      w.key("views").value(t.views);
      w.end_object();
    }
    w.end_array();
    w.key("series").begin_object();
    w.key("dates").begin_array();
    for (long long d = 0; d < q.period; ++d) w.value(format_date(static_cast<Day>(a.window.start + d)));
    w.end_array();
    w.key("creations").begin_array();
    for (std::uint64_t v : a.daily_creations) w.value(v);
    w.end_array();
    w.key("views").begin_array();
    for (std::uint64_t v : a.daily_views) w.value(v);
    w.end_array();
    w.key("streams").begin_array();
    for (const auto& v : a.daily_streams) w.value(v);
    w.end_array();
    w.end_object();
    w.end_object();
    return w.take();
  } catch (const std::bad_alloc&) {
    return Error{"not enough memory to answer this query"};
  }
}

}  // namespace tta
