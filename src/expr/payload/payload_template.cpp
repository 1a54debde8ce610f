// PayloadTemplate: compile once (collecting every diagnostic), evaluate many times.
#include "sfn/expr/payload/payload_template.h"

#include "expr/payload/compile_jsonata.h"
#include "expr/payload/compile_jsonpath.h"
#include "expr/payload/evaluate.h"

namespace sfn::payload {

class TemplateImpl {
 public:
  Mode mode = Mode::kJsonPath;
  TemplateNode root;
};

tl::expected<PayloadTemplate, std::vector<Diagnostic>> PayloadTemplate::compile(const Json& tmpl,
                                                                                Mode mode) {
  std::vector<Diagnostic> diagnostics;
  auto impl = std::make_shared<TemplateImpl>();
  impl->mode = mode;
  impl->root = mode == Mode::kJsonPath ? compile_jsonpath(tmpl, "", diagnostics)
                                       : compile_jsonata(tmpl, "", diagnostics);
  if (!diagnostics.empty()) return tl::unexpected(std::move(diagnostics));
  PayloadTemplate result;
  result.impl_ = std::move(impl);
  return result;
}

Result<Json> PayloadTemplate::evaluate(const expr::EvalContext& ctx) const {
  return evaluate_node(impl_->root, ctx);
}

}  // namespace sfn::payload
