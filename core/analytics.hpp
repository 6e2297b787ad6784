// Public interface of the aggregation core: load a tiktok-analytics/v1
// document, then answer overview and track queries (see docs/FORMAT.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dates.hpp"
#include "result.hpp"

namespace tta {

enum class PlatformFilter : std::uint8_t { all, tiktok, douyin };
enum class ContentFilter : std::uint8_t { all, ugc, pgc };

struct Query {
  int period = 28;  // days, 1..3650
  PlatformFilter platform = PlatformFilter::all;
  ContentFilter content = ContentFilter::all;
  std::size_t limit = SIZE_MAX;  // cuts overview().tracks only
  std::size_t offset = 0;
};

// Parses "all" / "tiktok" / "douyin" etc.; an error names the accepted words.
Result<PlatformFilter> parse_platform(std::string_view word);
Result<ContentFilter> parse_content(std::string_view word);
// Checks the period range shared by every front end.
Result<int> check_period(long long period);

struct LoadSummary {
  std::size_t tracks = 0;
  std::size_t tiktok_series = 0;
  std::size_t streams_series = 0;
  std::size_t daily_points = 0;     // values in all day arrays (creations+views pairs count once)
  std::optional<int> first_day;     // earliest day covered by any series (days since 1970-01-01)
  std::optional<int> last_day;      // latest day covered by any series
  std::size_t store_bytes = 0;      // memory held by the aggregation store
};

class Store;  // defined in store.hpp; callers never see it

class Analytics {
 public:
  Analytics();
  ~Analytics();
  Analytics(Analytics&&) noexcept;
  Analytics& operator=(Analytics&&) noexcept;

  // Replaces the loaded data only when the whole document is valid; on error the
  // previous data stays loaded and the message names the place and the rule.
  Result<LoadSummary> load(std::string_view document);

  bool has_data() const;
  const LoadSummary& summary() const;

  // Answers serialised exactly as docs/FORMAT.md shows.
  Result<std::string> overview_json(const Query& query) const;
  Result<std::string> track_json(std::string_view track_id, const Query& query) const;

  // Machine-readable summary as JSON: {"tracks":..,"series":..,"firstDay":..,"lastDay":..}
  std::string summary_json() const;

 private:
  std::unique_ptr<const Store> store_;
  LoadSummary summary_;
};

}  // namespace tta
