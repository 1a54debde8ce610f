// "The Succeed State terminates a state machine successfully." and "The Fail State terminates
// the machine and marks it as a failure."
#include "engine/interpreter.h"

namespace sfn::engine {
namespace {

// Error/Cause: a literal, ErrorPath/CausePath (a path or an intrinsic), or JSONata.
Result<std::string> resolve(const asl::DynamicValue& v, const char* field, const char* path_field,
                            StateIO& io) {
  if (v.path) {
    auto selected = select_path(*v.path, io.raw(), io.context(), io.frame().variables, path_field);
    if (!selected) return tl::unexpected(selected.error());
    auto& found = *selected;
    if (!found)
      return states_error("States.Runtime", "The JSONPath '" + v.path->text() +
                                                "' specified for the field '" + path_field +
                                                "' could not be found in the input '" +
                                                dump_compact(io.raw()) + "'");
    return found->is_string() ? found->get<std::string>() : dump_compact(*found);
  }
  auto r = io.evaluate_dynamic(v, io.raw(), v.intrinsic ? path_field : field);
  if (!r) return tl::unexpected(r.error());
  if (!*r) return std::string();
  return (*r)->is_string() ? (*r)->get<std::string>() : dump_compact(**r);
}

}  // namespace

Awaitable<WorkResult<StepOutput>> run_succeed(Frame& f, const asl::SucceedState& s, StateIO& io) {
  if (io.jsonata()) {
    auto out = io.jsonata_output(s.output, io.raw());
    if (!out) co_return tl::unexpected(out.error());
    co_return StepOutput{std::move(*out), std::nullopt, std::nullopt};
  }
  auto effective = apply_input_path(s, io.raw(), io.context(), f);
  if (!effective) co_return tl::unexpected(effective.error());
  auto out = apply_output_path(s, *effective, io.context(), f);
  if (!out) co_return tl::unexpected(out.error());
  co_return StepOutput{std::move(*out), std::nullopt, std::nullopt};
}

Awaitable<WorkResult<StepOutput>> run_fail(Frame& f, const asl::FailState& s, StateIO& io) {
  auto error = resolve(s.error, "Error", "ErrorPath", io);
  if (!error) co_return tl::unexpected(error.error());
  auto cause = resolve(s.cause, "Cause", "CausePath", io);
  if (!cause) co_return tl::unexpected(cause.error());
  co_return states_error(std::move(*error), std::move(*cause));
}

}  // namespace sfn::engine
