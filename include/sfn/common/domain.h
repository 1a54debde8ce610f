// The domain's closed vocabularies as enums, each with one name table (AWS's spelling): what
// an execution's status and a state machine's type can be. Parse at the edges (requests, the
// store's columns), pass the enum inside.
#pragma once

#include <iosfwd>
#include <optional>
#include <string_view>

namespace sfn {

enum class ExecutionStatus { kRunning, kSucceeded, kFailed, kTimedOut, kAborted, kPendingRedrive };

// "RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE".
std::string_view name_of(ExecutionStatus status);
std::optional<ExecutionStatus> parse_execution_status(std::string_view name);

enum class StateMachineType { kStandard, kExpress };

// "STANDARD", "EXPRESS".
std::string_view name_of(StateMachineType type);
std::optional<StateMachineType> parse_state_machine_type(std::string_view name);

// AWS's names, for logs and test failure messages.
std::ostream& operator<<(std::ostream& out, ExecutionStatus status);
std::ostream& operator<<(std::ostream& out, StateMachineType type);

}  // namespace sfn
