// The single writer: flush semantics, batching, callers never blocked by the disk, failures
// logged without stopping the writer, destruction flushes.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <future>
#include <stdexcept>
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

TEST(StoreWriter, FlushedWritesAreOnDiskAfterClose) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  store->load();
  for (int i = 0; i < 50; ++i) store->put_state_machine(sample_state_machine("m" + std::to_string(i)));
  store->put_activity(sample_activity());
  store->flush();
  store.reset();
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM state_machines"), 50);
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
  store.reset();
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_int("SELECT COUNT(*) FROM events"), kThreads * kPerThread);
}

// While the writer is busy (here: held in a barrier callback), enqueues still return at once;
// then the backlog is committed in a few large transactions (group commit), not one per write.
TEST(StoreWriter, ManyAppendsAreBatchedAndNeverBlockTheCaller) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  store->load();
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  store->when_committed(0, [released](bool) { released.wait(); });

  const std::string arn = sample_execution().arn;
  constexpr int kEvents = 10000;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 1; i <= kEvents; ++i) store->append_events(arn, {sample_event(i)});
  const auto enqueue_time = std::chrono::steady_clock::now() - start;
  EXPECT_LT(enqueue_time, std::chrono::seconds(2)) << "enqueue must not wait for the disk";
  // At most the appends taken in the barrier's own batch are committed.
  EXPECT_LE(store->stats().transactions, 1u) << "the writer is still held";

  release.set_value();
  store->flush();
  const StoreStats stats = store->stats();
  EXPECT_EQ(stats.writes_applied, static_cast<std::uint64_t>(kEvents + 1));
  EXPECT_EQ(stats.writes_failed, 0u);
  EXPECT_LE(stats.transactions, 4u);  // <= 4096 writes per batch, plus the barrier's batch
  std::promise<std::int64_t> count;
  store->read_events(EventPageQuery{arn, 0, 100000, false},
                     [&](auto page) { count.set_value(page ? page->events.size() : -1); });
  EXPECT_EQ(count.get_future().get(), kEvents);
}

// A write SQLite rejects is logged, the barrier of its batch reports it (the request that made it
// must not be acknowledged), and later writes still commit.
TEST(StoreWriter, FailedWriteIsReportedAndLaterWritesStillCommit) {
  TempDb tmp;
  open_sqlite_store(tmp.path());
  {
    RawDb saboteur(tmp.path());
    ASSERT_EQ(saboteur.exec("CREATE TRIGGER sabotage BEFORE INSERT ON activities BEGIN"
                            " SELECT RAISE(ABORT, 'sabotage'); END"),
              SQLITE_OK);
  }
  auto store = open_sqlite_store(tmp.path());
  store->load();
  std::promise<bool> first, second;
  const std::uint64_t before_first = store->write_position();
  store->put_activity(sample_activity());
  store->flush();
  const std::uint64_t before_second = store->write_position();
  // The barrier comes in a later batch than the failed write: it still reports it.
  store->when_committed(before_first, [&](bool ok) { first.set_value(ok); });
  store->put_state_machine(sample_state_machine());
  store->when_committed(before_second, [&](bool ok) { second.set_value(ok); });
  EXPECT_FALSE(first.get_future().get());
  EXPECT_TRUE(second.get_future().get());
  EXPECT_EQ(store->stats().writes_failed, 1u);
  store.reset();
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

TEST(StoreWriter, FileDatabaseUsesWalWithoutASharedMemoryFile) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  store->put_state_machine(sample_state_machine());
  store->flush();
  EXPECT_TRUE(std::filesystem::exists(tmp.path() + "-wal"));
  // The finding: the -shm file is mmap'ed, and the process died with SIGBUS when the database
  // files became unusable mid-run. Exclusive locking keeps the WAL index in the heap.
  EXPECT_FALSE(std::filesystem::exists(tmp.path() + "-shm"));
  store.reset();
  RawDb raw(tmp.path());
  EXPECT_EQ(raw.query_text("PRAGMA journal_mode"), "wal");
}

// The finding: two servers on one database both started, and the second resumed (and ran again)
// the first one's RUNNING executions.
TEST(StoreWriter, ASecondStoreOnTheSameFileIsRefused) {
  TempDb tmp;
  auto store = open_sqlite_store(tmp.path());
  try {
    open_sqlite_store(tmp.path());
    FAIL() << "a second store opened the same file";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("in use by another sfn-local process"), std::string::npos)
        << e.what();
  }
  store.reset();
  EXPECT_NO_THROW(open_sqlite_store(tmp.path()));
}

TEST(StoreWriter, UncleanShutdownIsReportedOnce) {
  TempDb tmp;
  EXPECT_FALSE(open_sqlite_store(tmp.path())->load().unclean_shutdown);  // new file
  EXPECT_FALSE(open_sqlite_store(tmp.path())->load().unclean_shutdown);  // closed cleanly
  {
    RawDb crash(tmp.path());  // what a killed process leaves behind
    ASSERT_EQ(crash.exec("INSERT INTO server_state (key, value) VALUES ('open', '1')"), SQLITE_OK);
  }
  EXPECT_TRUE(open_sqlite_store(tmp.path())->load().unclean_shutdown);
  EXPECT_FALSE(open_sqlite_store(tmp.path())->load().unclean_shutdown);
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
