// The run-time errors of a state's data flow, with AWS's error names and causes: a missing
// InputPath / Parameters / OutputPath path and a ResultPath that cannot be applied are
// States.Runtime (as AWS records them for Pass states), an intrinsic failing is
// States.IntrinsicFailure, and a result over 256 KiB is States.DataLimitExceeded.
#include <string>

#include "engine_fixture.h"

namespace sfn::engine::testing {
namespace {

Json single(const Json& state) {
  Json s = state;
  s["End"] = true;
  return Json{{"StartAt", "S"}, {"States", {{"S", s}}}};
}

struct ErrorCase {
  const char* name;
  const char* state;  // the state S, as JSON text
  const char* input;
  const char* error;
  const char* cause;
};

const ErrorCase kCases[] = {
    {"InputPathMissing", R"j({"Type": "Pass", "InputPath": "$.missing"})j", R"j({"a": 1})j",
     "States.Runtime",
     "An error occurred while executing the state 'S' (entered at the event id #2). Invalid "
     "path '$.missing' : No results for path: $['missing']"},
    {"ParametersPathMissing", R"j({"Type": "Pass", "Parameters": {"x.$": "$.missing"}})j",
     R"j({"a": 1})j", "States.Runtime",
     "An error occurred while executing the state 'S' (entered at the event id #2). The JSONPath "
     "'$.missing' specified for the field 'x.$' could not be found in the input '{\"a\":1}'"},
    {"OutputPathMissing", R"j({"Type": "Pass", "OutputPath": "$.missing"})j", R"j({"a": 1})j",
     "States.Runtime",
     "An error occurred while executing the state 'S' (entered at the event id #2). Invalid "
     "path '$.missing' : No results for path: $['missing']"},
    {"ResultPathIntoANumber", R"j({"Type": "Pass", "Result": 1, "ResultPath": "$.a.b"})j",
     R"j({"a": 1})j", "States.Runtime",
     "An error occurred while executing the state 'S' (entered at the event id #2). Invalid "
     "path '$.a.b' : Unable to apply step \"b\" to input 1"},
    {"IntrinsicFailure",
     R"j({"Type": "Pass", "Parameters": {"x.$": "States.ArrayGetItem($.a, 5)"}})j",
     R"j({"a": [1, 2]})j", "States.IntrinsicFailure", nullptr},
    {"DataLimitExceeded",  // 30 x 10,000 characters: over 256 KiB
     R"j({"Type": "Pass", "Parameters": {"x.$": "States.Format('{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}{}', $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s, $.s)"}})j",
     nullptr, "States.DataLimitExceeded",
     "The state/task 'S' returned a result with a size exceeding the maximum number of bytes "
     "service limit."},
};

class StateErrorTest : public EngineFixture, public ::testing::WithParamInterface<ErrorCase> {
 protected:
  void SetUp() override { start_runtime({}); }
};

TEST_P(StateErrorTest, FailsWithAwsErrorAndCause) {
  const ErrorCase& c = GetParam();
  Json input = c.input ? Json::parse(c.input) : Json{{"s", std::string(10'000, 'x')}};
  auto r = run(single(Json::parse(c.state)), input);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, c.error);
  if (c.cause) {
    EXPECT_EQ(r->cause, c.cause);
  }
  // The failed state is the last one entered; the execution ends with ExecutionFailed.
  EXPECT_EQ(r->events.back()["type"], "ExecutionFailed");
  EXPECT_EQ(r->events.back()["executionFailedEventDetails"]["error"], c.error);
}

INSTANTIATE_TEST_SUITE_P(DataFlow, StateErrorTest, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

// A path selecting past the JSONPath budget (`$..*` over a deep object copies each leaf once per
// enclosing object; 990 levels stay within the input's nesting limit) fails the state like any
// other path error: States.Runtime with the state's prefix, recorded in the history, not an
// exception escaping the interpreter.
TEST_F(StateErrorTest, PathSelectingPastTheBudgetFailsTheState) {
  Json input = Json::object();
  Json* cur = &input;
  for (int i = 1; i < 990; ++i) cur = &((*cur)["n"] = Json::object());
  (*cur)["leaves"] = Json(std::vector<std::string>(4000, "ab"));
  auto r = run(single(Json{{"Type", "Pass"}, {"OutputPath", "$..*"}}), input);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_EQ(r->cause,
            "An error occurred while executing the state 'S' (entered at the event id #2). The "
            "JSONPath '$..*' specified for the field 'OutputPath' selects more than 64 MiB of data "
            "(each match is a copy of its subtree)");
  EXPECT_EQ(r->events.back()["type"], "ExecutionFailed");
}

}  // namespace
}  // namespace sfn::engine::testing
