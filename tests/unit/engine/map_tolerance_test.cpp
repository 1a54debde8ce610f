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

std::vector<std::string> types(const ExecutionRecord& r) {
  std::vector<std::string> out;
  for (const auto& e : r.events) out.push_back(e["type"]);
  return out;
}

class MapToleranceTest : public EngineFixture {
 protected:
  void SetUp() override { start_runtime({}); }

  void expect_exceeded(const Json& extra) {
    auto r = run(distributed_map(extra), two_of_four_fail());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, "FAILED") << extra;
    EXPECT_EQ(r->error, "States.ExceedToleratedFailureThreshold");
    EXPECT_EQ(r->cause, "The specified tolerated failure threshold was exceeded");
    EXPECT_EQ(types(*r),
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
    EXPECT_EQ(r->status, "SUCCEEDED") << extra << " " << r->cause.value_or("");
    EXPECT_EQ(types(*r),
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
  EXPECT_EQ(r->status, "SUCCEEDED");
  r = run(distributed_map({{"ItemsPath", "$.items"}, {"ToleratedFailurePercentagePath", "$.pct"}}),
          Json{{"items", items}, {"pct", 10.5}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->error, "States.ExceedToleratedFailureThreshold");
}

TEST_F(MapToleranceTest, InlineMapIgnoresToleranceAndFailsWithTheIterationError) {
  auto r = run(distributed_map({{"ToleratedFailureCount", 3}}, "INLINE"), two_of_four_fail());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, "FAILED");
  EXPECT_EQ(r->error, "Boom");
}

}  // namespace
}  // namespace sfn::engine::testing
