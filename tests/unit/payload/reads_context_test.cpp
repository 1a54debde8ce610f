// reads_states_context: which JSONata texts can read $states.context, and that $$ is built only
// for expressions and paths that read it (the engine builds the context object lazily).
#include <gtest/gtest.h>

#include "sfn/expr/payload/payload_template.h"

namespace sfn::payload {
namespace {

struct ScanCase {
  const char* text;
  bool reads;
};

TEST(ReadsStatesContext, ConservativeScanOfTheText) {
  const ScanCase cases[] = {
      // no $states, or only the members that are not the context
      {"$x + 1", false},
      {"$states.input.a", false},
      {"$states.result.Payload", false},
      {"$states.errorOutput.Cause", false},
      {"$states . input", false},
      {"$states.\n  result", false},
      {"$states.input.a & $states.result.b", false},
      {"$statesX.context", false},   // another variable
      {"$states_old", false},        // another variable
      {"$states\"x\"", false},       // the tokenizer reads `states"x"` as one name
      {"'$states.input x'", false},  // in a string: not a read either way
      {"{'a': $states.input[0]}", false},
      // reads, or may read, the context
      {"$states.context.Execution.Name", true},
      {"$states . context", true},
      {"$states", true},  // the whole object
      {"$keys($states)", true},
      {"$states.`context`", true},  // a backtick name
      {"$states.*", true},
      {"$states.**", true},
      {"$states.(context)", true},
      {"$states['context']", true},
      {"$states[0]", true},
      {"$states.inputs", true},           // not `input`: conservative
      {"$states.Input", true},            // names are case-sensitive
      {"$states/*c*/.input", true},       // a comment where a '.' is expected
      {"$states.input.%.context", true},  // the parent operator climbs back to $states
      {"$states.input.a % 2", true},      // '%' as modulo: conservative
      {"$states.input.a & $states.context.b", true},
      {"'$states.context'", true},  // in a string: conservative
      {"'$states.input'", true},    // the quote joins the name (`input'`): conservative
      {"$states.", true},           // (does not compile; conservative)
  };
  for (const auto& c : cases) EXPECT_EQ(reads_states_context(c.text), c.reads) << c.text;
}

// A $$ that counts how often it is asked for.
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

Result<Json> evaluate(const Json& tmpl, Mode mode, const CountingContext& context) {
  auto compiled = PayloadTemplate::compile(tmpl, mode);
  EXPECT_TRUE(compiled.has_value());
  const Json input = Json{{"a", 1}};
  const Json variables = Json::object();
  const expr::StatesVariable states{&input};
  return compiled->evaluate(
      {input, context, &variables, "Output", mode == Mode::kJsonata ? &states : nullptr});
}

TEST(LazyContext, JsonPathTemplateAsksOnlyForDollarDollarPaths) {
  CountingContext context;
  auto r =
      evaluate(Json{{"a.$", "$.a"}, {"f.$", "States.Format('{}', $.a)"}}, Mode::kJsonPath, context);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(context.calls, 0);
  r = evaluate(Json{{"n.$", "$$.Execution.Name"}}, Mode::kJsonPath, context);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(dump_compact(*r), R"({"n":"exec"})");
  EXPECT_GT(context.calls, 0);
}

TEST(LazyContext, JsonataTemplateAsksOnlyWhenTheTextCanReadTheContext) {
  CountingContext context;
  auto r = evaluate(Json{{"a", "{% $states.input.a + 1 %}"}}, Mode::kJsonata, context);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(dump_compact(*r), R"({"a":2})");
  EXPECT_EQ(context.calls, 0);
  r = evaluate(Json{{"n", "{% $states.context.Execution.Name %}"}}, Mode::kJsonata, context);
  ASSERT_TRUE(r.has_value()) << r.error().cause;
  EXPECT_EQ(dump_compact(*r), R"({"n":"exec"})");
  EXPECT_GT(context.calls, 0);
}

}  // namespace
}  // namespace sfn::payload
