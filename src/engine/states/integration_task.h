// A Task state whose resource is served by an integration (or mocked): TaskScheduled, then the
// integration's reports as TaskStarted / TaskSubmitted / TaskSucceeded / TaskFailed (or the
// LambdaFunction* family for a Lambda function ARN), bounded by TimeoutSeconds.
#pragma once

#include <optional>

#include "engine/data_flow.h"
#include "engine/frame.h"
#include "sfn/asl/model/states.h"

namespace sfn::engine {

Awaitable<Result<Json>> run_integration_task(Frame& f, const asl::TaskState& s, const Json& input,
                                             std::optional<double> timeout,
                                             std::optional<double> heartbeat,
                                             const StateVisit& visit);

}  // namespace sfn::engine
