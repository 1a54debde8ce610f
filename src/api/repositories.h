// The service's resources, one repository each: state machines, activities, tags, executions.
// A repository owns its map and its lock (no handler sees either), writes its rows through to
// the store, and answers lookups with AWS's errors. Memory policy: state machines, activities
// and tags are few and stay in memory (loaded at start); of the executions only the running
// ones and the latest kMaxFinishedExpress finished EXPRESS ones (never stored) are in memory —
// a finished STANDARD execution is read from SQLite on demand.
//
// Lock order, where one operation needs two: a resource repository before Tags (Tags::update
// asks whether the resource exists under its own lock; deleting a resource erases it first,
// then its tags), and never a repository lock while calling into the engine.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "api/api_error.h"
#include "sfn/asl/model/state_machine.h"
#include "sfn/common/domain.h"
#include "sfn/engine/execution_record.h"
#include "sfn/store/store.h"

namespace sfn::api {

// A state machine as the service holds it: its row and the compiled definition. Immutable once
// shared: an update replaces the entry.
struct StateMachineEntry {
  store::StateMachineRow row;
  std::shared_ptr<const asl::StateMachine> machine;
  double update_date = 0;
};
using StateMachinePtr = std::shared_ptr<const StateMachineEntry>;

class StateMachines {
 public:
  explicit StateMachines(store::Store& store) : store_(store) {}

  void load(std::vector<StateMachineEntry> entries);

  // InvalidArn for anything but a state machine ARN, StateMachineDoesNotExist when unknown.
  ApiResult<StateMachinePtr> find(const std::string& arn) const;
  // Adds `entry` (stored), or, when its ARN exists: the existing one if it has the same
  // definition, role and type (CreateStateMachine is idempotent), else StateMachineAlreadyExists.
  // The second member tells whether it was added.
  ApiResult<std::pair<StateMachinePtr, bool>> create(StateMachineEntry entry);
  // Applies `change` to a copy of the entry and stores the result (StateMachineDoesNotExist when
  // deleted meanwhile).
  ApiResult<StateMachinePtr> update(const std::string& arn,
                                    const std::function<void(StateMachineEntry&)>& change);
  // Whether it existed (its row is deleted from the store).
  bool erase(const std::string& arn);
  bool contains(const std::string& arn) const;
  // Every state machine, oldest first (creation date, then ARN).
  std::vector<StateMachinePtr> list() const;

 private:
  store::Store& store_;
  mutable std::mutex mutex_;
  std::map<std::string, StateMachinePtr> by_arn_;
};

class Activities {
 public:
  explicit Activities(store::Store& store) : store_(store) {}

  void load(std::vector<store::ActivityRow> rows);

  // InvalidArn for anything but an activity ARN, ActivityDoesNotExist when unknown.
  ApiResult<store::ActivityRow> find(const std::string& arn) const;
  // Adds the activity (stored) unless it exists; returns the one kept and whether it was added.
  std::pair<store::ActivityRow, bool> create(store::ActivityRow row);
  bool erase(const std::string& arn);
  bool contains(const std::string& arn) const;
  // Every activity, oldest first (creation date, then ARN).
  std::vector<store::ActivityRow> list() const;

 private:
  store::Store& store_;
  mutable std::mutex mutex_;
  std::map<std::string, store::ActivityRow> by_arn_;
};

// Tags of state machines and activities, by resource ARN.
class Tags {
 public:
  using TagMap = std::map<std::string, std::string>;
  static constexpr std::size_t kMaxTags = 50;

  explicit Tags(store::Store& store) : store_(store) {}

  void load(std::map<std::string, TagMap> tags);

  TagMap of(const std::string& arn) const;
  // Replaces the resource's tags with `change` applied to them, if `exists()` (asked under this
  // repository's lock) still holds: ResourceNotFound otherwise, TooManyTags beyond kMaxTags.
  ApiResult<bool> update(const std::string& arn, const std::function<bool()>& exists,
                         const std::function<void(TagMap&)>& change);
  // A new resource's tags (no check: the caller has just created it).
  void set(const std::string& arn, const TagMap& tags);
  void erase(const std::string& arn);

 private:
  store::Store& store_;
  mutable std::mutex mutex_;
  std::map<std::string, TagMap> by_arn_;
};

// How many finished EXPRESS executions stay in memory for DescribeExecution and
// GetExecutionHistory (they are never stored); older ones are forgotten.
inline constexpr std::size_t kMaxFinishedExpress = 1000;

// The executions in memory: running ones and the latest finished EXPRESS ones.
class Executions {
 public:
  using RecordPtr = std::shared_ptr<engine::ExecutionRecord>;

  // Adds a new or resumed execution; it leaves (or, EXPRESS, joins the finished ones) when it
  // ends. The repository must outlive the engine that runs it (its on_finish calls back).
  void track(const RecordPtr& record);
  // Null when not in memory.
  RecordPtr find(const std::string& arn) const;
  // Name idempotency of StartExecution, atomically: the execution `arn` running with the same
  // input is returned as it is (second member true); running with another input, or finished
  // in memory, is ExecutionAlreadyExists; otherwise `create()` makes the record, which is
  // tracked (second member false); a null record (nothing to create) is returned as it is.
  ApiResult<std::pair<RecordPtr, bool>> start_unique(const std::string& arn,
                                                     const std::string& input,
                                                     const std::function<RecordPtr()>& create);
  // The executions of one state machine in memory with `status` (any when nullopt).
  std::vector<RecordPtr> of_state_machine(const std::string& state_machine_arn,
                                          std::optional<ExecutionStatus> status) const;

 private:
  void retire(const std::string& arn);

  mutable std::mutex mutex_;
  std::unordered_map<std::string, RecordPtr> by_arn_;
  std::deque<std::string> finished_express_;  // oldest first
};

}  // namespace sfn::api
