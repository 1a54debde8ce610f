// Durable state in SQLite. The service keeps its working set in memory (so request handling
// never touches the disk) and writes through this store: every write is queued to a single
// writer thread that commits in batched transactions (WAL). At start, load() returns
// everything that was committed before.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sfn::store {

struct StateMachineRow {
  std::string arn;
  std::string name;
  std::string type;  // STANDARD | EXPRESS
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
  std::string status;  // RUNNING | SUCCEEDED | FAILED | TIMED_OUT | ABORTED
  std::string input;   // JSON text
  std::optional<std::string> output;
  std::optional<std::string> error;
  std::optional<std::string> cause;
  double start_date = 0;
  std::optional<double> stop_date;
  std::string definition;  // the definition the execution runs (snapshot at start)
  std::string state_machine_type;
  std::string role_arn;
  std::string checkpoint;  // engine-owned JSON text: where to resume after a restart

  bool operator==(const ExecutionRow&) const = default;
};

struct EventRow {
  std::int64_t id = 0;
  std::string json;  // the whole history event as AWS returns it (JSON text)

  bool operator==(const EventRow&) const = default;
};

struct Snapshot {
  std::vector<StateMachineRow> state_machines;
  std::vector<ActivityRow> activities;
  std::map<std::string, std::map<std::string, std::string>> tags;  // resource arn -> key -> value
  std::vector<ExecutionRow> executions;
  std::map<std::string, std::vector<EventRow>> events;  // execution arn -> events by id
};

// Counters for diagnostics and tests (additive; a Store may leave them at zero).
struct StoreStats {
  std::uint64_t writes_applied = 0;  // queued writes done (succeeded or failed)
  std::uint64_t writes_failed = 0;   // writes SQLite rejected (logged, then skipped)
  std::uint64_t transactions = 0;    // batches committed
};

class Store {
 public:
  virtual ~Store() = default;

  // Everything committed so far. Called once at start, before any write.
  virtual Snapshot load() = 0;

  // Queued writes, applied in order by the single writer thread.
  virtual void put_state_machine(const StateMachineRow& row) = 0;
  virtual void delete_state_machine(const std::string& arn) = 0;
  virtual void put_activity(const ActivityRow& row) = 0;
  virtual void delete_activity(const std::string& arn) = 0;
  virtual void put_tags(const std::string& resource_arn,
                        const std::map<std::string, std::string>& tags) = 0;  // replaces all
  virtual void put_execution(const ExecutionRow& row) = 0;                     // upsert
  virtual void delete_execution(const std::string& arn) = 0;  // with its events
  virtual void append_events(const std::string& execution_arn, std::vector<EventRow> events) = 0;
  // Removes the events of an execution whose id is greater than `last_kept_id`.
  virtual void truncate_events(const std::string& execution_arn, std::int64_t last_kept_id) = 0;

  // Blocks until every write queued before the call is committed.
  virtual void flush() = 0;

  virtual StoreStats stats() const { return {}; }
};

// Opens (creating if needed) the database at `path` (":memory:" allowed), applies schema
// migrations and starts the writer thread. Throws std::runtime_error on failure.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace sfn::store
