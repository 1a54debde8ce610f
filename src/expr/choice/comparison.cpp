// "A Choice Rule ... MUST contain exactly one field containing a comparison operator" —
// StringEquals, NumericLessThan, TimestampGreaterThanEqualsPath, ...: the Variable's value
// compared with a literal or with another Path's value. A value of the wrong type makes the
// comparison false. (States Language, "Choice Rules")
#include "expr/choice/rule_impl.h"

namespace sfn::choice::detail {

namespace {

class ComparisonRule final : public RuleImpl {
 public:
  ComparisonRule(const Family& family, Op op, jsonpath::Path variable, std::optional<Json> literal,
                 std::optional<jsonpath::Path> operand_path)
      : family_(family),
        op_(op),
        variable_(std::move(variable)),
        literal_(std::move(literal)),
        operand_path_(std::move(operand_path)) {}

  Result<bool> evaluate(const expr::EvalContext& ctx) const override {
    auto value = resolve_required(variable_, ctx);
    if (!value) return tl::unexpected(value.error());
    Json operand;
    if (operand_path_) {
      auto resolved = resolve_required(*operand_path_, ctx);
      if (!resolved) return tl::unexpected(resolved.error());
      operand = std::move(*resolved);
    } else {
      operand = *literal_;
    }
    auto cmp = family_.compare(*value, operand);
    if (!cmp) return false;
    switch (op_) {
      case Op::kEquals:
        return *cmp == 0;
      case Op::kLessThan:
        return *cmp < 0;
      case Op::kGreaterThan:
        return *cmp > 0;
      case Op::kLessThanEquals:
        return *cmp <= 0;
      case Op::kGreaterThanEquals:
        return *cmp >= 0;
    }
    return false;
  }

 private:
  const Family& family_;
  Op op_;
  jsonpath::Path variable_;
  std::optional<Json> literal_;
  std::optional<jsonpath::Path> operand_path_;
};

}  // namespace

RulePtr make_comparison(const Family& family, Op op, jsonpath::Path variable, const Json& operand,
                        bool operand_is_path, const std::string& location, Diags& diags) {
  if (operand_is_path) {
    auto path = compile_path(operand, "Path", location, diags);
    if (!path) return nullptr;
    return std::make_shared<ComparisonRule>(family, op, std::move(variable), std::nullopt,
                                            std::move(path));
  }
  if (!family.literal_ok(operand)) {
    diags.push_back(
        {location, "The value for the operator must be a " + std::string(family.literal_type)});
    return nullptr;
  }
  return std::make_shared<ComparisonRule>(family, op, std::move(variable), operand, std::nullopt);
}

}  // namespace sfn::choice::detail
