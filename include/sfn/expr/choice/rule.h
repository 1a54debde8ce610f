// A compiled Choice Rule. JSONPath mode: a rule object with Variable + one comparison operator
// (StringEquals, NumericLessThanPath, IsPresent, StringMatches, ...) or And/Or/Not; JSONata
// mode: a Condition string "{% ... %}". Compiled once; evaluate() is const.
#pragma once

#include <memory>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "sfn/common/result.h"
#include "sfn/expr/eval_context.h"
#include "sfn/expr/payload/payload_template.h"

namespace sfn::choice {

class RuleImpl;

class Rule {
 public:
  // `rule` is a Choices[] entry (top_level = true: may carry Next/Assign/Output, which are
  // ignored here) or a nested And/Or/Not operand (top_level = false). Diagnostics carry
  // locations relative to `rule` and AWS's wording.
  static tl::expected<Rule, std::vector<payload::Diagnostic>> compile(const Json& rule,
                                                                      bool top_level);
  // JSONata mode: the value of "Condition".
  static tl::expected<Rule, std::vector<payload::Diagnostic>> compile_condition(
      const Json& condition);

  // JSONPath mode errors: States.Runtime (e.g. a ...Path operand that does not exist), with
  // AWS's cause. JSONata mode: States.QueryEvaluationError (e.g. non-boolean result).
  Result<bool> evaluate(const expr::EvalContext& ctx) const;

 private:
  std::shared_ptr<const RuleImpl> impl_;
};

}  // namespace sfn::choice
