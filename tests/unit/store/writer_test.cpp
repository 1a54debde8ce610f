// The single writer: flush semantics, batching, callers never blocked by the disk, failures
// logged without stopping the writer, destruction flushes.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>
#include <vector>

#include "sample_rows.h"
#include "sfn/store/store.h"
#include "temp_db.h"

namespace sfn::store {
namespace {

using testing::RawDb;
using testing::sample_activity;
using testing::sample_event;
using testing::sample_execution;
using testing::sample_state_machine;
using testing::TempDb;

TEST(StoreWriter, FlushMakesQueuedWritesVisibleToOtherConnections) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  store->load();
  RawDb raw(tmp.path());
  for (int i = 0; i < 50; ++i) store->put_state_machine(sample_state_machine("m" + std::to_string(i)));
  store->flush();
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM state_machines"), 50);
  store->put_activity(sample_activity());
  store->flush();
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM activities"), 1);
}

TEST(StoreWriter, FlushWithNothingQueuedReturns) {
  auto store = open_sqlite_store(":memory:");
  store->flush();
  store->flush();
  EXPECT_EQ(store->stats().writes_applied, 0u);
}

TEST(StoreWriter, ConcurrentWritersAndFlushersLoseNothing) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  constexpr int kThreads = 4;
  constexpr int kPerThread = 500;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      const std::string arn = sample_execution("t" + std::to_string(t)).arn;
      for (int i = 1; i <= kPerThread; ++i) {
        store->append_events(arn, {sample_event(i)});
        if (i % 100 == 0) store->flush();
      }
    });
  }
  for (auto& thread : threads) thread.join();
  store->flush();
  EXPECT_EQ(store->stats().writes_applied, static_cast<std::uint64_t>(kThreads * kPerThread));
  EXPECT_EQ(store->stats().writes_failed, 0u);
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM events"), kThreads * kPerThread);
}

// While another connection holds the write lock, enqueues still return at once; when the lock
// is released the backlog is committed in a few large transactions, not one per write.
TEST(StoreWriter, ManyAppendsAreBatchedAndNeverBlockTheCaller) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  store->load();
  RawDb blocker(tmp.path());
  ASSERT_EQ(blocker.exec("BEGIN IMMEDIATE"), SQLITE_OK);

  const std::string arn = sample_execution().arn;
  constexpr int kEvents = 10000;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 1; i <= kEvents; ++i) store->append_events(arn, {sample_event(i)});
  const auto enqueue_time = std::chrono::steady_clock::now() - start;
  EXPECT_LT(enqueue_time, std::chrono::seconds(2)) << "enqueue must not wait for the disk";
  EXPECT_EQ(store->stats().transactions, 0u) << "the writer is still waiting for the lock";

  ASSERT_EQ(blocker.exec("COMMIT"), SQLITE_OK);
  store->flush();
  const StoreStats stats = store->stats();
  EXPECT_EQ(stats.writes_applied, static_cast<std::uint64_t>(kEvents));
  EXPECT_EQ(stats.writes_failed, 0u);
  EXPECT_LE(stats.transactions, 5u);  // 1 write taken before the lock, then <= 4096 per batch
  EXPECT_EQ(blocker.query_int("SELECT COUNT(*) FROM events"), kEvents);
  EXPECT_EQ(blocker.query_int("SELECT MAX(id) FROM events"), kEvents);
}

TEST(StoreWriter, FailedWriteIsLoggedAndLaterWritesStillCommit) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  store->load();
  store->flush();
  {
    RawDb saboteur(tmp.path());
    ASSERT_EQ(saboteur.exec("DROP TABLE activities"), SQLITE_OK);
  }
  store->put_activity(sample_activity());
  store->put_state_machine(sample_state_machine());
  store->flush();
  EXPECT_EQ(store->stats().writes_failed, 1u);
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM state_machines"), 1);
}

TEST(StoreWriter, DestructionFlushesEverythingQueued) {
  TempDb tmp;
  {
    auto store = open_sqlite_store(tmp.path());
    for (int i = 1; i <= 2000; ++i) store->append_events(sample_execution().arn, {sample_event(i)});
  }
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM events"), 2000);
}

TEST(StoreWriter, FileDatabaseUsesWalAndNormalSync) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_text("PRAGMA journal_mode"), "wal");
}

TEST(StoreWriter, EmptyAppendIsANoOp) {
  auto store = open_sqlite_store(":memory:");
  store->append_events("arn", {});
  store->flush();
  EXPECT_EQ(store->stats().writes_applied, 0u);
  EXPECT_TRUE(store->load().events.empty());
}

}  // namespace
}  // namespace sfn::store
