// The catalogue of history event types: AWS's name of each and the member of HistoryEvent that
// carries its details (AWS's API model; none for e.g. ParallelStateStarted). The recorder takes
// the type and finds the member here, so an event can only be written with its own details key.
#pragma once

#include <string_view>

#include "sfn/asl/model/state.h"

namespace sfn::engine {

enum class EventType {
  kActivityFailed,
  kActivityScheduleFailed,
  kActivityScheduled,
  kActivityStarted,
  kActivitySucceeded,
  kActivityTimedOut,
  kChoiceStateEntered,
  kChoiceStateExited,
  kEvaluationFailed,
  kExecutionAborted,
  kExecutionFailed,
  kExecutionRedriven,
  kExecutionStarted,
  kExecutionSucceeded,
  kExecutionTimedOut,
  kFailStateEntered,
  kLambdaFunctionFailed,
  kLambdaFunctionScheduleFailed,
  kLambdaFunctionScheduled,
  kLambdaFunctionStartFailed,
  kLambdaFunctionStarted,
  kLambdaFunctionSucceeded,
  kLambdaFunctionTimedOut,
  kMapIterationAborted,
  kMapIterationFailed,
  kMapIterationStarted,
  kMapIterationSucceeded,
  kMapRunAborted,
  kMapRunFailed,
  kMapRunRedriven,
  kMapRunStarted,
  kMapRunSucceeded,
  kMapStateAborted,
  kMapStateEntered,
  kMapStateExited,
  kMapStateFailed,
  kMapStateStarted,
  kMapStateSucceeded,
  kParallelStateAborted,
  kParallelStateEntered,
  kParallelStateExited,
  kParallelStateFailed,
  kParallelStateStarted,
  kParallelStateSucceeded,
  kPassStateEntered,
  kPassStateExited,
  kSucceedStateEntered,
  kSucceedStateExited,
  kTaskFailed,
  kTaskScheduled,
  kTaskStartFailed,
  kTaskStarted,
  kTaskStateAborted,
  kTaskStateEntered,
  kTaskStateExited,
  kTaskSubmitFailed,
  kTaskSubmitted,
  kTaskSucceeded,
  kTaskTimedOut,
  kWaitStateAborted,
  kWaitStateEntered,
  kWaitStateExited,
};

// "TaskStateEntered", ...
std::string_view name_of(EventType type);
// "stateEnteredEventDetails", ...; empty when the type has no details member.
std::string_view details_key(EventType type);
// ExecutionSucceeded, ExecutionFailed, ExecutionAborted, ExecutionTimedOut.
bool ends_execution(EventType type);

// The <Type>StateEntered / <Type>StateExited event of a state. (A Fail state has no exited
// event: it ends its execution path.)
EventType state_entered(asl::StateType state);
EventType state_exited(asl::StateType state);

}  // namespace sfn::engine
