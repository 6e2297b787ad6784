#include "ingest.hpp"

#include <algorithm>
#include <iterator>
#include <new>        // std::bad_alloc
#include <numeric>    // std::iota
#include <stdexcept>  // std::length_error
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "checked_size.hpp"
#include "json_scanner.hpp"

namespace tta {

// What a load that runs out of memory says (refuse_out_of_memory).
constexpr const char* kDocumentOutOfMemory =
    "the document is too large for the memory available; nothing was loaded";

namespace {

using Json = nlohmann::json;

// Where in the document an event arrives; decides what the value means.
enum class Ctx : std::uint8_t {
  root,
  tracks,
  track,
  tiktok,
  tiktok_series,
  streams,
  streams_series,
  creations,
  views,
  streams_values,
  skip
};

// Field numbers double as bits of Frame::seen (duplicate-key detection).
enum Field : std::uint32_t {
  kUnknown = 0,
  // root
  kSchema = 1,
  kAsOf = 2,
  kTracks = 4,
  kTiktok = 8,
  kStreams = 16,
  // track
  kId = 1,
  kTitle = 2,
  kArtist = 4,
  kIsrc = 8,
  // series (tiktok and streams)
  kTrack = 1,
  kTerritory = 2,
  kPlatform = 4,
  kContent = 8,
  kStart = 16,
  kCreations = 32,
  kViews = 64,
  kStreamValues = 128,
};

struct Frame {
  Ctx ctx;
  bool is_array;
  std::size_t count = 0;  // arrays: elements started so far
  std::string key;        // objects: the current key
  std::uint32_t field = kUnknown;
  std::uint32_t seen = 0;
};

Field field_of(Ctx ctx, const std::string& k) {
  switch (ctx) {
    case Ctx::root:
      if (k == "schema") return kSchema;
      if (k == "asOf") return kAsOf;
      if (k == "tracks") return kTracks;
      if (k == "tiktok") return kTiktok;
      if (k == "streams") return kStreams;
      break;
    case Ctx::track:
      if (k == "id") return kId;
      if (k == "title") return kTitle;
      if (k == "artist") return kArtist;
      if (k == "isrc") return kIsrc;
      break;
    case Ctx::tiktok_series:
      if (k == "track") return kTrack;
      if (k == "territory") return kTerritory;
      if (k == "platform") return kPlatform;
      if (k == "content") return kContent;
      if (k == "start") return kStart;
      if (k == "creations") return kCreations;
      if (k == "views") return kViews;
      break;
    case Ctx::streams_series:
      if (k == "track") return kTrack;
      if (k == "start") return kStart;
      if (k == "streams") return kStreamValues;
      break;
    default:
      break;
  }
  return kUnknown;
}

// Untrusted text quoted inside an error message: short, one line, valid
// UTF-8 (cut_text).
std::string quote(std::string_view text) {
  return "\"" + cut_text(text, 40) + (text.size() > 40 ? "...\"" : "\"");
}

// Text for a path or a message, whole: one line, valid UTF-8.
std::string valid_utf8(const std::string& text) { return cut_text(text, text.size()); }

static_assert(kMaxRunValue <= kMaxExact, "a value of a run must pass number_unsigned's check");
static_assert(kMaxDailyPoints == 1'000'000'000, "the refusal message names this number");

class Reader final : public nlohmann::json_sax<Json>, public UintArraySink {
 public:
  explicit Reader(Catalog& catalog, SeriesBatchSink* sink = nullptr, std::size_t batch = 0)
      : catalog_(catalog), sink_(sink), batch_(batch) {
    frames_.reserve(16);
  }

  const std::string& error() const { return error_; }
  std::vector<std::string>& tiktok_track_ids() { return tiktok_track_ids_; }
  std::vector<std::string>& streams_track_ids() { return streams_track_ids_; }
  std::vector<std::size_t>& track_positions() { return track_positions_; }
  bool saw_tracks() const { return root_seen_ & kTracks; }

  bool null() override {
    if (in_values()) return push_value(0, true);
    if (!begin_scalar()) return false;
    const Frame& f = frames_.back();
    if (ignorable(f)) return true;
    if (f.is_array) return fail_type();
    if ((f.ctx == Ctx::track && f.field != kId) ||
        (f.ctx == Ctx::tiktok_series &&
         (f.field == kTerritory || f.field == kPlatform || f.field == kContent)))
      return true;  // an optional field given as null is the same as absent
    return fail_type();
  }
  bool boolean(bool) override {
    if (in_values()) return value_error("must be a non-negative integer or null, got a boolean");
    return scalar_of_wrong_type();
  }
  bool number_integer(number_integer_t v) override {
    if (in_values()) {
      if (v == 0) return push_value(0, false);  // -0 is the integer 0
      return value_error("must be a non-negative integer or null, got " + std::to_string(v));
    }
    return scalar_of_wrong_type();
  }
  bool number_unsigned(number_unsigned_t v) override {
    if (in_values()) {
      if (v > kMaxExact)
        return value_error("must be at most 2^53-1 (9007199254740991), got " + std::to_string(v));
      return push_value(v, false);
    }
    return scalar_of_wrong_type();
  }
  bool number_float(number_float_t, const string_t& token) override {
    if (in_values()) {
      // Integers beyond 64 bits arrive as doubles: say what is wrong with them.
      if (token.find_first_not_of("0123456789") == std::string::npos)
        return value_error("must be at most 2^53-1 (9007199254740991), got " + token.substr(0, 40) +
                           (token.size() > 40 ? "..." : ""));
      return value_error("must be a non-negative integer or null, got " + quote(token));
    }
    return scalar_of_wrong_type();
  }
  bool binary(binary_t&) override { return scalar_of_wrong_type(); }

  // The day arrays take their plain values in runs (json_scanner.hpp): the
  // same checks as number_unsigned and null, once per run.
  bool wants_uints() override { return in_values(); }
  bool take_uints(const std::uint64_t* values, std::size_t n) override {
    Frame& f = frames_.back();
    std::uint64_t* total;
    DayValues* target;
    if (f.ctx == Ctx::creations) {
      total = &total_creations_, target = &catalog_.creations;
    } else if (f.ctx == Ctx::views) {
      total = &total_views_, target = &catalog_.views;
    } else {
      total = &total_streams_, target = &catalog_.streams_values;
    }
    // The sum of up to 1024 values of at most 2^53-1 cannot wrap (the
    // scanner hands over 256 at most; longer runs take the slow way).
    std::uint64_t sum = 0;
    std::size_t nulls = 0;
    for (std::size_t i = 0; i < n; ++i) {
      const bool is_null = values[i] == kRunNull;
      nulls += is_null;
      sum += is_null ? 0 : values[i];
    }
    if (n > 1024 || sum > kMaxExact - *total || over_ceiling(n)) {
      // The total passes the limit within this run (or a value does): the
      // events one at a time, so that the error names the element.
      for (std::size_t i = 0; i < n; ++i)
        if (!(values[i] == kRunNull ? null() : number_unsigned(values[i]))) return false;
      return true;
    }
    f.count += n;
    *total += sum;
    catalog_.null_days += nulls;
    // One pass that also turns nulls into 0.
    for (std::size_t i = 0; i < n; ++i) target->push_back(values[i] == kRunNull ? 0 : values[i]);
    return true;
  }

  bool string(string_t& s) override {
    if (in_values()) return value_error("must be a non-negative integer or null, got a string");
    if (!begin_scalar()) return false;
    Frame& f = frames_.back();
    if (ignorable(f)) return true;
    if (f.is_array) return fail_type();
    switch (f.ctx) {
      case Ctx::root:
        if (f.field == kSchema) {
          if (s != "tiktok-analytics/v1")
            return fail(here(), "must be \"tiktok-analytics/v1\", got " + quote(s));
          return true;
        }
        if (f.field == kAsOf) {
          auto day = parse_date(s);
          if (!day)
            return fail(here(), "must be a date YYYY-MM-DD (years 1900-9999), got " + quote(s));
          catalog_.as_of = *day;
          return true;
        }
        return fail_type();
      case Ctx::track:
        if (f.field == kId) {
          if (s.empty()) return fail(here(), "must be a non-empty string");
          track_.id = std::move(s);
        } else if (f.field == kTitle) {
          track_.title = std::move(s);
        } else if (f.field == kArtist) {
          track_.artist = std::move(s);
        } else {
          track_.isrc = std::move(s);
        }
        return true;
      case Ctx::tiktok_series:
        switch (f.field) {
          case kTrack:
            if (s.empty()) return fail(here(), "must be a non-empty track id");
            series_track_ = std::move(s);
            return true;
          case kTerritory: {
            auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
            if (s.size() != 2 || !letter(s[0]) || !letter(s[1]))
              return fail(here(), "must be a two-letter territory code, got " + quote(s));
            tiktok_.territory[0] = static_cast<char>(s[0] & ~0x20);
            tiktok_.territory[1] = static_cast<char>(s[1] & ~0x20);
            return true;
          }
          case kPlatform:
            tiktok_.platform = platform_bit(s);
            if (tiktok_.platform == 0)
              return fail(here(), "must be " + platform_words({}, {}, "\"") + ", got " + quote(s));
            return true;
          case kContent:
            if (s == "ugc")
              tiktok_.content = kContentUgc;
            else if (s == "pgc")
              tiktok_.content = kContentPgc;
            else
              return fail(here(), "must be \"ugc\" or \"pgc\", got " + quote(s));
            return true;
          case kStart:
            return read_start(s, tiktok_.start);
          default:
            return fail_type();
        }
      case Ctx::streams_series:
        if (f.field == kTrack) {
          if (s.empty()) return fail(here(), "must be a non-empty track id");
          series_track_ = std::move(s);
          return true;
        }
        if (f.field == kStart) return read_start(s, streams_.start);
        return fail_type();
      default:
        return fail_type();
    }
  }

  bool start_object(std::size_t) override {
    if (frames_.empty()) return push(Ctx::root, false);
    if (in_values()) return value_error("must be a non-negative integer or null, got an object");
    if (!begin_scalar()) return false;
    Frame& f = frames_.back();
    switch (f.ctx) {
      case Ctx::skip:
        return push(Ctx::skip, false);
      case Ctx::tracks:
        track_ = TrackInfo{};
        return push(Ctx::track, false);
      case Ctx::tiktok:
        tiktok_ = TiktokSeries{};
        series_track_.clear();
        return push(Ctx::tiktok_series, false);
      case Ctx::streams:
        streams_ = StreamsSeries{};
        series_track_.clear();
        return push(Ctx::streams_series, false);
      default:
        if (ignorable(f)) return push(Ctx::skip, false);
        return fail_type();
    }
  }

  bool key(string_t& k) override {
    Frame& f = frames_.back();
    f.key = std::move(k);
    f.field = f.ctx == Ctx::skip ? kUnknown : field_of(f.ctx, f.key);
    if (f.field != kUnknown) {
      if (f.seen & f.field) return fail(here(), "appears twice in the same object");
      f.seen |= f.field;
    }
    return true;
  }

  bool end_object() override {
    const Frame f = std::move(frames_.back());
    frames_.pop_back();
    switch (f.ctx) {
      case Ctx::root:
        root_seen_ = f.seen;
        if (!(f.seen & kTracks)) return fail("document", "missing required field \"tracks\"");
        return true;
      case Ctx::track:
        if (!(f.seen & kId)) return fail(here(), "missing required field \"id\"");
        track_positions_.push_back(frames_.back().count - 1);
        catalog_.tracks.push_back(std::move(track_));
        return true;
      case Ctx::tiktok_series:
        return finish_tiktok(f.seen);
      case Ctx::streams_series:
        return finish_streams(f.seen);
      default:
        return true;
    }
  }

  bool start_array(std::size_t) override {
    if (frames_.empty())
      return fail(
          "document",
          "must be a JSON object with \"tracks\", \"tiktok\" and \"streams\", got an array");
    if (in_values()) return value_error("must be a non-negative integer or null, got an array");
    if (!begin_scalar()) return false;
    const Frame& f = frames_.back();
    if (ignorable(f)) return push(Ctx::skip, true);
    if (f.ctx == Ctx::root) {
      if (f.field == kTracks) return push(Ctx::tracks, true);
      if (f.field == kTiktok) return push(Ctx::tiktok, true);
      if (f.field == kStreams) return push(Ctx::streams, true);
    } else if (f.ctx == Ctx::tiktok_series) {
      if (f.field == kCreations) {
        tiktok_.offset = catalog_.creations.size();
        return push(Ctx::creations, true);
      }
      if (f.field == kViews) return push(Ctx::views, true);
    } else if (f.ctx == Ctx::streams_series && f.field == kStreamValues) {
      streams_.offset = catalog_.streams_values.size();
      return push(Ctx::streams_values, true);
    }
    return fail_type();
  }

  bool end_array() override {
    const Frame f = std::move(frames_.back());
    frames_.pop_back();
    if (f.ctx == Ctx::creations)
      creations_length_ = f.count;
    else if (f.ctx == Ctx::views)
      views_length_ = f.count;
    else if (f.ctx == Ctx::streams_values)
      streams_.length = f.count;
    return true;
  }

  // Only nlohmann's own parser calls this; scan_json reports syntax itself.
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_ = valid_utf8(ex.what());
    return false;
  }

  // Path of the value being read now, e.g. tiktok[12].views[40].
  std::string here() const { return path(frames_.size()); }

  // An element of a day array that is not a count: name its own index.
  bool value_error(const std::string& rule) {
    ++frames_.back().count;
    return fail(here(), rule);
  }

  bool fail(const std::string& where, const std::string& rule) {
    error_ = where + ": " + rule;
    return false;
  }

 private:
  bool in_values() const {
    if (frames_.empty()) return false;
    const Ctx c = frames_.back().ctx;
    return c == Ctx::creations || c == Ctx::views || c == Ctx::streams_values;
  }

  // Unknown fields (and everything inside them) are skipped: the format may grow.
  static bool ignorable(const Frame& f) {
    return f.ctx == Ctx::skip || (!f.is_array && f.field == kUnknown);
  }

  // Called for every value that is not a day value: counts array elements.
  bool begin_scalar() {
    if (frames_.empty())
      return fail("document", "must be a JSON object with \"tracks\", \"tiktok\" and \"streams\"");
    Frame& f = frames_.back();
    if (f.is_array) ++f.count;
    return true;
  }

  bool scalar_of_wrong_type() {
    if (!begin_scalar()) return false;
    if (ignorable(frames_.back())) return true;
    return fail_type();
  }

  bool fail_type() {
    const Frame& f = frames_.back();
    switch (f.ctx) {
      case Ctx::tracks:
      case Ctx::tiktok:
      case Ctx::streams:
        return fail(here(), "must be an object");
      case Ctx::root:
        if (f.field == kTracks || f.field == kTiktok || f.field == kStreams)
          return fail(here(), "must be an array");
        return fail(here(), "must be a string");
      case Ctx::tiktok_series:
        if (f.field == kCreations || f.field == kViews)
          return fail(here(), "must be an array of non-negative integers or null");
        return fail(here(), "must be a string");
      case Ctx::streams_series:
        if (f.field == kStreamValues)
          return fail(here(), "must be an array of non-negative integers or null");
        return fail(here(), "must be a string");
      default:
        return fail(here(), "must be a string");
    }
  }

  bool push(Ctx ctx, bool is_array) {
    if (frames_.size() >= kMaxDepth)
      return fail(here(), "nested deeper than " + std::to_string(kMaxDepth) + " levels");
    frames_.push_back(Frame{ctx, is_array, 0, {}, kUnknown, 0});
    return true;
  }

  bool push_value(std::uint64_t v, bool is_null) {
    Frame& f = frames_.back();
    ++f.count;
    std::uint64_t* total;
    DayValues* target;
    const char* what;
    if (f.ctx == Ctx::creations) {
      total = &total_creations_, target = &catalog_.creations, what = "creations";
    } else if (f.ctx == Ctx::views) {
      total = &total_views_, target = &catalog_.views, what = "views";
    } else {
      total = &total_streams_, target = &catalog_.streams_values, what = "streams";
    }
    if (over_ceiling(1))
      return fail(
          here(),
          "the document has more than 1,000,000,000 daily points, the most one engine holds in "
          "WebAssembly's 4 GB of memory; nothing was loaded");
    if (v > kMaxExact - *total)
      return fail(here(),
                  std::string("the document's total ") + what +
                      " would pass 2^53-1 (9007199254740991), so sums could not stay exact");
    *total += v;
    catalog_.null_days += is_null;
    target->push_back(v);
    return true;
  }

  bool over_ceiling(std::size_t adding) const {
    const std::size_t tiktok = std::max(catalog_.creations.size(), catalog_.views.size());
    return handed_points_ + tiktok + catalog_.streams_values.size() + adding > kMaxDailyPoints;
  }

  // Hands the finished series to the sink once they hold a batch of days.
  void hand_over_tiktok() {
    if (!sink_ || catalog_.creations.size() < batch_) return;
    sink_->take_tiktok(catalog_, tiktok_handed_);
    tiktok_handed_ = catalog_.tiktok.size();
    handed_points_ += catalog_.creations.size();
    catalog_.creations = DayValues();
    catalog_.views = DayValues();
  }
  void hand_over_streams() {
    if (!sink_ || catalog_.streams_values.size() < batch_) return;
    sink_->take_streams(catalog_, streams_handed_);
    streams_handed_ = catalog_.streams.size();
    handed_points_ += catalog_.streams_values.size();
    catalog_.streams_values = DayValues();
  }

  bool read_start(const std::string& s, Day& out) {
    auto day = parse_date(s);
    if (!day) return fail(here(), "must be a date YYYY-MM-DD (years 1900-9999), got " + quote(s));
    out = *day;
    return true;
  }

  bool finish_tiktok(std::uint32_t seen) {
    const std::string where = here();
    // territory is optional: a series without one (YouTube Shorts reports
    // none) keeps the code {0, 0}.
    for (auto [bit, name] : {std::pair{kTrack, "track"},
                             {kStart, "start"},
                             {kCreations, "creations"},
                             {kViews, "views"}}) {
      if (!(seen & bit)) return fail(where, std::string("missing required field \"") + name + "\"");
    }
    if (creations_length_ != views_length_)
      return fail(where + ".views",
                  "has " + std::to_string(views_length_) + " values but creations has " +
                      std::to_string(creations_length_) + "; both must have the same length");
    tiktok_.length = creations_length_;
    if (!check_span(where, tiktok_.start, tiktok_.length)) return false;
    catalog_.tiktok.push_back(tiktok_);
    tiktok_track_ids_.push_back(std::move(series_track_));
    hand_over_tiktok();
    return true;
  }

  bool finish_streams(std::uint32_t seen) {
    const std::string where = here();
    for (auto [bit, name] :
         {std::pair{kTrack, "track"}, {kStart, "start"}, {kStreamValues, "streams"}}) {
      if (!(seen & bit)) return fail(where, std::string("missing required field \"") + name + "\"");
    }
    if (!check_span(where, streams_.start, streams_.length)) return false;
    catalog_.streams.push_back(streams_);
    streams_track_ids_.push_back(std::move(series_track_));
    hand_over_streams();
    return true;
  }

  bool check_span(const std::string& where, Day start, std::size_t length) {
    static const Day kLastDay = day_from_civil(kLastYear, 12, 31);
    if (length > 0 && static_cast<long long>(start) + static_cast<long long>(length) - 1 > kLastDay)
      return fail(where, "runs past 9999-12-31");
    return true;
  }

  std::string path(std::size_t depth) const {
    std::string out;
    for (std::size_t i = 0; i < depth; ++i) {
      const Frame& f = frames_[i];
      if (f.is_array) {
        out += '[';
        out += std::to_string(f.count == 0 ? 0 : f.count - 1);
        out += ']';
      } else if (!f.key.empty()) {
        if (!out.empty()) out += '.';
        out += valid_utf8(f.key.size() > 60 ? f.key.substr(0, 60) + "..." : f.key);
      }
    }
    if (out.size() > 160)
      out = valid_utf8(out.substr(0, 80)) + "..." + valid_utf8(out.substr(out.size() - 60));
    return out.empty() ? "document" : out;
  }

  Catalog& catalog_;
  SeriesBatchSink* sink_;
  std::size_t batch_;
  std::size_t tiktok_handed_ = 0, streams_handed_ = 0;  // series handed to the sink
  std::size_t handed_points_ = 0;                       // and their day values
  std::vector<Frame> frames_;
  std::string error_;
  std::uint32_t root_seen_ = 0;
  TrackInfo track_;
  TiktokSeries tiktok_;
  StreamsSeries streams_;
  std::string series_track_;
  std::size_t creations_length_ = 0, views_length_ = 0;
  std::uint64_t total_creations_ = 0, total_views_ = 0, total_streams_ = 0;
  std::vector<std::string> tiktok_track_ids_, streams_track_ids_;
  std::vector<std::size_t> track_positions_;  // index of each track in the "tracks" array
};

// Two series with the same key may not cover the same day.
template <typename Series, typename SameKey, typename Less>
std::optional<Error> find_overlap(const std::vector<Series>& all, const char* array,
                                  const char* key_words, Less less, SameKey same) {
  std::vector<std::size_t> order(all.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    if (less(all[a], all[b])) return true;
    if (less(all[b], all[a])) return false;
    return all[a].start != all[b].start ? all[a].start < all[b].start : a < b;
  });
  std::size_t previous = SIZE_MAX;
  for (std::size_t i : order) {
    if (all[i].length == 0) continue;
    if (previous != SIZE_MAX && same(all[previous], all[i])) {
      const Series& p = all[previous];
      const long long p_end =
          static_cast<long long>(p.start) + static_cast<long long>(p.length) - 1;
      if (p_end >= all[i].start) {
        const std::size_t later = std::max(previous, i), earlier = std::min(previous, i);
        const Day day = std::max(all[previous].start, all[i].start);
        return Error{std::string(array) + "[" + std::to_string(later) + "]: covers " +
                     format_date(day) + ", which " + array + "[" + std::to_string(earlier) +
                     "] with the same " + key_words + " already covers"};
      }
    }
    if (previous == SIZE_MAX || !same(all[previous], all[i]) ||
        all[i].start + static_cast<long long>(all[i].length) >
            all[previous].start + static_cast<long long>(all[previous].length))
      previous = i;
  }
  return std::nullopt;
}

// The checks that need the whole document, once it is read.
Result<Catalog> finish_catalog(Catalog catalog, Reader& reader) {
  // Track ids are unique; every series names a known track (tracks may come
  // after the series in the document, so this waits for the end).
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(catalog.tracks.size());
  for (std::size_t i = 0; i < catalog.tracks.size(); ++i) {
    auto [it, inserted] = index.emplace(catalog.tracks[i].id, static_cast<std::uint32_t>(i));
    if (!inserted)
      return Error{"tracks[" + std::to_string(reader.track_positions()[i]) +
                   "].id: duplicate track id " + quote(catalog.tracks[i].id) +
                   " (first at tracks[" + std::to_string(reader.track_positions()[it->second]) +
                   "])"};
  }
  auto resolve = [&](std::vector<std::string>& ids, auto& series,
                     const char* array) -> std::optional<Error> {
    for (std::size_t i = 0; i < series.size(); ++i) {
      auto it = index.find(ids[i]);
      if (it == index.end())
        return Error{std::string(array) + "[" + std::to_string(i) + "].track: unknown track id " +
                     quote(ids[i]) + " (every track must be listed in \"tracks\")"};
      series[i].track = it->second;
    }
    return std::nullopt;
  };
  if (auto e = resolve(reader.tiktok_track_ids(), catalog.tiktok, "tiktok")) return *e;
  if (auto e = resolve(reader.streams_track_ids(), catalog.streams, "streams")) return *e;

  auto tiktok_key = [](const TiktokSeries& s) {
    return std::tuple(s.track, s.territory[0], s.territory[1], s.platform, s.content);
  };
  if (auto e = find_overlap(
          catalog.tiktok, "tiktok", "track, territory, platform and content",
          [&](const TiktokSeries& a, const TiktokSeries& b) {
            return tiktok_key(a) < tiktok_key(b);
          },
          [&](const TiktokSeries& a, const TiktokSeries& b) {
            return tiktok_key(a) == tiktok_key(b);
          }))
    return *e;
  if (auto e = find_overlap(
          catalog.streams, "streams", "track",
          [](const StreamsSeries& a, const StreamsSeries& b) { return a.track < b.track; },
          [](const StreamsSeries& a, const StreamsSeries& b) { return a.track == b.track; }))
    return *e;
  return catalog;
}

}  // namespace

Result<Catalog> read_catalog(std::string_view document, DayArrays mode) {
  return refuse_out_of_memory(kDocumentOutOfMemory, [&]() -> Result<Catalog> {
    // Day values grow in blocks (DayValues), never copied: nothing to reserve.
    Catalog catalog;
    Reader reader(catalog);
    std::string syntax_error;
    switch (
        scan_json(document, reader, syntax_error, mode == DayArrays::runs ? &reader : nullptr)) {
      case ScanOutcome::complete:
      case ScanOutcome::incomplete:
        break;  // one piece: never incomplete
      case ScanOutcome::syntax_error:
        return Error{syntax_error};
      case ScanOutcome::stopped:
        return Error{reader.error()};
    }

    return finish_catalog(std::move(catalog), reader);
  });
}

struct CatalogStream::Impl {
  Impl(DayArrays mode, SeriesBatchSink* sink, std::size_t batch)
      : reader(catalog, sink, batch), stream(reader, mode == DayArrays::runs ? &reader : nullptr) {}
  Catalog catalog;
  Reader reader;
  JsonStream stream;
};

CatalogStream::CatalogStream(DayArrays mode) : impl_(std::make_unique<Impl>(mode, nullptr, 0)) {}
CatalogStream::CatalogStream(SeriesBatchSink& sink, std::size_t batch_points, DayArrays mode)
    : impl_(std::make_unique<Impl>(mode, &sink, batch_points)) {}
CatalogStream::~CatalogStream() = default;

std::optional<Error> CatalogStream::feed(std::string_view piece, bool last) {
  if (error_) return error_;
  if (!impl_) return error_ = Error{"the document was already read"};
  const Result<bool> fed = refuse_out_of_memory(kDocumentOutOfMemory, [&]() -> Result<bool> {
    std::string syntax_error;
    switch (impl_->stream.feed(piece, last, syntax_error)) {
      case ScanOutcome::complete:
        done_ = true;
        break;
      case ScanOutcome::incomplete:
        break;
      case ScanOutcome::syntax_error:
        return Error{syntax_error};
      case ScanOutcome::stopped:
        return Error{impl_->reader.error()};
    }
    return true;
  });
  if (!fed) error_ = Error{fed.error()};
  if (error_) impl_.reset();  // its memory goes back at once
  return error_;
}

Result<Catalog> CatalogStream::finish() {
  if (!error_ && !done_) feed({}, true);
  if (error_) return *error_;
  if (!impl_) return Error{"the document was already read"};
  return refuse_out_of_memory(kDocumentOutOfMemory, [&]() -> Result<Catalog> {
    std::unique_ptr<Impl> impl = std::move(impl_);
    return finish_catalog(std::move(impl->catalog), impl->reader);
  });
}

}  // namespace tta
