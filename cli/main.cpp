// tta: the aggregation core on the command line. Flags become the same JSON
// request the WebAssembly module sends (core/request.hpp), so both front ends
// give the same answers and the same messages.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>  // building the request

#include "analytics.hpp"
#include "request.hpp"

namespace {

constexpr const char* kUsage =
    "usage:\n"
    "  tta overview (--period P | --from DATE --to DATE) [--platform all|P[,P...]] [--content "
    "all|ugc|pgc]\n"
    "               [--limit N] [--offset N] [--sort creations|views|streams|title|artist] "
    "[--asc]\n"
    "               [--search TEXT] [--csv] FILE\n"
    "  tta track ID (--period P | --from DATE --to DATE) [--platform ...] [--content ...] "
    "[--weekly] [--csv] FILE\n"
    "  tta splits [ID] --period P ... FILE          shares by platform and by content\n"
    "  tta breakouts --period P [--min-creations N] [--limit N] ... FILE\n"
    "  tta lift ID --period P ... FILE              how the track's streams follow its creations "
    "(a lag\n"
    "                                               and ratio only when the last 84 days support "
    "them)\n"
    "  tta lift-ranking --period P [--limit N] ... FILE   tracks with such a claim\n"
    "  tta validate FILE\n"
    "FILE is a tiktok-analytics/v1 JSON document; - reads standard input. A FILE ending in .csv "
    "is\n"
    "read as TikTok long rows (date,track,territory,platform,content,creations,views), with\n"
    "[--streams-csv FILE] (date,track,streams) and [--as-of DATE].\n"
    "P is tiktok, douyin, youtube_shorts or instagram_reels; a comma list (tiktok,youtube_shorts)\n"
    "keeps several platforms, all keeps every series.\n";

// An argument quoted in a message: one line, valid UTF-8 (newlines and other
// control characters in it show as '?'), at most 200 bytes.
std::string shown(const std::string& argument) {
  return "\"" + tta::cut_text(argument, 200) + (argument.size() > 200 ? "...\"" : "\"");
}

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
    error = tta::cut_text(path, 200) + ": cannot open (" + std::strerror(errno) + ")";
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

struct Command {
  const char* name;
  const char* query;  // request "query" (nullptr: validate)
  int track_ids;      // how many ID arguments: 0, 1, or -1 for "0 or 1"
};

constexpr Command kCommands[] = {
    {"overview", "overview", 0},   {"track", "track", 1}, {"splits", "splits", -1},
    {"breakouts", "breakouts", 0}, {"lift", "lift", 1},   {"lift-ranking", "liftRanking", 0},
    {"validate", nullptr, 0},
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const Command* command = nullptr;
  for (const Command& c : kCommands)
    if (args[0] == c.name) command = &c;
  if (!command) return usage_error("unknown command " + shown(args[0]));

  nlohmann::json request = nlohmann::json::object();
  bool csv = false;
  std::string streams_csv_path, as_of;
  std::vector<std::string> positional;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& out) {
      if (i + 1 >= args.size()) return false;
      out = args[++i];
      return true;
    };
    static const std::pair<const char*, const char*> kNumbers[] = {
        {"--period", "period"},
        {"--limit", "limit"},
        {"--offset", "offset"},
        {"--min-creations", "minCreations"}};
    static const std::pair<const char*, const char*> kTexts[] = {
        {"--platform", "platform"}, {"--content", "content"}, {"--from", "start"}, {"--to", "end"},
        {"--sort", "sort"},         {"--search", "search"}};
    bool known = false;
    for (auto [flag, field] : kNumbers) {
      if (a != flag) continue;
      known = true;
      std::string v;
      long long n;
      if (!value(v)) return usage_error(a + " needs a value");
      if (!parse_count(v, n)) return usage_error(a + " must be a whole number, got " + shown(v));
      request[field] = n;
    }
    for (auto [flag, field] : kTexts) {
      if (a != flag) continue;
      known = true;
      std::string v;
      if (!value(v)) return usage_error(a + " needs a value");
      if (a == "--platform" && v.find(',') != std::string::npos) {
        // A set of platforms: the request's "platforms" array.
        nlohmann::json words = nlohmann::json::array();
        for (std::size_t from = 0, comma = 0; comma != std::string::npos; from = comma + 1) {
          comma = v.find(',', from);
          words.push_back(v.substr(from, comma == std::string::npos ? comma : comma - from));
        }
        request["platforms"] = words;
      } else {
        request[field] = v;
      }
    }
    if (known) continue;
    if (a == "--streams-csv" || a == "--as-of") {
      if (!value(a == "--as-of" ? as_of : streams_csv_path))
        return usage_error(a + " needs a value");
      continue;
    }
    if (a == "--asc")
      request["descending"] = false;
    else if (a == "--weekly")
      request["weekly"] = true;
    else if (a == "--csv")
      csv = true;
    else if (a.size() > 1 && a[0] == '-')
      return usage_error("unknown option " + shown(a));
    else
      positional.push_back(a);
  }
  const std::size_t ids = positional.empty() ? 0 : positional.size() - 1;
  const bool ids_ok =
      command->track_ids < 0 ? ids <= 1 : ids == static_cast<std::size_t>(command->track_ids);
  if (positional.empty() || !ids_ok)
    return usage_error(command->track_ids == 1
                           ? std::string(command->name) + " needs a track ID and a FILE"
                           : std::string(command->name) + " needs one FILE");
  if (command->query && !request.contains("period") && !request.contains("start") &&
      !request.contains("end"))
    return usage_error(std::string(command->name) + " needs --period (or --from and --to)");
  if (csv && args[0] != "overview" && args[0] != "track")
    return usage_error("--csv is for overview and track");

  std::string document, error;
  if (!read_all(positional.back(), document, error)) {
    std::fprintf(stderr, "tta: %s\n", error.c_str());
    return 2;
  }
  tta::Analytics analytics;
  const std::string& path = positional.back();
  const bool from_csv = path.size() > 4 && path.compare(path.size() - 4, 4, ".csv") == 0;
  if (!from_csv && (!streams_csv_path.empty() || !as_of.empty()))
    return usage_error("--streams-csv and --as-of go with a .csv FILE");
  std::string streams_csv;
  if (!streams_csv_path.empty() && !read_all(streams_csv_path, streams_csv, error)) {
    std::fprintf(stderr, "tta: %s\n", error.c_str());
    return 2;
  }
  std::optional<tta::Day> as_of_day;
  if (!as_of.empty() && !(as_of_day = tta::parse_date(as_of)))
    return usage_error("--as-of must be a date YYYY-MM-DD, got " + shown(as_of));
  auto loaded =
      from_csv ? analytics.load_csv(document, streams_csv, as_of_day) : analytics.load(document);
  if (!loaded) {
    std::fprintf(stderr, "tta: %s\n", loaded.error().c_str());
    return 2;
  }
  if (!command->query) {
    const tta::LoadSummary& s = loaded.value();
    std::printf(
        "valid: %zu tracks, %zu tiktok series, %zu streams series, %zu daily points, days %s..%s\n",
        s.tracks, s.tiktok_series, s.streams_series, s.daily_points,
        s.first_day ? tta::format_date(*s.first_day).c_str() : "none",
        s.last_day ? tta::format_date(*s.last_day).c_str() : "none");
    return 0;
  }
  request["query"] = std::string(command->query) + (csv ? "Csv" : "");
  if (ids == 1) request["track"] = positional[0];
  std::string request_text;
  try {
    request_text = request.dump();
  } catch (const nlohmann::json::type_error&) {  // an argument that is not UTF-8
    return usage_error("arguments must be UTF-8 text");
  }
  auto answer = tta::answer_request(analytics, request_text);
  if (!answer) {
    std::fprintf(stderr, "tta: %s\n", answer.error().c_str());
    return 2;
  }
  std::fwrite(answer.value().data(), 1, answer.value().size(), stdout);
  if (!csv) std::fputc('\n', stdout);
  return 0;
}
