#include "expr/payload/evaluate.h"

#include "sfn/expr/jsonpath/resolve.h"

namespace sfn::payload {

Result<Json> evaluate_node(const TemplateNode& node, const expr::EvalContext& ctx) {
  switch (node.kind) {
    case TemplateNode::Kind::kLiteral:
      return node.literal;
    case TemplateNode::Kind::kObject: {
      Json out = Json::object();
      for (const auto& [key, child] : node.fields) {
        auto value = evaluate_node(child, ctx);
        if (!value) return value;
        out[key] = std::move(*value);
      }
      return out;
    }
    case TemplateNode::Kind::kArray: {
      Json out = Json::array();
      for (const auto& child : node.items) {
        auto value = evaluate_node(child, ctx);
        if (!value) return value;
        out.push_back(std::move(*value));
      }
      return out;
    }
    case TemplateNode::Kind::kPath: {
      expr::EvalContext field_ctx{ctx.input, ctx.context, ctx.variables, node.source_key,
                                  ctx.states};
      return jsonpath::resolve(*node.path, field_ctx);
    }
    case TemplateNode::Kind::kCall: {
      expr::EvalContext field_ctx{ctx.input, ctx.context, ctx.variables, node.source_key,
                                  ctx.states};
      return node.call->evaluate(field_ctx);
    }
    case TemplateNode::Kind::kJsonata:
      return evaluate_jsonata(node, ctx);
  }
  return node.literal;
}

}  // namespace sfn::payload
