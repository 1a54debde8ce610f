// Intrinsics for math operations: States.MathRandom(start, end[, seed]) and
// States.MathAdd(a, b). Non-integer arguments are rounded to the nearest integer the way Java's
// Math.round does (half up), as AWS does; MathAdd operands must fit a 32-bit signed integer.
#include <cmath>
#include <limits>
#include <random>

#include "expr/intrinsics/intrinsic_registry.h"

namespace sfn::intrinsics {
namespace {

bool fits_int32(long long v) {
  return v >= std::numeric_limits<std::int32_t>::min() &&
         v <= std::numeric_limits<std::int32_t>::max();
}

Result<Json> math_add(const std::vector<Json>& args) {
  long long a = java_round(args[0]), b = java_round(args[1]);
  if (!fits_int32(a) || !fits_int32(b)) {
    return intrinsic_failure("States.MathAdd",
                             "the values must be between -2147483648 and 2147483647");
  }
  return Json(a + b);
}

// Returns an integer in [start, end).
Result<Json> math_random(const std::vector<Json>& args) {
  long long start = java_round(args[0]), end = java_round(args[1]);
  if (!fits_int32(start) || !fits_int32(end)) {
    return intrinsic_failure("States.MathRandom",
                             "the values must be between -2147483648 and 2147483647");
  }
  if (end <= start) {
    return intrinsic_failure("States.MathRandom",
                             "the end value must be greater than the start value");
  }
  std::uniform_int_distribution<long long> dist(start, end - 1);
  if (args.size() > 2) {
    std::mt19937_64 seeded(static_cast<std::uint64_t>(java_round(args[2])));
    return Json(dist(seeded));
  }
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return Json(dist(engine));
}

}  // namespace

void register_math_functions(IntrinsicRegistry& r) {
  r.add({"States.MathAdd", 2, 2, {ArgType::kNumber}, false, math_add});
  r.add({"States.MathRandom", 2, 3, {ArgType::kNumber}, false, math_random});
}

}  // namespace sfn::intrinsics
