// DayValues keeps each block of 4,096 values as wide as its largest value
// needs (1, 2 or 4 bytes, high words apart). Whatever order the widths come
// in, it must give back exactly the values written: checked against a plain
// vector of 64-bit values, through push_back, resize, set, [] and read().
#include "support.hpp"

#include <random>

#include "catalog.hpp"

namespace {

using tta::DayValues;

// A value of a random width: 1, 2 or 4 bytes, or above 2^32 (up to 2^53-1).
std::uint64_t value_of_width(std::mt19937_64& rng, int width) {
  switch (width) {
    case 0:
      return rng() % 256;
    case 1:
      return 256 + rng() % (65536 - 256);
    case 2:
      return 65536 + rng() % ((std::uint64_t{1} << 32) - 65536);
    default:
      return (std::uint64_t{1} << 32) +
             rng() % ((std::uint64_t{1} << 53) - (std::uint64_t{1} << 32));
  }
}

void check_equal(const DayValues& values, const std::vector<std::uint64_t>& expected,
                 std::mt19937_64& rng) {
  REQUIRE(values.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i)
    if (values[i] != expected[i])
      FAIL("value " << i << ": " << values[i] << ", expected " << expected[i]);
  // Reads of every length, across block boundaries.
  std::vector<std::uint64_t> out;
  for (int r = 0; r < 200 && !expected.empty(); ++r) {
    const std::size_t from = rng() % expected.size();
    const std::size_t n = rng() % std::min<std::size_t>(expected.size() - from, 9000) + 1;
    out.assign(n, 12345);
    values.read(from, n, out.data());
    for (std::size_t k = 0; k < n; ++k)
      if (out[k] != expected[from + k])
        FAIL("read(" << from << ", " << n << ")[" << k << "]: " << out[k] << ", expected "
                     << expected[from + k]);
  }
}

}  // namespace

TEST_CASE("day values: blocks widen as values need, and give back every value written") {
  std::mt19937_64 rng(16);
  for (int trial = 0; trial < 12; ++trial) {
    DayValues values;
    std::vector<std::uint64_t> expected;
    // Runs of one width each, so blocks start narrow and widen part-way,
    // one or two steps at a time, and some blocks stay narrow.
    const std::size_t count = 3 * 4096 + rng() % 5000;
    while (expected.size() < count) {
      const int width = static_cast<int>(rng() % 4);
      const std::size_t run = 1 + rng() % (trial % 2 ? 50 : 3000);
      for (std::size_t k = 0; k < run && expected.size() < count; ++k) {
        const std::uint64_t v = rng() % 8 ? value_of_width(rng, width) : 0;
        values.push_back(v);
        expected.push_back(v);
      }
    }
    check_equal(values, expected, rng);

    // set() over what is there: any width over any width, high words
    // added, changed and removed; then resize() adds zeros that set() fills.
    for (int k = 0; k < 3000; ++k) {
      const std::size_t i = rng() % expected.size();
      const std::uint64_t v = value_of_width(rng, static_cast<int>(rng() % 4));
      values.set(i, v);
      expected[i] = v;
    }
    check_equal(values, expected, rng);
    const std::size_t grown = expected.size() + 5000;
    values.resize(grown);
    expected.resize(grown, 0);
    for (int k = 0; k < 2000; ++k) {
      const std::size_t i = expected.size() - 1 - rng() % 5000;
      const std::uint64_t v = value_of_width(rng, static_cast<int>(rng() % 4));
      values.set(i, v);
      expected[i] = v;
    }
    check_equal(values, expected, rng);

    DayValues copy;
    for (std::uint64_t v : expected) copy.push_back(v);
    CHECK(copy == values);
    copy.set(rng() % expected.size(), (std::uint64_t{1} << 53) - 1);
    CHECK_FALSE(copy == values);
  }
}

TEST_CASE("day values: narrow blocks take fewer bytes than 4 a value") {
  DayValues small, wide;
  for (std::size_t i = 0; i < 4 * 4096; ++i) {
    small.push_back(i % 200);
    wide.push_back(70000 + i);
  }
  // 1 byte a value against 4, plus the block list.
  CHECK(small.bytes() < 4 * 4096 + 1024);
  CHECK(wide.bytes() >= 4 * 4 * 4096);
}
