#include "common/js_regex_charsets.h"

#include <algorithm>
#include <cstdio>

namespace sfn::detail {
namespace {

// Every code point outside the sorted `ranges`.
std::vector<Range> complement(const std::vector<Range>& ranges) {
  std::vector<Range> out;
  char32_t next = 0;
  for (const auto& [first, last] : ranges) {
    if (first > next) out.emplace_back(next, first - 1);
    next = last + 1;
  }
  if (next <= kMaxCodePoint) out.emplace_back(next, kMaxCodePoint);
  return out;
}

}  // namespace

const std::vector<Range>& whitespace() {
  static const std::vector<Range> ranges = {
      {0x09, 0x0D},     {0x20, 0x20},     {0xA0, 0xA0},     {0x1680, 0x1680}, {0x2000, 0x200A},
      {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000}, {0xFEFF, 0xFEFF}};
  return ranges;
}

const std::vector<Range>& non_whitespace() {
  static const std::vector<Range> ranges = complement(whitespace());
  return ranges;
}

// Subjects are UTF-8, which cannot hold a surrogate: drop them from ranges.
void add_range(std::vector<Range>& ranges, char32_t first, char32_t last) {
  if (first < kFirstSurrogate)
    ranges.emplace_back(first, std::min<char32_t>(last, kFirstSurrogate - 1));
  if (last > kLastSurrogate)
    ranges.emplace_back(std::max<char32_t>(first, kLastSurrogate + 1), last);
}

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int extra = b < 0x80           ? 0
                      : (b >> 5) == 0x6  ? 1
                      : (b >> 4) == 0xE  ? 2
                      : (b >> 3) == 0x1E ? 3
                                         : -1;
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= s.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = extra == 0 ? b : b & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += static_cast<std::size_t>(extra) + 1;
  }
  return out;
}

void append_code_point(std::string& out, char32_t c) {
  if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_') {
    out += static_cast<char>(c);
    return;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\x{%x}", static_cast<unsigned>(c));
  out += buf;
}

void append_ranges(std::string& out, const std::vector<Range>& ranges) {
  for (const auto& [first, last] : ranges) {
    append_code_point(out, first);
    if (last == first) continue;
    out += '-';
    append_code_point(out, last);
  }
}

std::string character_class(const std::vector<Range>& ranges, bool negated) {
  std::string out = negated ? "[^" : "[";
  append_ranges(out, ranges);
  return out + "]";
}

int hex_value(char32_t c) {
  if (is_digit(c)) return static_cast<int>(c - '0');
  if (c >= 'a' && c <= 'f') return static_cast<int>(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return static_cast<int>(c - 'A' + 10);
  return -1;
}

}  // namespace sfn::detail
