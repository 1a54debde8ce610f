// Choice rules ask for $$ only when they read it (the engine builds the context object lazily):
// a JSONPath rule when its Variable or ...Path operand is a $$ path, a JSONata Condition when its
// text can read $states.context.
#include <gtest/gtest.h>

#include "sfn/expr/choice/rule.h"

namespace sfn::choice {
namespace {

class CountingContext final : public expr::ContextSource {
 public:
  const Json& context() const override {
    ++calls;
    return json_;
  }
  mutable int calls = 0;

 private:
  Json json_ = Json{{"Execution", {{"Name", "exec"}}}};
};

Result<bool> evaluate(const Rule& rule, bool jsonata, const CountingContext& context) {
  const Json input = Json{{"a", 1}};
  const Json variables = Json::object();
  const expr::StatesVariable states{&input};
  return rule.evaluate({input, context, &variables, {}, jsonata ? &states : nullptr});
}

TEST(ChoiceLazyContext, JsonPathRuleAsksOnlyForDollarDollarPaths) {
  CountingContext context;
  auto plain = Rule::compile(Json{{"Variable", "$.a"}, {"NumericEquals", 1}}, false);
  ASSERT_TRUE(plain.has_value());
  auto r = evaluate(*plain, false, context);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(*r);
  EXPECT_EQ(context.calls, 0);
  auto reads =
      Rule::compile(Json{{"Variable", "$$.Execution.Name"}, {"StringEquals", "exec"}}, false);
  ASSERT_TRUE(reads.has_value());
  r = evaluate(*reads, false, context);
  ASSERT_TRUE(r.has_value());
  EXPECT_TRUE(*r);
  EXPECT_GT(context.calls, 0);
}

TEST(ChoiceLazyContext, JsonataConditionAsksOnlyWhenItsTextCanReadTheContext) {
  CountingContext context;
  auto plain = Rule::compile_condition("{% $states.input.a = 1 %}");
  ASSERT_TRUE(plain.has_value());
  auto r = evaluate(*plain, true, context);
  ASSERT_TRUE(r.has_value()) << r.error().cause;
  EXPECT_TRUE(*r);
  EXPECT_EQ(context.calls, 0);
  auto reads = Rule::compile_condition("{% $states.context.Execution.Name = 'exec' %}");
  ASSERT_TRUE(reads.has_value());
  r = evaluate(*reads, true, context);
  ASSERT_TRUE(r.has_value()) << r.error().cause;
  EXPECT_TRUE(*r);
  EXPECT_GT(context.calls, 0);
}

}  // namespace
}  // namespace sfn::choice
