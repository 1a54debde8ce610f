// Durable state in SQLite. Every write and every read is queued to a single owner thread that
// commits writes in batched transactions (WAL, group commit) and answers reads in queue order,
// so a read sees every write queued before it and callers never wait on the disk. A request is
// answered after when_committed() reports its writes durable. At start, load() returns the
// resources and the RUNNING executions; finished executions are read on demand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <tl/expected.hpp>
#include <vector>

#include "sfn/common/domain.h"

namespace sfn::store {

struct StateMachineRow {
  std::string arn;
  std::string name;
  StateMachineType type = StateMachineType::kStandard;
  std::string definition;
  std::string role_arn;
  std::string status = "ACTIVE";
  std::string logging_configuration;  // JSON text
  std::string tracing_configuration;  // JSON text
  std::string revision_id;
  std::string description;
  double creation_date = 0;  // epoch seconds with fraction

  bool operator==(const StateMachineRow&) const = default;
};

struct ActivityRow {
  std::string arn;
  std::string name;
  double creation_date = 0;

  bool operator==(const ActivityRow&) const = default;
};

struct ExecutionRow {
  std::string arn;
  std::string state_machine_arn;
  std::string name;
  ExecutionStatus status = ExecutionStatus::kRunning;
  std::string input;  // JSON text
  std::optional<std::string> output;
  std::optional<std::string> error;
  std::optional<std::string> cause;
  double start_date = 0;
  std::optional<double> stop_date;
  std::string definition;  // the definition the execution runs (snapshot at start)
  StateMachineType state_machine_type = StateMachineType::kStandard;
  std::string role_arn;
  std::string checkpoint;  // engine-owned JSON text: where to resume after a restart
  // Restarts after which the execution was resumed and made no progress before the process
  // ended abnormally again (crash-loop safety; reset by every checkpoint).
  std::int64_t resume_strikes = 0;
  std::string mock_test_case;  // StartExecution's `#TestCase` (empty: no mocks)

  bool operator==(const ExecutionRow&) const = default;
};

struct EventRow {
  std::int64_t id = 0;
  std::string json;  // the whole history event as AWS returns it (JSON text)

  bool operator==(const EventRow&) const = default;
};

// What the service needs at start: every resource, and the executions to resume. Finished
// executions stay on disk (read_execution, read_executions, read_events).
struct Snapshot {
  std::vector<StateMachineRow> state_machines;
  std::vector<ActivityRow> activities;
  std::map<std::string, std::map<std::string, std::string>> tags;  // resource arn -> key -> value
  std::vector<ExecutionRow> executions;                            // RUNNING only, by start date
  std::map<std::string, std::vector<EventRow>> events;  // of those, by execution arn, by id
  // The process that had the database open before did not close it (crash, kill -9).
  bool unclean_shutdown = false;
};

// Where a page of executions continues: after the execution with this start date and ARN in
// the list's order (keyset paging: executions started meanwhile neither repeat nor shift items).
struct ExecutionKey {
  double start_date = 0;
  std::string arn;
};

// ListExecutions of one state machine: newest first (start date, then ARN, descending),
// optionally one status.
struct ExecutionPageQuery {
  std::string state_machine_arn;
  std::optional<ExecutionStatus> status;
  std::optional<ExecutionKey> after;  // none: the first page
  std::size_t limit = 100;
};
struct ExecutionPage {
  std::vector<ExecutionRow> rows;  // without definition, input and checkpoint
  bool more = false;
};

// GetExecutionHistory: a page of one execution's events by id (or in reverse), after the event
// `after_id` in that order (0: from the first).
struct EventPageQuery {
  std::string execution_arn;
  std::int64_t after_id = 0;
  std::size_t limit = 100;
  bool reverse = false;
};
struct EventPage {
  std::vector<EventRow> events;
  bool more = false;
};

// The answer of a read: the value, or SQLite's error text. Called on the store's thread: keep it
// short (post the work elsewhere).
template <class T>
using ReadDone = std::function<void(tl::expected<T, std::string>)>;

// Counters for diagnostics and tests (additive; a Store may leave them at zero).
struct StoreStats {
  std::uint64_t writes_applied = 0;  // queued writes done (succeeded or failed)
  std::uint64_t writes_failed = 0;   // writes SQLite rejected (logged, then skipped)
  std::uint64_t transactions = 0;    // batches committed
};

class Store {
 public:
  virtual ~Store() = default;

  // Resources and RUNNING executions committed so far. Called once at start, before any write.
  virtual Snapshot load() = 0;

  // Queued writes, applied in order by the single writer thread.
  virtual void put_state_machine(const StateMachineRow& row) = 0;
  virtual void delete_state_machine(const std::string& arn) = 0;
  virtual void put_activity(const ActivityRow& row) = 0;
  virtual void delete_activity(const std::string& arn) = 0;
  virtual void put_tags(const std::string& resource_arn,
                        const std::map<std::string, std::string>& tags) = 0;  // replaces all
  virtual void put_execution(const ExecutionRow& row) = 0;                    // upsert
  // The engine's resume point of a RUNNING execution; also clears its resume strikes.
  virtual void put_checkpoint(const std::string& arn, const std::string& checkpoint) = 0;
  virtual void put_resume_strikes(const std::string& arn, std::int64_t strikes) = 0;
  virtual void delete_execution(const std::string& arn) = 0;  // with its events
  virtual void append_events(const std::string& execution_arn, std::vector<EventRow> events) = 0;
  // Removes the events of an execution whose id is greater than `last_kept_id`.
  virtual void truncate_events(const std::string& execution_arn, std::int64_t last_kept_id) = 0;

  // Blocks until every write queued before the call is committed.
  virtual void flush() = 0;

  // The sequence number of the last write queued so far (0 when none).
  virtual std::uint64_t write_position() const = 0;
  // Calls done(true) once every write queued before the call is committed, done(false) when one
  // queued after write_position() returned `since` failed (the caller must not report success:
  // pass the position taken before the request made its writes). On the store's thread.
  virtual void when_committed(std::uint64_t since, std::function<void(bool committed)> done) = 0;

  // Reads, answered in queue order: each sees every write queued before it.
  virtual void read_execution(const std::string& arn,
                              ReadDone<std::optional<ExecutionRow>> done) = 0;
  virtual void read_executions(const ExecutionPageQuery& query, ReadDone<ExecutionPage> done) = 0;
  virtual void read_events(const EventPageQuery& query, ReadDone<EventPage> done) = 0;

  virtual StoreStats stats() const { return {}; }
};

// Opens (creating if needed) the database at `path` (":memory:" allowed), takes an exclusive lock
// on it (a second process is refused), applies schema migrations and starts the writer thread.
// Throws std::runtime_error on failure, with a message for the operator (in use, read-only, ...).
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace sfn::store
