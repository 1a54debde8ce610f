// Every row type survives a write, a close and a reopen unchanged.
#include <gtest/gtest.h>

#include "sample_rows.h"
#include "sfn/store/store.h"
#include "temp_db.h"

namespace sfn::store {
namespace {

using testing::sample_activity;
using testing::sample_event;
using testing::sample_execution;
using testing::sample_state_machine;
using testing::TempDb;

TEST(StoreRoundTrip, EmptyDatabaseLoadsEmptySnapshot) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  Snapshot s = store->load();
  EXPECT_TRUE(s.state_machines.empty());
  EXPECT_TRUE(s.activities.empty());
  EXPECT_TRUE(s.tags.empty());
  EXPECT_TRUE(s.executions.empty());
  EXPECT_TRUE(s.events.empty());
}

TEST(StoreRoundTrip, EveryRowTypeSurvivesReopen) {
  TempDb tmp;
  const ExecutionRow finished = sample_execution("done", true);
  const ExecutionRow running = sample_execution("running", false);
  {
    auto store = open_sqlite_store(tmp.path());
    store->load();
    store->put_state_machine(sample_state_machine());
    store->put_activity(sample_activity());
    store->put_tags(sample_state_machine().arn, {{"team", "core"}, {"env", "dev"}});
    store->put_execution(finished);
    store->put_execution(running);
    store->append_events(finished.arn, {sample_event(1), sample_event(2)});
    store->append_events(finished.arn, {sample_event(3)});
    store->append_events(running.arn, {sample_event(1)});
  }  // destruction flushes
  Snapshot running_only = open_sqlite_store(tmp.path())->load();
  ASSERT_EQ(running_only.executions.size(), 1u) << "a restart loads the RUNNING executions only";
  EXPECT_EQ(running_only.executions[0], running);
  EXPECT_EQ(running_only.events.size(), 1u);
  EXPECT_EQ(running_only.events[running.arn], (std::vector<EventRow>{sample_event(1)}));
  Snapshot s = testing::reopen_everything(tmp.path());
  ASSERT_EQ(s.state_machines.size(), 1u);
  EXPECT_EQ(s.state_machines[0], sample_state_machine());
  ASSERT_EQ(s.activities.size(), 1u);
  EXPECT_EQ(s.activities[0], sample_activity());
  ASSERT_EQ(s.tags.size(), 1u);
  EXPECT_EQ(s.tags[sample_state_machine().arn],
            (std::map<std::string, std::string>{{"env", "dev"}, {"team", "core"}}));
  ASSERT_EQ(s.executions.size(), 2u);
  EXPECT_EQ(s.executions[0], finished);  // same start date: ordered by arn ("done" < "running")
  EXPECT_EQ(s.executions[1], running);
  EXPECT_FALSE(s.executions[1].output.has_value());
  EXPECT_FALSE(s.executions[1].stop_date.has_value());
  ASSERT_EQ(s.events.size(), 2u);
  EXPECT_EQ(s.events[finished.arn],
            (std::vector<EventRow>{sample_event(1), sample_event(2), sample_event(3)}));
  EXPECT_EQ(s.events[running.arn], (std::vector<EventRow>{sample_event(1)}));
}

TEST(StoreRoundTrip, EmptyStringsAndOptionalEmptyStringsAreDistinctFromNull) {
  TempDb tmp;
  ExecutionRow row = sample_execution("e", false);
  row.output = "";
  row.error = "";
  row.cause = std::nullopt;
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_execution(row);
  }
  Snapshot s = open_sqlite_store(tmp.path())->load();
  ASSERT_EQ(s.executions.size(), 1u);
  EXPECT_EQ(s.executions[0], row);
  EXPECT_TRUE(s.executions[0].output.has_value());
  EXPECT_FALSE(s.executions[0].cause.has_value());
}

TEST(StoreRoundTrip, LargeAndBinaryishTextIsKeptExactly) {
  TempDb tmp;
  ExecutionRow row = sample_execution("big", true);
  row.input = std::string(256 * 1024, 'x');
  row.output = std::string("a\0b", 3);
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_execution(row);
  }
  Snapshot s = testing::reopen_everything(tmp.path());
  ASSERT_EQ(s.executions.size(), 1u);
  EXPECT_EQ(s.executions[0], row);
}

TEST(StoreRoundTrip, InMemoryDatabaseWorks) {
  auto store = open_sqlite_store(":memory:");
  EXPECT_TRUE(store->load().state_machines.empty());
  store->put_state_machine(sample_state_machine());
  store->flush();
  Snapshot s = store->load();
  ASSERT_EQ(s.state_machines.size(), 1u);
  EXPECT_EQ(s.state_machines[0], sample_state_machine());
}

TEST(StoreRoundTrip, OpenFailureThrows) {
  EXPECT_THROW(open_sqlite_store("/nonexistent-dir/for/sure/sfn.db"), std::runtime_error);
}

}  // namespace
}  // namespace sfn::store
