// AWS's history quota: "When an execution reaches 24,999 events, it waits for the next event
// to happen. If the event number 25,000 is ExecutionSucceeded, the execution finishes
// successfully. If it isn't, the ExecutionFailed event is logged and the execution fails."
// The quota is lowered here (RuntimeOptions::max_history_events) to keep the tests fast.
#include "engine_fixture.h"

namespace sfn::engine::testing {
namespace {

// A Pass/Choice loop counting $.n up to `limit`: 4 events per round. `prefix` keeps state
// names unique when the loop is used in several branches.
Json counter_loop(int limit, const std::string& prefix = "") {
  const std::string loop = prefix + "Loop", check = prefix + "Check", done = prefix + "Done";
  Json choice = {{"Variable", "$.n"}, {"NumericLessThan", limit}, {"Next", loop}};
  return Json{
      {"StartAt", loop},
      {"States",
       {{loop,
         {{"Type", "Pass"}, {"Parameters", {{"n.$", "States.MathAdd($.n, 1)"}}}, {"Next", check}}},
        {check, {{"Type", "Choice"}, {"Choices", Json::array({choice})}, {"Default", done}}},
        {done, {{"Type", "Succeed"}}}}}};
}

RuntimeOptions with_quota(std::int64_t max_events) {
  RuntimeOptions options;
  options.max_history_events = max_events;
  return options;
}

class HistoryLimitTest : public EngineFixture {};

TEST_F(HistoryLimitTest, AnEndlessLoopFailsAtTheQuotaWithExecutionFailedAsTheLastEvent) {
  start_runtime(with_quota(40));
  auto r = run(counter_loop(1'000'000), Json{{"n", 0}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->error, "States.Runtime");
  EXPECT_EQ(r->cause, "The execution reached the maximum number of events in its history (40).");
  ASSERT_EQ(r->events.size(), 40u);
  const Json& last = r->events.back();
  EXPECT_EQ(last["id"], 40);
  EXPECT_EQ(last["previousEventId"], 39);
  EXPECT_EQ(last["type"], "ExecutionFailed");
  EXPECT_EQ(last["executionFailedEventDetails"]["error"], "States.Runtime");
  for (size_t i = 0; i < r->events.size(); ++i) EXPECT_EQ(r->events[i]["id"], i + 1);
}

TEST_F(HistoryLimitTest, ExecutionSucceededMayBeTheLastAllowedEvent) {
  // ExecutionStarted + 9 rounds x 4 events + SucceedStateEntered/Exited is 39 events;
  // ExecutionSucceeded is number 40.
  start_runtime(with_quota(40));
  auto r = run(counter_loop(9), Json{{"n", 0}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  ASSERT_EQ(r->events.size(), 40u);
  EXPECT_EQ(r->events.back()["type"], "ExecutionSucceeded");
  EXPECT_EQ(r->output, R"({"n":9})");
}

TEST_F(HistoryLimitTest, AnyOtherEventAtTheQuotaFailsTheExecution) {
  start_runtime(with_quota(39));  // SucceedStateExited is number 39
  auto r = run(counter_loop(9), Json{{"n", 0}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  ASSERT_EQ(r->events.size(), 39u);
  EXPECT_EQ(r->events.back()["type"], "ExecutionFailed");
}

TEST_F(HistoryLimitTest, BranchesStopOnceTheQuotaIsReached) {
  // Parallel branches each loop; the events of every branch count towards one quota.

  Json definition = {
      {"StartAt", "P"},
      {"States",
       {{"P",
         {{"Type", "Parallel"},
          {"End", true},
          {"Branches", Json::array({counter_loop(1'000'000, "a"), counter_loop(1'000'000, "b"),
                                    counter_loop(1'000'000, "c")})}}}}}};
  start_runtime(with_quota(100));
  auto r = run(definition, Json{{"n", 0}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  ASSERT_EQ(r->events.size(), 100u);
  EXPECT_EQ(r->events.back()["type"], "ExecutionFailed");
}

TEST_F(HistoryLimitTest, WithoutAnOptionTheQuotaIsAwsHardQuotaOf25000Events) {
  start_runtime(RuntimeOptions{});
  auto r = run(counter_loop(1'000'000), Json{{"n", 0}});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kFailed);
  EXPECT_EQ(r->cause, "The execution reached the maximum number of events in its history (25000).");
  ASSERT_EQ(r->events.size(), 25'000u);
  EXPECT_EQ(r->events.back()["id"], 25'000);
  EXPECT_EQ(r->events.back()["type"], "ExecutionFailed");
}

}  // namespace
}  // namespace sfn::engine::testing
