// "A Choice state adds branching logic to a state machine." Rules are evaluated in order
// against the effective input; the first match names the next state.
#include "engine/interpreter.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {

Awaitable<Result<StepOutput>> run_choice(Frame& f, const asl::ChoiceState& s, const Json& raw,
                                         StateVisit& visit) {
  Json ctx = context_object(f, s, visit);
  auto effective = apply_input_path(s, raw, ctx, f);
  if (!effective) co_return tl::unexpected(effective.error());
  expr::EvalContext ectx{*effective, ctx, &f.variables};
  std::optional<std::string> next;
  for (const auto& branch : s.choices) {
    auto matched = branch.rule.evaluate(ectx);
    if (!matched) co_return tl::unexpected(matched.error());
    if (*matched) {
      next = branch.next;
      break;
    }
  }
  if (!next) next = s.default_next;
  if (!next)
    co_return states_error(std::string(errors::kNoChoiceMatched),
                           "No Matches! at Choice State '" + s.name + "'");
  auto out = apply_output_path(s, *effective, ctx, f);
  if (!out) co_return tl::unexpected(out.error());
  co_return StepOutput{std::move(*out), next};
}

}  // namespace sfn::engine
