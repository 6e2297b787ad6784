// CSV exports of the overview table and of a track's series (RFC 4180,
// docs/INSIGHTS.md), beside analytics.cpp, which writes the same answers as JSON.
#include "analytics.hpp"
#include "answer_json.hpp"
#include "checked_size.hpp"  // refuse_out_of_memory
#include "store.hpp"

namespace tta {
namespace {

// RFC 4180 cells, safe to open in a spreadsheet: text that a spreadsheet
// would run as a formula gets a leading apostrophe.
std::string csv_text(std::string_view text) {
  std::string cell;
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                        text[0] == '\t' || text[0] == '\r'))
    cell += '\'';
  cell.append(text);
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::string csv_text(const std::optional<std::string>& text) {
  return text ? csv_text(std::string_view(*text)) : std::string();
}

}  // namespace

Result<std::string> Analytics::overview_csv(const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    const OverviewAnswer a = store_->overview(q);
    std::string out = "rank,id,title,artist,creations,views,streams,top_territories\r\n";
    std::size_t rank = q.offset;
    for (const TrackRow& row : a.rows) {
      const TrackInfo& info = store_->tracks()[row.track];
      std::string codes;
      for (const TerritoryCount& t : row.top) {
        if (!codes.empty()) codes += ' ';
        codes.append(t.code, 2);
      }
      out += std::to_string(++rank) + ',' + csv_text(std::string_view(info.id)) + ',' +
             csv_text(info.title) + ',' + csv_text(info.artist) + ',' +
             std::to_string(row.creations) + ',' + std::to_string(row.views) + ',' +
             std::to_string(row.streams) + ',' + codes + "\r\n";
    }
    return out;
  });
}

Result<std::string> Analytics::track_csv(std::string_view id, const Query& q) const {
  if (auto ok = check(q); !ok) return Error{ok.error()};
  const Result<std::uint32_t> track = find_track(id);
  if (!track) return Error{track.error()};
  return refuse_out_of_memory(kQueryOutOfMemory, [&]() -> Result<std::string> {
    const TrackAnswer a = store_->track(track.value(), q);
    std::string out = "date,creations,views,streams\r\n";
    for (std::size_t d = 0; d < a.daily_creations.size(); ++d) {
      out += format_date(static_cast<Day>(a.window.start + static_cast<Day>(d))) + ',' +
             std::to_string(a.daily_creations[d]) + ',' + std::to_string(a.daily_views[d]) + ',' +
             (a.daily_streams[d] ? std::to_string(*a.daily_streams[d]) : std::string()) + "\r\n";
    }
    return out;
  });
}

}  // namespace tta
