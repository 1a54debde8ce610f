// JSONata mode (AWS "Transforming data with JSONata"): "JSONata expressions are written in
// string fields as {% expression %}"; other values are literal. Variables are bound as $name
// and the reserved $states holds input, context, result and errorOutput.
#include "expr/payload/jsonata_leaf.h"

#include <cctype>

#include "expr/payload/compile_jsonata.h"
#include "expr/payload/evaluate.h"
#include "sfn/common/states_errors.h"

namespace sfn::payload {
namespace {

constexpr std::string_view kOpen = "{%";
constexpr std::string_view kClose = "%}";

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// "Output" + "/result" -> "Output/result"; "" + "/result" -> "result".
std::string field_name(std::string_view field, const std::string& path) {
  if (field.empty()) return path.empty() ? std::string() : path.substr(1);
  return std::string(field) + path;
}

tl::unexpected<StatesError> query_error(const JsonataLeaf& leaf, std::string_view field,
                                        const std::string& what) {
  std::string location = field_name(field, leaf.field_path);
  return states_error(errors::kQueryEvaluationError,
                      "The JSONata expression '" + leaf.expression + "' specified for the field '" +
                          location + "' " + what,
                      location);
}

}  // namespace

std::string jsonata_failure(const jsonata::Error* error) {
  if (!error) return "returned nothing (undefined).";
  if (error->code == jsonata::kUnsupportedResultType) return "returned an unsupported result type.";
  return "threw an error: " + error->code + ": " + error->message;
}

jsonata::BindingRefs jsonata_bindings(const expr::EvalContext& ctx, bool reads_context) {
  jsonata::BindingRefs refs;
  if (ctx.variables && ctx.variables->is_object()) {
    refs.reserve(ctx.variables->size() + 1);
    for (const auto& [name, value] : ctx.variables->items())
      refs.push_back(jsonata::BindingRef{name, &value, {}});
  }
  if (const auto* s = ctx.states)
    refs.push_back(jsonata::BindingRef{"states",
                                       nullptr,
                                       {{"input", s->input},
                                        {"context", reads_context ? &ctx.context.get() : nullptr},
                                        {"result", s->result},
                                        {"errorOutput", s->error_output}}});
  return refs;
}

TemplateNode compile_jsonata(const Json& tmpl, const std::string& location,
                             std::vector<Diagnostic>& diagnostics) {
  TemplateNode node;
  node.location = location;
  if (tmpl.is_object()) {
    node.kind = TemplateNode::Kind::kObject;
    for (const auto& [key, value] : tmpl.items())
      node.fields.emplace_back(
          key, compile_jsonata(value, location + "/" + escape_pointer(key), diagnostics));
    return node;
  }
  if (tmpl.is_array()) {
    node.kind = TemplateNode::Kind::kArray;
    for (std::size_t i = 0; i < tmpl.size(); ++i)
      node.items.push_back(
          compile_jsonata(tmpl[i], location + "/" + std::to_string(i), diagnostics));
    return node;
  }
  node.literal = tmpl;
  if (!tmpl.is_string()) return node;
  const auto& text = tmpl.get_ref<const std::string&>();
  if (text.size() < kOpen.size() + kClose.size() || !text.starts_with(kOpen) ||
      !text.ends_with(kClose)) {
    return node;
  }
  auto leaf = std::make_shared<JsonataLeaf>();
  leaf->expression =
      trim(std::string_view(text).substr(kOpen.size(), text.size() - kOpen.size() - kClose.size()));
  leaf->field_path = location;
  auto program = jsonata::Program::compile(leaf->expression, {.step_functions_functions = true});
  if (!program) {
    diagnostics.push_back({location, "The JSONata expression '" + leaf->expression +
                                         "' is invalid: " + program.error().code + ": " +
                                         program.error().message});
    return node;
  }
  leaf->program = std::move(*program);
  leaf->reads_context = reads_states_context(leaf->expression);
  node.kind = TemplateNode::Kind::kJsonata;
  node.jsonata = std::move(leaf);
  return node;
}

Result<Json> evaluate_jsonata(const TemplateNode& node, const expr::EvalContext& ctx) {
  const JsonataLeaf& leaf = *node.jsonata;
  auto result = leaf.program.evaluate_refs(&ctx.input, jsonata_bindings(ctx, leaf.reads_context));
  if (!result || !*result)
    return query_error(leaf, ctx.field, jsonata_failure(result ? nullptr : &result.error()));
  return std::move(**result);
}

}  // namespace sfn::payload
