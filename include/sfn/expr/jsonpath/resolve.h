// Evaluates a compiled path against the document its root names in an EvalContext: `$` the
// input, `$$` the context object, `$name` a workflow variable.
#pragma once

#include "sfn/common/result.h"
#include "sfn/expr/eval_context.h"
#include "sfn/expr/jsonpath/path.h"

namespace sfn::jsonpath {

// A definite path that selects nothing (or an unknown variable) is States.Runtime with AWS's
// cause: "The JSONPath '<path>' specified for the field '<ctx.field>' could not be found in
// the input '<compact ctx.input>'". Indefinite paths always succeed (possibly with []).
Result<Json> resolve(const Path& path, const expr::EvalContext& ctx);

// The cause text above, for callers that report a missing path themselves.
std::string path_not_found_cause(std::string_view path_text, std::string_view field,
                                 const Json& input);

}  // namespace sfn::jsonpath
