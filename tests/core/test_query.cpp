// core/query.hpp: the words front ends parse into a Query, and the period check.
#include <catch2/catch.hpp>

#include "query.hpp"

using namespace tta;

TEST_CASE("parse_platform, parse_content and parse_sort take exactly their words") {
  CHECK(parse_platform("all").value() ==
        (kPlatformUnknown | kPlatformTiktok | kPlatformDouyin | kPlatformShorts | kPlatformReels));
  CHECK(parse_platform("tiktok").value() == kPlatformTiktok);
  CHECK(parse_platform("douyin").value() == kPlatformDouyin);
  CHECK(parse_platform("youtube_shorts").value() == kPlatformShorts);
  CHECK(parse_platform("instagram_reels").value() == kPlatformReels);
  CHECK(parse_content("all").value() == ContentFilter::all);
  CHECK(parse_content("ugc").value() == ContentFilter::ugc);
  CHECK(parse_content("pgc").value() == ContentFilter::pgc);
  CHECK(parse_sort("creations").value() == SortKey::creations);
  CHECK(parse_sort("views").value() == SortKey::views);
  CHECK(parse_sort("streams").value() == SortKey::streams);
  CHECK(parse_sort("title").value() == SortKey::title);
  CHECK(parse_sort("artist").value() == SortKey::artist);
}

TEST_CASE("a word outside the list is refused with the accepted words and the word given") {
  CHECK(parse_platform("TikTok").error() ==
        "platform must be all, tiktok, douyin, youtube_shorts or instagram_reels, got \"TikTok\"");
  CHECK(parse_platform("youtube").error() ==
        "platform must be all, tiktok, douyin, youtube_shorts or instagram_reels, got "
        "\"youtube\"");
  CHECK(parse_content("").error() == "content must be all, ugc or pgc, got \"\"");
  CHECK(parse_sort("plays").error() ==
        "sort must be creations, views, streams, title or artist, got \"plays\"");
}

TEST_CASE("check_period accepts 1..kMaxPeriod and quotes any other value") {
  CHECK(kMaxPeriod == 3650);
  CHECK(kLookback == 7300);
  CHECK(check_period(1).value() == 1);
  CHECK(check_period(3650).value() == 3650);
  CHECK(check_period(0).error() == "period must be a whole number of days from 1 to 3650, got 0");
  CHECK(check_period(3651).error() ==
        "period must be a whole number of days from 1 to 3650, got 3651");
  CHECK(check_period(-7).error() == "period must be a whole number of days from 1 to 3650, got -7");
}

TEST_CASE("a default Query is the 28-day overview of every series, whole table") {
  const Query q;
  CHECK(q.period == 28);
  CHECK_FALSE(q.range);
  CHECK(q.platforms == kAllPlatforms);
  CHECK(q.content == ContentFilter::all);
  CHECK(q.offset == 0);
  CHECK(q.limit == SIZE_MAX);
  CHECK(q.sort == SortKey::creations);
  CHECK(q.descending);
  CHECK(q.search.empty());
  CHECK_FALSE(q.weekly);
}
