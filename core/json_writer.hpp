// A minimal append-only JSON writer for answers: integers exact, doubles in
// shortest round-trip form, strings escaped, commas managed. Faster and more
// predictable than building a DOM for a 2,000-row ranking.
#pragma once

#include <charconv>  // std::to_chars for integers
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>  // shortest round-trip doubles

namespace tta {

// `s` as a JSON string: quotes, backslashes and control characters escaped,
// every other byte as it is (the text is UTF-8 already). Runs of characters
// that need no escape are copied in one append.
inline void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    if (c == '"')
      out.append("\\\"", 2);
    else if (c == '\\')
      out.append("\\\\", 2);
    else {
      const char escaped[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      out.append(escaped, 6);
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

class JsonWriter {
 public:
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }

  // Keys are the answers' own ASCII field names: written as they are.
  JsonWriter& key(std::string_view k) {
    comma();
    out_ += '"';
    out_.append(k);
    out_.append("\":", 2);
    after_key_ = true;
    return *this;
  }
  JsonWriter& value(std::uint64_t v) {
    comma();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_.append(buf, r.ptr);
    return *this;
  }
  JsonWriter& value(double v) {
    comma();
    out_ += nlohmann::json(v).dump();  // grisu2 shortest form, same as JSON.stringify
    return *this;
  }
  JsonWriter& value(std::string_view s) {
    comma();
    write_string(s);
    return *this;
  }
  JsonWriter& null() {
    comma();
    out_ += "null";
    return *this;
  }
  // Members already written by a JsonWriter (`"a":1,"b":"x"`), as one piece.
  JsonWriter& members(std::string_view written) {
    comma();
    out_.append(written);
    return *this;
  }
  template <typename T>
  JsonWriter& value(const std::optional<T>& v) {
    return v ? value(*v) : null();
  }

  void reserve(std::size_t bytes) { out_.reserve(bytes); }
  std::string take() { return std::move(out_); }

 private:
  JsonWriter& open(char c) {
    comma();
    out_ += c;
    first_ = true;
    return *this;
  }
  JsonWriter& close(char c) {
    out_ += c;
    first_ = false;
    return *this;
  }
  void comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (!first_) out_ += ',';
    first_ = false;
  }
  void write_string(std::string_view s) { append_json_string(out_, s); }

  std::string out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace tta
