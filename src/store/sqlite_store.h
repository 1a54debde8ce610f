// The SQLite implementation of Store: one connection, owned by one writer thread. Every write
// and read method copies its arguments into the WriteQueue and returns; the writer drains the
// queue, commits each batch's writes in one transaction (group commit), then answers the batch's
// reads and barriers. A failed write is an infrastructure failure: it is logged, the barriers of
// its batch report it, and the writer goes on with the next batch.
#pragma once

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "sfn/store/store.h"
#include "store/write_queue.h"

namespace sfn::store {

class DbLock;
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
  void put_checkpoint(const std::string& arn, const std::string& checkpoint) override;
  void put_resume_strikes(const std::string& arn, std::int64_t strikes) override;

  void flush() override;
  std::uint64_t write_position() const override;
  void when_committed(std::uint64_t since, std::function<void(bool committed)> done) override;
  void read_execution(const std::string& arn,
                      ReadDone<std::optional<ExecutionRow>> done) override;
  void read_executions(const ExecutionPageQuery& query, ReadDone<ExecutionPage> done) override;
  void read_events(const EventPageQuery& query, ReadDone<EventPage> done) override;
  StoreStats stats() const override;

 private:
  void run_writer();
  // Applies the batch's writes in one transaction; records the sequence number of the last one
  // that failed in last_failed_.
  void commit_batch(std::deque<WriteOp>& batch);
  template <class T, class Query>
  void queue_read(Query query, ReadDone<T> done);

  std::unique_ptr<DbLock> lock_;  // outlives db_ (see DbLock)
  std::unique_ptr<SqliteDatabase> db_;
  bool unclean_shutdown_ = false;
  std::unique_ptr<WriteStatements> statements_;
  std::mutex db_mutex_;  // load() vs. the writer's transactions
  WriteQueue queue_;
  std::atomic<std::uint64_t> writes_applied_{0};
  std::atomic<std::uint64_t> writes_failed_{0};
  std::atomic<std::uint64_t> transactions_{0};
  // Writer thread only: entries taken so far (the sequence number before the current batch) and
  // the sequence number of the last write that failed.
  std::uint64_t taken_ = 0;
  std::uint64_t last_failed_ = 0;
  std::thread writer_;
};

}  // namespace sfn::store
