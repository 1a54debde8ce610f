// The context object ($$) of one state visit, built on first use. $$ holds a copy of the whole
// execution input (up to 256 KiB), and most states never read it, so building it for every
// visit (every Map iteration too) cost more than the states' own work.
#pragma once

#include <optional>

#include "engine/data_flow.h"
#include "sfn/expr/eval_context.h"

namespace sfn::engine {

class LazyContext final : public expr::ContextSource {
 public:
  LazyContext(const Frame& f, const asl::State& s, const StateVisit& visit)
      : frame_(f), state_(s), visit_(visit), shown_(visit) {}

  // Builds $$ from the visit as it was at entry or at the last refresh(), as the eager object
  // was: a retry does not change what the state's expressions see until refresh().
  const Json& context() const override;

  // After the state's work: $$ shows the visit's current RetryCount and Task.Token.
  void refresh();

 private:
  const Frame& frame_;
  const asl::State& state_;
  const StateVisit& visit_;
  StateVisit shown_;                  // the visit data $$ shows
  mutable std::optional<Json> json_;  // built by the first context()
};

}  // namespace sfn::engine
