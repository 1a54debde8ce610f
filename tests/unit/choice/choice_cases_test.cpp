// Data-driven Choice Rule cases: tests/unit/choice/data/*.json hold
// {"cases": [{"name", "rule", "input", "context"?, "variables"?,
//   "expected": true | false | {"error", "cause"} | {"compile_error": substring}}]}.
// Also every recorded AWS choice_operators case (rule + input -> ConditionTrue/False).
#include <gtest/gtest.h>

#include "sfn/expr/choice/rule.h"
#include "support/data_cases.h"

namespace sfn::choice {
namespace {

void run_case(const Json& tc) {
  const Json& expected = tc.at("expected");
  auto rule = tc.contains("condition") ? Rule::compile_condition(tc.at("condition"))
                                       : Rule::compile(tc.at("rule"), tc.value("top_level", true));
  if (expected.is_object() && expected.contains("compile_error")) {
    ASSERT_FALSE(rule) << "expected a compile error";
    std::string all;
    for (const auto& d : rule.error()) all += d.location + ": " + d.message + "\n";
    EXPECT_NE(all.find(expected.at("compile_error").get<std::string>()), std::string::npos) << all;
    return;
  }
  std::string diags;
  if (!rule) {
    for (const auto& d : rule.error()) diags += d.location + ": " + d.message + "\n";
  }
  ASSERT_TRUE(rule) << diags;
  Json input = tc.value("input", Json::object());
  Json context = tc.value("context", Json::object());
  Json variables = tc.value("variables", Json::object());
  auto result = rule->evaluate({input, context, &variables});
  if (expected.is_boolean()) {
    ASSERT_TRUE(result) << result.error().error << ": " << result.error().cause;
    EXPECT_EQ(*result, expected.get<bool>());
  } else {
    ASSERT_FALSE(result) << "expected an error, got " << *result;
    EXPECT_EQ(result.error().error, expected.at("error").get<std::string>());
    if (expected.contains("cause")) {
      EXPECT_EQ(result.error().cause, expected.at("cause").get<std::string>());
    }
  }
}

bool is_choice_operator_case(const Json& tc) {
  return tc.value("group", "") == "choice_operators" &&
         tc.at("definition").at("States").contains("CheckValues");
}

void run_recorded(const Json& tc) {
  const Json& entry = tc.at("definition").at("States").at("CheckValues").at("Choices").at(0);
  auto rule = Rule::compile(entry, true);
  ASSERT_TRUE(rule);
  Json input = tc.at("input");
  Json context = Json::object();
  auto result = rule->evaluate({input, context, nullptr});
  ASSERT_TRUE(result) << result.error().cause;
  const std::string next =
      *result ? entry.at("Next").get<std::string>()
              : tc.at("definition").at("States").at("CheckValues").at("Default").get<std::string>();
  const Json& output = tc.at("expected").at("output");
  EXPECT_EQ(next, output.at("TestResult.$").get<std::string>())
      << entry.dump() << " input " << input.dump();
}

const bool registered = [] {
  test_cases::register_data_cases("choice", run_case);
  test_cases::register_recorded_cases("RecordedChoiceOperators", is_choice_operator_case,
                                      run_recorded);
  return true;
}();

}  // namespace
}  // namespace sfn::choice
