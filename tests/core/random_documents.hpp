// Random small documents for property tests (engine against brute force).
#pragma once

#include <random>

#include "support.hpp"

namespace {

// Random small documents that hit the edges on purpose: series starting
// inside windows or after E, nulls, unknown platform/content, every
// short-form platform, series without a territory, lower-case territories, huge views, documents
// with and without asOf, without streams.
json random_document(std::mt19937_64& random) {
  auto pick = [&](int n) { return static_cast<int>(random() % static_cast<std::uint64_t>(n)); };
  const int base = *tta::parse_date("2025-06-01");
  const int span = 20 + pick(120);
  json doc;
  doc["tracks"] = json::array();
  const int tracks = 1 + pick(6);
  for (int t = 0; t < tracks; ++t) {
    json track = {{"id", std::string(1, static_cast<char>('a' + pick(3))) + std::to_string(t)}};
    if (pick(4)) track["title"] = "Title " + std::to_string(t);
    if (pick(4)) track["artist"] = "Artist";
    if (pick(2)) track["isrc"] = "FRX" + std::to_string(100000000 + t);
    doc["tracks"].push_back(track);
  }
  // nullptr: a series without a territory (the key absent or null) or platform.
  const char* territories[] = {"FR", "us", "BR", "CN", "DE", nullptr};
  const char* platforms[] = {"tiktok", "douyin", "youtube_shorts", "instagram_reels", nullptr};
  const char* contents[] = {"ugc", "pgc", nullptr};
  doc["tiktok"] = json::array();
  const bool no_tiktok = pick(8) == 0;
  for (int t = 0; t < tracks && !no_tiktok; ++t) {
    for (const char* territory : territories) {
      for (const char* platform : platforms) {
        for (const char* content : contents) {
          if (pick(10)) continue;
          // One or two non-overlapping pieces per key.
          int cursor = base + pick(span);
          for (int piece = 0; piece < 1 + pick(2); ++piece) {
            const int length = pick(4) == 0 ? 0 : 1 + pick(span);
            json s = {{"track", doc["tracks"][static_cast<std::size_t>(t)]["id"]},
                      {"start", tta::format_date(cursor)}};
            if (territory)
              s["territory"] = territory;
            else if (pick(2))
              s["territory"] = nullptr;
            if (platform) s["platform"] = platform;
            if (content) s["content"] = content;
            json creations = json::array(), views = json::array();
            for (int d = 0; d < length; ++d) {
              if (pick(15) == 0) {
                creations.push_back(nullptr);
                views.push_back(nullptr);
                continue;
              }
              // Now and then a count above 2^32, so 64-bit creation sums are exercised too.
              const std::uint64_t c = pick(400) == 0 ? 3000000000ull
                                      : pick(3)      ? 0
                                                     : static_cast<std::uint64_t>(pick(50));
              creations.push_back(c);
              views.push_back(pick(200) == 0
                                  ? 5000000000ull + static_cast<std::uint64_t>(pick(1000))
                                  : c * static_cast<std::uint64_t>(pick(300)) +
                                        static_cast<std::uint64_t>(pick(2)));
            }
            s["creations"] = creations;
            s["views"] = views;
            doc["tiktok"].push_back(s);
            cursor += length + pick(30);
          }
        }
      }
    }
  }
  doc["streams"] = json::array();
  if (pick(5)) {
    for (int t = 0; t < tracks; ++t) {
      if (pick(4) == 0) continue;
      json values = json::array();
      const int length = pick(span);
      for (int d = 0; d < length; ++d)
        values.push_back(pick(20) == 0 ? json(nullptr) : json(pick(10000)));
      doc["streams"].push_back({{"track", doc["tracks"][static_cast<std::size_t>(t)]["id"]},
                                {"start", tta::format_date(base + pick(span))},
                                {"streams", values}});
    }
  }
  if (pick(2)) doc["asOf"] = tta::format_date(base + pick(span + 30));
  return doc;
}

}  // namespace
