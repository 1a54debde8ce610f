#include "sfn/expr/jsonpath/resolve.h"

#include "sfn/common/states_errors.h"

namespace sfn::jsonpath {

std::string path_not_found_cause(std::string_view path_text, std::string_view field,
                                 const Json& input) {
  return "The JSONPath '" + std::string(path_text) + "' specified for the field '" +
         std::string(field) + "' could not be found in the input '" + dump_compact(input) + "'";
}

Result<Json> resolve(const Path& path, const expr::EvalContext& ctx) {
  const Json* doc = &ctx.input;
  if (path.root() == Root::kContext) {
    doc = &ctx.context.get();  // built only now that $$ is read
  } else if (path.root() == Root::kVariable) {
    doc = nullptr;
    if (ctx.variables && ctx.variables->is_object()) {
      auto it = ctx.variables->find(path.variable_name());
      if (it != ctx.variables->end()) doc = &*it;
    }
  }
  std::optional<Json> value;
  if (doc) {
    auto bounded = path.evaluate_bounded(*doc);
    if (!bounded) {
      return states_error(errors::kRuntime, "The JSONPath '" + path.text() +
                                                "' specified for the field '" +
                                                std::string(ctx.field) + "' " + bounded.error());
    }
    value = std::move(*bounded);
  }
  if (!value) {
    return states_error(errors::kRuntime, path_not_found_cause(path.text(), ctx.field, ctx.input));
  }
  return std::move(*value);
}

}  // namespace sfn::jsonpath
