// tta: the aggregation core on the command line. Same answers as the
// WebAssembly module, for scripts, tests and benchmarks.
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "analytics.hpp"

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  tta overview --period P [--platform all|tiktok|douyin] [--content all|ugc|pgc]\n"
    "               [--limit N] [--offset N] FILE\n"
    "  tta track ID --period P [--platform ...] [--content ...] FILE\n"
    "  tta validate FILE\n"
    "FILE is a tiktok-analytics/v1 JSON document; - reads standard input.\n";

int usage_error(const std::string& message) {
  std::fprintf(stderr, "tta: %s\n%s", message.c_str(), kUsage);
  return 2;
}

bool read_all(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    std::ostringstream buffer;
    buffer << std::cin.rdbuf();
    out = buffer.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open (" + std::strerror(errno) + ")";
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

bool parse_count(const std::string& text, long long& out) {
  if (text.empty() || text.size() > 12) return false;
  out = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  if (command != "overview" && command != "track" && command != "validate")
    return usage_error("unknown command \"" + command + "\"");

  tta::Query query;
  bool have_period = false;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto next = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    std::string v;
    if (a == "--period" || a == "--limit" || a == "--offset") {
      long long n;
      if (!next(v)) return usage_error(a + " needs a value");
      if (!parse_count(v, n)) return usage_error(a + " must be a whole number, got \"" + v + "\"");
      if (a == "--period") {
        auto p = tta::check_period(n);
        if (!p) return usage_error(p.error());
        query.period = p.value();
        have_period = true;
      } else if (a == "--limit") {
        query.limit = static_cast<std::size_t>(n);
      } else {
        query.offset = static_cast<std::size_t>(n);
      }
    } else if (a == "--platform") {
      if (!next(v)) return usage_error("--platform needs a value");
      auto p = tta::parse_platform(v);
      if (!p) return usage_error(p.error());
      query.platform = p.value();
    } else if (a == "--content") {
      if (!next(v)) return usage_error("--content needs a value");
      auto c = tta::parse_content(v);
      if (!c) return usage_error(c.error());
      query.content = c.value();
    } else if (a.size() > 1 && a[0] == '-') {
      return usage_error("unknown option \"" + a + "\"");
    } else {
      positional.push_back(a);
    }
  }
  const std::size_t wanted = command == "track" ? 2 : 1;
  if (positional.size() != wanted)
    return usage_error(command == "track" ? "track needs a track ID and a FILE" : command + " needs one FILE");
  if (command != "validate" && !have_period) return usage_error(command + " needs --period");

  std::string document, error;
  if (!read_all(positional.back(), document, error)) {
    std::fprintf(stderr, "tta: %s\n", error.c_str());
    return 2;
  }
  tta::Analytics analytics;
  auto loaded = analytics.load(document);
  if (!loaded) {
    std::fprintf(stderr, "tta: %s\n", loaded.error().c_str());
    return 2;
  }
  if (command == "validate") {
    const tta::LoadSummary& s = loaded.value();
    std::printf("valid: %zu tracks, %zu tiktok series, %zu streams series, %zu daily points, days %s..%s\n",
                s.tracks, s.tiktok_series, s.streams_series, s.daily_points,
                s.first_day ? tta::format_date(*s.first_day).c_str() : "none",
                s.last_day ? tta::format_date(*s.last_day).c_str() : "none");
    return 0;
  }
  auto answer = command == "overview" ? analytics.overview_json(query)
                                      : analytics.track_json(positional[0], query);
  if (!answer) {
    std::fprintf(stderr, "tta: %s\n", answer.error().c_str());
    return 2;
  }
  std::fwrite(answer.value().data(), 1, answer.value().size(), stdout);
  std::fputc('\n', stdout);
  return 0;
}
