// Regular expressions written in JavaScript syntax (JSONata's regex literals, our JSONPath
// filters' =~), run by RE2 in time linear in the subject and without recursion. Constructs that
// need a backtracking engine (backreferences, lookahead, lookbehind) and repetition counts above
// RE2's 1000 are refused when the pattern is compiled, never run slowly.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

namespace re2 {
class RE2;
}

namespace sfn {

struct RegexError {
  enum class Kind {
    kSyntax,       // not a valid JavaScript regular expression
    kUnsupported,  // valid, but it cannot run in linear time
  };
  Kind kind = Kind::kSyntax;
  std::string message;  // "Unterminated group", "a backreference (\1)", ...
};

struct RegexFlags {
  bool ignore_case = false;  // i
  bool multiline = false;    // m: ^ and $ also match at line breaks
};

class LinearRegex {
 public:
  // `pattern` is the text between the slashes of a JavaScript regex literal (without the u flag).
  static tl::expected<LinearRegex, RegexError> compile(std::string_view pattern,
                                                       RegexFlags flags = {});

  // Byte offsets into the subject.
  struct Span {
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  // [0] is the whole match, [i] the i-th capturing group (nullopt when it took no part).
  using Groups = std::vector<std::optional<Span>>;

  // The leftmost match that starts at byte `from` or later; the text before `from` still counts
  // for ^ and \b (as JavaScript's lastIndex does). Subjects are UTF-8.
  bool search(std::string_view subject, std::size_t from, Groups& groups) const;
  // True when the pattern matches the whole subject (as Java's Matcher.matches()).
  bool full_match(std::string_view subject) const;

  std::size_t group_count() const;
  const std::string& source() const { return source_; }

 private:
  std::shared_ptr<const re2::RE2> re_;
  std::string source_;
};

}  // namespace sfn
