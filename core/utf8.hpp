// UTF-8 as Unicode's table 3-7 defines it (no overlong forms, no surrogates,
// nothing past U+10FFFF): the one decoder of core/, used by the JSON scanner,
// the CSV reader and the text quoted in messages.
#pragma once

#include <cstddef>

namespace tta {

// Length (1-4) of the well-formed UTF-8 sequence at the start of the `left`
// bytes at p, or 0 when there is none.
inline std::size_t utf8_length(const char* p, std::size_t left) {
  if (left == 0) return 0;
  const auto at = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
  const unsigned char c = at(0);
  if (c < 0x80) return 1;
  auto cont = [&](std::size_t i, unsigned char lo = 0x80, unsigned char hi = 0xBF) {
    return i < left && at(i) >= lo && at(i) <= hi;
  };
  if (c >= 0xC2 && c <= 0xDF) return cont(1) ? 2 : 0;
  if (c == 0xE0) return cont(1, 0xA0) && cont(2) ? 3 : 0;
  if ((c >= 0xE1 && c <= 0xEC) || c == 0xEE || c == 0xEF) return cont(1) && cont(2) ? 3 : 0;
  if (c == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;  // no surrogates
  if (c == 0xF0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xF1 && c <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

// The code point of a well-formed sequence of `length` bytes at p.
inline char32_t utf8_decode(const char* p, std::size_t length) {
  const unsigned char c = static_cast<unsigned char>(p[0]);
  char32_t code = length == 1 ? c : c & (0x7F >> length);
  for (std::size_t i = 1; i < length; ++i)
    code = (code << 6) | (static_cast<unsigned char>(p[i]) & 0x3F);
  return code;
}

}  // namespace tta
