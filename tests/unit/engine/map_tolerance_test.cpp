// Distributed Map failure tolerance: "If you specify both values, the workflow fails when it
// exceeds either value." "The default percentage value is zero, which means that the workflow
// fails if any one of its child workflow executions fails or times out." A Map Run that exceeds
// its threshold fails with States.ExceedToleratedFailureThreshold; tolerated failed children
// appear in the result array unchanged (the NONE transformation: execution metadata).
#include <vector>

#include "engine_fixture.h"

namespace sfn::engine::testing {
namespace {

// Items {"fail": bool}; a failing item ends in Fail(Boom, "bad item").
Json distributed_map(const Json& extra, const std::string& mode = "DISTRIBUTED") {
  Json choice = {{"Variable", "$.fail"}, {"BooleanEquals", true}, {"Next", "F"}};
  Json processor = {
      {"ProcessorConfig", {{"Mode", mode}, {"ExecutionType", "STANDARD"}}},
      {"StartAt", "C"},
      {"States",
       {{"C", {{"Type", "Choice"}, {"Choices", Json::array({choice})}, {"Default", "S"}}},
        {"F", {{"Type", "Fail"}, {"Error", "Boom"}, {"Cause", "bad item"}}},
        {"S", {{"Type", "Pass"}, {"End", true}}}}}};
  Json map = {{"Type", "Map"}, {"ItemProcessor", processor}, {"End", true}};
  if (extra.is_object()) map.update(extra);
  return Json{{"StartAt", "M"}, {"States", {{"M", map}}}};
}

// 4 items, 2 of them failing (50 %).
Json two_of_four_fail() {
  return Json::parse(R"([{"fail":false,"n":1},{"fail":true,"n":2},{"fail":false,"n":3},
                         {"fail":true,"n":4}])");
}

class MapToleranceTest : public EngineFixture {
 protected:
  void SetUp() override { start_runtime({}); }

  void expect_exceeded(const Json& extra) {
    auto r = run(distributed_map(extra), two_of_four_fail());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, ExecutionStatus::kFailed) << extra;
    EXPECT_EQ(r->error, "States.ExceedToleratedFailureThreshold");
    EXPECT_EQ(r->cause, "The specified tolerated failure threshold was exceeded");
    EXPECT_EQ(event_types(*r),
              (std::vector<std::string>{"ExecutionStarted", "MapStateEntered", "MapStateStarted",
                                        "MapRunStarted", "MapRunFailed", "MapStateFailed",
                                        "ExecutionFailed"}));
    const Json& failed = r->events[4]["mapRunFailedEventDetails"];
    EXPECT_EQ(failed["error"], "States.ExceedToleratedFailureThreshold");
  }

  Json expect_tolerated(const Json& extra) {
    auto r = run(distributed_map(extra), two_of_four_fail());
    EXPECT_TRUE(r);
    if (!r) return nullptr;
    EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << extra << " " << r->cause.value_or("");
    EXPECT_EQ(event_types(*r),
              (std::vector<std::string>{"ExecutionStarted", "MapStateEntered", "MapStateStarted",
                                        "MapRunStarted", "MapRunSucceeded", "MapStateSucceeded",
                                        "MapStateExited", "ExecutionSucceeded"}));
    // As AWS links them since Nov 2024: MapRunSucceeded and MapStateExited follow MapRunStarted,
    // MapStateSucceeded follows MapRunSucceeded.
    auto previous = [&](size_t i) { return r->events[i]["previousEventId"].get<std::int64_t>(); };
    const auto id_of = [&](size_t i) { return r->events[i]["id"].get<std::int64_t>(); };
    EXPECT_EQ(previous(4), id_of(3));
    EXPECT_EQ(previous(5), id_of(4));
    EXPECT_EQ(previous(6), id_of(3));
    return r->output ? Json::parse(*r->output) : Json();
  }
};

TEST_F(MapToleranceTest, WithoutAThresholdTheFirstFailedChildFailsTheMapRun) {
  expect_exceeded({});
}

TEST_F(MapToleranceTest, CountBelowTheFailuresFails) {
  expect_exceeded({{"ToleratedFailureCount", 1}});
}

TEST_F(MapToleranceTest, CountEqualToTheFailuresIsTolerated) {
  Json out = expect_tolerated({{"ToleratedFailureCount", 2}});
  ASSERT_TRUE(out.is_array());
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0], Json::parse(R"({"fail":false,"n":1})"));
  EXPECT_EQ(out[2], Json::parse(R"({"fail":false,"n":3})"));
  for (int i : {1, 3}) {
    const Json& e = out[i];
    EXPECT_EQ(e["Status"], "FAILED");
    EXPECT_EQ(e["Error"], "Boom");
    EXPECT_EQ(e["Cause"], "bad item");
    EXPECT_EQ(Json::parse(e["Input"].get<std::string>())["n"], i + 1);
    EXPECT_EQ(e["InputDetails"], Json::parse(R"({"Included":true})"));
    EXPECT_EQ(e["StateMachineArn"], "arn:aws:states:us-east-1:123456789012:stateMachine:sm");
    const std::string arn = e["ExecutionArn"];
    EXPECT_EQ(arn.rfind("arn:aws:states:us-east-1:123456789012:execution:sm/M:", 0), 0u) << arn;
    EXPECT_EQ(arn.substr(arn.rfind(':') + 1), e["Name"]);
    EXPECT_TRUE(e["StartDate"].is_string());
    EXPECT_TRUE(e["StopDate"].is_string());
  }
}

TEST_F(MapToleranceTest, PercentageBelowTheFailedShareFails) {
  expect_exceeded({{"ToleratedFailurePercentage", 49}});
}

TEST_F(MapToleranceTest, PercentageEqualToTheFailedShareIsTolerated) {
  expect_tolerated({{"ToleratedFailurePercentage", 50}});
}

TEST_F(MapToleranceTest, ExceedingEitherThresholdFails) {
  expect_exceeded({{"ToleratedFailurePercentage", 100}, {"ToleratedFailureCount", 1}});
  expect_exceeded({{"ToleratedFailurePercentage", 25}, {"ToleratedFailureCount", 10}});
}

TEST_F(MapToleranceTest, ThresholdsFromPaths) {
  Json items = two_of_four_fail();
  auto r =
      run(distributed_map({{"ItemsPath", "$.items"}, {"ToleratedFailureCountPath", "$.count"}}),
          Json{{"items", items}, {"count", 2}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  r = run(distributed_map({{"ItemsPath", "$.items"}, {"ToleratedFailurePercentagePath", "$.pct"}}),
          Json{{"items", items}, {"pct", 10.5}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->error, "States.ExceedToleratedFailureThreshold");
}

// AWS parses a string a path refers to: "2" is a count of 2, "50" a percentage of 50.
TEST_F(MapToleranceTest, ThresholdPathsAcceptNumbersWrittenAsText) {
  Json items = two_of_four_fail();
  auto r =
      run(distributed_map({{"ItemsPath", "$.items"}, {"ToleratedFailureCountPath", "$.count"}}),
          Json{{"items", items}, {"count", "2"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << r->cause.value_or("");
  r = run(distributed_map({{"ItemsPath", "$.items"}, {"ToleratedFailurePercentagePath", "$.pct"}}),
          Json{{"items", items}, {"pct", "50.0"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << r->cause.value_or("");
  r = run(distributed_map({{"ItemsPath", "$.items"}, {"ToleratedFailureCountPath", "$.count"}}),
          Json{{"items", items}, {"count", "2.5"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_NE(r->cause.value_or("").find("refers to value \"2.5\" which is not a valid integer"),
            std::string::npos)
      << r->cause.value_or("");
}

// Values AWS cannot use end the execution with States.Runtime right after MapStateStarted (no
// Map Run, no MapStateFailed).
TEST_F(MapToleranceTest, NegativeCountFromAPathEndsTheExecution) {
  auto r = run(distributed_map({{"ItemsPath", "$.items"}, {"ToleratedFailureCountPath", "$.c"}}),
               Json{{"items", Json::array({1})}, {"c", -1}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_EQ(r->cause,
            "An error occurred while executing the state 'M' (entered at the event id #2). "
            "ToleratedFailureCount cannot be negative.");
  EXPECT_EQ(event_types(*r), (std::vector<std::string>{"ExecutionStarted", "MapStateEntered",
                                                       "MapStateStarted", "ExecutionFailed"}));
}

// An unusable MaxConcurrencyPath value fails before MapStateStarted; AWS quotes the value.
TEST_F(MapToleranceTest, UnusableMaxConcurrencyPathEndsTheExecution) {
  auto r = run(distributed_map({{"ItemsPath", "$.items"}, {"MaxConcurrencyPath", "$.m"}}, "INLINE"),
               Json{{"items", Json::array({1})}, {"m", Json::object()}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_EQ(r->cause,
            "An error occurred while executing the state 'M' (entered at the event id #2). The "
            "MaxConcurrencyPath field refers to value \"{}\" which is not a valid integer: $.m");
  EXPECT_EQ(event_types(*r),
            (std::vector<std::string>{"ExecutionStarted", "MapStateEntered", "ExecutionFailed"}));
  r = run(distributed_map({{"ItemsPath", "$.items"}, {"MaxConcurrencyPath", "$.m"}}, "INLINE"),
          Json{{"items", Json::array({Json{{"fail", false}}})}, {"m", "1"}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded) << r->cause.value_or("");
}

TEST_F(MapToleranceTest, InlineMapIgnoresToleranceAndFailsWithTheIterationError) {
  auto r = run(distributed_map({{"ToleratedFailureCount", 3}}, "INLINE"), two_of_four_fail());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "Boom");
}

}  // namespace
}  // namespace sfn::engine::testing
