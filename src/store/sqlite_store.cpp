#include "store/sqlite_store.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <utility>

#include "store/migrations.h"
#include "store/snapshot_reader.h"
#include "store/sqlite_database.h"
#include "store/write_statements.h"

namespace sfn::store {

namespace {
// Upper bound on writes per transaction, so one huge backlog does not hold the write lock (and
// delay flush() callers waiting on early writes) for too long.
constexpr std::size_t kMaxBatch = 4096;
}  // namespace

SqliteStore::SqliteStore(const std::string& path)
    : db_(std::make_unique<SqliteDatabase>(path)) {
  if (!db_->in_memory()) db_->exec("PRAGMA journal_mode=WAL");
  db_->exec("PRAGMA synchronous=NORMAL");
  db_->exec("PRAGMA foreign_keys=ON");
  apply_migrations(*db_);
  statements_ = std::make_unique<WriteStatements>(*db_);
  writer_ = std::thread([this] { run_writer(); });
}

SqliteStore::~SqliteStore() {
  queue_.close();
  if (writer_.joinable()) writer_.join();
}

Snapshot SqliteStore::load() {
  std::lock_guard lock(db_mutex_);
  db_->exec("BEGIN");
  try {
    Snapshot snapshot = read_snapshot(*db_);
    db_->exec("COMMIT");
    return snapshot;
  } catch (...) {
    db_->exec("ROLLBACK");
    throw;
  }
}

void SqliteStore::put_state_machine(const StateMachineRow& row) { queue_.push(row); }

void SqliteStore::delete_state_machine(const std::string& arn) {
  queue_.push(DeleteStateMachineOp{arn});
}

void SqliteStore::put_activity(const ActivityRow& row) { queue_.push(row); }

void SqliteStore::delete_activity(const std::string& arn) { queue_.push(DeleteActivityOp{arn}); }

void SqliteStore::put_tags(const std::string& resource_arn,
                           const std::map<std::string, std::string>& tags) {
  queue_.push(PutTagsOp{resource_arn, tags});
}

void SqliteStore::put_execution(const ExecutionRow& row) { queue_.push(row); }

void SqliteStore::delete_execution(const std::string& arn) { queue_.push(DeleteExecutionOp{arn}); }

void SqliteStore::append_events(const std::string& execution_arn, std::vector<EventRow> events) {
  if (events.empty()) return;
  queue_.push(AppendEventsOp{execution_arn, std::move(events)});
}

void SqliteStore::truncate_events(const std::string& execution_arn, std::int64_t last_kept_id) {
  queue_.push(TruncateEventsOp{execution_arn, last_kept_id});
}

void SqliteStore::flush() { queue_.wait_done(queue_.last_pushed()); }

StoreStats SqliteStore::stats() const {
  return StoreStats{writes_applied_.load(), writes_failed_.load(), transactions_.load()};
}

void SqliteStore::run_writer() {
  std::deque<WriteOp> batch;
  while (queue_.take_batch(batch, kMaxBatch)) {
    const std::size_t count = batch.size();
    commit_batch(batch);
    batch.clear();
    writes_applied_ += count;
    queue_.mark_done(count);
  }
}

void SqliteStore::commit_batch(std::deque<WriteOp>& batch) {
  std::lock_guard lock(db_mutex_);
  try {
    db_->exec("BEGIN IMMEDIATE");
  } catch (const std::exception& e) {
    spdlog::error("store: cannot begin a transaction, {} writes lost: {}", batch.size(), e.what());
    writes_failed_ += batch.size();
    return;
  }
  for (const WriteOp& op : batch) {
    try {
      statements_->apply(op);
    } catch (const std::exception& e) {
      spdlog::error("store: {} failed: {}", write_op_name(op), e.what());
      ++writes_failed_;
    }
  }
  try {
    db_->exec("COMMIT");
    ++transactions_;
  } catch (const std::exception& e) {
    spdlog::error("store: commit of {} writes failed: {}", batch.size(), e.what());
    writes_failed_ += batch.size();
    try {
      db_->exec("ROLLBACK");
    } catch (const std::exception&) {
      // The transaction is already gone; nothing left to undo.
    }
  }
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace sfn::store
