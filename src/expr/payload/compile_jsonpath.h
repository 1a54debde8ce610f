// JSONPath-mode compilation of Parameters / ItemSelector / ResultSelector / Assign.
#pragma once

#include "expr/payload/template_node.h"
#include "sfn/expr/payload/payload_template.h"

namespace sfn::payload {

// Compiles `tmpl`; appends every problem found to `diagnostics`.
TemplateNode compile_jsonpath(const Json& tmpl, const std::string& location,
                              std::vector<Diagnostic>& diagnostics);

}  // namespace sfn::payload
