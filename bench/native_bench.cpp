// tta-bench: the engine's own timings, natively, on one document: load speed,
// memory per stored day, and each query's median and p95 over many runs.
// The browser benchmark (bench/run.mjs) compares against peers; this one
// isolates the core from the JS boundary.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "analytics.hpp"

namespace {

using Clock = std::chrono::steady_clock;

template <typename F>
std::pair<double, double> time_ms(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto t0 = Clock::now();
    f();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return {ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]};
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: tta-bench FILE\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string doc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  tta::Analytics engine;
  const auto t0 = Clock::now();
  auto loaded = engine.load(doc);
  const double load_s = std::chrono::duration<double>(Clock::now() - t0).count();
  if (!loaded) {
    std::fprintf(stderr, "tta-bench: %s\n", loaded.error().c_str());
    return 2;
  }
  const tta::LoadSummary& s = loaded.value();
  const std::size_t tiktok_points = s.daily_points;  // creations+views pairs and streams values
  std::printf("document: %.1f MB, %zu tracks, %zu tiktok + %zu streams series, %zu daily points\n",
              doc.size() / 1e6, s.tracks, s.tiktok_series, s.streams_series, tiktok_points);
  std::printf("load: %.2f s (%.1f MB/s); store %.1f MB = %.2f bytes per daily point\n", load_s,
              doc.size() / 1e6 / load_s, s.store_bytes / 1e6,
              double(s.store_bytes) / tiktok_points);
  std::printf("%-34s %10s %10s\n", "query", "p50 ms", "p95 ms");
  for (int period : {7, 28, 90, 365}) {
    tta::Query q;
    q.period = period;
    q.limit = 50;
    std::size_t bytes = 0;
    auto [p50, p95] = time_ms(200, [&] { bytes += engine.overview_json(q).value().size(); });
    std::printf("overview %-3d days, first 50 rows   %10.3f %10.3f\n", period, p50, p95);
    q.limit = SIZE_MAX;
    std::tie(p50, p95) = time_ms(100, [&] { bytes += engine.overview_json(q).value().size(); });
    std::printf("overview %-3d days, all rows        %10.3f %10.3f\n", period, p50, p95);
    q.platforms = tta::kPlatformTiktok;
    q.content = tta::ContentFilter::ugc;
    q.limit = 50;
    std::tie(p50, p95) = time_ms(200, [&] { bytes += engine.overview_json(q).value().size(); });
    std::printf("overview %-3d days, tiktok+ugc, 50  %10.3f %10.3f\n", period, p50, p95);
  }
  tta::Query q;
  q.period = 365;
  q.limit = 1;
  const std::string top = engine.overview_json(q).value();
  const auto id_at = top.find("\"tracks\":[{\"id\":\"");
  if (id_at != std::string::npos) {
    const auto begin = id_at + 17, end = top.find('"', begin);
    const std::string id = top.substr(begin, end - begin);
    for (int period : {7, 28, 90, 365}) {
      q.period = period;
      auto [p50, p95] = time_ms(200, [&] { (void)engine.track_json(id, q).value(); });
      std::printf("track %-8s %-3d days             %10.3f %10.3f\n", id.c_str(), period, p50, p95);
    }
  }
  return 0;
}
