// What a JSONPath-mode expression can read while it is evaluated: the effective input `$`, the
// context object `$$`, and the workflow variables `$name`.
#pragma once

#include <string_view>

#include "sfn/common/json.h"

namespace sfn::expr {

struct EvalContext {
  const Json& input;
  const Json& context;
  const Json* variables = nullptr;  // object of variable name -> value; nullptr = none in scope
  // The field being evaluated, for error causes ("value.$", "ErrorPath", ...). May be empty.
  std::string_view field = {};
};

}  // namespace sfn::expr
