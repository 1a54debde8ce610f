// "The Succeed State terminates a state machine successfully." and "The Fail State terminates
// the machine and marks it as a failure."
#include "engine/interpreter.h"

namespace sfn::engine {
namespace {

// Error/Cause (literal) or ErrorPath/CausePath (a path into the raw input or context).
Result<std::string> resolve(const asl::DynamicValue& v, const char* path_field, const Json& raw,
                            const Json& ctx, const Frame& f) {
  if (v.literal) return v.literal->is_string() ? v.literal->get<std::string>() : dump_compact(*v.literal);
  if (v.path) {
    auto found = select_path(*v.path, raw, ctx, f.variables);
    if (!found)
      return states_error("States.Runtime", "The JSONPath '" + v.path->text() +
                                                "' specified for the field '" + path_field +
                                                "' could not be found in the input '" +
                                                dump_compact(raw) + "'");
    return found->is_string() ? found->get<std::string>() : dump_compact(*found);
  }
  return std::string();
}

}  // namespace

Awaitable<Result<StepOutput>> run_succeed(Frame& f, const asl::SucceedState& s, const Json& raw,
                                          StateVisit& visit) {
  Json ctx = context_object(f, s, visit);
  auto effective = apply_input_path(s, raw, ctx, f);
  if (!effective) co_return tl::unexpected(effective.error());
  auto out = apply_output_path(s, *effective, ctx, f);
  if (!out) co_return tl::unexpected(out.error());
  co_return StepOutput{std::move(*out), std::nullopt};
}

Awaitable<Result<StepOutput>> run_fail(Frame& f, const asl::FailState& s, const Json& raw,
                                       StateVisit& visit) {
  Json ctx = context_object(f, s, visit);
  auto error = resolve(s.error, "ErrorPath", raw, ctx, f);
  if (!error) co_return tl::unexpected(error.error());
  auto cause = resolve(s.cause, "CausePath", raw, ctx, f);
  if (!cause) co_return tl::unexpected(cause.error());
  co_return states_error(std::move(*error), std::move(*cause));
}

}  // namespace sfn::engine
