// "Variable": a Path selecting the value a Choice Rule compares (States Language, "Choice
// Rules"); `...Path` comparison operands are Paths too. A path that selects nothing is a
// run-time error (States.Runtime), except for IsPresent.
#include "expr/choice/rule_impl.h"
#include "sfn/common/states_errors.h"

namespace sfn::choice::detail {

Result<std::optional<Json>> resolve(const jsonpath::Path& path, const expr::EvalContext& ctx) {
  const Json* doc = nullptr;
  switch (path.root()) {
    case jsonpath::Root::kInput:
      doc = &ctx.input;
      break;
    case jsonpath::Root::kContext:
      doc = &ctx.context.get();
      break;
    case jsonpath::Root::kVariable:
      if (!ctx.variables || !ctx.variables->is_object()) return std::optional<Json>();
      if (auto it = ctx.variables->find(path.variable_name()); it != ctx.variables->end()) {
        doc = &*it;
      }
      break;
  }
  if (!doc) return std::optional<Json>();
  auto value = path.evaluate_bounded(*doc);
  if (!value) {
    return states_error(errors::kRuntime,
                        "Invalid path '" + path.text() + "': the path " + value.error());
  }
  return std::move(*value);
}

Result<Json> resolve_required(const jsonpath::Path& path, const expr::EvalContext& ctx) {
  auto resolved = resolve(path, ctx);
  if (!resolved) return tl::unexpected(resolved.error());
  auto& value = *resolved;
  if (!value) {
    return states_error(errors::kRuntime,
                        "Invalid path '" + path.text() +
                            "': The choice state's condition path references an invalid value.");
  }
  return std::move(*value);
}

std::optional<jsonpath::Path> compile_path(const Json& value, std::string_view field,
                                           const std::string& location, Diags& diags) {
  if (!value.is_string()) {
    diags.push_back(
        {location, "The value for the field '" + std::string(field) + "' must be a STRING"});
    return std::nullopt;
  }
  auto path = jsonpath::Path::parse(value.get_ref<const std::string&>());
  if (!path) {
    diags.push_back({location, "The value for the field '" + std::string(field) +
                                   "' must be a valid JSONPath"});
    return std::nullopt;
  }
  return std::move(*path);
}

}  // namespace sfn::choice::detail
