// StringMatches: "the value ... MUST be a string which MAY contain one or more "*" characters.
// The expression yields true if the data value selected by the Variable Path matches the value,
// where "*" in the value matches zero or more characters. ... Backslashes in the value may be
// escaped as "\\" and stars as "\*"." (States Language, "Choice Rules")
#include <variant>

#include "expr/choice/rule_impl.h"

namespace sfn::choice::detail {

namespace {

// A pattern as literal runs separated by wildcards.
struct Pattern {
  std::vector<std::string> parts;  // parts.size() == stars + 1
};

std::optional<Pattern> compile_pattern(const std::string& text) {
  Pattern p;
  p.parts.emplace_back();
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\') {
      if (i + 1 >= text.size()) return std::nullopt;
      char n = text[++i];
      if (n != '*' && n != '\\') return std::nullopt;
      p.parts.back() += n;
    } else if (c == '*') {
      p.parts.emplace_back();
    } else {
      p.parts.back() += c;
    }
  }
  return p;
}

bool match(const Pattern& p, std::string_view s) {
  const auto& parts = p.parts;
  if (parts.size() == 1) return s == parts[0];
  if (s.size() < parts.front().size() || s.substr(0, parts.front().size()) != parts.front())
    return false;
  std::size_t pos = parts.front().size();
  const std::string& last = parts.back();
  if (s.size() - pos < last.size()) return false;
  std::size_t end = s.size() - last.size();
  if (s.substr(end) != last) return false;
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    if (parts[i].empty()) continue;
    auto found = s.substr(0, end).find(parts[i], pos);
    if (found == std::string_view::npos) return false;
    pos = found + parts[i].size();
  }
  return pos <= end;
}

class StringMatchesRule final : public RuleImpl {
 public:
  StringMatchesRule(jsonpath::Path variable, Pattern pattern)
      : variable_(std::move(variable)), pattern_(std::move(pattern)) {}

  Result<bool> evaluate(const expr::EvalContext& ctx) const override {
    auto value = resolve_required(variable_, ctx);
    if (!value) return tl::unexpected(value.error());
    if (!value->is_string()) return false;
    return match(pattern_, value->get_ref<const std::string&>());
  }

 private:
  jsonpath::Path variable_;
  Pattern pattern_;
};

}  // namespace

RulePtr make_string_matches(jsonpath::Path variable, const Json& operand,
                            const std::string& location, Diags& diags) {
  if (!operand.is_string()) {
    diags.push_back({location, "The value for the field 'StringMatches' must be a STRING"});
    return nullptr;
  }
  auto pattern = compile_pattern(operand.get<std::string>());
  if (!pattern) {
    diags.push_back({location,
                     "The value for the field 'StringMatches' is not a valid pattern: only "
                     "'\\*' and '\\\\' escapes are allowed"});
    return nullptr;
  }
  return std::make_shared<StringMatchesRule>(std::move(variable), std::move(*pattern));
}

}  // namespace sfn::choice::detail
