// Tier-one errors: ASL run-time errors are values (States.* names or task errors with a cause)
// that flow to Retry/Catch and into history. Never thrown.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>

namespace sfn {

struct StatesError {
  StatesError() = default;
  StatesError(std::string_view error_name, std::string cause_text, std::string field = {})
      : error(error_name), cause(std::move(cause_text)), location(std::move(field)) {}

  std::string error;  // e.g. "States.Runtime", "States.TaskFailed", or a task's own error name
  std::string cause;  // human-readable text; may be empty
  // The definition field the error is about ("Arguments/x", "Condition", "Timestamp"), when it
  // is about one: the EvaluationFailed event's location.
  std::string location;
  // Set once the error's EvaluationFailed event is in the history (JSONata errors).
  bool evaluation_recorded = false;
  // Reported by a task's integration (TaskFailed): whatever its name, an error like any other
  // for Retry and Catch (States.ALL matches a function's States.DataLimitExceeded).
  bool reported_by_task = false;

  bool operator==(const StatesError& o) const { return error == o.error && cause == o.cause; }
};

template <class T>
using Result = tl::expected<T, StatesError>;

inline tl::unexpected<StatesError> states_error(std::string_view error, std::string cause,
                                                std::string location = {}) {
  return tl::unexpected<StatesError>(StatesError{error, std::move(cause), std::move(location)});
}

}  // namespace sfn
