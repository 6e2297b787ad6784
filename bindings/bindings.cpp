// The WebAssembly boundary: one class, Engine, over tta::Analytics. JS never
// sees the core's types; documents go in as bytes, every query is one JSON
// request (core/request.hpp, the same the CLI builds from its flags), answers
// come out as JSON bytes, and the overview also packed.
//
// Three conventions, all measured on Debian's Emscripten 3.1.6:
// - Failures are *returned* as a JS Error built here (the message is the
//   core's), and bindings/js/index.js throws it. Throwing from C++ through
//   embind skips the cleanup of embind's argument buffers and of every C++
//   object on the stack, so each error would leak.
// - Answers leave as a Uint8Array view of UTF-8 bytes kept in `answer_` until
//   the next call; JS decodes them at once with TextDecoder. Returning a
//   std::string instead makes embind scan every byte in a JS loop.
// - The overview, the answer a period switch waits for, leaves packed: a
//   short JSON head and its rows as numbers (tta::PackedOverview), so JS
//   builds the row objects without decoding and parsing ~200 bytes of text
//   per row.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <cstdint>
#include <exception>  // std::exception
#include <memory>
#include <new>  // std::bad_alloc, std::nothrow
#include <optional>
#include <string>

#include "analytics.hpp"
#include "request.hpp"

namespace {

using emscripten::val;

val js_error(const std::string& message) { return val::global("Error").new_(val(message)); }

val out_of_memory() {
  return js_error("not enough memory for this request; the data loaded before stays loaded");
}

class Engine {
 public:
  // Room for `size` bytes (a piece of a document, or CSV files), which JS
  // fills with HEAPU8.set (one copy, no UTF-16 round trip). Returns the
  // address, or an Error.
  val input_buffer(double size) {
    input_.reset();  // a previous, abandoned load gives its memory back first
    input_size_ = 0;
    if (!(size >= 0 && size < static_cast<double>(SIZE_MAX)))
      return js_error("the document is too large for WebAssembly memory");
    const auto bytes = static_cast<std::size_t>(size);
    input_.reset(new (std::nothrow) char[bytes == 0 ? 1 : bytes]);
    if (!input_)
      return js_error(
          "the document is too large for the memory available; the data loaded before stays "
          "loaded");
    input_size_ = bytes;
    return val(reinterpret_cast<std::uintptr_t>(input_.get()));
  }

  // A document that arrives in pieces (a ReadableStream in JS): beginStream(),
  // then for each piece inputBuffer(n), HEAPU8.set, feedInput(); then
  // finishStream(). Each piece is parsed as it arrives and freed at once. The
  // data loaded before stays loaded until finishStream() succeeds; a refused
  // piece, abortStream() or a new beginStream() drop the reading and its memory.
  val begin_stream() {
    return guarded([&] {
      stream_.reset();
      stream_ = std::make_unique<tta::DocumentStream>();
      return val(true);
    });
  }

  val feed_input() {
    return guarded([&] {
      const std::unique_ptr<char[]> input = std::move(input_);
      const std::size_t size = input_size_;
      input_size_ = 0;
      if (!stream_) return js_error("no streaming load was begun");
      if (!input) return js_error("no piece was written before feedInput");
      if (auto error = stream_->feed(std::string_view(input.get(), size))) {
        stream_.reset();
        return js_error(error->message);
      }
      return val(true);
    });
  }

  val finish_stream() {
    return guarded([&] {
      if (!stream_) return js_error("no streaming load was begun");
      const std::unique_ptr<tta::DocumentStream> stream = std::move(stream_);
      const auto loaded = analytics_.load(*stream);
      if (!loaded) return js_error(loaded.error());
      return answer(analytics_.summary_json());
    });
  }

  void abort_stream() { stream_.reset(); }

  // Loads CSV: the buffer holds the TikTok CSV, then the streams CSV.
  val load_csv_input(double tiktok_length, const std::string& as_of) {
    return guarded([&] {
      const std::unique_ptr<char[]> input = std::move(input_);
      const std::size_t size = input_size_;
      input_size_ = 0;
      if (!input) return js_error("no CSV was written before loadCsv");
      const auto split = std::min(size, static_cast<std::size_t>(tiktok_length));
      std::optional<tta::Day> day;
      if (!as_of.empty()) {
        day = tta::parse_date(as_of);
        if (!day) return js_error("asOf must be a date YYYY-MM-DD (years 1900-9999)");
      }
      const std::string_view all(input.get(), size);
      const auto loaded = analytics_.load_csv(all.substr(0, split), all.substr(split), day);
      if (!loaded) return js_error(loaded.error());
      return answer(analytics_.summary_json());
    });
  }

  val summary() {
    return guarded([&] { return answer(analytics_.summary_json()); });
  }

  // The overview, packed (see PackedOverview): the request is core/request.hpp's.
  val overview_request(const std::string& json) {
    return guarded([&] {
      const auto query = tta::read_request_query(json);
      if (!query) return js_error(query.error());
      return packed(analytics_.overview_packed(query.value()));
    });
  }

  // The tracks that packed overview rows point at, in index order.
  val track_list() {
    return guarded([&] { return answer(analytics_.tracks_json()); });
  }

  // Every other query, as the JSON request of core/request.hpp.
  val request(const std::string& json) {
    return guarded([&] { return answer(tta::answer_request(analytics_, json)); });
  }

 private:
  val answer(std::string json) {
    answer_ = std::move(json);
    return val(emscripten::typed_memory_view(
        answer_.size(), reinterpret_cast<const std::uint8_t*>(answer_.data())));
  }

  val answer(tta::Result<std::string>&& result) {
    if (!result) return js_error(result.error());
    return answer(std::move(result).value());
  }

  // An overview as { head: UTF-8 JSON bytes, rows: Float64Array }, both views
  // of memory kept in `packed_` until the next call (see PackedOverview).
  val packed(tta::Result<tta::PackedOverview>&& result) {
    if (!result) return js_error(result.error());
    packed_ = std::move(result).value();
    val out = val::object();
    out.set("head",
            val(emscripten::typed_memory_view(
                packed_.head.size(), reinterpret_cast<const std::uint8_t*>(packed_.head.data()))));
    out.set("rows", val(emscripten::typed_memory_view(packed_.rows.size(), packed_.rows.data())));
    return out;
  }

  // Nothing thrown in C++ may reach JS: it would skip cleanups (see above).
  template <typename Body>
  val guarded(Body body) {
    try {
      return body();
    } catch (const std::bad_alloc&) {
      answer_ = std::string();
      packed_ = tta::PackedOverview();
      stream_.reset();
      return out_of_memory();
    } catch (const std::exception& e) {
      return js_error(std::string("internal error: ") + e.what());
    } catch (...) {
      return js_error("internal error");
    }
  }

  tta::Analytics analytics_;
  std::unique_ptr<tta::DocumentStream> stream_;
  std::unique_ptr<char[]> input_;
  std::size_t input_size_ = 0;
  std::string answer_;
  tta::PackedOverview packed_;
};

}  // namespace

EMSCRIPTEN_BINDINGS(tta) {
  emscripten::class_<Engine>("Engine")
      .constructor<>()
      .function("inputBuffer", &Engine::input_buffer)
      .function("loadCsvInput", &Engine::load_csv_input)
      .function("beginStream", &Engine::begin_stream)
      .function("feedInput", &Engine::feed_input)
      .function("finishStream", &Engine::finish_stream)
      .function("abortStream", &Engine::abort_stream)
      .function("summary", &Engine::summary)
      .function("overviewRequest", &Engine::overview_request)
      .function("trackList", &Engine::track_list)
      .function("request", &Engine::request);
  // Numbers per row of a packed overview, for bindings/js/packed-overview.js.
  emscripten::constant("PACKED_ROW_WIDTH", tta::kPackedRowWidth);
}
