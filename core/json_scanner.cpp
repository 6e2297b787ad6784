#include "json_scanner.hpp"

#include <algorithm>  // std::max
#include <cmath>      // std::isfinite
#include <cstdlib>    // std::strtod
#include <cstring>    // std::memchr
#include <memory>
#include <vector>

#include "utf8.hpp"

namespace tta {
namespace {

// The scanner keeps its place between pieces of the document: the containers
// open so far, and the phase the next byte belongs to. Each phase starts at a
// point where no event is half sent ("mark"); a piece that ends inside a
// token leaves the bytes from the mark for the next piece, which reads them
// again. Only the last piece may end the document, so every message (and its
// line and column) is the one the whole document in one piece gives.
class Scanner {
 public:
  Scanner(nlohmann::json_sax<nlohmann::json>& handler, UintArraySink* runs)
      : handler_(handler), runs_(runs) {}

  ScanOutcome feed(std::string_view piece, bool last, std::string& error) {
    std::string_view text = piece;
    if (!carry_.empty()) {
      carry_.append(piece.data(), piece.size());
      text = carry_;
    }
    begin_ = p_ = mark_ = text.data();
    end_ = text.data() + text.size();
    last_ = last;
    const ScanOutcome outcome = run();
    if (outcome == ScanOutcome::syntax_error) error = where() + ": syntax error: " + problem_;
    if (outcome == ScanOutcome::incomplete) {
      // The bytes before the mark are read for good: keep only their lines.
      for (const char* q = begin_;
           (q = static_cast<const char*>(std::memchr(q, '\n', mark_ - q)));) {
        ++lines_;
        line_start_ = base_ + static_cast<std::size_t>(++q - begin_);
      }
      base_ += static_cast<std::size_t>(mark_ - begin_);
      std::string rest(mark_, end_);
      carry_ = std::move(rest);
    } else {
      carry_ = std::string();
    }
    return outcome;
  }

  std::size_t carried() const { return carry_.size(); }

 private:
  using Json = nlohmann::json;

  ScanOutcome run() {
    if (!bom_checked_) {
      // A UTF-8 byte-order mark is allowed before the document.
      static constexpr unsigned char kBom[3] = {0xEF, 0xBB, 0xBF};
      const std::size_t left = static_cast<std::size_t>(end_ - p_);
      std::size_t same = 0;
      while (same < 3 && same < left && static_cast<unsigned char>(p_[same]) == kBom[same]) ++same;
      if (same == 3)
        p_ += 3;
      else if (same == left && !last_)
        return incomplete();
      bom_checked_ = true;
    }
    return document();
  }

  // kUints: an array whose handler takes its plain elements in runs.
  enum : char { kArray, kObject, kUints };
  enum class Phase : char { value, object_first, array_first, key, after_value };

  ScanOutcome document() {
    for (;;) {
      skip_space();
      mark_ = p_;  // the next piece may resume here, in phase_
      switch (phase_) {
        case Phase::value: {
          if (!open_.empty() && open_.back() == kUints) {
            const Run run = uint_run();
            if (run == Run::stopped) return ScanOutcome::stopped;
            mark_ = p_;  // the values before were handed over
            if (run == Run::after_value) {
              phase_ = Phase::after_value;
              continue;
            }
          }
          if (p_ == end_) return end_of_input("unexpected end of input; expected a value");
          const char c = *p_;
          if (c == '{') {
            ++p_;
            if (!handler_.start_object(static_cast<std::size_t>(-1))) return ScanOutcome::stopped;
            phase_ = Phase::object_first;
          } else if (c == '[') {
            ++p_;
            if (!handler_.start_array(static_cast<std::size_t>(-1))) return ScanOutcome::stopped;
            phase_ = Phase::array_first;
          } else {
            if (auto o = scalar(); o != ScanOutcome::complete) return o;
            phase_ = Phase::after_value;
          }
          continue;
        }
        case Phase::object_first:
          if (p_ == end_ && !last_) return incomplete();
          if (p_ != end_ && *p_ == '}') {
            ++p_;
            if (!handler_.end_object()) return ScanOutcome::stopped;
            phase_ = Phase::after_value;
          } else {
            open_.push_back(kObject);
            phase_ = Phase::key;
          }
          continue;
        case Phase::array_first:
          if (p_ == end_ && !last_) return incomplete();
          if (p_ != end_ && *p_ == ']') {
            ++p_;
            if (!handler_.end_array()) return ScanOutcome::stopped;
            phase_ = Phase::after_value;
          } else {
            open_.push_back(runs_ != nullptr && runs_->wants_uints() ? kUints : kArray);
            phase_ = Phase::value;
          }
          continue;
        case Phase::key:
          if (auto o = key(); o != ScanOutcome::complete) return o;
          phase_ = Phase::value;
          continue;
        case Phase::after_value: {
          // Close containers, or move to the next element.
          if (open_.empty()) {
            if (p_ != end_) return fail("unexpected character after the document");
            return last_ ? ScanOutcome::complete : incomplete();
          }
          const bool in_array = open_.back() != kObject;
          if (p_ == end_)
            return end_of_input(in_array ? "unexpected end of input; expected ',' or ']'"
                                         : "unexpected end of input; expected ',' or '}'");
          const char next = *p_++;
          if (next == ',') {
            phase_ = in_array ? Phase::value : Phase::key;
            continue;
          }
          if (in_array && next == ']') {
            if (!handler_.end_array()) return ScanOutcome::stopped;
          } else if (!in_array && next == '}') {
            if (!handler_.end_object()) return ScanOutcome::stopped;
          } else {
            --p_;
            return fail(in_array ? "expected ',' or ']'" : "expected ',' or '}'");
          }
          open_.pop_back();
          continue;
        }
      }
    }
  }

  // The end of this piece where the document needs more: an error in the
  // last piece, else a request for the next one.
  ScanOutcome end_of_input(std::string what) {
    return last_ ? fail(std::move(what)) : incomplete();
  }
  static ScanOutcome incomplete() { return ScanOutcome::incomplete; }

  // A long token (a string, a number) cut by the end of pieces is looked
  // through once, not again with every piece: where its look stopped is kept
  // with its start, both as offsets in the whole document.
  ScanOutcome incomplete_token(const char* token, const char* looked_to) {
    hint_token_ = offset(token);
    hint_ = offset(looked_to);
    return incomplete();
  }
  const char* resume_scan(const char* token) const {
    return hint_token_ == offset(token) && hint_ > offset(token) ? begin_ + (hint_ - base_) : token;
  }
  std::size_t offset(const char* at) const { return base_ + static_cast<std::size_t>(at - begin_); }

  enum class Run {
    at_value,     // p_ is at an element the ordinary path must read (or at the end)
    after_value,  // p_ is just after an element the sink took
    stopped,      // the sink returned false
  };

  // The bulk path: p_ is at an element of a kUints array (spaces skipped).
  // Reads plain elements ("123", "null") and the commas between them, and
  // hands them to the sink in runs. Stops before anything else, so that the
  // ordinary path reads it exactly as it would have with no sink: at an
  // element it does not take (p_ at its first byte), or after an element that
  // is not followed by ',' (p_ just after it: ']' or a syntax error).
#if defined(__GNUC__)
  __attribute__((noinline))  // one call per array: keeps the hot loop apart in profiles
#endif
  Run uint_run() {
    std::uint64_t values[kRun];
    std::size_t count = 0;
    const char* p = p_;
    for (;;) {
      // Far from the end, the elements are read with no end checks.
      const Stop stop = end_ - p > kSlack ? elements<false>(p, end_ - kSlack, values, count)
                                          : elements<true>(p, end_, values, count);
      if (stop == Stop::limit) continue;
      if (count != 0 && !runs_->take_uints(values, count)) return Run::stopped;
      count = 0;
      if (stop == Stop::full) continue;
      p_ = p;
      return stop == Stop::at_value ? Run::at_value : Run::after_value;
    }
  }

  static constexpr std::size_t kRun = 256;  // values handed over at once
  // An element read with no end checks ("null", or at most 17 digits) and the
  // byte after it lie within this many bytes of its start.
  static constexpr std::ptrdiff_t kSlack = 32;

  enum class Stop { full, limit, at_value, after_value };

  // Reads elements into values[count...] until the run is full (full), p
  // reaches `limit` (limit; only unchecked, whose limit is kSlack before the
  // end), or an element or separator the bulk path does not take (at_value,
  // after_value, as in Run).
  template <bool kChecked>
  Stop elements(const char*& position, const char* const limit, std::uint64_t* values,
                std::size_t& count) {
    const char* p = position;
    const char* const end = end_;
    Stop stop;
    for (;;) {
      if (p >= limit) {
        stop = kChecked ? Stop::at_value : Stop::limit;  // checked: the end of the input
        break;
      }
      const char* const element = p;
      std::uint64_t value = static_cast<unsigned char>(*p) - static_cast<unsigned>('0');
      if (value <= 9) {
        ++p;
        if (value != 0) {
          // 17 digits at most: a plain value has 16 or fewer, and more would wrap.
          const char* const most = kChecked && end - element < 17 ? end : element + 17;
          unsigned digit;
          while (p != most &&
                 (digit = static_cast<unsigned char>(*p) - static_cast<unsigned>('0')) <= 9) {
            value = value * 10 + digit;
            ++p;
          }
          if (p - element > 16 || value > kMaxRunValue) {
            p = element;
            stop = Stop::at_value;
            break;
          }
        }
      } else if (*p == 'n' && (!kChecked || end - p >= 4) && p[1] == 'u' && p[2] == 'l' &&
                 p[3] == 'l') {
        value = kRunNull;
        p += 4;
      } else {
        stop = Stop::at_value;
        break;
      }
      // The separator: ',' (nearly always right there) and spaces.
      if (kChecked && p == end) {
        if (last_) {
          values[count++] = value;
          stop = Stop::after_value;
        } else {
          p = element;  // more digits may follow in the next piece
          stop = Stop::at_value;
        }
        break;
      }
      if (*p == ',') {
        ++p;
        values[count++] = value;
      } else if (*p == '.' || (*p | 0x20) == 'e') {
        // 1.5 and 1e3 are not plain; nor, for the same bytes, is a null
        // before '.' or 'e' (the ordinary path refuses what follows it). In
        // 01 the run takes the 0, and the ordinary path then refuses the 1,
        // as it would have with no sink.
        p = element;
        stop = Stop::at_value;
        break;
      } else {
        values[count++] = value;
        while (p != end && is_space(*p)) ++p;
        if (p == end || *p != ',') {
          stop = Stop::after_value;
          break;
        }
        ++p;
      }
      while (p != end && static_cast<unsigned char>(*p) <= ' ' && is_space(*p)) ++p;
      if (count == kRun) {
        stop = Stop::full;
        break;
      }
    }
    position = p;
    return stop;
  }

  // "key" : — leaves the scanner before the member's value.
  ScanOutcome key() {
    if (p_ == end_) return end_of_input("unexpected end of input; expected a string key");
    if (*p_ != '"') return fail("expected a string key");
    if (auto o = string(); o != ScanOutcome::complete) return o;
    skip_space();
    if (p_ == end_ && !last_)
      return incomplete();  // the key is sent once, when its ':' can be read
    if (!handler_.key(buffer_)) return ScanOutcome::stopped;
    if (p_ == end_) return fail("unexpected end of input; expected ':'");
    if (*p_ != ':') return fail("expected ':'");
    ++p_;
    return ScanOutcome::complete;
  }

  ScanOutcome scalar() {
    const char c = *p_;
    if (c == '"') {
      if (auto o = string(); o != ScanOutcome::complete) return o;
      return handler_.string(buffer_) ? ScanOutcome::complete : ScanOutcome::stopped;
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number();
    if (!last_ && end_ - p_ < 5) {
      const std::string_view left(p_, static_cast<std::size_t>(end_ - p_));
      for (std::string_view word : {"true", "false", "null"})
        if (word.substr(0, left.size()) == left) return incomplete();
    }
    if (literal("true"))
      return handler_.boolean(true) ? ScanOutcome::complete : ScanOutcome::stopped;
    if (literal("false"))
      return handler_.boolean(false) ? ScanOutcome::complete : ScanOutcome::stopped;
    if (literal("null")) return handler_.null() ? ScanOutcome::complete : ScanOutcome::stopped;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
      return fail("invalid literal; expected a value");
    if (c > 0x20 && c < 0x7f) return fail(std::string("unexpected '") + c + "'; expected a value");
    static constexpr char kHex[] = "0123456789ABCDEF";
    const unsigned char b = static_cast<unsigned char>(c);
    return fail(std::string("unexpected byte 0x") + kHex[b >> 4] + kHex[b & 15] +
                "; expected a value");
  }

  bool literal(std::string_view word) {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word)
      return false;
    p_ += word.size();
    return true;
  }

  ScanOutcome number() {
    if (!last_) {
      // Only a byte that no number holds ends one; until then more may follow.
      const char* q = resume_scan(p_);
      while (q != end_ && ((*q >= '0' && *q <= '9') || *q == '-' || *q == '+' || *q == '.' ||
                           (*q | 0x20) == 'e'))
        ++q;
      if (q == end_) return incomplete_token(p_, q);
    }
    const char* start = p_;
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    if (p_ == end_ || *p_ < '0' || *p_ > '9') return fail("invalid number; expected a digit");
    std::uint64_t value = 0;
    bool overflow = false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') {
        const unsigned digit = static_cast<unsigned>(*p_ - '0');
        overflow |= value > (UINT64_MAX - digit) / 10;
        value = value * 10 + digit;
        ++p_;
      }
    }
    bool is_float = false;
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9')
        return fail("invalid number; expected a digit after '.'");
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      is_float = true;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (p_ == end_ || *p_ < '0' || *p_ > '9')
        return fail("invalid number; expected a digit in the exponent");
      while (p_ != end_ && *p_ >= '0' && *p_ <= '9') ++p_;
      is_float = true;
    }
    if (!is_float && !overflow) {
      if (!negative)
        return handler_.number_unsigned(value) ? ScanOutcome::complete : ScanOutcome::stopped;
      if (value <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
        const std::int64_t signed_value =
            value == 0 ? 0 : -static_cast<std::int64_t>(value - 1) - 1;
        return handler_.number_integer(signed_value) ? ScanOutcome::complete : ScanOutcome::stopped;
      }
    }
    // Fractions, exponents and integers beyond 64 bits become doubles, as in nlohmann.
    std::string token(start, p_);
    const double d = std::strtod(token.c_str(), nullptr);
    if (!std::isfinite(d)) {
      p_ = start;
      return fail("number out of range: " + token.substr(0, 40));
    }
    return handler_.number_float(d, token) ? ScanOutcome::complete : ScanOutcome::stopped;
  }

  // Reads a string (the opening quote is at p_) into buffer_.
  ScanOutcome string() {
    if (!last_) {
      // The string, or the byte that makes it an error, must be in this piece.
      const char* q = std::max(p_ + 1, resume_scan(p_));
      while (q < end_ && *q != '"' && static_cast<unsigned char>(*q) >= 0x20)
        q += *q == '\\' ? 2 : 1;
      if (q >= end_)
        return incomplete_token(p_, q > end_ ? end_ - 1 : q);  // from a cut escape's backslash
    }
    ++p_;
    buffer_.clear();
    for (;;) {
      const char* run = p_;
      while (p_ != end_) {
        const unsigned char c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      buffer_.append(run, p_);
      if (p_ == end_) return fail("unexpected end of input; missing closing quote");
      const unsigned char c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return ScanOutcome::complete;
      }
      if (c < 0x20) return fail("control character in a string; it must be escaped");
      if (c >= 0x80) {
        const std::size_t length = utf8_length(p_, static_cast<std::size_t>(end_ - p_));
        if (length == 0) return fail("invalid UTF-8 in a string");
        buffer_.append(p_, length);
        p_ += length;
        continue;
      }
      if (auto o = escape(); o != ScanOutcome::complete) return o;
    }
  }

  ScanOutcome escape() {
    const char* const backslash = p_++;
    if (p_ == end_) return fail("unexpected end of input; missing closing quote");
    const char e = *p_++;
    switch (e) {
      case '"':
        buffer_ += '"';
        return ScanOutcome::complete;
      case '\\':
        buffer_ += '\\';
        return ScanOutcome::complete;
      case '/':
        buffer_ += '/';
        return ScanOutcome::complete;
      case 'b':
        buffer_ += '\b';
        return ScanOutcome::complete;
      case 'f':
        buffer_ += '\f';
        return ScanOutcome::complete;
      case 'n':
        buffer_ += '\n';
        return ScanOutcome::complete;
      case 'r':
        buffer_ += '\r';
        return ScanOutcome::complete;
      case 't':
        buffer_ += '\t';
        return ScanOutcome::complete;
      case 'u':
        break;
      default:
        --p_;
        return fail("invalid escape in a string");
    }
    // Errors in a \u escape point at its backslash.
    auto bad = [&](const char* why) {
      p_ = backslash;
      return fail(why);
    };
    long code = hex4();
    if (code < 0) return bad("invalid \\u escape; expected four hex digits");
    if (code >= 0xDC00 && code <= 0xDFFF)
      return bad("invalid \\u escape; a low surrogate without a high one");
    if (code >= 0xD800 && code <= 0xDBFF) {
      if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
        return bad("invalid \\u escape; a high surrogate must be followed by a low one");
      p_ += 2;
      const long low = hex4();
      if (low < 0xDC00 || low > 0xDFFF)
        return bad("invalid \\u escape; a high surrogate must be followed by a low one");
      code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(static_cast<std::uint32_t>(code));
    return ScanOutcome::complete;
  }

  long hex4() {
    if (end_ - p_ < 4) return -1;
    long v = 0;
    for (int i = 0; i < 4; ++i) {
      const char h = *p_++;
      v <<= 4;
      if (h >= '0' && h <= '9')
        v |= h - '0';
      else if (h >= 'a' && h <= 'f')
        v |= h - 'a' + 10;
      else if (h >= 'A' && h <= 'F')
        v |= h - 'A' + 10;
      else
        return -1;
    }
    return v;
  }

  void append_utf8(std::uint32_t cp) {
    if (cp < 0x80) {
      buffer_ += static_cast<char>(cp);
    } else if (cp < 0x800) {
      buffer_ += static_cast<char>(0xC0 | (cp >> 6));
      buffer_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      buffer_ += static_cast<char>(0xE0 | (cp >> 12));
      buffer_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      buffer_ += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      buffer_ += static_cast<char>(0xF0 | (cp >> 18));
      buffer_ += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      buffer_ += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      buffer_ += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

  void skip_space() {
    while (p_ != end_ && is_space(*p_)) ++p_;
  }

  ScanOutcome fail(std::string what) {
    problem_ = std::move(what);
    return ScanOutcome::syntax_error;
  }

  // Line and column (1-based, in bytes) of p_ in the whole document;
  // computed only for errors.
  std::string where() const {
    std::size_t line = lines_ + 1, line_start = line_start_;
    for (const char* q = begin_; q < p_; ++q) {
      if (*q == '\n') {
        ++line;
        line_start = base_ + static_cast<std::size_t>(q - begin_) + 1;
      }
    }
    const std::size_t at = base_ + static_cast<std::size_t>(p_ - begin_);
    return "line " + std::to_string(line) + ", column " + std::to_string(at - line_start + 1);
  }

  nlohmann::json_sax<Json>& handler_;
  UintArraySink* const runs_;
  // This piece (or the bytes carried over, then this piece).
  const char* p_ = nullptr;
  const char* begin_ = nullptr;
  const char* end_ = nullptr;
  const char* mark_ = nullptr;
  bool last_ = true;
  // Between pieces.
  bool bom_checked_ = false;
  Phase phase_ = Phase::value;
  std::vector<char> open_;  // containers entered and not yet closed
  std::string carry_;       // the bytes from the mark on, read again with the next piece
  std::size_t hint_token_ = SIZE_MAX, hint_ = 0;       // see incomplete_token()
  std::size_t base_ = 0, lines_ = 0, line_start_ = 0;  // offset, newlines and line start of begin_
  std::string buffer_;
  std::string problem_;
};

}  // namespace

ScanOutcome scan_json(std::string_view text, nlohmann::json_sax<nlohmann::json>& handler,
                      std::string& error, UintArraySink* runs) {
  return Scanner(handler, runs).feed(text, true, error);
}

struct JsonStream::Impl : Scanner {
  using Scanner::Scanner;
};

JsonStream::JsonStream(nlohmann::json_sax<nlohmann::json>& handler, UintArraySink* runs)
    : impl_(std::make_unique<Impl>(handler, runs)) {}
JsonStream::~JsonStream() = default;

ScanOutcome JsonStream::feed(std::string_view piece, bool last, std::string& error) {
  return impl_->feed(piece, last, error);
}

std::size_t JsonStream::carried() const { return impl_->carried(); }

}  // namespace tta
