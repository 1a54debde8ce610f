// A Task state whose resource is served by an integration (or mocked): TaskScheduled, then the
// integration's reports as TaskStarted / TaskSubmitted / TaskSucceeded / TaskFailed (or the
// LambdaFunction* family for a Lambda function ARN), bounded by TimeoutSeconds.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "engine/activity_broker.h"
#include "engine/data_flow.h"
#include "engine/frame.h"
#include "engine/interpreter.h"
#include "sfn/asl/model/states.h"

namespace sfn::engine {

// When a task given `timeout` seconds (none: Step Functions' 99,999,999) must end.
Clock::SteadyTime task_deadline(const ExecutionRun& run, std::optional<double> timeout);

// How waiting on a task token ended: the worker's answer, or the timeout error's name
// (States.Timeout, States.HeartbeatTimeout); both empty when the frame was cancelled.
struct TokenWait {
  std::optional<TaskOutcome> outcome;
  std::string timed_out;
};

// Waits for SendTaskSuccess/Failure on `task`'s token (an activity's or a callback's), bounded by
// `timeout_at` and by HeartbeatSeconds between heartbeats, then withdraws the token.
Awaitable<TokenWait> await_task_token(Frame& f, const std::shared_ptr<PendingActivity>& task,
                                      Clock::SteadyTime timeout_at,
                                      std::optional<double> heartbeat);

Awaitable<WorkResult<Json>> run_integration_task(Frame& f, const asl::TaskState& s,
                                                 const Json& input, std::optional<double> timeout,
                                                 std::optional<double> heartbeat,
                                                 const StateVisit& visit);

}  // namespace sfn::engine
