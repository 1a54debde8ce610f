// JSONata mode: "Condition": "{% expr %}" — the rule matches when the expression evaluates to
// true; any other result (or an evaluation error) fails the state with
// States.QueryEvaluationError.
#include "rule_impl.h"

namespace sfn::choice {

tl::expected<Rule, std::vector<payload::Diagnostic>> Rule::compile_condition(const Json& condition) {
  detail::Diags diags;
  diags.push_back({"", "JSONata conditions are not supported yet"});
  (void)condition;
  return tl::unexpected(std::move(diags));
}

}  // namespace sfn::choice
