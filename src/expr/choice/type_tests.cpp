// IsNull, IsPresent, IsNumeric, IsString, IsBoolean, IsTimestamp: "Is*" operators test the
// Variable's type (or presence); the operand is a boolean saying which outcome matches.
// IsPresent never fails; the others fail like any comparison when the Variable is missing.
#include "expr/choice/rule_impl.h"
#include "sfn/common/clock.h"

namespace sfn::choice::detail {

namespace {

enum class Test { kNull, kPresent, kNumeric, kString, kBoolean, kTimestamp };

class TypeTestRule final : public RuleImpl {
 public:
  TypeTestRule(Test test, jsonpath::Path variable, bool expected)
      : test_(test), variable_(std::move(variable)), expected_(expected) {}

  Result<bool> evaluate(const expr::EvalContext& ctx) const override {
    if (test_ == Test::kPresent) {
      auto present = resolve(variable_, ctx);
      if (!present) return tl::unexpected(present.error());
      return present->has_value() == expected_;
    }
    auto value = resolve_required(variable_, ctx);
    if (!value) return tl::unexpected(value.error());
    return matches(*value) == expected_;
  }

 private:
  bool matches(const Json& v) const {
    switch (test_) {
      case Test::kNull:
        return v.is_null();
      case Test::kNumeric:
        return v.is_number();
      case Test::kString:
        return v.is_string();
      case Test::kBoolean:
        return v.is_boolean();
      case Test::kTimestamp:
        return v.is_string() && parse_iso8601(v.get_ref<const std::string&>()).has_value();
      case Test::kPresent:
        return true;
    }
    return false;
  }

  Test test_;
  jsonpath::Path variable_;
  bool expected_;
};

}  // namespace

RulePtr make_type_test(std::string_view op, jsonpath::Path variable, const Json& operand,
                       const std::string& location, Diags& diags) {
  Test test;
  if (op == "IsNull")
    test = Test::kNull;
  else if (op == "IsPresent")
    test = Test::kPresent;
  else if (op == "IsNumeric")
    test = Test::kNumeric;
  else if (op == "IsString")
    test = Test::kString;
  else if (op == "IsBoolean")
    test = Test::kBoolean;
  else
    test = Test::kTimestamp;
  if (!operand.is_boolean()) {
    diags.push_back(
        {location, "The value for the field '" + std::string(op) + "' must be a BOOLEAN"});
    return nullptr;
  }
  return std::make_shared<TypeTestRule>(test, std::move(variable), operand.get<bool>());
}

}  // namespace sfn::choice::detail
