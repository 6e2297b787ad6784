// Sizes computed from counts in the input (tracks x days, offset + length,
// rows x width). In WebAssembly size_t has 32 bits, so such a product can
// wrap to a small number and a buffer sized by it would be written past its
// end. Every such size goes through these: a size that does not fit is
// refused exactly like running out of memory (SizeOverflow is a
// std::bad_alloc, so every guard that turns bad_alloc into the memory
// message catches it), natively and in WebAssembly alike.
#pragma once

#include <cstddef>
#include <new>        // std::bad_alloc
#include <stdexcept>  // std::length_error

#include "result.hpp"

namespace tta {

struct SizeOverflow : std::bad_alloc {
  const char* what() const noexcept override { return "size does not fit size_t"; }
};

inline std::size_t checked_mul(std::size_t a, std::size_t b) {
  std::size_t product;
  if (__builtin_mul_overflow(a, b, &product)) throw SizeOverflow();
  return product;
}

inline std::size_t checked_add(std::size_t a, std::size_t b) {
  std::size_t sum;
  if (__builtin_add_overflow(a, b, &sum)) throw SizeOverflow();
  return sum;
}

template <typename... Rest>
std::size_t checked_add(std::size_t a, std::size_t b, Rest... rest) {
  return checked_add(checked_add(a, b), static_cast<std::size_t>(rest)...);
}

inline constexpr const char* kQueryOutOfMemory = "not enough memory to answer this query";

// The one out-of-memory guard of core/: runs body(), whose result converts
// from Error. Running out of memory (std::bad_alloc), a size that does not fit
// (SizeOverflow, a bad_alloc) or a container asked to pass its max_size
// (std::length_error: 4 GB of elements in WebAssembly) becomes Error{message}.
template <typename Body>
auto refuse_out_of_memory(const char* message, Body&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    return Error{message};
  } catch (const std::length_error&) {
    return Error{message};
  }
}

}  // namespace tta
