// "{% expr %}" strings: JSONata expressions compiled once when the definition is created, with
// the Step Functions function set ($partition, $range, $hash, $random, $uuid, $parse).
#include "asl/parse/field_values.h"

namespace sfn::asl::detail {

std::optional<JsonataExpr> compile_jsonata(std::string_view text, const std::string& location,
                                           Diagnostics& diags) {
  JsonataExpr expr;
  expr.text = jsonata_body(text);
  jsonata::CompileOptions options;
  options.step_functions_functions = true;
  auto program = jsonata::Program::compile(expr.text, options);
  if (!program) {
    diags.error("SCHEMA_VALIDATION_FAILED",
                "The JSONata expression '" + expr.text + "' is invalid: " + program.error().code +
                    ": " + program.error().message,
                location);
    return std::nullopt;
  }
  expr.program = std::move(*program);
  expr.reads_context = payload::reads_states_context(expr.text);
  return expr;
}

}  // namespace sfn::asl::detail
