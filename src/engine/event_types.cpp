#include "engine/event_types.h"

#include <array>
#include <stdexcept>

namespace sfn::engine {
namespace {

struct EventTypeEntry {
  EventType type;
  std::string_view name;
  std::string_view details_key;
};

constexpr std::string_view kEntered = "stateEnteredEventDetails";
constexpr std::string_view kExited = "stateExitedEventDetails";

// In EventType's order (checked by entry()).
constexpr std::array<EventTypeEntry, 62> kCatalogue{{
    {EventType::kActivityFailed, "ActivityFailed", "activityFailedEventDetails"},
    {EventType::kActivityScheduleFailed, "ActivityScheduleFailed",
     "activityScheduleFailedEventDetails"},
    {EventType::kActivityScheduled, "ActivityScheduled", "activityScheduledEventDetails"},
    {EventType::kActivityStarted, "ActivityStarted", "activityStartedEventDetails"},
    {EventType::kActivitySucceeded, "ActivitySucceeded", "activitySucceededEventDetails"},
    {EventType::kActivityTimedOut, "ActivityTimedOut", "activityTimedOutEventDetails"},
    {EventType::kChoiceStateEntered, "ChoiceStateEntered", kEntered},
    {EventType::kChoiceStateExited, "ChoiceStateExited", kExited},
    {EventType::kEvaluationFailed, "EvaluationFailed", "evaluationFailedEventDetails"},
    {EventType::kExecutionAborted, "ExecutionAborted", "executionAbortedEventDetails"},
    {EventType::kExecutionFailed, "ExecutionFailed", "executionFailedEventDetails"},
    {EventType::kExecutionRedriven, "ExecutionRedriven", "executionRedrivenEventDetails"},
    {EventType::kExecutionStarted, "ExecutionStarted", "executionStartedEventDetails"},
    {EventType::kExecutionSucceeded, "ExecutionSucceeded", "executionSucceededEventDetails"},
    {EventType::kExecutionTimedOut, "ExecutionTimedOut", "executionTimedOutEventDetails"},
    {EventType::kFailStateEntered, "FailStateEntered", kEntered},
    {EventType::kLambdaFunctionFailed, "LambdaFunctionFailed", "lambdaFunctionFailedEventDetails"},
    {EventType::kLambdaFunctionScheduleFailed, "LambdaFunctionScheduleFailed",
     "lambdaFunctionScheduleFailedEventDetails"},
    {EventType::kLambdaFunctionScheduled, "LambdaFunctionScheduled",
     "lambdaFunctionScheduledEventDetails"},
    {EventType::kLambdaFunctionStartFailed, "LambdaFunctionStartFailed",
     "lambdaFunctionStartFailedEventDetails"},
    {EventType::kLambdaFunctionStarted, "LambdaFunctionStarted", {}},
    {EventType::kLambdaFunctionSucceeded, "LambdaFunctionSucceeded",
     "lambdaFunctionSucceededEventDetails"},
    {EventType::kLambdaFunctionTimedOut, "LambdaFunctionTimedOut",
     "lambdaFunctionTimedOutEventDetails"},
    {EventType::kMapIterationAborted, "MapIterationAborted", "mapIterationAbortedEventDetails"},
    {EventType::kMapIterationFailed, "MapIterationFailed", "mapIterationFailedEventDetails"},
    {EventType::kMapIterationStarted, "MapIterationStarted", "mapIterationStartedEventDetails"},
    {EventType::kMapIterationSucceeded, "MapIterationSucceeded",
     "mapIterationSucceededEventDetails"},
    {EventType::kMapRunAborted, "MapRunAborted", {}},
    {EventType::kMapRunFailed, "MapRunFailed", "mapRunFailedEventDetails"},
    {EventType::kMapRunRedriven, "MapRunRedriven", "mapRunRedrivenEventDetails"},
    {EventType::kMapRunStarted, "MapRunStarted", "mapRunStartedEventDetails"},
    {EventType::kMapRunSucceeded, "MapRunSucceeded", {}},
    {EventType::kMapStateAborted, "MapStateAborted", {}},
    {EventType::kMapStateEntered, "MapStateEntered", kEntered},
    {EventType::kMapStateExited, "MapStateExited", kExited},
    {EventType::kMapStateFailed, "MapStateFailed", {}},
    {EventType::kMapStateStarted, "MapStateStarted", "mapStateStartedEventDetails"},
    {EventType::kMapStateSucceeded, "MapStateSucceeded", {}},
    {EventType::kParallelStateAborted, "ParallelStateAborted", {}},
    {EventType::kParallelStateEntered, "ParallelStateEntered", kEntered},
    {EventType::kParallelStateExited, "ParallelStateExited", kExited},
    {EventType::kParallelStateFailed, "ParallelStateFailed", {}},
    {EventType::kParallelStateStarted, "ParallelStateStarted", {}},
    {EventType::kParallelStateSucceeded, "ParallelStateSucceeded", {}},
    {EventType::kPassStateEntered, "PassStateEntered", kEntered},
    {EventType::kPassStateExited, "PassStateExited", kExited},
    {EventType::kSucceedStateEntered, "SucceedStateEntered", kEntered},
    {EventType::kSucceedStateExited, "SucceedStateExited", kExited},
    {EventType::kTaskFailed, "TaskFailed", "taskFailedEventDetails"},
    {EventType::kTaskScheduled, "TaskScheduled", "taskScheduledEventDetails"},
    {EventType::kTaskStartFailed, "TaskStartFailed", "taskStartFailedEventDetails"},
    {EventType::kTaskStarted, "TaskStarted", "taskStartedEventDetails"},
    {EventType::kTaskStateAborted, "TaskStateAborted", {}},
    {EventType::kTaskStateEntered, "TaskStateEntered", kEntered},
    {EventType::kTaskStateExited, "TaskStateExited", kExited},
    {EventType::kTaskSubmitFailed, "TaskSubmitFailed", "taskSubmitFailedEventDetails"},
    {EventType::kTaskSubmitted, "TaskSubmitted", "taskSubmittedEventDetails"},
    {EventType::kTaskSucceeded, "TaskSucceeded", "taskSucceededEventDetails"},
    {EventType::kTaskTimedOut, "TaskTimedOut", "taskTimedOutEventDetails"},
    {EventType::kWaitStateAborted, "WaitStateAborted", {}},
    {EventType::kWaitStateEntered, "WaitStateEntered", kEntered},
    {EventType::kWaitStateExited, "WaitStateExited", kExited},
}};

constexpr bool catalogue_in_order() {
  for (std::size_t i = 0; i < kCatalogue.size(); ++i)
    if (static_cast<std::size_t>(kCatalogue[i].type) != i) return false;
  return true;
}
static_assert(catalogue_in_order(), "kCatalogue must list EventType in declaration order");
static_assert(static_cast<std::size_t>(EventType::kWaitStateExited) + 1 == kCatalogue.size());

const EventTypeEntry& entry(EventType type) { return kCatalogue[static_cast<std::size_t>(type)]; }

}  // namespace

std::string_view name_of(EventType type) { return entry(type).name; }
std::string_view details_key(EventType type) { return entry(type).details_key; }

bool ends_execution(EventType type) {
  return type == EventType::kExecutionSucceeded || type == EventType::kExecutionFailed ||
         type == EventType::kExecutionAborted || type == EventType::kExecutionTimedOut;
}

EventType state_entered(asl::StateType state) {
  switch (state) {
    case asl::StateType::kTask:
      return EventType::kTaskStateEntered;
    case asl::StateType::kPass:
      return EventType::kPassStateEntered;
    case asl::StateType::kChoice:
      return EventType::kChoiceStateEntered;
    case asl::StateType::kWait:
      return EventType::kWaitStateEntered;
    case asl::StateType::kSucceed:
      return EventType::kSucceedStateEntered;
    case asl::StateType::kFail:
      return EventType::kFailStateEntered;
    case asl::StateType::kParallel:
      return EventType::kParallelStateEntered;
    case asl::StateType::kMap:
      return EventType::kMapStateEntered;
  }
  throw std::logic_error("unknown state type");
}

EventType state_exited(asl::StateType state) {
  switch (state) {
    case asl::StateType::kTask:
      return EventType::kTaskStateExited;
    case asl::StateType::kPass:
      return EventType::kPassStateExited;
    case asl::StateType::kChoice:
      return EventType::kChoiceStateExited;
    case asl::StateType::kWait:
      return EventType::kWaitStateExited;
    case asl::StateType::kSucceed:
      return EventType::kSucceedStateExited;
    case asl::StateType::kParallel:
      return EventType::kParallelStateExited;
    case asl::StateType::kMap:
      return EventType::kMapStateExited;
    case asl::StateType::kFail:
      break;
  }
  throw std::logic_error("a Fail state has no exited event");
}

}  // namespace sfn::engine
