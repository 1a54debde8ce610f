// Whether a JSONata expression can read $states.context. The context object is built lazily (it
// copies the whole execution input), so expressions that cannot read it must not force it.
// JSONata variable references are lexical and Step Functions rejects $eval, so only the text can
// name $states; the scan below is conservative: anything it is unsure of counts as a read.
#include <string_view>

#include "sfn/expr/payload/payload_template.h"

namespace sfn::payload {
namespace {

// The same character classes as the JSONata tokenizer (src/expr/jsonata/tokenizer.cpp): a name
// runs until whitespace or an operator character.
bool is_ws(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_operator_char(char c) {
  return std::string_view(".[]{}(),@#;:?+-*/%|=<>^&!~").find(c) != std::string_view::npos;
}

bool is_name_char(char c) { return !is_ws(c) && !is_operator_char(c); }

std::size_t skip_ws(std::string_view text, std::size_t i) {
  while (i < text.size() && is_ws(text[i])) ++i;
  return i;
}

// The $states members other than context; reading only these leaves $$ unbuilt.
bool is_other_member(std::string_view name) {
  return name == "input" || name == "result" || name == "errorOutput";
}

}  // namespace

bool reads_states_context(std::string_view expression) {
  constexpr std::string_view kStates = "$states";
  // The parent operator climbs from $states.input back to $states (`$states.input.%.context`);
  // '%' is also modulo, but treating every '%' as a parent step only costs building $$.
  const bool has_parent_step = expression.find('%') != std::string_view::npos;
  for (auto at = expression.find(kStates); at != std::string_view::npos;
       at = expression.find(kStates, at + 1)) {
    std::size_t i = at + kStates.size();
    if (i < expression.size() && is_name_char(expression[i])) continue;  // $statesX: another name
    i = skip_ws(expression, i);
    // bare $states, $states[...], $states /* comment */ ... : the whole object may be read
    if (i >= expression.size() || expression[i] != '.') return true;
    i = skip_ws(expression, i + 1);
    std::size_t end = i;
    while (end < expression.size() && is_name_char(expression[end])) ++end;
    // an empty name is `$states.(...)`, `$states.*` or a backtick name: any member may be read
    if (!is_other_member(expression.substr(i, end - i)) || has_parent_step) return true;
  }
  return false;
}

}  // namespace sfn::payload
