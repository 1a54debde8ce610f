// LinearRegex: the JavaScript pattern rewritten for RE2 (js_regex_syntax.cpp), compiled once;
// matching is const and thread-safe.
#include "sfn/common/linear_regex.h"

#include <re2/re2.h>

#include "common/js_regex_syntax.h"

namespace sfn {
namespace {

// RE2's budget for one compiled program and its DFA cache; a pattern that needs more is refused.
constexpr int64_t kMaxRegexMemory = 8 << 20;

}  // namespace

tl::expected<LinearRegex, RegexError> LinearRegex::compile(std::string_view pattern,
                                                           RegexFlags flags) {
  auto translated = detail::js_regex_to_re2(pattern);
  if (!translated) return tl::unexpected(translated.error());
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  options.set_case_sensitive(!flags.ignore_case);
  options.set_log_errors(false);
  options.set_max_mem(kMaxRegexMemory);
  auto re = std::make_shared<const RE2>((flags.multiline ? "(?m)" : "") + *translated, options);
  if (!re->ok()) {
    switch (re->error_code()) {
      case RE2::ErrorRepeatSize:
        return tl::unexpected(
            RegexError{RegexError::Kind::kUnsupported, "a repetition count above 1000"});
      case RE2::ErrorPatternTooLarge:
        return tl::unexpected(RegexError{RegexError::Kind::kUnsupported,
                                         "a pattern too large to run in linear time"});
      default:
        return tl::unexpected(RegexError{RegexError::Kind::kSyntax, re->error()});
    }
  }
  LinearRegex out;
  out.re_ = std::move(re);
  out.source_ = std::string(pattern);
  return out;
}

bool LinearRegex::search(std::string_view subject, std::size_t from, Groups& groups) const {
  const int n = 1 + re_->NumberOfCapturingGroups();
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(n));
  if (from > subject.size()) return false;
  if (!re_->Match(re2::StringPiece(subject.data(), subject.size()), from, subject.size(),
                  RE2::UNANCHORED, pieces.data(), n)) {
    return false;
  }
  groups.assign(pieces.size(), std::nullopt);
  groups[0] = Span{from, from};  // an empty match may come back without a position
  for (std::size_t i = 0; i < pieces.size(); ++i) {
    if (!pieces[i].data()) continue;
    const auto begin = static_cast<std::size_t>(pieces[i].data() - subject.data());
    groups[i] = Span{begin, begin + pieces[i].size()};
  }
  return true;
}

bool LinearRegex::full_match(std::string_view subject) const {
  return RE2::FullMatch(re2::StringPiece(subject.data(), subject.size()), *re_);
}

std::size_t LinearRegex::group_count() const {
  return static_cast<std::size_t>(re_->NumberOfCapturingGroups());
}

}  // namespace sfn
