#include "engine/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "sfn/common/states_errors.h"

namespace sfn::engine {

bool error_matches(const std::vector<std::string>& error_equals, const StatesError& err) {
  const std::string& error = err.error;
  // States.ALL and States.TaskFailed do not match the engine's own terminal errors; a task that
  // reports one of those names is an ordinary task failure.
  const bool terminal =
      !err.reported_by_task && (error == errors::kRuntime || error == errors::kDataLimitExceeded);
  for (const auto& e : error_equals) {
    if (e == error) return true;
    if (terminal) continue;
    if (e == errors::kAll) return true;
    if (e == errors::kTaskFailed && error != errors::kTimeout) return true;
  }
  return false;
}

double retry_delay_seconds(const asl::Retrier& retrier, std::int64_t attempt) {
  double delay = retrier.interval_seconds * std::pow(retrier.backoff_rate, double(attempt));
  if (retrier.max_delay_seconds) delay = std::min(delay, double(*retrier.max_delay_seconds));
  if (retrier.jitter == asl::JitterStrategy::kFull) {
    thread_local std::mt19937_64 rng{std::random_device{}()};
    delay = std::uniform_real_distribution<double>(0.0, delay)(rng);
  }
  return delay;
}

}  // namespace sfn::engine
