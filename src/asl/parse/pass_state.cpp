// "The Pass State (identified by "Type":"Pass") by default passes its input to its output,
// performing no work." (States Language, "Pass State")
#include "asl/parse/field_values.h"
#include "asl/parse/state_parser.h"

namespace sfn::asl::detail {

std::unique_ptr<State> parse_pass(StateParse& p) {
  auto s = std::make_unique<PassState>();
  read_transition(p, *s);
  read_input_output(p, *s);
  read_result_path(p, *s);
  read_parameters(p, *s);
  read_assign(p, *s);
  if (const Json* v = p.r.get("Result")) s->result = *v;
  return s;
}

}  // namespace sfn::asl::detail
