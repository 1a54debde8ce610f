#include "store/sqlite_store.h"

#include <spdlog/spdlog.h>

#include <exception>
#include <stdexcept>
#include <utility>

#include "store/db_lock.h"
#include "store/migrations.h"
#include "store/read_queries.h"
#include "store/snapshot_reader.h"
#include "store/sqlite_database.h"
#include "store/write_statements.h"

namespace sfn::store {

namespace {
// Upper bound on writes per transaction, so one huge backlog does not hold the write lock (and
// delay flush() callers waiting on early writes) for too long.
constexpr std::size_t kMaxBatch = 4096;
// WAL with synchronous=NORMAL: a commit survives a crash or kill -9 of the process (the WAL is
// written before the commit returns); only a power loss or OS crash can drop the last commits.
// Measured against FULL in bench/README.md.
constexpr const char* kSynchronous = "NORMAL";
}  // namespace

SqliteStore::SqliteStore(const std::string& path) {
  const bool in_memory = path == ":memory:";
  if (!in_memory) lock_ = std::make_unique<DbLock>(path);
  db_ = std::make_unique<SqliteDatabase>(path);
  if (sqlite3_db_readonly(db_->handle(), "main") == 1)
    throw std::runtime_error("database '" + path + "' is read-only; sfn-local needs to write it");
  if (!in_memory) {
    // Exclusive locking before WAL: the WAL index lives in the heap instead of a shared-memory
    // file (an mmap that raises SIGBUS when the file goes away or the disk fills up); only this
    // process uses the file anyway (DbLock).
    db_->exec("PRAGMA locking_mode=EXCLUSIVE");
    db_->exec("PRAGMA journal_mode=WAL");
  }
  db_->exec("PRAGMA synchronous=" + std::string(kSynchronous));
  db_->exec("PRAGMA foreign_keys=ON");
  apply_migrations(*db_);
  // Whether the last process to open the file closed it (the flag is cleared by ~SqliteStore).
  unclean_shutdown_ = db_->query_int("SELECT COUNT(*) FROM server_state WHERE key = 'open'") > 0;
  db_->exec("INSERT OR REPLACE INTO server_state (key, value) VALUES ('open', '1')");
  statements_ = std::make_unique<WriteStatements>(*db_);
  writer_ = std::thread([this] { run_writer(); });
}

SqliteStore::~SqliteStore() {
  queue_.close();
  if (writer_.joinable()) writer_.join();
  try {
    db_->exec("DELETE FROM server_state WHERE key = 'open'");
  } catch (const std::exception& e) {
    spdlog::error("store: cannot record the clean shutdown: {}", e.what());
  }
}

Snapshot SqliteStore::load() {
  std::lock_guard lock(db_mutex_);
  db_->exec("BEGIN");
  try {
    Snapshot snapshot = read_snapshot(*db_);
    db_->exec("COMMIT");
    snapshot.unclean_shutdown = unclean_shutdown_;
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

void SqliteStore::put_checkpoint(const std::string& arn, const std::string& checkpoint) {
  queue_.push(CheckpointOp{arn, checkpoint});
}

void SqliteStore::put_resume_strikes(const std::string& arn, std::int64_t strikes) {
  queue_.push(ResumeStrikesOp{arn, strikes});
}

void SqliteStore::flush() { queue_.wait_done(queue_.last_pushed()); }

std::uint64_t SqliteStore::write_position() const { return queue_.last_pushed(); }

void SqliteStore::when_committed(std::uint64_t since, std::function<void(bool committed)> done) {
  queue_.push(BarrierOp{since, std::move(done)});
}

template <class T, class Query>
void SqliteStore::queue_read(Query query, ReadDone<T> done) {
  queue_.push(ReadOp{[query = std::move(query), done = std::move(done)](SqliteDatabase& db) {
    tl::expected<T, std::string> result;
    try {
      result = query(db);
    } catch (const std::exception& e) {
      spdlog::error("store: read failed: {}", e.what());
      result = tl::unexpected(std::string(e.what()));
    }
    done(std::move(result));
  }});
}

void SqliteStore::read_execution(const std::string& arn,
                                 ReadDone<std::optional<ExecutionRow>> done) {
  queue_read<std::optional<ExecutionRow>>(
      [arn](SqliteDatabase& db) { return query_execution(db, arn); }, std::move(done));
}

void SqliteStore::read_executions(const ExecutionPageQuery& query, ReadDone<ExecutionPage> done) {
  queue_read<ExecutionPage>([query](SqliteDatabase& db) { return query_executions(db, query); },
                            std::move(done));
}

void SqliteStore::read_events(const EventPageQuery& query, ReadDone<EventPage> done) {
  queue_read<EventPage>([query](SqliteDatabase& db) { return query_events(db, query); },
                        std::move(done));
}

StoreStats SqliteStore::stats() const {
  return StoreStats{writes_applied_.load(), writes_failed_.load(), transactions_.load()};
}

void SqliteStore::run_writer() {
  std::deque<WriteOp> batch;
  while (queue_.take_batch(batch, kMaxBatch)) {
    const std::size_t count = batch.size();
    commit_batch(batch);
    for (WriteOp& op : batch) {
      if (auto* read = std::get_if<ReadOp>(&op)) {
        std::lock_guard lock(db_mutex_);
        read->run(*db_);
      } else if (auto* barrier = std::get_if<BarrierOp>(&op)) {
        barrier->done(last_failed_ <= barrier->since);
      }
    }
    taken_ += count;
    batch.clear();
    writes_applied_ += count;
    queue_.mark_done(count);
  }
}

void SqliteStore::commit_batch(std::deque<WriteOp>& batch) {
  // Sequence number of the batch's last write (entry i has taken_ + i + 1).
  std::uint64_t last_write = 0;
  std::size_t writes = 0;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (!is_write(batch[i])) continue;
    last_write = taken_ + i + 1;
    ++writes;
  }
  if (writes == 0) return;
  std::lock_guard lock(db_mutex_);
  try {
    db_->exec("BEGIN IMMEDIATE");
  } catch (const std::exception& e) {
    spdlog::error("store: cannot begin a transaction, {} writes lost: {}", writes, e.what());
    writes_failed_ += writes;
    last_failed_ = last_write;
    return;
  }
  for (std::size_t i = 0; i < batch.size(); ++i) {
    try {
      statements_->apply(batch[i]);
    } catch (const std::exception& e) {
      spdlog::error("store: {} failed: {}", write_op_name(batch[i]), e.what());
      ++writes_failed_;
      last_failed_ = taken_ + i + 1;
    }
  }
  try {
    db_->exec("COMMIT");
    ++transactions_;
  } catch (const std::exception& e) {
    spdlog::error("store: commit of {} writes failed: {}", writes, e.what());
    writes_failed_ += writes;
    last_failed_ = last_write;
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
