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
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tta {

enum class ScanOutcome {
  complete,      // the whole text was one JSON value and the handler took every event
  syntax_error,  // `error` says where ("line L, column C: ...") and what
  stopped,       // the handler returned false; it knows why
  incomplete,    // JsonStream only: the piece ended inside the document; feed the next one
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

ScanOutcome scan_json(std::string_view text, nlohmann::json_sax<nlohmann::json>& handler,
                      std::string& error, UintArraySink* runs = nullptr);

// The same scan of a document that arrives in pieces of any size (a download,
// a file read in slices), each read as it comes: the handler sees the same
// events in the same order, and an error has the same message, line and
// column, as with the whole text in one scan_json call. A piece may end
// anywhere, inside a number, a string, an escape or a UTF-8 character: the
// bytes of an unfinished token are kept (carried()) and read again with the
// next piece. Pieces before the last return `incomplete` unless they hold an
// error or the handler stops; the last piece (`last`) ends the document.
class JsonStream {
 public:
  explicit JsonStream(nlohmann::json_sax<nlohmann::json>& handler, UintArraySink* runs = nullptr);
  ~JsonStream();
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;

  ScanOutcome feed(std::string_view piece, bool last, std::string& error);
  std::size_t carried() const;  // bytes kept from the pieces so far

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace tta
