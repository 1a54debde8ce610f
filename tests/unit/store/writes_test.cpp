// Semantics of each write: upserts, deletes, tag replacement, event truncation.
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

Snapshot reopen(const std::string& path) { return testing::reopen_everything(path); }

TEST(StoreWrites, PutStateMachineUpserts) {
  TempDb tmp;
  StateMachineRow updated = sample_state_machine();
  updated.definition = R"({"StartAt":"B","States":{"B":{"Type":"Succeed"}}})";
  updated.revision_id = "rev-2";
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_state_machine(sample_state_machine());
    store->put_state_machine(sample_state_machine("other"));
    store->put_state_machine(updated);
  }
  Snapshot s = reopen(tmp.path());
  ASSERT_EQ(s.state_machines.size(), 2u);
  // Same creation date: ordered by arn ("other" < "sm").
  EXPECT_EQ(s.state_machines[1], updated);
}

TEST(StoreWrites, PutExecutionUpsertsStatus) {
  TempDb tmp;
  ExecutionRow row = sample_execution("e", false);
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_execution(row);
    row.status = ExecutionStatus::kSucceeded;
    row.output = R"({"ok":true})";
    row.stop_date = 1700000100.0;
    store->put_execution(row);
  }
  Snapshot s = reopen(tmp.path());
  ASSERT_EQ(s.executions.size(), 1u);
  EXPECT_EQ(s.executions[0], row);
}

TEST(StoreWrites, PutActivityUpsertsAndDeleteRemoves) {
  TempDb tmp;
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_activity(sample_activity("a"));
    store->put_activity(sample_activity("a"));
    store->put_activity(sample_activity("b"));
    store->put_tags(sample_activity("b").arn, {{"k", "v"}});
    store->delete_activity(sample_activity("b").arn);
  }
  Snapshot s = reopen(tmp.path());
  ASSERT_EQ(s.activities.size(), 1u);
  EXPECT_EQ(s.activities[0], sample_activity("a"));
  EXPECT_TRUE(s.tags.empty()) << "tags of a deleted resource go with it";
}

TEST(StoreWrites, DeleteStateMachineRemovesItAndItsTagsButNotExecutions) {
  TempDb tmp;
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_state_machine(sample_state_machine());
    store->put_tags(sample_state_machine().arn, {{"k", "v"}});
    store->put_execution(sample_execution());
    store->delete_state_machine(sample_state_machine().arn);
    store->delete_state_machine("arn:that:does:not:exist");
  }
  Snapshot s = reopen(tmp.path());
  EXPECT_TRUE(s.state_machines.empty());
  EXPECT_TRUE(s.tags.empty());
  EXPECT_EQ(s.executions.size(), 1u);
}

TEST(StoreWrites, DeleteExecutionRemovesItsEventsOnly) {
  TempDb tmp;
  const ExecutionRow a = sample_execution("a");
  const ExecutionRow b = sample_execution("b");
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_execution(a);
    store->put_execution(b);
    store->append_events(a.arn, {sample_event(1), sample_event(2)});
    store->append_events(b.arn, {sample_event(1)});
    store->delete_execution(a.arn);
  }
  Snapshot s = reopen(tmp.path());
  ASSERT_EQ(s.executions.size(), 1u);
  EXPECT_EQ(s.executions[0].arn, b.arn);
  EXPECT_EQ(s.events.count(a.arn), 0u);
  EXPECT_EQ(s.events[b.arn].size(), 1u);
}

TEST(StoreWrites, TruncateEventsKeepsUpToLastKeptId) {
  TempDb tmp;
  const ExecutionRow a = sample_execution("a");
  const ExecutionRow b = sample_execution("b");
  {
    auto store = open_sqlite_store(tmp.path());
    store->append_events(a.arn,
                         {sample_event(1), sample_event(2), sample_event(3), sample_event(4)});
    store->append_events(b.arn, {sample_event(1), sample_event(2), sample_event(3)});
    store->truncate_events(a.arn, 2);
    store->append_events(a.arn, {EventRow{3, R"({"id":3,"type":"Replayed"})"}});
  }
  Snapshot s = reopen(tmp.path());
  EXPECT_EQ(s.events[a.arn], (std::vector<EventRow>{sample_event(1), sample_event(2),
                                                    EventRow{3, R"({"id":3,"type":"Replayed"})"}}));
  EXPECT_EQ(s.events[b.arn].size(), 3u) << "other executions untouched";
}

TEST(StoreWrites, TruncateToZeroRemovesAllEvents) {
  TempDb tmp;
  const ExecutionRow a = sample_execution("a");
  {
    auto store = open_sqlite_store(tmp.path());
    store->append_events(a.arn, {sample_event(1), sample_event(2)});
    store->truncate_events(a.arn, 0);
  }
  EXPECT_EQ(reopen(tmp.path()).events.count(a.arn), 0u);
}

TEST(StoreWrites, ReappendedEventIdIsNotDuplicated) {
  TempDb tmp;
  const ExecutionRow a = sample_execution("a");
  {
    auto store = open_sqlite_store(tmp.path());
    store->append_events(a.arn, {sample_event(1), sample_event(2)});
    store->append_events(a.arn, {sample_event(2), sample_event(3)});
  }
  EXPECT_EQ(reopen(tmp.path()).events[a.arn],
            (std::vector<EventRow>{sample_event(1), sample_event(2), sample_event(3)}));
}

TEST(StoreWrites, PutTagsReplacesAllTags) {
  TempDb tmp;
  const std::string arn = sample_state_machine().arn;
  const std::string other = sample_activity().arn;
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_tags(arn, {{"a", "1"}, {"b", "2"}});
    store->put_tags(other, {{"x", "y"}});
    store->put_tags(arn, {{"b", "3"}, {"c", "4"}});
  }
  Snapshot s = reopen(tmp.path());
  EXPECT_EQ(s.tags[arn], (std::map<std::string, std::string>{{"b", "3"}, {"c", "4"}}));
  EXPECT_EQ(s.tags[other], (std::map<std::string, std::string>{{"x", "y"}}));
}

TEST(StoreWrites, PutEmptyTagsRemovesTheResourceEntry) {
  TempDb tmp;
  const std::string arn = sample_state_machine().arn;
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_tags(arn, {{"a", "1"}});
    store->put_tags(arn, {});
  }
  EXPECT_TRUE(reopen(tmp.path()).tags.empty());
}

}  // namespace
}  // namespace sfn::store
