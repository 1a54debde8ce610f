// JSONata-mode compilation of Arguments / Output / Assign: every string value that is exactly
// "{% expression %}" (however deeply nested) is a JSONata expression; all else is literal.
#pragma once

#include "expr/payload/template_node.h"
#include "sfn/expr/payload/payload_template.h"

namespace sfn::payload {

TemplateNode compile_jsonata(const Json& tmpl, const std::string& location,
                             std::vector<Diagnostic>& diagnostics);

}  // namespace sfn::payload
