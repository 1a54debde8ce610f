// libFuzzer target: a JSONata expression is compiled with the Step Functions function set (as
// every ASL field is) and evaluated against a fixed input with $states bound, under the
// library's evaluation budgets; an expression that set rejects (e.g. $eval) is compiled and
// evaluated as plain JSONata 2.0.6.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_document.h"
#include "sfn/expr/jsonata/program.h"

namespace {

// The default budgets except the time budget: libFuzzer reports an input running longer than
// -timeout as a hang, and the budget must end an evaluation well before that.
sfn::jsonata::Limits fuzz_limits() {
  sfn::jsonata::Limits limits;
  limits.timeout = std::chrono::milliseconds(2000);
  return limits;
}

const sfn::jsonata::Bindings& bindings() {
  static const sfn::jsonata::Bindings b = {
      {"states", sfn::Json{{"input", sfn::fuzz::input_document()},
                           {"context", sfn::fuzz::context_document()},
                           {"result", sfn::Json{{"r", 1}}}}},
      {"x", sfn::Json(1)},
      {"list", sfn::fuzz::variables_document().at("list")},
  };
  return b;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static const sfn::jsonata::Limits limits = fuzz_limits();
  auto program = sfn::jsonata::Program::compile(text, {.step_functions_functions = true});
  if (!program) program = sfn::jsonata::Program::compile(text);
  if (!program) return 0;
  (void)program->evaluate(&sfn::fuzz::input_document(), bindings(), limits);
  return 0;
}
