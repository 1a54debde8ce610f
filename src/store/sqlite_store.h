// The SQLite implementation of Store: one connection, owned for writes by one writer thread.
// Every write method copies its arguments into the WriteQueue and returns; the writer drains
// the queue and commits each batch in one transaction. A failed write is an infrastructure
// failure: it is logged and the writer goes on with the next one.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "sfn/store/store.h"
#include "store/write_queue.h"

namespace sfn::store {

class SqliteDatabase;
class WriteStatements;

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(const std::string& path);
  ~SqliteStore() override;  // flushes and joins the writer

  Snapshot load() override;

  void put_state_machine(const StateMachineRow& row) override;
  void delete_state_machine(const std::string& arn) override;
  void put_activity(const ActivityRow& row) override;
  void delete_activity(const std::string& arn) override;
  void put_tags(const std::string& resource_arn,
                const std::map<std::string, std::string>& tags) override;
  void put_execution(const ExecutionRow& row) override;
  void delete_execution(const std::string& arn) override;
  void append_events(const std::string& execution_arn, std::vector<EventRow> events) override;
  void truncate_events(const std::string& execution_arn, std::int64_t last_kept_id) override;

  void flush() override;
  StoreStats stats() const override;

 private:
  void run_writer();
  void commit_batch(std::deque<WriteOp>& batch);

  std::unique_ptr<SqliteDatabase> db_;
  std::unique_ptr<WriteStatements> statements_;
  std::mutex db_mutex_;  // load() vs. the writer's transactions
  WriteQueue queue_;
  std::atomic<std::uint64_t> writes_applied_{0};
  std::atomic<std::uint64_t> writes_failed_{0};
  std::atomic<std::uint64_t> transactions_{0};
  std::thread writer_;
};

}  // namespace sfn::store
