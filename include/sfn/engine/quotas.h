// AWS's execution quotas the engine enforces (lowered only in tests, through RuntimeOptions).
#pragma once

#include <cstddef>
#include <cstdint>

namespace sfn::engine {

// AWS's hard quota of events in one execution's history.
inline constexpr std::int64_t kMaxHistoryEvents = 25'000;

// AWS's quotas on workflow variables (sizes of their JSON text in bytes): one variable, all the
// variables one Assign field sets, and all the variables an execution stores.
struct VariableQuotas {
  std::size_t per_variable = 256 * 1024;
  std::size_t per_assign = 256 * 1024;
  std::size_t per_execution = 10 * 1024 * 1024;
};

}  // namespace sfn::engine
