// tta-generate: writes a deterministic sample catalog (tiktok-analytics/v1).
//   tta-generate [--tracks N] [--days D] [--seed S] [--as-of YYYY-MM-DD] [--quiet] [--clean]
//                [--short-form]
//                [--lift natural|planted|null] [--truth FILE] [-o FILE]
// Exit status: 0 ok, 1 generation/output failure, 2 bad command line.
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>

#include "catalog_generator.hpp"

namespace {

constexpr const char* kUsage =
    "usage: tta-generate [--tracks N] [--days D] [--seed S] [--as-of YYYY-MM-DD] [--quiet] "
    "[--clean] [--short-form]\n"
    "                    [--lift natural|planted|null] [--truth FILE] [-o FILE]\n"
    "  --tracks N   number of tracks (default 200; <= 300 is an artist's catalog, more a label's)\n"
    "  --days D     days of history ending at as-of - 1 (default 730)\n"
    "  --seed S     64-bit seed; the same options give the same bytes (default 1)\n"
    "  --as-of D    report day, YYYY-MM-DD (default 2026-11-26)\n"
    "  --quiet      no TikTok creations in the last 400 days (dashboard empty state)\n"
    "  --clean      no hostile or odd titles (markup, missing titles or artists): a demo catalog\n"
    "  --short-form also YouTube Shorts (no territory) and Instagram Reels series, beside TikTok\n"
    "  --lift M     how streams depend on creations: natural (default), planted (a known lag\n"
    "               and streams-per-creation ratio per track) or null (independent)\n"
    "  --truth FILE with --lift planted: write the planted id,lag,streams_per_creation as CSV\n"
    "  -o FILE      write to FILE instead of standard output\n";

int usage_error(const std::string& message) {
  std::cerr << "tta-generate: " << message << "\n" << kUsage;
  return 2;
}

template <typename T>
bool parse_number(std::string_view text, T& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

}  // namespace

int main(int argc, char** argv) {
  tta::GeneratorOptions options;
  std::string output, truth;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i], value;
    bool has_value = false;
    if (const auto eq = flag.find('='); flag.rfind("--", 0) == 0 && eq != std::string::npos) {
      value = flag.substr(eq + 1);  // --flag=value
      flag.resize(eq);
      has_value = true;
    }
    if (flag == "-h" || flag == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (flag == "--quiet") {
      if (has_value) return usage_error("--quiet takes no value");
      options.quiet_catalog = true;
      continue;
    }
    if (flag == "--short-form") {
      if (has_value) return usage_error("--short-form takes no value");
      options.short_form = true;
      continue;
    }
    if (flag == "--clean") {
      if (has_value) return usage_error("--clean takes no value");
      options.clean_titles = true;
      continue;
    }
    if (flag != "--tracks" && flag != "--days" && flag != "--seed" && flag != "--as-of" &&
        flag != "-o" && flag != "--lift" && flag != "--truth")
      return usage_error("unknown option '" + std::string(argv[i]) + "'");
    if (!has_value) {
      if (i + 1 >= argc) return usage_error(flag + " needs a value");
      value = argv[++i];
    }
    if (flag == "--tracks") {
      if (!parse_number(value, options.tracks) || options.tracks > 1000000)
        return usage_error("--tracks must be an integer from 0 to 1000000, got '" + value + "'");
    } else if (flag == "--days") {
      if (!parse_number(value, options.days) || options.days < 1 || options.days > 10000)
        return usage_error("--days must be an integer from 1 to 10000, got '" + value + "'");
    } else if (flag == "--seed") {
      if (!parse_number(value, options.seed))
        return usage_error("--seed must be an unsigned 64-bit integer, got '" + value + "'");
    } else if (flag == "--as-of") {
      options.as_of = value;
    } else if (flag == "--lift") {
      if (value == "natural")
        options.lift = tta::GeneratorOptions::Lift::natural;
      else if (value == "planted")
        options.lift = tta::GeneratorOptions::Lift::planted;
      else if (value == "null")
        options.lift = tta::GeneratorOptions::Lift::null;
      else
        return usage_error("--lift must be natural, planted or null, got '" + value + "'");
    } else if (flag == "--truth") {
      if (value.empty()) return usage_error("--truth needs a file name");
      truth = value;
    } else {
      if (value.empty()) return usage_error("-o needs a file name");
      output = value;
    }
  }

  if (!truth.empty() && options.lift != tta::GeneratorOptions::Lift::planted)
    return usage_error("--truth needs --lift planted");
  try {
    if (!truth.empty()) {
      std::ofstream file(truth, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::cerr << "tta-generate: cannot open '" << truth << "' for writing\n";
        return 1;
      }
      file << "id,lag,streams_per_creation\n";
      file.precision(17);
      for (const auto& p : tta::planted_lifts(options))
        file << p.id << ',' << p.lag << ',' << p.streams_per_creation << '\n';
      file.close();
      if (!file) {
        std::cerr << "tta-generate: failed to write '" << truth << "'\n";
        return 1;
      }
    }
    if (output.empty()) {
      std::ios::sync_with_stdio(false);
      tta::write_sample_catalog(std::cout, options);
    } else {
      std::ofstream file(output, std::ios::binary | std::ios::trunc);
      if (!file) {
        std::cerr << "tta-generate: cannot open '" << output << "' for writing\n";
        return 1;
      }
      tta::write_sample_catalog(file, options);
      file.close();
      if (!file) {
        std::cerr << "tta-generate: failed to write '" << output << "'\n";
        return 1;
      }
    }
  } catch (const std::invalid_argument& e) {
    if (!output.empty()) std::remove(output.c_str());  // nothing was written yet
    return usage_error(e.what());                      // e.g. a malformed --as-of
  } catch (const std::exception& e) {
    std::cerr << "tta-generate: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
