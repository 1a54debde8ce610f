// JSONata mode: "Condition": "{% expr %}" — the Choice Rule matches when the expression
// evaluates to true. A non-boolean or undefined result, or an evaluation error, fails the state
// with States.QueryEvaluationError (AWS: "The JSONata expression '...' specified for the field
// 'Condition' returned an unexpected result type. Expected 'boolean', ...").
#include <cctype>

#include "expr/choice/rule_impl.h"
#include "sfn/common/states_errors.h"
#include "sfn/expr/jsonata/program.h"
#include "sfn/expr/payload/payload_template.h"

namespace sfn::choice {

namespace {

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

std::string jsonata_type(const Json& v) {
  switch (v.type()) {
    case Json::value_t::string:
      return "string";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "number";
    case Json::value_t::object:
      return "object";
    case Json::value_t::array:
      return "array";
    default:
      return "null";
  }
}

class ConditionRule final : public RuleImpl {
 public:
  ConditionRule(std::string text, jsonata::Program program)
      : text_(std::move(text)),
        program_(std::move(program)),
        reads_context_(payload::reads_states_context(text_)) {}

  Result<bool> evaluate(const expr::EvalContext& ctx) const override {
    auto result =
        program_.evaluate_refs(&ctx.input, payload::jsonata_bindings(ctx, reads_context_));
    const std::string prefix =
        "The JSONata expression '" + text_ + "' specified for the field 'Condition' ";
    if (!result || !*result)
      return states_error(errors::kQueryEvaluationError,
                          prefix + payload::jsonata_failure(result ? nullptr : &result.error()),
                          "Condition");
    const Json& value = **result;
    if (!value.is_boolean()) {
      return states_error(errors::kQueryEvaluationError,
                          prefix +
                              "returned an unexpected result type. Expected 'boolean', but was '" +
                              jsonata_type(value) + "' for value: " + dump_compact(value),
                          "Condition");
    }
    return value.get<bool>();
  }

 private:
  std::string text_;
  jsonata::Program program_;
  bool reads_context_;  // else $$ is not built for this condition
};

class ConstantRule final : public RuleImpl {
 public:
  explicit ConstantRule(bool value) : value_(value) {}
  Result<bool> evaluate(const expr::EvalContext&) const override { return value_; }

 private:
  bool value_;
};

}  // namespace

tl::expected<Rule, std::vector<payload::Diagnostic>> Rule::compile_condition(
    const Json& condition) {
  detail::Diags diags;
  Rule out;
  if (condition.is_boolean()) {
    out.impl_ = std::make_shared<ConstantRule>(condition.get<bool>());
    return out;
  }
  if (!condition.is_string()) {
    diags.push_back({"", "The value for the field 'Condition' must be a STRING"});
    return tl::unexpected(std::move(diags));
  }
  const auto& s = condition.get_ref<const std::string&>();
  if (s.size() < 4 || !s.starts_with("{%") || !s.ends_with("%}")) {
    diags.push_back(
        {"", "The value for the field 'Condition' must be a JSONata expression enclosed in {% %}"});
    return tl::unexpected(std::move(diags));
  }
  std::string text = trim(std::string_view(s).substr(2, s.size() - 4));
  auto program = jsonata::Program::compile(text, {.step_functions_functions = true});
  if (!program) {
    diags.push_back({"", "The JSONata expression '" + text + "' is invalid: " +
                             program.error().code + ": " + program.error().message});
    return tl::unexpected(std::move(diags));
  }
  out.impl_ = std::make_shared<ConditionRule>(std::move(text), std::move(*program));
  return out;
}

}  // namespace sfn::choice
