// "The Pass State passes its input to its output, without performing work."
#include "engine/interpreter.h"

namespace sfn::engine {

Awaitable<Result<StepOutput>> run_pass(Frame& f, const asl::PassState& s, const Json& raw,
                                       StateVisit& visit) {
  Json ctx = context_object(f, s, visit);
  auto effective = apply_input_path(s, raw, ctx, f);
  if (!effective) co_return tl::unexpected(effective.error());
  Result<Json> result = s.parameters ? apply_parameters(s, *effective, ctx, f)
                        : s.result   ? Result<Json>(*s.result)
                                     : Result<Json>(*effective);
  if (!result) co_return tl::unexpected(result.error());
  auto out = apply_result_path(s.result_path, raw, std::move(*result));
  if (!out) co_return tl::unexpected(out.error());
  auto final_out = apply_output_path(s, *out, ctx, f);
  if (!final_out) co_return tl::unexpected(final_out.error());
  co_return StepOutput{std::move(*final_out), std::nullopt};
}

}  // namespace sfn::engine
