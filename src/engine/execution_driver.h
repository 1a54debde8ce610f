// Drives one execution from ExecutionStarted (or its resume point) to its terminal event.
#pragma once

#include <memory>

#include "engine/frame.h"

namespace sfn::engine {

// `resuming`: the execution was loaded from the store; ExecutionStarted is not written again.
Awaitable<void> drive_execution(std::shared_ptr<ExecutionRun> run, bool resuming);

}  // namespace sfn::engine
