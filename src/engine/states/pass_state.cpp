// "The Pass State passes its input to its output, without performing work." Result, if
// present, is treated as the output of a virtual task.
#include "engine/interpreter.h"

namespace sfn::engine {

Awaitable<WorkResult<StepOutput>> run_pass(Frame& f, const asl::PassState& s, StateIO& io) {
  if (io.jsonata()) {
    auto assigned = io.evaluate_assign(s.assign, io.raw());
    if (!assigned) co_return tl::unexpected(assigned.error());
    auto out = io.jsonata_output(s.output, io.raw());
    if (!out) co_return tl::unexpected(out.error());
    co_return StepOutput{std::move(*out), std::nullopt, std::move(*assigned)};
  }
  auto effective = apply_input_path(s, io.raw(), io.context(), f);
  if (!effective) co_return tl::unexpected(effective.error());
  Result<Json> result = s.parameters ? io.evaluate(*s.parameters, *effective, "Parameters")
                        : s.result   ? Result<Json>(*s.result)
                                     : Result<Json>(*effective);
  if (!result) co_return tl::unexpected(result.error());
  auto assigned = io.evaluate_assign(s.assign, *result);
  if (!assigned) co_return tl::unexpected(assigned.error());
  auto out = apply_result_path(s.result_path, io.raw(), std::move(*result));
  if (!out) co_return tl::unexpected(out.error());
  auto final_out = apply_output_path(s, *out, io.context(), f);
  if (!final_out) co_return tl::unexpected(final_out.error());
  co_return StepOutput{std::move(*final_out), std::nullopt, std::move(*assigned)};
}

}  // namespace sfn::engine
