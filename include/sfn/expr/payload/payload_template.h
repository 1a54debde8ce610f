// A compiled payload template: Parameters, ItemSelector, ResultSelector (JSONPath mode: keys
// ending in ".$" take a path or an intrinsic call) and Arguments/Output (JSONata mode: string
// values "{% expr %}" anywhere inside are JSONata expressions). Compiled once; evaluate() const.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

#include "sfn/common/result.h"
#include "sfn/expr/eval_context.h"
#include "sfn/expr/jsonata/program.h"

namespace sfn::payload {

enum class Mode { kJsonPath, kJsonata };

// One definition problem found while compiling, located relative to the template root
// (e.g. "/a/b.$").
struct Diagnostic {
  std::string location;
  std::string message;
};

class TemplateImpl;

class PayloadTemplate {
 public:
  static tl::expected<PayloadTemplate, std::vector<Diagnostic>> compile(const Json& tmpl,
                                                                        Mode mode);

  // JSONPath mode: errors are States.Runtime / States.IntrinsicFailure with AWS's causes.
  // JSONata mode: ctx.variables must hold the variables plus "states" ($states); errors are
  // States.QueryEvaluationError with AWS's cause text.
  Result<Json> evaluate(const expr::EvalContext& ctx) const;

 private:
  std::shared_ptr<const TemplateImpl> impl_;
};

// The end of AWS's cause when a JSONata expression fails ("The JSONata expression '...' specified
// for the field '...' " + this): `error` null = the result was undefined.
std::string jsonata_failure(const jsonata::Error* error);

// Whether a JSONata expression's text can read $states.context (or the whole $states). Computed
// once at compile time; false means evaluation need not build the context object. Conservative:
// `$states.inputs`, string literals and comments naming $states count as reads.
bool reads_states_context(std::string_view expression);

// A JSONata expression's bindings for `ctx`, by reference: each workflow variable and $states.
// $states.context is bound (and so the lazy context object built) only when `reads_context`.
jsonata::BindingRefs jsonata_bindings(const expr::EvalContext& ctx, bool reads_context);

}  // namespace sfn::payload
