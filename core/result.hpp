// Errors are values in the core: a Result holds either a value or one message.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

#include "utf8.hpp"

namespace tta {

// Characters that would break a message's one line or change how the text
// around them reads: C0 and C1 controls, DEL, the line and paragraph
// separators U+2028/9, and format characters (Unicode category Cf): bidi
// marks, embeddings, overrides and isolates (U+061C, U+200E/F, U+202A-202E,
// U+2066-2069), zero-width characters, the BOM, interlinear annotation and
// tag characters.
inline bool hidden_in_messages(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0xAD || (c >= 0x600 && c <= 0x605) ||
         c == 0x61C || c == 0x6DD || c == 0x70F || c == 0x8E2 || c == 0x180E ||
         (c >= 0x200B && c <= 0x200F) || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2060 && c <= 0x206F) || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB) ||
         c == 0x110BD || c == 0x110CD || (c >= 0x13430 && c <= 0x1343F) ||
         (c >= 0x1BCA0 && c <= 0x1BCA3) || (c >= 0x1D173 && c <= 0x1D17A) || c == 0xE0001 ||
         (c >= 0xE0020 && c <= 0xE007F);
}

// Untrusted text quoted in a message: at most `max` bytes, never cut inside a
// UTF-8 character, one line, valid UTF-8 (messages reach JavaScript as
// strings): bytes that are not UTF-8 and every character
// hidden_in_messages() names become '?'.
inline std::string cut_text(std::string_view text, std::size_t max) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  std::size_t cut = std::min(text.size(), max);
  for (int back = 0; back < 3 && cut > 0 && cut < text.size() && (byte(cut) & 0xC0) == 0x80; ++back)
    --cut;
  std::string out;
  for (std::size_t i = 0; i < cut;) {
    const std::size_t len = utf8_length(text.data() + i, cut - i);
    if (len == 0) {  // one '?' per byte that is not UTF-8
      out += '?';
      ++i;
    } else if (hidden_in_messages(utf8_decode(text.data() + i, len))) {  // one '?' per character
      out += '?';
      i += len;
    } else {
      out.append(text.data() + i, len);
      i += len;
    }
  }
  return out;
}

struct Error {
  std::string message;
};

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design
  Result(Error error) : state_(std::move(error)) {}  // NOLINT: implicit by design

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const std::string& error() const { return std::get<1>(state_).message; }

 private:
  std::variant<T, Error> state_;
};

}  // namespace tta
