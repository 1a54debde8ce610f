// What the API sees of one execution: identity (immutable after start) and status, result and
// history (guarded by `mutex`). The engine's run-time state lives elsewhere, on the execution's
// strand.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sfn/asl/model/state_machine.h"
#include "sfn/common/domain.h"
#include "sfn/common/json.h"

namespace sfn::store {
struct ExecutionRow;
}

namespace sfn::engine {

struct ExecutionRecord {
  // Identity, fixed at start.
  std::string arn;
  std::string name;
  std::string state_machine_arn;
  std::string state_machine_name;
  StateMachineType state_machine_type = StateMachineType::kStandard;
  std::string role_arn;
  std::string definition;  // definition text the execution runs
  std::shared_ptr<const asl::StateMachine> machine;
  std::string input;  // JSON text as given
  double start_date = 0;
  std::string mock_test_case;  // `#TestCase` of StartExecution: the mocked responses it runs with

  // Mutable, guarded by mutex.
  mutable std::mutex mutex;
  ExecutionStatus status = ExecutionStatus::kRunning;
  std::optional<std::string> output;
  std::optional<std::string> error;
  std::optional<std::string> cause;
  std::optional<double> stop_date;
  std::vector<Json> events;                      // history events as AWS returns them
  std::vector<std::function<void()>> on_finish;  // called once when the execution ends
};

// The engine owns execution rows: the row of `r` as the store keeps it (its checkpoint is written
// separately, put_checkpoint), and a record rebuilt from a stored row (identity, status and
// result; no events, no parsed machine).
store::ExecutionRow to_row(const ExecutionRecord& r);
std::shared_ptr<ExecutionRecord> record_from_row(const store::ExecutionRow& row);

}  // namespace sfn::engine
