// A compiled intrinsic function call such as States.Format('x {}', $.a). Parsed and
// arity-checked once when the definition is created; evaluate() is const.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "sfn/common/result.h"
#include "sfn/expr/eval_context.h"

namespace sfn::intrinsics {

class CallImpl;

class Call {
 public:
  // Parses `text` (the whole string value of a `.$` field). On failure returns a message for an
  // InvalidDefinition diagnostic.
  static tl::expected<Call, std::string> parse(std::string_view text);

  // True when `text` looks like an intrinsic call (starts with "States." after whitespace).
  static bool looks_like_call(std::string_view text);

  const std::string& text() const;

  // Errors are States.IntrinsicFailure (or States.Runtime for a missing path) with AWS's cause.
  Result<Json> evaluate(const expr::EvalContext& ctx) const;

 private:
  std::shared_ptr<const CallImpl> impl_;
};

}  // namespace sfn::intrinsics
