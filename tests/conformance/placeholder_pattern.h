// An expected string from a recorded case, compiled into a pattern: the placeholder tokens in it
// (`<...>`, the account id 111111111111, the case's `placeholders.literals`, `date`) are wildcards,
// the rest is literal text. Mirrors Matcher._pattern in run_cases.py, without std::regex (whose
// recursion overflows the stack on long history payloads).
#pragma once

#include <set>
#include <string>
#include <vector>

namespace sfn::conformance {

class PlaceholderPattern {
 public:
  // Returns a pattern, or one with has_placeholders() == false when `expected` has no token.
  static PlaceholderPattern compile(const std::string& expected, const std::set<std::string>& literals);

  bool has_placeholders() const { return has_tokens_; }
  // Whole-string match (Python's re.fullmatch).
  bool full_match(const std::string& actual) const;

 private:
  enum class Kind { kText, kAnyText, kAccountId, kDate };
  struct Segment {
    Kind kind;
    std::string text;  // kText only
  };

  bool match_from(std::size_t segment, std::size_t pos, const std::string& actual,
                  std::vector<std::vector<char>>& failed) const;

  std::vector<Segment> segments_;
  bool has_tokens_ = false;
};

// `<` + 1..80 characters other than `<`, `>` and white space + `>` at `pos`; returns its length or 0.
std::size_t angle_token_length(const std::string& s, std::size_t pos);

}  // namespace sfn::conformance
