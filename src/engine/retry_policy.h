// Retry and Catch matching (States Language, "Error Handling"): which retrier or catcher an
// error selects, and how long to back off.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sfn/asl/model/fields.h"
#include "sfn/common/result.h"

namespace sfn::engine {

// "States.ALL" matches every error except States.Runtime and States.DataLimitExceeded raised by
// the engine itself (a task reporting those names is matched); "States.TaskFailed" matches
// every error except States.Timeout (and those two).
bool error_matches(const std::vector<std::string>& error_equals, const StatesError& error);

// Seconds to wait before retry number `attempt` (0-based) of `retrier`.
double retry_delay_seconds(const asl::Retrier& retrier, std::int64_t attempt);

}  // namespace sfn::engine
