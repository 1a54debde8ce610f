// libFuzzer target: a States.* intrinsic call is parsed (with its arity checks) and evaluated
// against a fixed input, context object and variables.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_document.h"
#include "sfn/expr/intrinsics/call.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)sfn::intrinsics::Call::looks_like_call(text);
  auto call = sfn::intrinsics::Call::parse(text);
  if (!call) return 0;
  const sfn::expr::EvalContext ctx{sfn::fuzz::input_document(), sfn::fuzz::context_document(),
                                   &sfn::fuzz::variables_document(), "value.$"};
  (void)call->evaluate(ctx);
  return 0;
}
