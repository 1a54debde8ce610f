// "And": true when every operand rule is true; "Or": true when any is; "Not": the negation of
// its single operand. "And" and "Or" MUST be non-empty arrays of Choice Rules, "Not" a single
// Choice Rule; nested rules MUST NOT contain "Next". (States Language, "Choice Rules")
#include "expr/choice/rule_impl.h"

namespace sfn::choice::detail {

namespace {

class AndRule final : public RuleImpl {
 public:
  explicit AndRule(std::vector<RulePtr> operands) : operands_(std::move(operands)) {}
  Result<bool> evaluate(const expr::EvalContext& ctx) const override {
    for (const auto& r : operands_) {
      auto v = r->evaluate(ctx);
      if (!v || !*v) return v;
    }
    return true;
  }

 private:
  std::vector<RulePtr> operands_;
};

class OrRule final : public RuleImpl {
 public:
  explicit OrRule(std::vector<RulePtr> operands) : operands_(std::move(operands)) {}
  Result<bool> evaluate(const expr::EvalContext& ctx) const override {
    for (const auto& r : operands_) {
      auto v = r->evaluate(ctx);
      if (!v || *v) return v;
    }
    return false;
  }

 private:
  std::vector<RulePtr> operands_;
};

class NotRule final : public RuleImpl {
 public:
  explicit NotRule(RulePtr operand) : operand_(std::move(operand)) {}
  Result<bool> evaluate(const expr::EvalContext& ctx) const override {
    auto v = operand_->evaluate(ctx);
    if (!v) return v;
    return !*v;
  }

 private:
  RulePtr operand_;
};

}  // namespace

RulePtr make_and(std::vector<RulePtr> operands) {
  return std::make_shared<AndRule>(std::move(operands));
}
RulePtr make_or(std::vector<RulePtr> operands) {
  return std::make_shared<OrRule>(std::move(operands));
}
RulePtr make_not(RulePtr operand) { return std::make_shared<NotRule>(std::move(operand)); }

}  // namespace sfn::choice::detail
