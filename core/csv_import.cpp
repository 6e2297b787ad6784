#include "csv_import.hpp"

#include <algorithm>
#include <map>
#include <new>        // std::bad_alloc
#include <stdexcept>  // std::length_error
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "checked_size.hpp"
#include "ingest.hpp"  // kMaxExact
#include "utf8.hpp"

namespace tta {

// What a load that runs out of memory says (refuse_out_of_memory).
constexpr const char* kCsvOutOfMemory =
    "the CSV files are too large for the memory available; nothing was loaded";

namespace {

struct Row {
  std::size_t line;
  Day day;
  std::uint64_t values[2];
  bool present[2];
};

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0, n; i < s.size(); i += n)
    if ((n = utf8_length(s.data() + i, s.size() - i)) == 0) return false;
  return true;
}

std::string shown(std::string_view text) {
  const std::string out = cut_text(text, 40);
  return "\"" + out + (text.size() > 40 ? "...\"" : "\"");
}

// Splits CSV text into lines of fields (RFC 4180: quoted fields may hold
// commas, doubled quotes and line breaks).
class CsvReader {
 public:
  CsvReader(std::string_view text, const char* name) : text_(text), name_(name) {
    if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
  }

  // Next record into `fields`; false at the end or on an error (error() set).
  bool next(std::vector<std::string>& fields) {
    fields.clear();
    while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {  // blank lines
      if (text_[pos_] == '\n') ++line_;
      ++pos_;
    }
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    std::string field;
    for (;;) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        ++pos_;
        for (;;) {
          if (pos_ >= text_.size()) return fail("a quoted field is not closed");
          const char c = text_[pos_++];
          if (c == '"') {
            if (pos_ < text_.size() && text_[pos_] == '"') {
              field += '"';
              ++pos_;
              continue;
            }
            break;
          }
          if (c == '\n') ++line_;
          field += c;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r')
          return fail("text after a closing quote");
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          if (text_[pos_] == '"') return fail("a quote inside an unquoted field");
          field += text_[pos_++];
        }
      }
      if (!valid_utf8(field)) return fail("invalid UTF-8");
      fields.push_back(std::move(field));
      field.clear();
      if (pos_ >= text_.size()) return true;
      const char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      ++line_;
      return true;
    }
  }

  std::size_t line() const { return record_line_; }
  const std::string& error() const { return error_; }
  std::string where(const char* field) const {
    return std::string(name_) + " line " + std::to_string(record_line_) +
           (field ? std::string(", ") + field : "");
  }

 private:
  bool fail(const std::string& why) {
    error_ = where(nullptr) + ": " + why;
    return false;
  }

  std::string_view text_;
  const char* name_;
  std::size_t pos_ = 0, line_ = 1, record_line_ = 1;
  std::string error_;
};

struct Builder {
  Catalog catalog;
  std::unordered_map<std::string, std::uint32_t> track_index;
  std::uint64_t totals[3] = {0, 0, 0};

  std::uint32_t track(const std::string& id) {
    auto [it, added] = track_index.emplace(id, static_cast<std::uint32_t>(catalog.tracks.size()));
    if (added) catalog.tracks.push_back(TrackInfo{id, std::nullopt, std::nullopt, std::nullopt});
    return it->second;
  }
};

// Reads a count: digits up to 2^53-1, or empty for a day with no data.
std::optional<Error> read_count(const CsvReader& csv, const char* name, const std::string& text,
                                std::uint64_t& out, bool& present) {
  present = !text.empty();
  out = 0;
  if (!present) return std::nullopt;
  // Leading zeros are accepted (spreadsheets write fixed-width counts); the
  // digits after them must be at most 16 (2^53-1 has 16).
  const std::size_t first = std::min(text.find_first_not_of('0'), text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c < '0' || c > '9' || text.size() - first > 16)
      return Error{csv.where(name) + ": must be a whole number from 0 to 2^53-1 or empty, got " +
                   shown(text)};
    out = out * 10 + static_cast<std::uint64_t>(c - '0');
  }
  if (out > kMaxExact)
    return Error{csv.where(name) + ": must be a whole number from 0 to 2^53-1 or empty, got " +
                 shown(text)};
  return std::nullopt;
}

template <typename Key>
std::optional<Error> add_series(Builder& b, std::map<Key, std::vector<Row>>& groups,
                                const char* name) {
  constexpr bool tiktok = std::tuple_size_v<Key> == 4;
  for (auto& [key, rows] : groups) {
    std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) {
      return x.day < y.day || (x.day == y.day && x.line < y.line);
    });
    for (std::size_t i = 1; i < rows.size(); ++i)
      if (rows[i].day == rows[i - 1].day)
        return Error{std::string(name) + " line " +
                     std::to_string(std::max(rows[i].line, rows[i - 1].line)) +
                     ": a second row for " + format_date(rows[i].day) + " (the first is on line " +
                     std::to_string(std::min(rows[i].line, rows[i - 1].line)) + ")"};
    // Rows more than a month apart start a new series: the days between have
    // no data either way, and two rows a century apart must not fill 36,500
    // days of memory (at most 32 days are stored per row).
    for (std::size_t begin = 0, end = 0; begin < rows.size(); begin = end) {
      for (end = begin + 1; end < rows.size() && rows[end].day - rows[end - 1].day <= 32;) ++end;
      const Day first = rows[begin].day, last = rows[end - 1].day;
      const std::size_t length = static_cast<std::size_t>(last - first + 1);
      DayValues& primary = tiktok ? b.catalog.creations : b.catalog.streams_values;
      const std::size_t offset = primary.size();
      primary.resize(checked_add(offset, length));
      if (tiktok) b.catalog.views.resize(checked_add(offset, length));
      for (std::size_t r = begin; r < end; ++r) {
        const Row& row = rows[r];
        for (int m = 0; m < (tiktok ? 2 : 1); ++m) {
          const int total = tiktok ? m : 2;
          if (row.values[m] > kMaxExact - b.totals[total])
            return Error{
                std::string(name) + " line " + std::to_string(row.line) +
                ": the total would pass 2^53-1 (9007199254740991), so sums could not stay exact"};
          b.totals[total] += row.values[m];
        }
        primary.set(offset + static_cast<std::size_t>(row.day - first), row.values[0]);
        if (tiktok)
          b.catalog.views.set(offset + static_cast<std::size_t>(row.day - first), row.values[1]);
      }
      if constexpr (tiktok) {
        TiktokSeries s;
        s.track = std::get<0>(key);
        s.territory[0] = std::get<1>(key)[0];
        s.territory[1] = std::get<1>(key)[1];
        s.platform = std::get<2>(key);
        s.content = std::get<3>(key);
        s.start = first;
        s.offset = offset;
        s.length = length;
        b.catalog.tiktok.push_back(s);
      } else {
        b.catalog.streams.push_back(StreamsSeries{std::get<0>(key), first, offset, length});
      }
    }
  }
  return std::nullopt;
}

std::optional<Error> check_header(CsvReader& csv, const std::vector<std::string>& expected,
                                  const char* name) {
  std::vector<std::string> fields;
  std::string want;
  for (const auto& f : expected) want += (want.empty() ? "" : ",") + f;
  if (!csv.next(fields)) {
    if (!csv.error().empty()) return Error{csv.error()};
    return Error{std::string(name) + " line 1: the header must be " + want + ", got an empty file"};
  }
  if (fields != expected) return Error{std::string(name) + " line 1: the header must be " + want};
  return std::nullopt;
}

}  // namespace

Result<Catalog> read_csv_catalog(std::string_view tiktok_csv, std::string_view streams_csv,
                                 std::optional<Day> as_of) {
  return refuse_out_of_memory(kCsvOutOfMemory, [&]() -> Result<Catalog> {
    Builder b;
    b.catalog.as_of = as_of;
    std::vector<std::string> f;

    using TiktokKey = std::tuple<std::uint32_t, std::string, std::uint8_t, std::uint8_t>;
    std::map<TiktokKey, std::vector<Row>> tiktok_groups;
    CsvReader tiktok(tiktok_csv, "tiktok CSV");
    if (auto e = check_header(
            tiktok, {"date", "track", "territory", "platform", "content", "creations", "views"},
            "tiktok CSV"))
      return *e;
    while (tiktok.next(f)) {
      if (f.size() != 7)
        return Error{tiktok.where(nullptr) + ": has " + std::to_string(f.size()) +
                     " fields, the header has 7"};
      const auto day = parse_date(f[0]);
      if (!day)
        return Error{tiktok.where("date") + ": must be a date YYYY-MM-DD (years 1900-9999), got " +
                     shown(f[0])};
      if (f[1].empty()) return Error{tiktok.where("track") + ": must not be empty"};
      auto letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
      // An empty territory: the series has none (YouTube Shorts reports none).
      if (!f[2].empty() && (f[2].size() != 2 || !letter(f[2][0]) || !letter(f[2][1])))
        return Error{tiktok.where("territory") +
                     ": must be a two-letter territory code or empty, got " + shown(f[2])};
      const std::string territory = f[2].empty() ? std::string(2, '\0')
                                                 : std::string{static_cast<char>(f[2][0] & ~0x20),
                                                               static_cast<char>(f[2][1] & ~0x20)};
      std::uint8_t platform = kPlatformUnknown, content = kContentUnknown;
      if (!f[3].empty()) platform = platform_bit(f[3]);
      if (platform == 0)
        return Error{tiktok.where("platform") + ": must be " + platform_words({}, {"empty"}) +
                     ", got " + shown(f[3])};
      if (f[4] == "ugc")
        content = kContentUgc;
      else if (f[4] == "pgc")
        content = kContentPgc;
      else if (!f[4].empty())
        return Error{tiktok.where("content") + ": must be ugc, pgc or empty, got " + shown(f[4])};
      Row row{tiktok.line(), *day, {0, 0}, {false, false}};
      if (auto e = read_count(tiktok, "creations", f[5], row.values[0], row.present[0])) return *e;
      if (auto e = read_count(tiktok, "views", f[6], row.values[1], row.present[1])) return *e;
      tiktok_groups[TiktokKey{b.track(f[1]), territory, platform, content}].push_back(row);
    }
    if (!tiktok.error().empty()) return Error{tiktok.error()};

    std::map<std::tuple<std::uint32_t>, std::vector<Row>> streams_groups;
    if (!streams_csv.empty()) {
      CsvReader streams(streams_csv, "streams CSV");
      if (auto e = check_header(streams, {"date", "track", "streams"}, "streams CSV")) return *e;
      while (streams.next(f)) {
        if (f.size() != 3)
          return Error{streams.where(nullptr) + ": has " + std::to_string(f.size()) +
                       " fields, the header has 3"};
        const auto day = parse_date(f[0]);
        if (!day)
          return Error{streams.where("date") +
                       ": must be a date YYYY-MM-DD (years 1900-9999), got " + shown(f[0])};
        if (f[1].empty()) return Error{streams.where("track") + ": must not be empty"};
        Row row{streams.line(), *day, {0, 0}, {false, false}};
        if (auto e = read_count(streams, "streams", f[2], row.values[0], row.present[0])) return *e;
        streams_groups[std::tuple{b.track(f[1])}].push_back(row);
      }
      if (!streams.error().empty()) return Error{streams.error()};
    }
    if (auto e = add_series(b, tiktok_groups, "tiktok CSV")) return *e;
    if (auto e = add_series(b, streams_groups, "streams CSV")) return *e;
    return std::move(b.catalog);
  });
}

}  // namespace tta
