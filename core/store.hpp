// The loaded catalog, ready for queries: per-series sums (series_sums.hpp),
// the track list, and the (track, territory) slots that territory rankings
// add into. Built once per load; every query only reads it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "answers.hpp"
#include "catalog.hpp"
#include "ingest.hpp"  // SeriesBatchSink
#include "query.hpp"
#include "result.hpp"
#include "series_sums.hpp"

namespace tta {

// Builds the sums of a document's series batch by batch while it is read
// (a CatalogStream's sink), so that the day values of a whole catalog never
// need to be in memory at once: each batch becomes one part of the sums
// (series_sums.hpp) and its day values are freed. Store::build adds the
// series after the last batch and finishes.
class StoreBuilder final : public SeriesBatchSink {
 public:
  void take_tiktok(const Catalog& catalog, std::size_t from) override;
  void take_streams(const Catalog& catalog, std::size_t from) override;

 private:
  friend class Store;
  SeriesSums<2> tiktok_;
  SeriesSums<1> streams_;
  std::size_t tiktok_taken_ = 0, streams_taken_ = 0;  // series in the sums so far
};

class Store {
 public:
  // `parts`: the sums of the series a StoreBuilder already took while the
  // catalog was read; by default none, and every series is summed here.
  static Result<std::unique_ptr<Store>> build(Catalog catalog, StoreBuilder parts = {});

  const std::vector<TrackInfo>& tracks() const { return tracks_; }
  std::optional<std::uint32_t> find_track(std::string_view id) const;
  Day tiktok_through() const { return tiktok_end_; }
  std::optional<Day> streams_through() const { return streams_end_; }
  std::size_t bytes() const;

  OverviewAnswer overview(const Query& q) const;
  TrackAnswer track(std::uint32_t track, const Query& q) const;
  // Whether any TikTok series has no territory: answers then also give the
  // creations of such series (creationsWithoutTerritory).
  bool has_series_without_territory() const { return has_series_without_territory_; }
  Windows windows_of(const Query& q) const;

  // store_insights.cpp
  SplitsAnswer splits(const Query& q, std::optional<std::uint32_t> track) const;
  std::vector<BreakoutRow> breakouts(const Query& q, std::uint64_t min_creations) const;
  LiftAnswer lift(std::uint32_t track, const Query& q) const;
  Result<std::vector<LiftAnswer>> lift_ranking(const Query& q) const;
  // The history a lift is estimated on for this query: kLiftHistoryDays
  // days ending at min(S, E, window end + kMaxLag).
  Window lift_history(const Query& q) const;

 private:
  Store() = default;
  // both_per_slot: also the current + previous creations of every slot
  // (breakouts); else only their total (the overview).
  SlotSums sum_slots(const Windows& w, SeriesFilter filter, bool both_per_slot = true) const;
  Change streams_of_track(std::uint32_t track, Window current, Window previous) const;
  void daily_tiktok(std::uint32_t track, Window w, SeriesFilter filter,
                    std::vector<std::uint64_t>& creations, std::vector<std::uint64_t>& views) const;
  std::vector<std::optional<std::uint64_t>> daily_streams(std::uint32_t track, Window w) const;
  // Daily creations (filters applied) over [a, b], days after E count 0.
  void daily_creations(std::uint32_t track, Day a, Day b, SeriesFilter filter,
                       std::vector<std::uint64_t>& out) const;
  // Fills history, activity and reason "thin-activity"; true when the track
  // has enough activity to be tested.
  bool lift_activity(LiftAnswer& a, Window history,
                     const std::vector<std::uint64_t>& creations) const;
  void lift_test(LiftAnswer& a, Window history, const std::vector<std::uint64_t>& creations) const;

  std::vector<TrackInfo> tracks_;
  std::vector<std::pair<std::string_view, std::uint32_t>> id_index_;  // sorted by id
  std::vector<std::uint32_t> id_rank_;  // per track: its place in id order, for ranking ties
  Day tiktok_end_ = 0;                  // E
  std::optional<Day> streams_end_;      // S

  SeriesSums<2> tiktok_;                // metric 0 creations, 1 views; anchor E
  std::vector<std::uint32_t> slot_of_;  // per stored tiktok series
  std::vector<std::uint8_t>
      kind_of_;  // per stored tiktok series: series_kind() of its platform and content
  std::vector<std::uint32_t> slot_track_;
  std::vector<std::array<char, 2>> slot_code_;  // {0, 0}: the series without a territory
  bool has_series_without_territory_ = false;
  std::vector<std::uint32_t>
      track_slots_;  // track t owns slots [track_slots_[t], track_slots_[t+1])
  std::vector<std::uint32_t> track_series_start_;  // CSR: tiktok series of track t, ordered by slot
  std::vector<std::uint32_t> track_series_;

  SeriesSums<1> streams_;                           // anchor S
  std::vector<std::uint32_t> streams_track_start_;  // CSR: streams series of track t
  std::vector<std::uint32_t> streams_series_;
};

}  // namespace tta
