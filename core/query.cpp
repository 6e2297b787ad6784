#include "query.hpp"

namespace tta {

SeriesFilter filter_of(const Query& q) {
  SeriesFilter f;
  f.platforms = q.platforms;
  if (q.content != ContentFilter::all)
    f.contents = static_cast<std::uint8_t>(
        (q.content == ContentFilter::ugc ? kContentUgc : kContentPgc) << kContentShift);
  return f;
}

Result<std::uint8_t> parse_platform(std::string_view word) {
  if (word == "all") return kAllPlatforms;
  if (const std::uint8_t bit = platform_bit(word)) return bit;
  return Error{"platform must be " + platform_words({"all"}) + ", got \"" + cut_text(word, 40) +
               "\""};
}

Result<ContentFilter> parse_content(std::string_view word) {
  if (word == "all") return ContentFilter::all;
  if (word == "ugc") return ContentFilter::ugc;
  if (word == "pgc") return ContentFilter::pgc;
  return Error{"content must be all, ugc or pgc, got \"" + cut_text(word, 40) + "\""};
}

Result<SortKey> parse_sort(std::string_view word) {
  if (word == "creations") return SortKey::creations;
  if (word == "views") return SortKey::views;
  if (word == "streams") return SortKey::streams;
  if (word == "title") return SortKey::title;
  if (word == "artist") return SortKey::artist;
  return Error{"sort must be creations, views, streams, title or artist, got \"" +
               cut_text(word, 40) + "\""};
}

Result<int> check_period(long long period) {
  if (period < 1 || period > kMaxPeriod)
    return Error{"period must be a whole number of days from 1 to " + std::to_string(kMaxPeriod) +
                 ", got " + std::to_string(period)};
  return static_cast<int>(period);
}

}  // namespace tta
