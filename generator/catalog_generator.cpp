// Sample-catalog generator: see catalog_generator.hpp for the contract.
//
// Model, per track (all randomness from per-track / per-series PRNG streams,
// so one track's data never depends on the others):
//  - popularity is Zipf over a random ranking of the tracks; it drives the
//    baseline creation rate, the number of territories and the streams level;
//  - expected creations/day = day factor (weekly seasonality x daily jitter) x
//    (baseline decaying after release + viral bursts that rise for a few days
//    then decay exponentially, with a slower long tail);
//  - the track's volume is split over Zipf-weighted territories, UGC/PGC, with
//    each viral burst centred on a "home" territory and reaching the others a
//    few days later; daily creations are Poisson draws of that expectation;
//  - views = creations x a heavy-tailed per-series views-per-creation factor;
//  - streams = baseline (launch spike, slow decay, weekly seasonality) + a
//    response to the track's TikTok activity 2-5 days earlier.
#include "catalog_generator.hpp"

#include "dates.hpp"        // the core's calendar
#include "json_writer.hpp"  // tta::append_json_string

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Bit-identical output needs every a*b+c rounded twice, as written: no FMA.
// (CMakeLists.txt also passes -ffp-contract=off; GCC ignores this pragma.)
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

namespace tta {
namespace {

// ---------------------------------------------------------------- randomness

std::uint64_t mix64(std::uint64_t z) {  // splitmix64 finalizer, a bijection
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// xoshiro256** seeded through splitmix64. Each (seed, stream, sub) triple is an
// independent stream, so e.g. --quiet or a different --tracks leaves the data
// of unaffected tracks unchanged.
class Rng {
 public:
  Rng(std::uint64_t seed, std::uint64_t stream, std::uint64_t sub) {
    std::uint64_t k = mix64(mix64(mix64(seed ^ 0x5EED5EED5EED5EEDull) ^ stream) ^ sub);
    for (auto& word : s_) word = mix64(k += 0x9E3779B97F4A7C15ull);
  }
  std::uint64_t next() {
    const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }               // [0, 1)
  double open_uniform() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1.0p-53; }  // (0, 1)
  std::uint64_t below(std::uint64_t n) { return next() % n; }  // bias < 2^-40 for our n
  bool chance(double p) { return uniform() < p; }
  double normalish() {  // Irwin-Hall(4), rescaled to mean 0 / variance 1
    return (uniform() + uniform() + uniform() + uniform() - 2.0) * 1.7320508075688772;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::uint64_t s_[4];
};

// exp and log from + - * / only (plus exact frexp/ldexp/floor): libm results
// may differ in the last bit between platforms, and that would change bytes.
double det_exp(double x) {
  if (x < -700.0) return 0.0;
  if (x > 700.0) x = 700.0;
  const double k = std::floor(x * 1.4426950408889634 + 0.5);
  const double r = (x - k * 6.93147180369123816490e-01) - k * 1.90821492927058770002e-10;
  // Taylor series in Horner form, |r| <= ln2/2: coefficients 1/n!, n = 12..0.
  static constexpr double kCoef[] = {1.0 / 479001600,
                                     1.0 / 39916800,
                                     1.0 / 3628800,
                                     1.0 / 362880,
                                     1.0 / 40320,
                                     1.0 / 5040,
                                     1.0 / 720,
                                     1.0 / 120,
                                     1.0 / 24,
                                     1.0 / 6,
                                     0.5,
                                     1.0,
                                     1.0};
  double p = 0.0;
  for (const double c : kCoef) p = p * r + c;
  // Times 2^k, built from its bits (exact; k is within [-1010, 1010]).
  const std::uint64_t bits = static_cast<std::uint64_t>(static_cast<int>(k) + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return p * scale;
}

double det_log(double x) {  // x > 0
  int e = 0;
  double m = std::frexp(x, &e);
  if (m < 0.70710678118654752) {
    m *= 2.0;
    --e;
  }
  const double s = (m - 1.0) / (m + 1.0), s2 = s * s;  // log m = 2 atanh(s), |s| < 0.172
  double p = 0.0;
  for (int n = 21; n >= 1; n -= 2) p = p * s2 + 1.0 / n;
  return e * 0.69314718055994530942 + 2.0 * s * p;
}

double det_pow(double base, double exponent) { return det_exp(exponent * det_log(base)); }

std::uint64_t poisson(Rng& rng, double lambda) {
  if (lambda <= 0.0) return 0;
  if (lambda < 15.0) {  // Knuth: multiply uniforms until below e^-lambda
    double p = rng.open_uniform();
    if (p <= 1.0 - lambda) return 0;  // e^-lambda >= 1 - lambda: skips the exp on most quiet days
    const double limit = det_exp(-lambda);
    std::uint64_t k = 0;
    for (; p > limit; p *= rng.open_uniform()) ++k;
    return k;
  }
  const double x = lambda + std::sqrt(lambda) * rng.normalish() + 0.5;  // normal approximation
  return x < 0.0 ? 0 : static_cast<std::uint64_t>(x);
}

// Days until the next event of probability p per day (geometric), so null
// days cost one draw per null rather than one per day.
int next_gap(Rng& rng, double p) {
  const double g = det_log(rng.open_uniform()) / det_log(1.0 - p);
  return g > 1e6 ? 1000000 : 1 + static_cast<int>(g);
}

// --------------------------------------------------------------------- dates
// The core's calendar (core/dates.hpp), with the generator's own rule: a
// report day from year 2000 on.

int parse_date(const std::string& s) {
  const std::optional<tta::Day> day = tta::parse_date(s);
  if (!day) throw std::invalid_argument("as_of must be a real date YYYY-MM-DD: " + s);
  if (tta::civil_from_day(*day).year < 2000)
    throw std::invalid_argument("as_of is not a valid date from year 2000 on: " + s);
  return *day;
}

using tta::weekday;

// ----------------------------------------------------------------- JSON out

// Buffered writer: numbers go straight into the buffer with std::to_chars.
class Writer {
 public:
  explicit Writer(std::ostream& os) : os_(os), buf_(1 << 20) {}
  void put(char c) {
    room(1);
    buf_[pos_++] = c;
  }
  void put(std::string_view s) {
    room(s.size());
    if (s.size() > buf_.size()) {
      write_out(s.data(), s.size());
      return;
    }
    std::memcpy(buf_.data() + pos_, s.data(), s.size());
    pos_ += s.size();
  }
  void num(std::uint64_t v) {
    room(20);
    pos_ = static_cast<std::size_t>(
        std::to_chars(buf_.data() + pos_, buf_.data() + pos_ + 20, v).ptr - buf_.data());
  }
  void date(int day) {  // "YYYY-MM-DD" with quotes
    put('"');
    put(tta::format_date(day));
    put('"');
  }
  // A JSON string, escaped as the engine's answers escape it (core/json_writer.hpp).
  void str(std::string_view s) {
    text_.clear();
    tta::append_json_string(text_, s);
    put(text_);
  }
  void flush() {
    write_out(buf_.data(), pos_);
    pos_ = 0;
    os_.flush();
    if (!os_) throw std::runtime_error("failed to write the catalog");
  }

 private:
  void room(std::size_t n) {
    if (pos_ + n > buf_.size()) {
      write_out(buf_.data(), pos_);
      pos_ = 0;
    }
  }
  void write_out(const char* p, std::size_t n) {
    os_.write(p, static_cast<std::streamsize>(n));
    if (!os_) throw std::runtime_error("failed to write the catalog");
  }
  std::ostream& os_;
  std::vector<char> buf_;
  std::size_t pos_ = 0;
  std::string text_;  // str()'s escaped text, reused
};

// ------------------------------------------------------------- vocabularies

// ~60 ISO 3166 alpha-2 codes, roughly by TikTok audience: the Zipf weights
// follow this order. CN is Douyin only.
constexpr const char* kTerritories[] = {
    "US", "BR", "ID", "MX", "GB", "FR", "DE", "PH", "TR", "VN", "CN", "TH", "ES", "IT", "CA",
    "AR", "CO", "RU", "PK", "SA", "EG", "MY", "JP", "KR", "AU", "NL", "PL", "CL", "PE", "NG",
    "ZA", "IQ", "AE", "BD", "MA", "DZ", "UA", "RO", "BE", "PT", "SE", "CH", "AT", "NZ", "IE",
    "DK", "NO", "FI", "CZ", "GR", "HU", "IL", "KZ", "EC", "DO", "GT", "KE", "GH", "SG", "TW"};
constexpr int kTerritoryCount = sizeof(kTerritories) / sizeof(kTerritories[0]);
constexpr int kChina = 10;

constexpr const char* kAdjectives[] = {
    "Midnight", "Golden",   "Electric", "Neon",    "Velvet",   "Silent",  "Broken",  "Wild",
    "Crystal",  "Lonely",   "Burning",  "Frozen",  "Sweet",    "Endless", "Secret",  "Paper",
    "Summer",   "Cosmic",   "Purple",   "Sunday",  "Restless", "Hidden",  "Glass",   "Lucky",
    "Honey",    "Silver",   "Dancing",  "Falling", "Lost",     "Blue",    "Sugar",   "Faded",
    "Rebel",    "Tropical", "Savage",   "Little",  "Holy",     "Dirty",   "Perfect", "Fever"};
constexpr const char* kNouns[] = {
    "Drive",     "Hearts",  "Dreams",   "Lights",   "Rain",     "City",    "Fire",   "Love",
    "Nights",    "Ocean",   "Shadows",  "Paradise", "Mirror",   "Sky",     "Road",   "Moon",
    "Waves",     "Machine", "Thunder",  "Heaven",   "Roses",    "Echoes",  "Garden", "Storm",
    "Kiss",      "Signal",  "Horizon",  "Island",   "Diamonds", "Ghost",   "Party",  "Corazón",
    "Satellite", "Melody",  "Memories", "Highway",  "Weekend",  "Saudade", "Tears",  "Rhythm"};
constexpr const char* kGerunds[] = {"Dancing", "Running",  "Falling", "Waiting",
                                    "Driving", "Dreaming", "Chasing", "Crying"};
constexpr const char* kVersions[] = {"Remix", "Acoustic",   "Sped Up",      "Slowed + Reverb",
                                     "Live",  "Radio Edit", "Extended Mix", "Instrumental"};
constexpr const char* kArtistFirst[] = {
    "Nova",   "Luna",    "Kairo", "Zoë",    "Mø",    "Ráfaga",  "Aya",   "Juno", "Orbit",
    "Selene", "Tiago",   "Nilo",  "Maëlle", "Kenji", "Soraya",  "Ezra",  "Iris", "Malik",
    "Yuna",   "Dario",   "Leïla", "Oscar",  "Priya", "Rio",     "Sasha", "Theo", "Vera",
    "Wren",   "Ximena",  "Yaro",  "Zadie",  "Ava",   "Bastien", "Cleo",  "Dex",  "Elio",
    "Fenna",  "Gaspard", "Hana",  "Inès",   "Jalen", "Kiki",    "Lior",  "Mika"};
constexpr const char* kArtistSecond[] = {
    "Vega",   "Park",   "Sound",  "Collective", "& The Wolves", "Blue",      "Kid",   "Twins",
    "Ortega", "Moreau", "Santos", "Okafor",     "Nakamura",     "Lindqvist", "Costa", "Dubois",
    "Rivers", "Stone",  "Wave",   "Club",       "Ensemble",     "Riot",      "Lane",  "Bloom"};
constexpr const char* kArtistPrefix[] = {"", "DJ ", "Lil ", "MC ", "Young "};

template <std::size_t N>
const char* pick(Rng& rng, const char* const (&list)[N]) {
  return list[rng.below(N)];
}

std::string artist_name(std::size_t i) {  // distinct for the first 5 x 44 x 25 indices
  constexpr std::size_t nf = std::size(kArtistFirst), ns = std::size(kArtistSecond) + 1,
                        np = std::size(kArtistPrefix);
  std::string name = std::string(kArtistPrefix[(i / (nf * ns)) % np]) + kArtistFirst[i % nf];
  if ((i / nf) % ns != 0) name += std::string(" ") + kArtistSecond[(i / nf) % ns - 1];
  if (i >= nf * ns * np) name += " " + std::to_string(i / (nf * ns * np) + 1);
  return name;
}

// Hostile or unusual titles, pinned to popularity ranks so that they show up
// in the dashboard's ranked table and exercise escaping / XSS defences.
enum class Special { kTitle, kNoArtist, kNoTitle };
struct SpecialTrack {
  std::size_t rank;
  Special kind;
  const char* title;
};
constexpr SpecialTrack kSpecials[] = {
    {3, Special::kTitle, "🔥 Fuego 🔥"},
    {6, Special::kTitle, "<img src=x onerror=\"window.__xss=1\">"},
    {9, Special::kTitle, "Say \"Hello\" \\ Wave \"Goodbye\""},
    {13, Special::kTitle, "<b>bold</b> & <i>brave</i>"},
    {17, Special::kTitle, "שיר של לילה (Remix) أغنية الليل"},
    {22, Special::kTitle, nullptr},  // the ~300-character title, built below
    {28, Special::kNoArtist, nullptr},
    {35, Special::kNoTitle, nullptr},
    {43, Special::kTitle, "Tab\tSeparated 👩‍🎤 Rockstar"},
    {52, Special::kTitle, "Cafe\u0301 Noir (Zalgo e\u0301\u0300\u0302)"},
};

std::string long_title() {
  std::string t = "Medley:";
  for (std::size_t i = 0; t.size() < 300; ++i)
    t += std::string(" ") + kAdjectives[i % std::size(kAdjectives)] + " " +
         kNouns[(i * 7) % std::size(kNouns)];
  return t.substr(0, 300);
}

// --------------------------------------------------------------- the plan

constexpr int kMaxBursts = 5;
constexpr double kTiktokWeekly[7] = {0.93, 0.90, 0.92, 0.96,
                                     1.04, 1.14, 1.11};  // Mon..Sun: weekends higher
constexpr double kStreamsWeekly[7] = {0.95, 0.93, 0.94, 0.97, 1.07, 1.10, 1.04};
constexpr std::uint64_t kMegaViews = 5000000000ull;  // > 2^32: one mega-viral day

struct Burst {
  int day;            // first day of the rise
  int rise;           // days to reach the peak
  double peak;        // expected creations/day at the peak (whole track)
  double decay;       // daily factor after the peak
  double tail_decay;  // slower factor of the 10% long tail
  double home_u;      // picks the burst's home territory
  double home_share;  // share of the burst in the home territory
};

struct TrackPlan {
  std::string id, title, artist, isrc;
  bool has_title = true, has_artist = true, has_isrc = true, has_tiktok = true, has_streams = true;
  std::size_t rank = 0;
  double pop = 0, rel_rank = 0;  // 1/rank, and rank/N in (0, 1]
  int release = 0;
  double base = 0, base_halflife = 0, ugc_share = 0;
  Burst bursts[kMaxBursts];
  int burst_count = 0;
  int mega_day = -1;  // day with kMegaViews on the (US, tiktok, ugc) series
  double streams_base = 0, streams_halflife = 0, streams_per_creation = 0;
  int streams_lag = 0;
  int planted_lag = 0;         // Lift::planted
  int stream_burst_count = 0;  // Lift::planted and Lift::null: streams' own bursts
  int stream_burst_day[2] = {0, 0};
  double stream_burst_peak[2] = {0, 0}, stream_burst_decay[2] = {0, 0};
};

struct Context {
  GeneratorOptions opt;
  int last_tiktok = 0;   // E = asOf - 1
  int last_streams = 0;  // S = asOf - 2
  int first_day = 0;     // first TikTok day of the span
  int quiet_from = 0;    // --quiet: first day forced to 0 creations
};

enum Stream : std::uint64_t {
  kCatalog = 1,
  kPlan = 2,
  kCurves = 3,
  kTerritoryPick = 4,
  kStreams = 5,
  kLift = 6,
  kShortForm = 7,
  kSeries = 1000
};

void add_burst(TrackPlan& t, Rng& rng, int day, double peak) {
  if (t.burst_count == kMaxBursts) return;
  const double tau = 2.0 + 25.0 * rng.uniform();  // days
  t.bursts[t.burst_count++] = {day,
                               1 + static_cast<int>(rng.below(4)),
                               peak,
                               det_exp(-1.0 / tau),
                               det_exp(-1.0 / (40.0 + 80.0 * rng.uniform())),
                               rng.uniform(),
                               0.2 + 0.5 * rng.uniform()};
}

std::vector<TrackPlan> plan_catalog(const Context& ctx) {
  const std::size_t n = ctx.opt.tracks;
  const int days = ctx.opt.days, E = ctx.last_tiktok;
  Rng cat(ctx.opt.seed, kCatalog, 0);

  // An artist's own catalog has 1-3 artists, a label's about one per 8 tracks.
  const std::size_t artists = n <= 300 ? 1 + cat.below(3) : n / 8;
  const std::size_t artist_offset = cat.below(std::size(kArtistFirst));
  std::vector<std::size_t> ranks(n);
  for (std::size_t i = 0; i < n; ++i) ranks[i] = i + 1;
  for (std::size_t i = n; i > 1; --i) std::swap(ranks[i - 1], ranks[cat.below(i)]);  // Fisher-Yates

  std::size_t width = 1;
  for (std::size_t v = n; v >= 10; v /= 10) ++width;

  std::vector<TrackPlan> plans(n);
  for (std::size_t i = 0; i < n; ++i) {
    TrackPlan& t = plans[i];
    Rng rng(ctx.opt.seed, kPlan, i);
    const std::string num = std::to_string(i + 1);
    t.id = "T" + std::string(width - num.size(), '0') + num;
    t.rank = ranks[i];
    t.pop = 1.0 / static_cast<double>(t.rank);
    t.rel_rank = static_cast<double>(t.rank) / static_cast<double>(n);

    const double u = rng.uniform();
    const char* adj = pick(rng, kAdjectives);
    const char* noun = pick(rng, kNouns);
    if (u < 0.45)
      t.title = std::string(adj) + " " + noun;
    else if (u < 0.60)
      t.title = std::string("The ") + noun;
    else if (u < 0.75)
      t.title = std::string(adj) + " " + noun + " (" + pick(rng, kVersions) + ")";
    else if (u < 0.87)
      t.title = std::string(pick(rng, kGerunds)) + " in the " + noun;
    else if (u < 0.95)
      t.title = std::string(noun) + " & " + pick(rng, kNouns);
    else
      t.title = std::string(adj) + " " + noun + " (feat. " +
                artist_name(artist_offset + artists + rng.below(200)) + ")";
    // Label catalogs: a few artists own many tracks (skewed pick).
    const double a = rng.uniform();
    t.artist = artist_name(artist_offset +
                           std::min(artists - 1, static_cast<std::size_t>(artists * a * a)));

    // 20% back catalog released before the span; the rest spread over it.
    t.release = rng.chance(0.2)
                    ? ctx.first_day - 1 - static_cast<int>(rng.below(3000))
                    : ctx.first_day + static_cast<int>(rng.below(static_cast<std::uint64_t>(days)));
    if (t.rank <= 2) t.release = std::min(t.release, E - 150);  // the hits have history
    t.has_isrc = !rng.chance(0.02);
    const int year = tta::civil_from_day(t.release).year;
    char isrc[16];
    std::snprintf(isrc, sizeof isrc, "FRX20%02d%05d", year % 100,
                  static_cast<int>((i + 1) % 100000));
    t.isrc = isrc;
    t.has_tiktok = t.rank <= 60 || !rng.chance(0.05);
    t.has_streams = t.rank <= 60 || !rng.chance(0.03);

    t.base =
        900.0 * t.pop * (0.6 + 0.8 * rng.uniform());  // expected creations/day, all territories
    t.base_halflife = 60.0 + 180.0 * rng.uniform();
    t.ugc_share = 0.72 + 0.22 * rng.uniform();
    const double b = rng.uniform();
    const int bursts = b < 0.5 ? 0 : b < 0.82 ? 1 : b < 0.95 ? 2 : 3;
    for (int k = 0; k < bursts; ++k) {
      const int from = std::max(t.release, ctx.first_day - 60);
      const int day = from + static_cast<int>(rng.below(static_cast<std::uint64_t>(E - from + 1)));
      double peak = t.base * (6.0 + 30.0 * rng.uniform());
      if (rng.chance(0.04))
        peak += 100.0 + 3000.0 * det_pow(rng.uniform(), 3.0);  // an obscure track blows up
      add_burst(t, rng, day, peak);
    }
    if (t.rank <= 2) {  // the two biggest tracks go viral within the last 28 days
      const int day = E - 4 - static_cast<int>(rng.below(17));
      add_burst(t, rng, day, 20.0 * t.base + 2000.0);
      if (t.rank == 1 && day + 1 >= std::max(t.release, ctx.first_day)) t.mega_day = day + 1;
    }
    t.streams_base =
        40000.0 * det_pow(t.pop, 0.8) * (0.5 + rng.uniform()) + 5.0 + 30.0 * rng.uniform();
    t.streams_halflife = 150.0 + 350.0 * rng.uniform();
    t.streams_per_creation = t.has_tiktok ? 8.0 + 40.0 * rng.uniform() : 0.0;
    t.streams_lag = 2 + static_cast<int>(rng.below(4));
    if (ctx.opt.lift != GeneratorOptions::Lift::natural) {
      // Its own stream, so the rest of the catalog stays as in natural mode.
      Rng lift(ctx.opt.seed, kLift, i);
      t.planted_lag = static_cast<int>(lift.below(15));
      t.stream_burst_count = static_cast<int>(lift.below(3));
      for (int k = 0; k < t.stream_burst_count; ++k) {  // e.g. a playlist add
        t.stream_burst_day[k] =
            ctx.first_day + static_cast<int>(lift.below(static_cast<std::uint64_t>(days)));
        t.stream_burst_peak[k] = t.streams_base * (1.0 + 4.0 * lift.uniform());
        t.stream_burst_decay[k] = det_exp(-1.0 / (3.0 + 17.0 * lift.uniform()));
      }
    }
  }

  // A new single goes viral: the best-ranked track released 5-27 days ago.
  TrackPlan* fresh = nullptr;
  for (auto& t : plans)
    if (t.has_tiktok && t.release >= E - 27 && t.release <= E - 5 &&
        (!fresh || t.rank < fresh->rank))
      fresh = &t;
  if (fresh) {
    Rng rng(ctx.opt.seed, kPlan, n + 1);
    add_burst(*fresh, rng, fresh->release + 1, 10.0 * fresh->base + 500.0);
  }

  std::vector<std::size_t> by_rank(n);
  for (std::size_t i = 0; i < n; ++i) by_rank[plans[i].rank - 1] = i;
  for (const auto& s : kSpecials) {
    if (s.rank > n || ctx.opt.clean_titles) continue;
    TrackPlan& t = plans[by_rank[s.rank - 1]];
    if (s.kind == Special::kNoArtist)
      t.has_artist = false;
    else if (s.kind == Special::kNoTitle)
      t.has_title = false;
    else
      t.title = s.title ? s.title : long_title();
  }
  return plans;
}

// Per-track daily curves over [first, last_tiktok], shared by all its series.
struct Curves {
  int first = 0;
  std::vector<double> day_factor, base, burst[kMaxBursts];
};

void build_curves(const Context& ctx, const TrackPlan& t, Curves& c) {
  c.first = std::max(t.release, ctx.first_day);
  const int n = ctx.last_tiktok - c.first + 1;
  Rng rng(ctx.opt.seed, kCurves, t.rank);
  c.day_factor.resize(n);
  c.base.resize(n);
  const double h = det_exp(-0.69314718055994530942 / t.base_halflife);
  double age_decay = det_exp(-0.69314718055994530942 / t.base_halflife * (c.first - t.release));
  for (int i = 0; i < n; ++i, age_decay *= h) {
    c.day_factor[i] = kTiktokWeekly[weekday(c.first + i)] * (0.8 + 0.4 * rng.uniform());
    c.base[i] = t.base * (0.25 + 0.75 * age_decay);
  }
  for (int b = 0; b < t.burst_count; ++b) {
    const Burst& u = t.bursts[b];
    auto& v = c.burst[b];
    v.assign(n, 0.0);
    double fast = 0, slow = 0;
    bool started = false;
    for (int i = 0; i < n; ++i) {
      const int rel = c.first + i - u.day;
      if (rel < 0) continue;
      if (rel < u.rise) {
        v[i] = u.peak * (rel + 1) / (u.rise + 1);
        continue;
      }
      if (!started) {  // first day after the rise (may be before the span for old bursts)
        fast = 0.9 * u.peak * det_exp(det_log(u.decay) * (rel - u.rise));
        slow = 0.1 * u.peak * det_exp(det_log(u.tail_decay) * (rel - u.rise));
        started = true;
      } else {
        fast *= u.decay;
        slow *= u.tail_decay;
      }
      v[i] = fast + slow;
    }
  }
}

// --------------------------------------------------------------- TikTok

enum class App { by_territory, youtube_shorts, instagram_reels };

struct Series {
  int territory;                // -1: none (YouTube Shorts)
  App app = App::by_territory;  // by_territory: douyin in China, else tiktok
  bool pgc, no_platform = false, no_content = false, lowercase = false;
  double share;  // of the baseline
  double burst_share[kMaxBursts];
  int lag;    // days behind the home territory of each burst
  int delay;  // days after the track's first day before the series starts
  double views_per_creation;
};

std::vector<Series> plan_series(const Context& ctx, const TrackPlan& t) {
  static const std::vector<double> weight = [] {
    std::vector<double> w(kTerritoryCount);
    for (int k = 0; k < kTerritoryCount; ++k) w[k] = det_pow(k + 1.0, -0.9);
    return w;
  }();
  Rng rng(ctx.opt.seed, kTerritoryPick, t.rank);

  // Popular tracks reach many territories, obscure ones a few.
  const double reach = det_pow(1.0 - t.rel_rank + 0.5 / static_cast<double>(ctx.opt.tracks), 2.2);
  int count = static_cast<int>(2.0 + 52.0 * reach * (0.75 + 0.5 * rng.uniform()) + 0.5);
  count = t.rank == 1 ? kTerritoryCount : std::clamp(count, 1, kTerritoryCount);

  // Weighted sampling without replacement (Efraimidis-Spirakis keys).
  std::vector<std::pair<double, int>> keys(kTerritoryCount);
  for (int k = 0; k < kTerritoryCount; ++k) keys[k] = {det_log(rng.open_uniform()) / weight[k], k};
  std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  });

  std::vector<double> tshare(count);
  double total = 0;
  for (int j = 0; j < count; ++j)
    total += tshare[j] = weight[keys[j].second] * det_exp(0.9 * rng.normalish());  // local taste
  std::vector<int> lag(count);
  for (int j = 0; j < count; ++j) {
    tshare[j] /= total;
    lag[j] = static_cast<int>(rng.below(5));
  }

  std::vector<Series> out;
  const double pgc_chance = 0.35 + 0.5 * (1.0 - t.rel_rank);
  for (int j = 0; j < count; ++j) {
    const int terr = keys[j].second;
    const bool mega_territory = t.mega_day >= 0 && terr == 0;
    const int delay =
        j < 3 || mega_territory || rng.chance(0.5) ? 0 : 1 + static_cast<int>(rng.below(90));
    const std::size_t first = out.size();
    for (int pgc = 0; pgc < 2; ++pgc) {
      if (pgc && !rng.chance(pgc_chance)) continue;
      Series s{};
      s.territory = terr;
      s.pgc = pgc != 0;
      const double content = pgc ? 1.0 - t.ugc_share : t.ugc_share;
      s.share = tshare[j] * content;
      for (int b = 0; b < t.burst_count; ++b) {  // each burst centres on a home territory
        const Burst& u = t.bursts[b];
        int home = 0;
        for (double acc = tshare[0]; home + 1 < count && acc < u.home_u; acc += tshare[++home]) {
        }
        s.burst_share[b] =
            ((1.0 - u.home_share) * tshare[j] + (home == j ? u.home_share : 0.0)) * content;
      }
      s.lag = lag[j];
      s.delay = delay;
      s.lowercase = rng.chance(0.015);
      s.views_per_creation =
          std::min(40000.0, 200.0 * det_pow(rng.open_uniform(), -1.0 / 1.2));  // Pareto tail
      out.push_back(s);
    }
    // ~3% of series lack platform or content. At most one per territory, so
    // two series never end up with the same key.
    if (!mega_territory && rng.chance(0.045)) {
      Series& s = out[first + rng.below(out.size() - first)];
      const double k = rng.uniform();
      s.no_platform = k < 0.45 || k >= 0.9;
      s.no_content = k >= 0.45;
    }
  }
  if (ctx.opt.short_form) {
    // Beside TikTok, on their own random stream (TikTok's series are unchanged):
    // YouTube Shorts, one series without a territory, about a quarter of
    // TikTok's creations with 3 times the views per creation; Instagram Reels in
    // the track's first three territories, about a tenth, with twice the views.
    Rng sf(ctx.opt.seed, kShortForm, t.rank);
    auto add = [&](int territory, App app, double share, double views_scale) {
      Series s{};
      s.territory = territory;
      s.app = app;
      s.share = share;
      for (int b = 0; b < t.burst_count; ++b) s.burst_share[b] = share;
      s.lag = static_cast<int>(sf.below(5));
      s.views_per_creation =
          views_scale * std::min(40000.0, 200.0 * det_pow(sf.open_uniform(), -1.0 / 1.2));
      out.push_back(s);
    };
    add(-1, App::youtube_shorts, 0.25 * (0.5 + sf.uniform()), 3.0);
    for (int j = 0; j < std::min(count, 3); ++j)
      add(keys[j].second, App::instagram_reels, 0.1 * (0.5 + sf.uniform()) * tshare[j], 2.0);
  }
  return out;
}

// `daily`, when given, receives the track's creations per day from c.first.
void write_tiktok(Writer& w, const Context& ctx, const TrackPlan& t, const Curves& c,
                  bool& first_series, std::vector<std::uint64_t>* daily) {
  const std::vector<Series> series = plan_series(ctx, t);
  const int n = ctx.last_tiktok - c.first + 1;
  if (daily) daily->assign(static_cast<std::size_t>(n), 0);
  std::vector<std::uint64_t> views;
  constexpr std::uint64_t kNull = ~0ull;
  for (std::size_t si = 0; si < series.size(); ++si) {
    const Series& s = series[si];
    Rng rng(ctx.opt.seed, kSeries + si, t.rank);
    const int start = std::min(s.delay, n - 1);
    const bool mega = t.mega_day >= 0 && s.territory == 0 && !s.pgc && s.app == App::by_territory;

    w.put(first_series ? "\n" : ",\n");
    first_series = false;
    w.put("{\"track\":");
    w.str(t.id);
    if (s.territory >= 0) {
      char terr[2] = {kTerritories[s.territory][0], kTerritories[s.territory][1]};
      if (s.lowercase) {
        terr[0] = char(terr[0] + 32);
        terr[1] = char(terr[1] + 32);
      }  // "fr": readers uppercase
      w.put(",\"territory\":\"");
      w.put(std::string_view(terr, 2));
      w.put('"');
    }
    if (s.app == App::youtube_shorts)
      w.put(",\"platform\":\"youtube_shorts\"");
    else if (s.app == App::instagram_reels)
      w.put(",\"platform\":\"instagram_reels\"");
    else if (!s.no_platform)
      w.put(s.territory == kChina ? ",\"platform\":\"douyin\"" : ",\"platform\":\"tiktok\"");
    if (!s.no_content) w.put(s.pgc ? ",\"content\":\"pgc\"" : ",\"content\":\"ugc\"");
    w.put(",\"start\":");
    w.date(c.first + start);
    w.put(",\"creations\":[");

    views.clear();
    int next_null = start + next_gap(rng, 0.005) - 1;  // ~0.5% of days have no data
    for (int i = start; i < n; ++i) {
      if (i > start) w.put(',');
      const int day = c.first + i;
      if (i == next_null && day != t.mega_day) {
        next_null += next_gap(rng, 0.005);
        w.put("null");
        views.push_back(kNull);
        continue;
      }
      if (i == next_null) next_null += next_gap(rng, 0.005);
      double lambda = s.share * c.base[i];
      for (int b = 0; b < t.burst_count; ++b)
        if (i - s.lag >= 0) lambda += s.burst_share[b] * c.burst[b][i - s.lag];
      std::uint64_t created = poisson(rng, lambda * c.day_factor[i]);
      std::uint64_t viewed = 0;
      if (created > 0) {
        double v = static_cast<double>(created) * s.views_per_creation * (0.5 + rng.uniform());
        if (rng.chance(0.005)) v *= 5.0 + 45.0 * rng.uniform();  // one video takes off
        viewed = static_cast<std::uint64_t>(std::min(v, 1.5e9));
      }
      if (mega && day == t.mega_day) {
        created = std::max<std::uint64_t>(created, 20000);
        viewed = kMegaViews + rng.below(100000000);
      }
      if (ctx.opt.quiet_catalog && day >= ctx.quiet_from) created = viewed = 0;
      if (daily) (*daily)[static_cast<std::size_t>(i)] += created;
      w.num(created);
      views.push_back(viewed);
    }
    w.put("],\"views\":[");
    for (std::size_t k = 0; k < views.size(); ++k) {
      if (k) w.put(',');
      if (views[k] == kNull)
        w.put("null");
      else
        w.num(views[k]);
    }
    w.put("]}");
  }
}

// --------------------------------------------------------------- streams

// `daily`: the track's actual creations from c.first (planted and null modes).
void write_streams(Writer& w, const Context& ctx, const TrackPlan& t, const Curves& c,
                   bool& first_series, const std::vector<std::uint64_t>* daily) {
  const GeneratorOptions::Lift mode = ctx.opt.lift;
  const int start = std::max(t.release, ctx.last_streams - ctx.opt.days + 1);
  if (start > ctx.last_streams) return;  // released yesterday: no complete streams day yet
  Rng rng(ctx.opt.seed, kStreams, t.rank);
  w.put(first_series ? "\n" : ",\n");
  first_series = false;
  w.put("{\"track\":");
  w.str(t.id);
  w.put(",\"start\":");
  w.date(start);
  w.put(",\"streams\":[");
  const double ln2 = 0.69314718055994530942;
  const double h = det_exp(-ln2 / t.streams_halflife);
  double age_decay = det_exp(-ln2 / t.streams_halflife * (start - t.release));
  double launch = det_exp(det_log(0.8) * (start - t.release));
  int next_null = next_gap(rng, 0.003) - 1;
  for (int i = 0, day = start; day <= ctx.last_streams; ++i, ++day, age_decay *= h, launch *= 0.8) {
    if (i) w.put(',');
    double v = t.streams_base * (1.0 + 2.0 * launch) * (0.35 + 0.65 * age_decay) *
               kStreamsWeekly[weekday(day)] * (0.92 + 0.16 * rng.uniform());
    for (int b = 0; b < t.stream_burst_count; ++b) {
      const int rel = day - t.stream_burst_day[b];
      if (rel >= 0) v += t.stream_burst_peak[b] * det_exp(det_log(t.stream_burst_decay[b]) * rel);
    }
    if (mode == GeneratorOptions::Lift::planted && daily) {
      // Planted: the track's actual creations `planted_lag` days earlier.
      const int k = day - t.planted_lag - c.first;
      // Each day's response varies +-40% around the ratio.
      const double response = 0.6 + 0.8 * rng.uniform();
      if (k >= 0 && static_cast<std::size_t>(k) < daily->size())
        v += t.streams_per_creation * response *
             static_cast<double>((*daily)[static_cast<std::size_t>(k)]);
    }
    // Streams follow TikTok creations (expected, whole track) a few days later.
    const int source = day - t.streams_lag;
    const int k = std::max(source, c.first) - c.first;  // before the span: use its first day
    if (mode == GeneratorOptions::Lift::natural && t.has_tiktok && source >= t.release &&
        static_cast<std::size_t>(k) < c.base.size()) {
      double created = c.base[k];
      for (int b = 0; b < t.burst_count; ++b) created += c.burst[b][k];
      v += t.streams_per_creation * created;
    }
    if (i == next_null) {
      next_null += next_gap(rng, 0.003);
      w.put("null");
    } else {
      w.num(static_cast<std::uint64_t>(v + 0.5));
    }
  }
  w.put("]}");
}

}  // namespace

void write_sample_catalog(std::ostream& out, const GeneratorOptions& options) {
  if (options.days < 1 || options.days > 10000)
    throw std::invalid_argument("days must be between 1 and 10000");
  if (options.tracks > 1000000) throw std::invalid_argument("tracks must be at most 1000000");
  Context ctx;
  ctx.opt = options;
  const int as_of = parse_date(options.as_of);
  ctx.last_tiktok = as_of - 1;
  ctx.last_streams = as_of - 2;
  ctx.first_day = ctx.last_tiktok - options.days + 1;
  ctx.quiet_from = ctx.last_tiktok - 399;

  const std::vector<TrackPlan> plans = plan_catalog(ctx);
  Writer w(out);
  w.put("{\n\"schema\":\"tiktok-analytics/v1\",\n\"asOf\":");
  w.date(as_of);
  w.put(",\n\"tracks\":[");
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const TrackPlan& t = plans[i];
    w.put(i ? ",\n{\"id\":" : "\n{\"id\":");
    w.str(t.id);
    if (t.has_title) {
      w.put(",\"title\":");
      w.str(t.title);
    }
    if (t.has_artist) {
      w.put(",\"artist\":");
      w.str(t.artist);
    }
    if (t.has_isrc) {
      w.put(",\"isrc\":");
      w.str(t.isrc);
    }
    w.put('}');
  }
  w.put("\n],\n\"tiktok\":[");
  Curves curves;
  bool first = true;
  const bool keep = options.lift != GeneratorOptions::Lift::natural;
  std::vector<std::vector<std::uint64_t>> daily(keep ? plans.size() : 0);
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const TrackPlan& t = plans[i];
    if (!t.has_tiktok) continue;
    build_curves(ctx, t, curves);
    write_tiktok(w, ctx, t, curves, first, keep ? &daily[i] : nullptr);
  }
  w.put("\n],\n\"streams\":[");
  first = true;
  for (std::size_t i = 0; i < plans.size(); ++i) {
    const TrackPlan& t = plans[i];
    if (!t.has_streams) continue;
    build_curves(ctx, t, curves);  // cheap to redo: avoids keeping every track's curves
    write_streams(w, ctx, t, curves, first, keep ? &daily[i] : nullptr);
  }
  w.put("\n]\n}\n");
  w.flush();
}

std::vector<PlantedLift> planted_lifts(const GeneratorOptions& options) {
  Context ctx;
  ctx.opt = options;
  const int as_of = parse_date(options.as_of);
  ctx.last_tiktok = as_of - 1;
  ctx.last_streams = as_of - 2;
  ctx.first_day = ctx.last_tiktok - options.days + 1;
  ctx.quiet_from = ctx.last_tiktok - 399;
  std::vector<PlantedLift> out;
  if (options.lift == GeneratorOptions::Lift::null) return out;
  const bool planted = options.lift == GeneratorOptions::Lift::planted;
  for (const TrackPlan& t : plan_catalog(ctx))
    if (t.has_tiktok && t.has_streams)
      out.push_back({t.id, planted ? t.planted_lag : t.streams_lag, t.streams_per_creation});
  return out;
}

}  // namespace tta
