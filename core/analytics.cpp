#include "analytics.hpp"

#include <algorithm>  // std::reverse
#include <new>        // std::bad_alloc
#include <stdexcept>  // std::length_error

#include "answer_json.hpp"
#include "checked_size.hpp"
#include "csv_import.hpp"
#include "ingest.hpp"
#include "store.hpp"

namespace tta {

// What a load that runs out of memory says (refuse_out_of_memory).
constexpr const char* kDocumentOutOfMemory =
    "the document is too large for the memory available; the data loaded before stays loaded";
constexpr const char* kCsvOutOfMemory =
    "the CSV files are too large for the memory available; the data loaded before stays loaded";

namespace {
using namespace answer_json;

Error no_data() { return Error{"no document is loaded"}; }

// Daily values, or 7-day buckets aligned so the last one ends on the window's
// last day (the first bucket is shorter when the window is not whole weeks).
// A bucket's streams add the days up to S; null when it has none.
void write_series(JsonWriter& w, const TrackAnswer& a, bool weekly) {
  const std::size_t days = a.daily_creations.size();
  const std::size_t width = weekly ? 7 : 1;
  std::vector<std::pair<std::size_t, std::size_t>> buckets;  // [begin, end) day indexes
  for (std::size_t end = days; end > 0;) {
    const std::size_t begin = end >= width ? end - width : 0;
    buckets.emplace_back(begin, end);
    end = begin;
  }
  std::reverse(buckets.begin(), buckets.end());
  w.key("series").begin_object();
  w.key("dates").begin_array();
  for (auto [b, e] : buckets)
    w.value(format_date(static_cast<Day>(a.window.start + static_cast<Day>(b))));
  w.end_array();
  if (weekly) {
    w.key("days").begin_array();
    for (auto [b, e] : buckets) w.value(std::uint64_t{e - b});
    w.end_array();
  }
  auto sums = [&](const char* name, const std::vector<std::uint64_t>& daily) {
    w.key(name).begin_array();
    for (auto [b, e] : buckets) {
      std::uint64_t sum = 0;
      for (std::size_t i = b; i < e; ++i) sum += daily[i];
      w.value(sum);
    }
    w.end_array();
  };
  sums("creations", a.daily_creations);
  sums("views", a.daily_views);
  w.key("streams").begin_array();
  for (auto [b, e] : buckets) {
    std::optional<std::uint64_t> sum;
    for (std::size_t i = b; i < e; ++i)
      if (a.daily_streams[i]) sum = sum.value_or(0) + *a.daily_streams[i];
    w.value(sum);
  }
  w.end_array();
  w.end_object();
}

}  // namespace

Analytics::Analytics() = default;
Analytics::~Analytics() = default;
Analytics::Analytics(Analytics&&) noexcept = default;
Analytics& Analytics::operator=(Analytics&&) noexcept = default;

bool Analytics::has_data() const { return store_ != nullptr; }
const LoadSummary& Analytics::summary() const { return summary_; }

struct DocumentStream::Impl {
  explicit Impl(std::size_t batch_points) : stream(parts, batch_points) {}
  StoreBuilder parts;  // before `stream`, which hands it the batches
  CatalogStream stream;
};

DocumentStream::DocumentStream(std::size_t batch_points)
    : impl_(std::make_unique<Impl>(batch_points)) {}
DocumentStream::DocumentStream() : DocumentStream(kBatchPoints) {}
DocumentStream::~DocumentStream() = default;

std::optional<Error> DocumentStream::feed(std::string_view piece, bool last) {
  if (!impl_) return Error{"the document was already loaded"};
  std::optional<Error> error = impl_->stream.feed(piece, last);
  if (error) impl_->parts = StoreBuilder();  // the sums built so far go at once
  return error;
}

Result<LoadSummary> Analytics::load(std::string_view document) {
  return refuse_out_of_memory(kDocumentOutOfMemory, [&]() -> Result<LoadSummary> {
    // One piece: the same catalog or message as read_catalog, with the sums
    // built batch by batch as the document is read.
    DocumentStream stream;
    if (const std::optional<Error> error = stream.feed(document, true)) return *error;
    return load(stream);
  });
}

Result<LoadSummary> Analytics::load(Result<Catalog> catalog) {
  return refuse_out_of_memory(kDocumentOutOfMemory, [&]() -> Result<LoadSummary> {
    return install(std::move(catalog), StoreBuilder());
  });
}

Result<LoadSummary> Analytics::load(DocumentStream& stream) {
  return refuse_out_of_memory(kDocumentOutOfMemory, [&]() -> Result<LoadSummary> {
    if (!stream.impl_) return Error{"the document was already loaded"};
    const std::unique_ptr<DocumentStream::Impl> impl = std::move(stream.impl_);
    Result<Catalog> catalog = impl->stream.finish();
    return install(std::move(catalog), std::move(impl->parts));
  });
}

Result<LoadSummary> Analytics::load_csv(std::string_view tiktok_csv, std::string_view streams_csv,
                                        std::optional<Day> as_of) {
  return refuse_out_of_memory(kCsvOutOfMemory, [&]() -> Result<LoadSummary> {
    return install(read_csv_catalog(tiktok_csv, streams_csv, as_of), StoreBuilder());
  });
}

Result<LoadSummary> Analytics::install(Result<Catalog> catalog, StoreBuilder parts) {
  if (!catalog) return Error{catalog.error()};
  LoadSummary summary;
  const Catalog& c = catalog.value();
  summary.tracks = c.tracks.size();
  summary.tiktok_series = c.tiktok.size();
  summary.streams_series = c.streams.size();
  // Day values already summed are gone from the catalog: count them by series.
  auto cover = [&](Day start, std::size_t length) {
    summary.daily_points = checked_add(summary.daily_points, length);
    if (!length) return;
    const Day last = static_cast<Day>(start + static_cast<long long>(length) - 1);
    summary.first_day = std::min(summary.first_day.value_or(start), start);
    summary.last_day = std::max(summary.last_day.value_or(last), last);
  };
  for (const TiktokSeries& s : c.tiktok) cover(s.start, s.length);
  for (const StreamsSeries& s : c.streams) cover(s.start, s.length);

  Result<std::unique_ptr<Store>> store = Store::build(std::move(catalog).value(), std::move(parts));
  if (!store) return Error{store.error()};
  summary.store_bytes = store.value()->bytes();
  std::vector<std::string> members;
  members.reserve(store.value()->tracks().size());
  for (const TrackInfo& info : store.value()->tracks()) {
    JsonWriter w;
    answer_json::write_track_info(w, info, false);
    members.push_back(w.take());
  }
  store_ = std::move(store).value();  // only now is the previous data replaced
  summary_ = summary;
  track_members_ = std::move(members);
  return summary;
}

std::string Analytics::summary_json() const {
  JsonWriter w;
  w.begin_object();
  w.key("tracks").value(std::uint64_t{summary_.tracks});
  w.key("tiktokSeries").value(std::uint64_t{summary_.tiktok_series});
  w.key("streamsSeries").value(std::uint64_t{summary_.streams_series});
  w.key("dailyPoints").value(std::uint64_t{summary_.daily_points});
  w.key("firstDay");
  if (summary_.first_day)
    w.value(format_date(*summary_.first_day));
  else
    w.null();
  w.key("lastDay");
  if (summary_.last_day)
    w.value(format_date(*summary_.last_day));
  else
    w.null();
  w.key("storeBytes").value(std::uint64_t{summary_.store_bytes});
  if (store_) {
    w.key("dataThrough").begin_object();
    w.key("tiktok").value(format_date(store_->tiktok_through()));
    if (auto s = store_->streams_through())
      w.key("streams").value(format_date(*s));
    else
      w.key("streams").null();
    w.end_object();
  }
  w.end_object();
  return w.take();
}

Result<std::uint32_t> Analytics::find_track(std::string_view id) const {
  if (const auto track = store_->find_track(id)) return *track;
  return Error{"unknown track id \"" + cut_text(id, 60) + "\""};
}

Result<bool> Analytics::check(const Query& q) const {
  if (!store_) return no_data();
  if (q.search.size() > kMaxSearchBytes)
    return Error{"search must be at most " + std::to_string(kMaxSearchBytes) +
                 " bytes of UTF-8, got " + std::to_string(q.search.size())};
  if (!q.range) {
    if (auto p = check_period(q.period); !p) return Error{p.error()};
    return true;
  }
  // A custom range lies within the stored days: up to E, and no further back
  // than the longest period's comparison reaches.
  const auto [first, last] = *q.range;
  const Day end = store_->tiktok_through();
  if (first > last)
    return Error{"range start " + format_date(first) + " is after its end " + format_date(last)};
  if (last > end)
    return Error{"range end " + format_date(last) + " is after the last complete TikTok day " +
                 format_date(end)};
  if (last - first + 1 > 3650) return Error{"a range spans at most 3650 days"};
  if (first < end - 3649)
    return Error{"range start " + format_date(first) + " is more than 3650 days before " +
                 format_date(end)};
  return true;
}

namespace {

// Everything of an overview answer before its rows; "tracks" comes next.
void write_overview_head(JsonWriter& w, const OverviewAnswer& a, const Store& store) {
  w.begin_object();
  write_totals(w, a, store);
  w.key("tracksWithCreations").value(std::uint64_t{a.tracks_with_creations});
  w.key("catalogTracks").value(std::uint64_t{store.tracks().size()});
  if (a.matching_tracks) w.key("matchingTracks").value(std::uint64_t{*a.matching_tracks});
}

}  // namespace

Result<std::string> Analytics::overview_json(const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    const OverviewAnswer a = store_->overview(q);
    JsonWriter w;
    // A row with its titles is about 200 bytes.
    w.reserve(checked_add(512, checked_mul(a.rows.size(), 256)));
    write_overview_head(w, a, *store_);
    w.key("tracks").begin_array();
    for (const TrackRow& row : a.rows) {
      w.begin_object();
      w.members(track_members_[row.track]);
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
      if (store_->has_series_without_territory())
        w.key("creationsWithoutTerritory").value(row.creations_without_territory);
      w.end_object();
    }
    w.end_array();
    w.end_object();
    return w.take();
  });
}

Result<PackedOverview> Analytics::overview_packed(const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<PackedOverview> {
    const OverviewAnswer a = store_->overview(q);
    PackedOverview out;
    JsonWriter w;
    write_overview_head(w, a, *store_);
    w.key("tracks").begin_array().end_array();
    w.end_object();
    out.head = w.take();
    out.rows.resize(checked_mul(a.rows.size(), kPackedRowWidth), 0.0);
    double* cell = out.rows.data();
    for (const TrackRow& row : a.rows) {
      cell[0] = row.track;
      cell[1] = static_cast<double>(row.creations);
      cell[2] = static_cast<double>(row.views);
      cell[3] = static_cast<double>(row.streams);
      cell[4] = static_cast<double>(row.top.size());
      double* pair = cell + 5;
      for (const TerritoryCount& t : row.top) {
        pair[0] =
            static_cast<unsigned char>(t.code[0]) * 256.0 + static_cast<unsigned char>(t.code[1]);
        pair[1] = static_cast<double>(t.creations);
        pair += 2;
      }
      cell[11] = store_->has_series_without_territory()
                     ? static_cast<double>(row.creations_without_territory)
                     : -1.0;
      cell += kPackedRowWidth;
    }
    return out;
  });
}

std::string Analytics::tracks_json() const {
  std::string out = "[";
  for (const std::string& members : track_members_) {
    if (out.size() > 1) out += ',';
    out += '{';
    out += members;
    out += '}';
  }
  out += ']';
  return out;
}

Result<std::string> Analytics::track_json(std::string_view id, const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  const auto t = find_track(id);
  if (!t) return Error{t.error()};
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    const TrackAnswer a = store_->track(t.value(), q);
    const TrackInfo& info = store_->tracks()[t.value()];
    JsonWriter w;
    w.begin_object();
    w.key("track").begin_object();
    write_track_info(w, info, true);
    w.end_object();
    write_totals(w, a, *store_);
    w.key("territories").begin_array();
    for (const TerritoryCount& territory : a.territories) {
      w.begin_object();
      write_code(w, territory);
      w.key("creations").value(territory.creations);
      w.key("views").value(territory.views);
      w.end_object();
    }
    w.end_array();
    if (store_->has_series_without_territory())
      w.key("creationsWithoutTerritory").value(a.creations_without_territory);
    write_series(w, a, q.weekly);
    w.end_object();
    return w.take();
  });
}

}  // namespace tta
