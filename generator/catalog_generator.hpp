// Deterministic, realistic sample-catalog generator for the
// `tiktok-analytics/v1` input format (see docs/FORMAT.md).
//
// The same options give the same bytes on every compiler and platform: the
// generator uses its own PRNG (xoshiro256**) and its own exp/log built from
// + - * / only, never <random> distributions or libm transcendentals, whose
// results differ between standard libraries.
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

namespace tta {

struct GeneratorOptions {
  std::size_t tracks = 200;  // catalog size (<= 300: one artist's catalog, else a label's)
  int days = 730;          // how many days of history, ending at asOf-1 (TikTok) / asOf-2 (streams)
  std::uint64_t seed = 1;  // same seed, same bytes
  std::string as_of = "2026-11-26";  // the report day D, YYYY-MM-DD
  bool quiet_catalog = false;  // TikTok creations/views all 0 in the last 400 days, rest unchanged
  bool clean_titles =
      false;  // no hostile or odd titles (the demo's sample): every track named, by an artist
  // How streams depend on TikTok (docs/INSIGHTS.md measures the lift on these):
  //  natural: a response to the track's expected creations 2-5 days earlier (the demo catalog);
  //  planted: streams = own baseline and bursts + ratio x the track's actual daily creations
  //           `lag` days earlier, with a known lag (0-14) and ratio (8-48) per track;
  //  null:    streams = own baseline and bursts only, independent of creations.
  // planted and null keep every track's daily creations in memory (8 bytes a track-day).
  enum class Lift { natural, planted, null } lift = Lift::natural;
  // Also YouTube Shorts (one series per track, no territory: YouTube reports
  // none) and Instagram Reels (the track's first three territories) beside
  // TikTok, each with its own scale: fewer creations than TikTok, more views
  // per creation. Off, the document is byte for byte what it was without it.
  bool short_form = false;
};

// The truth per track with TikTok and streams data: for Lift::planted the
// planted lag and ratio; for Lift::natural the lag and ratio of the response
// to the track's expected (not actual) creations; none for Lift::null.
struct PlantedLift {
  std::string id;
  int lag;
  double streams_per_creation;
};
std::vector<PlantedLift> planted_lifts(const GeneratorOptions& options);

// Writes one JSON document to `out`, streamed (no DOM: a 10,000-track catalog
// is hundreds of MB). Throws std::invalid_argument for bad options
// (malformed or out-of-range as_of, days < 1, tracks > 1,000,000) and
// std::runtime_error if the stream fails.
void write_sample_catalog(std::ostream& out, const GeneratorOptions& options);

}  // namespace tta
