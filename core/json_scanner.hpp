// A strict JSON (RFC 8259) scanner that feeds the same events as
// nlohmann::json::sax_parse, about three times faster on documents that are
// mostly arrays of integers: numbers are read in one pass with no token
// buffer, and strings without escapes are copied once. tests/core check it
// against nlohmann's own parser event by event. Arrays of plain integers can
// also reach the handler in runs instead of one event per value
// (UintArraySink, below).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tta {

enum class ScanOutcome {
  complete,      // the whole text was one JSON value and the handler took every event
  syntax_error,  // `error` says where ("line L, column C: ...") and what
  stopped,       // the handler returned false; it knows why
};

// The largest integer a run of UintArraySink::take_uints may hold: 2^53-1.
inline constexpr std::uint64_t kMaxRunValue = (std::uint64_t{1} << 53) - 1;
// How a null element appears in a run.
inline constexpr std::uint64_t kRunNull = UINT64_MAX;

// A handler may also take the elements of some arrays in runs instead of one
// event each: the bulk path for long arrays of small counts.
//
// After start_array() returned true for a non-empty array, the scanner asks
// wants_uints() once. If it says yes, the plain elements of that array (a
// non-negative integer written without fraction, exponent or sign and at most
// kMaxRunValue, or null) reach the handler in runs through take_uints(), in
// document order, a null as kRunNull. Any other element (a negative number,
// 1.0, 1e2, a larger integer, a string, a nested container...) and any
// syntax error go through the ordinary events, after the run of the elements
// before it: the handler sees the same values in the same order, and a
// syntax error is reported at the same line and column with the same
// message, as without the sink.
class UintArraySink {
 public:
  virtual bool wants_uints() = 0;
  // Returning false stops the scan (ScanOutcome::stopped), as an event would.
  virtual bool take_uints(const std::uint64_t* values, std::size_t count) = 0;

 protected:
  ~UintArraySink() = default;
};

ScanOutcome scan_json(std::string_view text, nlohmann::json_sax<nlohmann::json>& handler, std::string& error,
                      UintArraySink* runs = nullptr);

}  // namespace tta
