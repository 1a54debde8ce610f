// What one state visit evaluates against, in either query language: the raw input, the context
// object, the workflow variables and, in JSONata states, the reserved $states variable
// ({input, context, result, errorOutput}). Assign is evaluated here and applied on exit.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "engine/data_flow.h"
#include "engine/frame.h"
#include "engine/lazy_context.h"
#include "sfn/asl/model/state.h"
#include "sfn/expr/payload/payload_template.h"

namespace sfn::engine {

class StateIO {
 public:
  StateIO(Frame& f, const asl::State& s, StateVisit& visit, const Json& raw);

  bool jsonata() const { return state_.query_language == asl::QueryLanguage::kJsonata; }
  const Json& raw() const { return raw_; }
  StateVisit& visit() { return visit_; }
  Frame& frame() { return frame_; }
  // $$, built only when an expression reads it; context().get() forces it.
  expr::ContextRef context() const { return context_; }
  // After the state's work: $$ shows the current $$.State.RetryCount and $$.Task.Token.
  void refresh_context() { context_.refresh(); }

  // A payload template: JSONPath mode reads `dollar` as $; JSONata mode binds $states built
  // from the raw input, the context and `result` / `error_output` when given.
  Result<Json> evaluate(const payload::PayloadTemplate& t, const Json& dollar,
                        std::string_view field, const Json* result = nullptr,
                        const Json* error_output = nullptr) const;

  // A number/string field given as a literal, a path, an intrinsic or a JSONata expression.
  // nullopt when the field is absent.
  Result<std::optional<Json>> evaluate_dynamic(const asl::DynamicValue& v, const Json& dollar,
                                               std::string_view field) const;

  // Evaluates an Assign block against the variables at state entry. nullopt when absent.
  Result<std::optional<Json>> evaluate_assign(const std::optional<payload::PayloadTemplate>& a,
                                              const Json& dollar, const Json* result = nullptr,
                                              const Json* error_output = nullptr) const;

  // JSONata Output (or the default) for a state's result.
  Result<Json> jsonata_output(const std::optional<payload::PayloadTemplate>& output,
                              const Json& default_output, const Json* result = nullptr,
                              const Json* error_output = nullptr) const;

 private:
  // $states of a JSONata state, referencing the raw input, the context and the given results.
  expr::StatesVariable states(const Json* result, const Json* error_output) const;

  Frame& frame_;
  const asl::State& state_;
  StateVisit& visit_;
  const Json& raw_;
  LazyContext context_;
};

}  // namespace sfn::engine
