// JSONPath-mode input and output processing (States Language, "Input and Output Processing"):
// InputPath → Parameters → (work) → ResultSelector → ResultPath → OutputPath, plus the
// context object each state sees.
#pragma once

#include <optional>
#include <string>

#include "engine/frame.h"
#include "sfn/asl/model/state.h"
#include "sfn/common/result.h"
#include "sfn/expr/eval_context.h"
#include "sfn/expr/jsonpath/path.h"

namespace sfn::engine {

// Per state visit: what $$.State holds.
struct StateVisit {
  std::int64_t entered_event_id = 0;
  std::int64_t entered_previous_id = 0;  // previousEventId of the entered event
  double entered_time = 0;
  std::int64_t retry_count = 0;
  std::optional<std::string> task_token;
};

// The context object ($$) for a state visit.
Json context_object(const Frame& frame, const asl::State& state, const StateVisit& visit);

// Selects a path against the input, the context object or the variables, by its root. $$ is
// built only for a path rooted at it. No match is an empty optional (each caller words its own
// error); a selection past the JSONPath budget is States.Runtime naming `field`.
// A States.Runtime error with `cause` (the state pipeline adds where it happened).
StatesError runtime_failure(std::string cause);

Result<std::optional<Json>> select_path(const jsonpath::Path& path, const Json& input,
                                        expr::ContextRef context, const Json& variables,
                                        std::string_view field);

// "$['a']['b'][0]" — the bracket form AWS prints in path errors.
std::string bracket_notation(const std::string& path_text);

Result<Json> apply_input_path(const asl::State& state, const Json& raw, expr::ContextRef context,
                              const Frame& frame);
// Parameters (or ItemSelector) when present, else the effective input unchanged.
Result<Json> apply_parameters(const asl::State& state, const Json& effective,
                              expr::ContextRef context, const Frame& frame);
Result<Json> apply_result_selector(const asl::State& state, const Json& result,
                                   expr::ContextRef context, const Frame& frame);
Result<Json> apply_result_path(const asl::PathField& result_path, const Json& raw, Json result);
Result<Json> apply_output_path(const asl::State& state, const Json& value, expr::ContextRef context,
                               const Frame& frame);

}  // namespace sfn::engine
