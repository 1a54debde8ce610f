// What an expression can read while it is evaluated: the effective input `$`, the context object
// `$$`, and the workflow variables `$name`; in a JSONata state also `$states`. Everything is
// referenced, never copied.
#pragma once

#include <string_view>

#include "sfn/common/json.h"

namespace sfn::expr {

// The members of JSONata's reserved $states variable; absent ones are nullptr.
struct StatesVariable {
  const Json* input = nullptr;
  const Json* context = nullptr;
  const Json* result = nullptr;
  const Json* error_output = nullptr;
};

struct EvalContext {
  const Json& input;
  const Json& context;
  const Json* variables = nullptr;  // object of variable name -> value; nullptr = none in scope
  // The field being evaluated, for error causes ("value.$", "ErrorPath", ...). May be empty.
  std::string_view field = {};
  const StatesVariable* states = nullptr;  // JSONata states only
};

}  // namespace sfn::expr
