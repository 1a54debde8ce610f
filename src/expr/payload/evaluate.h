// Evaluation of a compiled template node against an EvalContext.
#pragma once

#include "expr/payload/template_node.h"
#include "sfn/common/result.h"
#include "sfn/expr/eval_context.h"

namespace sfn::payload {

Result<Json> evaluate_node(const TemplateNode& node, const expr::EvalContext& ctx);

// JSONata leaves (jsonata_leaf.cpp). `ctx.field` is the template's field name ("Output").
Result<Json> evaluate_jsonata(const TemplateNode& node, const expr::EvalContext& ctx);

}  // namespace sfn::payload
