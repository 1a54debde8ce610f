// "A Choice state adds branching logic to a state machine." Rules are evaluated in order
// against the effective input; the first match names the next state. A matching rule's
// Assign/Output apply; with Default, the state's own.
#include "engine/interpreter.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {

Awaitable<WorkResult<StepOutput>> run_choice(Frame& f, const asl::ChoiceState& s, StateIO& io) {
  Json effective;
  if (!io.jsonata()) {
    auto e = apply_input_path(s, io.raw(), io.context(), f);
    if (!e) co_return tl::unexpected(e.error());
    effective = std::move(*e);
  }
  const Json& input = io.jsonata() ? io.raw() : effective;
  const expr::StatesVariable states{&io.raw()};
  expr::EvalContext ectx{input, io.context(), &f.variables, {}, io.jsonata() ? &states : nullptr};
  const asl::ChoiceBranch* matched = nullptr;
  for (const auto& branch : s.choices) {
    auto m = branch.rule.evaluate(ectx);
    if (!m) co_return tl::unexpected(m.error());
    if (*m) {
      matched = &branch;
      break;
    }
  }
  if (!matched && !s.default_next)
    co_return states_error(errors::kNoChoiceMatched,
                           "No Matches! at Choice State '" + s.name + "'");
  const auto& assign = matched ? matched->assign : s.assign;
  auto assigned = io.evaluate_assign(assign, input);
  if (!assigned) co_return tl::unexpected(assigned.error());
  std::optional<std::string> next = matched ? matched->next : *s.default_next;
  if (io.jsonata()) {
    const auto& output = matched && matched->output ? matched->output : s.output;
    auto out = io.jsonata_output(output, io.raw());
    if (!out) co_return tl::unexpected(out.error());
    co_return StepOutput{std::move(*out), next, std::move(*assigned)};
  }
  auto out = apply_output_path(s, effective, io.context(), f);
  if (!out) co_return tl::unexpected(out.error());
  co_return StepOutput{std::move(*out), next, std::move(*assigned)};
}

}  // namespace sfn::engine
