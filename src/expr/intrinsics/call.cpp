// Intrinsic functions (Amazon States Language): "constructs that look similar to functions in
// programming languages", allowed in `.$` fields of Parameters, ResultSelector, ItemSelector,
// Assign and Credentials in JSONPath mode.
#include "sfn/expr/intrinsics/call.h"

#include <cctype>

#include "expr/intrinsics/call_node.h"
#include "sfn/expr/jsonpath/resolve.h"

namespace sfn::intrinsics {

class CallImpl {
 public:
  std::string text;
  CallNode root;
};

namespace {

Result<Json> evaluate_node(const CallNode& node, const expr::EvalContext& ctx);

// States.Format's template keeps its escapes so that \{ and \} are not placeholders; a template
// read from a path has no escapes, so its backslashes are escaped here.
Result<Json> evaluate_template(const CallNode& node, const expr::EvalContext& ctx) {
  if (node.kind == CallNode::Kind::kLiteral && node.literal.is_string()) return Json(node.raw);
  auto value = evaluate_node(node, ctx);
  if (!value || !value->is_string()) return value;
  std::string escaped;
  for (char c : value->get_ref<const std::string&>()) {
    if (c == '\\') escaped += '\\';
    escaped += c;
  }
  return Json(escaped);
}

Result<Json> evaluate_node(const CallNode& node, const expr::EvalContext& ctx) {
  switch (node.kind) {
    case CallNode::Kind::kLiteral:
      return node.literal;
    case CallNode::Kind::kPath:
      return jsonpath::resolve(*node.path, ctx);
    case CallNode::Kind::kCall:
      break;
  }
  const FunctionSpec& f = *node.function;
  std::vector<Json> args;
  args.reserve(node.args.size());
  for (std::size_t i = 0; i < node.args.size(); ++i) {
    auto value = (i == 0 && f.template_first_arg) ? evaluate_template(node.args[i], ctx)
                                                  : evaluate_node(node.args[i], ctx);
    if (!value) return value;
    if (!has_type(*value, f.type_of(i))) {
      return intrinsic_failure(f.name, "argument " + std::to_string(i + 1) + " must be of type " +
                                           type_name(f.type_of(i)) + ", but was " +
                                           dump_compact(*value));
    }
    args.push_back(std::move(*value));
  }
  return f.invoke(args);
}

}  // namespace

tl::expected<Call, std::string> Call::parse(std::string_view text) {
  auto node = parse_call(text, IntrinsicRegistry::standard());
  if (!node) return tl::unexpected(node.error());
  auto impl = std::make_shared<CallImpl>();
  impl->text = std::string(text);
  impl->root = std::move(*node);
  Call call;
  call.impl_ = std::move(impl);
  return call;
}

bool Call::looks_like_call(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  return text.substr(i).starts_with("States.");
}

const std::string& Call::text() const { return impl_->text; }

Result<Json> Call::evaluate(const expr::EvalContext& ctx) const {
  return evaluate_node(impl_->root, ctx);
}

}  // namespace sfn::intrinsics
