// The engine tells time by the clock it is given (RuntimeOptions::clock): history timestamps,
// a Wait's Timestamp and an execution's TimeoutSeconds count from it, not from the system.
// A ManualClock stands still (exact timestamps) and can be set far from the system's time, so
// the tests below would fail if any of these read the system clock.
#include <chrono>

#include "engine_fixture.h"

namespace sfn::engine {
namespace {

using testing::EngineFixture;
using testing::event_types;
using Elapsed = std::chrono::duration<double>;

// 2020-01-01T00:00:00Z: years before the system's time, so a Timestamp after it is in the past
// for the system clock.
constexpr double kJan2020 = 1577836800.0;

class ClockTest : public EngineFixture {
 protected:
  void start(double epoch_seconds, double wait_time_scale) {
    clock_ = std::make_shared<ManualClock>(epoch_seconds);
    wait_time_scale_ = wait_time_scale;
    RuntimeOptions options;
    options.clock = clock_;
    start_runtime(options);
  }

  // Runs `definition` and returns the record and the real time it took.
  std::pair<std::shared_ptr<ExecutionRecord>, double> timed_run(const Json& definition,
                                                                double started_ago = 0) {
    const auto begin = std::chrono::steady_clock::now();
    auto r = run(definition, Json::object(), {}, started_ago);
    return {r, Elapsed(std::chrono::steady_clock::now() - begin).count()};
  }

  std::shared_ptr<ManualClock> clock_;
};

Json wait_then_pass(Json wait) {
  wait["Type"] = "Wait";
  wait["Next"] = "Done";
  return Json{{"StartAt", "W"},
              {"States", {{"W", wait}, {"Done", {{"Type", "Pass"}, {"End", true}}}}}};
}

TEST_F(ClockTest, EveryTimestampIsTheClocks) {
  start(kJan2020 + 0.25, 0);
  auto r = run(wait_then_pass(Json{{"Seconds", 5}}), Json::object());
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  ASSERT_EQ(event_types(*r).size(),
            6u);  // Started, Wait entered/exited, Pass entered/exited, Succeeded
  for (const auto& e : r->events) EXPECT_EQ(e["timestamp"].get<double>(), kJan2020 + 0.25) << e;
  ASSERT_TRUE(r->stop_date);
  EXPECT_EQ(*r->stop_date, kJan2020 + 0.25);
}

TEST_F(ClockTest, AWaitTimestampCountsFromTheClock) {
  // One second after the clock's time (six years before the system's): waits one second.
  start(kJan2020, 1);
  auto [r, seconds] = timed_run(wait_then_pass(Json{{"Timestamp", "2020-01-01T00:00:01Z"}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  EXPECT_GE(seconds, 0.9);
  EXPECT_LT(seconds, 30.0);
}

TEST_F(ClockTest, AWaitTimestampBeforeTheClockDoesNotWait) {
  // An hour before the clock's time (which is an hour after the system's): no wait.
  const double later =
      std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count() +
      3600;
  start(later, 1);
  auto [r, seconds] =
      timed_run(wait_then_pass(Json{{"Timestamp", format_iso8601(later - 3600 + 60)}}));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kSucceeded);
  EXPECT_LT(seconds, 30.0);  // the system clock would wait a minute
}

TEST_F(ClockTest, TheExecutionTimeoutCountsFromTheStartDateByTheClock) {
  // Started 59.5 s ago by the clock, TimeoutSeconds 60: half a second is left, and the Wait of
  // 30 s is cut short by ExecutionTimedOut.
  start(kJan2020, 1);
  Json definition = wait_then_pass(Json{{"Seconds", 30}});
  definition["TimeoutSeconds"] = 60;
  auto [r, seconds] = timed_run(definition, 59.5);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kTimedOut);
  EXPECT_EQ(event_types(*r).back(), "ExecutionTimedOut");
  EXPECT_GE(seconds, 0.4);
  EXPECT_LT(seconds, 20.0);
}

TEST_F(ClockTest, AnExecutionPastItsTimeoutByTheClockEndsAtOnce) {
  start(kJan2020, 1);
  Json definition = wait_then_pass(Json{{"Seconds", 30}});
  definition["TimeoutSeconds"] = 60;
  auto [r, seconds] = timed_run(definition, 3600);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, ExecutionStatus::kTimedOut);
  EXPECT_LT(seconds, 20.0);
}

TEST(ManualClock, StandsStillUntilAdvanced) {
  ManualClock clock(100.0);
  const auto steady = clock.steady();
  EXPECT_EQ(clock.epoch_seconds(), 100.0);
  clock.advance(2.5);
  EXPECT_EQ(clock.epoch_seconds(), 102.5);
  EXPECT_GE(Elapsed(clock.steady() - steady).count(), 2.5);
  clock.set(7.0);
  EXPECT_EQ(clock.epoch_seconds(), 7.0);
}

}  // namespace
}  // namespace sfn::engine
