// Placeholder patterns: tokenising an expected string as run_cases.py's token regex does
// (`<[^<>\s]{1,80}>|111111111111|<literals, longest first>`, leftmost match, scanning left to
// right) and matching it against an actual string with memoised backtracking.
#include "placeholder_pattern.h"

#include <algorithm>
#include <cctype>

namespace sfn::conformance {
namespace {

constexpr std::string_view kAccountPlaceholder = "111111111111";

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_digit(const std::string& s, std::size_t pos) {
  return pos < s.size() && std::isdigit(static_cast<unsigned char>(s[pos])) != 0;
}
bool digits(const std::string& s, std::size_t pos, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (!is_digit(s, pos + i)) return false;
  }
  return true;
}
bool at(const std::string& s, std::size_t pos, char c) { return pos < s.size() && s[pos] == c; }

// Every end position of ISO_TS = \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?
// (?:Z|[+-]\d{2}(?::?\d{2})?) starting at `pos`.
std::vector<std::size_t> iso_timestamp_ends(const std::string& s, std::size_t pos) {
  std::vector<std::size_t> ends;
  std::size_t p = pos;
  if (!(digits(s, p, 4) && at(s, p + 4, '-') && digits(s, p + 5, 2) && at(s, p + 7, '-') &&
        digits(s, p + 8, 2) && at(s, p + 10, 'T') && digits(s, p + 11, 2) && at(s, p + 13, ':') &&
        digits(s, p + 14, 2) && at(s, p + 16, ':') && digits(s, p + 17, 2)))
    return ends;
  p += 19;
  std::vector<std::size_t> after_fraction{p};
  if (at(s, p, '.')) {
    for (std::size_t n = 1; n <= 9 && is_digit(s, p + n); ++n) after_fraction.push_back(p + 1 + n);
  }
  for (std::size_t q : after_fraction) {
    if (at(s, q, 'Z')) ends.push_back(q + 1);
    if ((at(s, q, '+') || at(s, q, '-')) && digits(s, q + 1, 2)) {
      ends.push_back(q + 3);
      if (digits(s, q + 3, 2)) ends.push_back(q + 5);
      if (at(s, q + 3, ':') && digits(s, q + 4, 2)) ends.push_back(q + 6);
    }
  }
  return ends;
}

}  // namespace

std::size_t angle_token_length(const std::string& s, std::size_t pos) {
  if (!at(s, pos, '<')) return 0;
  for (std::size_t n = 1; n <= 81 && pos + n < s.size(); ++n) {
    char c = s[pos + n];
    if (c == '>') return n >= 2 ? n + 1 : 0;
    if (c == '<' || is_space(c)) return 0;
  }
  return 0;
}

PlaceholderPattern PlaceholderPattern::compile(const std::string& expected,
                                               const std::set<std::string>& literals) {
  std::vector<std::string> by_length;
  for (const auto& l : literals) {
    if (!l.empty()) by_length.push_back(l);
  }
  // Python sorts by length only (stable over set order); ties cannot both match at one position
  // unless equal, so the order among equal lengths does not matter.
  std::stable_sort(by_length.begin(), by_length.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });

  PlaceholderPattern out;
  std::string text;
  auto flush_text = [&] {
    if (!text.empty()) out.segments_.push_back({Kind::kText, std::move(text)});
    text.clear();
  };
  std::size_t pos = 0;
  while (pos < expected.size()) {
    std::size_t len = angle_token_length(expected, pos);
    Kind kind = Kind::kAnyText;
    if (len == 0 && expected.compare(pos, kAccountPlaceholder.size(), kAccountPlaceholder) == 0) {
      len = kAccountPlaceholder.size();
      kind = Kind::kAccountId;
    }
    if (len == 0) {
      for (const auto& l : by_length) {
        if (expected.compare(pos, l.size(), l) == 0) {
          len = l.size();
          kind = l == "date" ? Kind::kDate : Kind::kAnyText;
          break;
        }
      }
    }
    if (len == 0) {
      text += expected[pos++];
      continue;
    }
    flush_text();
    out.segments_.push_back({kind, {}});
    out.has_tokens_ = true;
    pos += len;
  }
  flush_text();
  return out;
}

bool PlaceholderPattern::full_match(const std::string& actual) const {
  std::vector<std::vector<char>> failed(segments_.size(), std::vector<char>());
  return match_from(0, 0, actual, failed);
}

bool PlaceholderPattern::match_from(std::size_t segment, std::size_t pos, const std::string& actual,
                                    std::vector<std::vector<char>>& failed) const {
  if (segment == segments_.size()) return pos == actual.size();
  auto& memo = failed[segment];
  if (memo.empty()) memo.assign(actual.size() + 1, 0);
  if (memo[pos]) return false;
  const Segment& seg = segments_[segment];
  bool ok = false;
  switch (seg.kind) {
    case Kind::kText:
      ok = actual.compare(pos, seg.text.size(), seg.text) == 0 &&
           match_from(segment + 1, pos + seg.text.size(), actual, failed);
      break;
    case Kind::kAccountId:
      ok = digits(actual, pos, 12) && match_from(segment + 1, pos + 12, actual, failed);
      break;
    case Kind::kDate:
      if (actual.compare(pos, 4, "date") == 0 && match_from(segment + 1, pos + 4, actual, failed)) {
        ok = true;
        break;
      }
      for (std::size_t end : iso_timestamp_ends(actual, pos)) {
        if (match_from(segment + 1, end, actual, failed)) {
          ok = true;
          break;
        }
      }
      break;
    case Kind::kAnyText:
      if (segment + 1 < segments_.size() && segments_[segment + 1].kind == Kind::kText) {
        // Only the places where the next literal text occurs can continue the match.
        const std::string& next = segments_[segment + 1].text;
        for (std::size_t p = actual.find(next, pos); p != std::string::npos; p = actual.find(next, p + 1)) {
          if (match_from(segment + 1, p, actual, failed)) {
            ok = true;
            break;
          }
        }
      } else {
        for (std::size_t p = pos; p <= actual.size(); ++p) {
          if (match_from(segment + 1, p, actual, failed)) {
            ok = true;
            break;
          }
        }
      }
      break;
  }
  if (!ok) memo[pos] = 1;
  return ok;
}

}  // namespace sfn::conformance
