// Reads of finished executions (DescribeExecution, ListExecutions, GetExecutionHistory): answered
// in queue order by the store's thread, paged in SQL; checkpoints and resume strikes.
#include <gtest/gtest.h>

#include <future>
#include <string>
#include <vector>

#include "sample_rows.h"
#include "sfn/store/store.h"
#include "temp_db.h"

namespace sfn::store {
namespace {

using testing::sample_event;
using testing::sample_execution;
using testing::TempDb;

// Waits for a read's answer.
template <class T, class Start>
tl::expected<T, std::string> await_read(Start start) {
  std::promise<tl::expected<T, std::string>> p;
  start([&](tl::expected<T, std::string> r) { p.set_value(std::move(r)); });
  return p.get_future().get();
}

std::optional<ExecutionRow> read_execution(Store& store, const std::string& arn) {
  auto r = await_read<std::optional<ExecutionRow>>(
      [&](auto done) { store.read_execution(arn, std::move(done)); });
  EXPECT_TRUE(r.has_value());
  return r ? *r : std::nullopt;
}

ExecutionPage read_page(Store& store, const ExecutionPageQuery& q) {
  auto r = await_read<ExecutionPage>([&](auto done) { store.read_executions(q, std::move(done)); });
  EXPECT_TRUE(r.has_value());
  return r ? *r : ExecutionPage{};
}

EventPage read_events(Store& store, const EventPageQuery& q) {
  auto r = await_read<EventPage>([&](auto done) { store.read_events(q, std::move(done)); });
  EXPECT_TRUE(r.has_value());
  return r ? *r : EventPage{};
}

TEST(StoreReads, AReadSeesEveryWriteQueuedBeforeIt) {
  auto store = open_sqlite_store(":memory:");
  ExecutionRow row = sample_execution("a", false);
  store->put_execution(row);
  EXPECT_EQ(read_execution(*store, row.arn), row);
  row.status = ExecutionStatus::kSucceeded;
  store->put_execution(row);  // no flush: the read is queued behind the write
  EXPECT_EQ(read_execution(*store, row.arn)->status, ExecutionStatus::kSucceeded);
  EXPECT_FALSE(read_execution(*store, row.arn + "x").has_value());
}

TEST(StoreReads, ExecutionsAreListedNewestFirstWithStatusFilterAndPages) {
  auto store = open_sqlite_store(":memory:");
  for (int i = 0; i < 5; ++i) {
    ExecutionRow row = sample_execution("e" + std::to_string(i), i % 2 == 0);
    row.start_date += i;
    store->put_execution(row);
  }
  ExecutionRow other = sample_execution("x");
  other.state_machine_arn += "-other";
  store->put_execution(other);
  const std::string sm = sample_execution().state_machine_arn;

  ExecutionPage first = read_page(*store, {sm, std::nullopt, std::nullopt, 2});
  ASSERT_EQ(first.rows.size(), 2u);
  EXPECT_EQ(first.rows[0].name, "e4");
  EXPECT_EQ(first.rows[1].name, "e3");
  EXPECT_TRUE(first.more);
  EXPECT_TRUE(first.rows[0].definition.empty()) << "lists carry no definition";
  // Executions started between two pages neither repeat nor shift what follows (keyset).
  ExecutionRow newer = sample_execution("e5");
  newer.start_date += 100;
  store->put_execution(newer);
  const ExecutionKey after_e3{first.rows[1].start_date, first.rows[1].arn};
  ExecutionPage second = read_page(*store, {sm, std::nullopt, after_e3, 2});
  ASSERT_EQ(second.rows.size(), 2u);
  EXPECT_EQ(second.rows[0].name, "e2");
  EXPECT_EQ(second.rows[1].name, "e1");
  EXPECT_TRUE(second.more);
  const ExecutionKey after_e1{second.rows[1].start_date, second.rows[1].arn};
  ExecutionPage last = read_page(*store, {sm, std::nullopt, after_e1, 2});
  ASSERT_EQ(last.rows.size(), 1u);
  EXPECT_EQ(last.rows[0].name, "e0");
  EXPECT_FALSE(last.more);

  ExecutionPage running = read_page(*store, {sm, ExecutionStatus::kRunning, std::nullopt, 100});
  ASSERT_EQ(running.rows.size(), 2u);
  EXPECT_EQ(running.rows[0].name, "e3");
  EXPECT_EQ(running.rows[1].name, "e1");
}

TEST(StoreReads, ExecutionsStartedAtTheSameInstantArePagedByArn) {
  auto store = open_sqlite_store(":memory:");
  for (const char* name : {"b", "a", "c"}) store->put_execution(sample_execution(name));
  const std::string sm = sample_execution().state_machine_arn;
  ExecutionPage first = read_page(*store, {sm, std::nullopt, std::nullopt, 1});
  ASSERT_EQ(first.rows.size(), 1u);
  EXPECT_EQ(first.rows[0].name, "c");
  ExecutionPage rest = read_page(
      *store, {sm, std::nullopt, ExecutionKey{first.rows[0].start_date, first.rows[0].arn}, 5});
  ASSERT_EQ(rest.rows.size(), 2u);
  EXPECT_EQ(rest.rows[0].name, "b");
  EXPECT_EQ(rest.rows[1].name, "a");
  EXPECT_FALSE(rest.more);
}

TEST(StoreReads, EventsArePagedForwardAndInReverse) {
  auto store = open_sqlite_store(":memory:");
  const std::string arn = sample_execution().arn;
  for (int i = 1; i <= 5; ++i) store->append_events(arn, {sample_event(i)});
  EventPage page = read_events(*store, {arn, 1, 2, false});  // after event 1
  ASSERT_EQ(page.events.size(), 2u);
  EXPECT_EQ(page.events[0].id, 2);
  EXPECT_EQ(page.events[1].id, 3);
  EXPECT_TRUE(page.more);
  EventPage reverse = read_events(*store, {arn, 3, 10, true});  // before event 3
  ASSERT_EQ(reverse.events.size(), 2u);
  EXPECT_EQ(reverse.events[0].id, 2);
  EXPECT_EQ(reverse.events[1].id, 1);
  EXPECT_FALSE(reverse.more);
  EXPECT_TRUE(read_events(*store, {arn + "x", 0, 10, false}).events.empty());
}

TEST(StoreReads, ACheckpointReplacesTheResumePointAndClearsStrikes) {
  auto store = open_sqlite_store(":memory:");
  ExecutionRow row = sample_execution("a", false);
  store->put_execution(row);
  store->put_resume_strikes(row.arn, 2);
  EXPECT_EQ(read_execution(*store, row.arn)->resume_strikes, 2);
  store->put_checkpoint(row.arn, R"({"state":"B"})");
  auto read = read_execution(*store, row.arn);
  EXPECT_EQ(read->checkpoint, R"({"state":"B"})");
  EXPECT_EQ(read->resume_strikes, 0);
  EXPECT_EQ(read->definition, row.definition) << "the rest of the row is untouched";
}

TEST(StoreReads, ARestartLoadsOnlyRunningExecutions) {
  TempDb tmp;
  {
    auto store = open_sqlite_store(tmp.path());
    for (int i = 0; i < 100; ++i) {
      ExecutionRow row = sample_execution("done" + std::to_string(i), true);
      store->put_execution(row);
      store->append_events(row.arn, {sample_event(1), sample_event(2)});
    }
    store->put_execution(sample_execution("running", false));
    store->append_events(sample_execution("running").arn, {sample_event(1)});
  }
  Snapshot s = open_sqlite_store(tmp.path())->load();
  ASSERT_EQ(s.executions.size(), 1u);
  EXPECT_EQ(s.executions[0].name, "running");
  ASSERT_EQ(s.events.size(), 1u);
  EXPECT_EQ(s.events.begin()->second.size(), 1u);
}

TEST(StoreReads, AStatusTheStoreCannotHaveWrittenIsAnError) {
  TempDb tmp;
  const ExecutionRow row = sample_execution("odd", true);
  {
    auto store = open_sqlite_store(tmp.path());
    store->put_execution(row);
    store->flush();
  }
  {
    testing::RawDb raw(tmp.path());
    ASSERT_EQ(raw.exec("UPDATE executions SET status = 'DONE' WHERE arn = '" + row.arn + "'"), 0);
  }
  auto store = open_sqlite_store(tmp.path());
  auto r = await_read<std::optional<ExecutionRow>>(
      [&](auto done) { store->read_execution(row.arn, std::move(done)); });
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().find("execution status 'DONE'"), std::string::npos) << r.error();
}

}  // namespace
}  // namespace sfn::store
