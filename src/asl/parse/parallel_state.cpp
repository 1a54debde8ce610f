// "The Parallel State (identified by "Type":"Parallel") causes parallel execution of
// "branches"." "A Parallel State MUST contain a field named "Branches" which is an array whose
// elements MUST be objects. Each object MUST contain fields named "States" and "StartAt" whose
// meanings are exactly like those in the top level of a State Machine." (States Language)
#include "asl/parse/field_values.h"
#include "asl/parse/state_parser.h"

namespace sfn::asl::detail {

std::unique_ptr<State> parse_parallel(StateParse& p) {
  auto s = std::make_unique<ParallelState>();
  auto& r = p.r;
  r.require({"Branches"});
  read_transition(p, *s);
  read_input_output(p, *s);
  read_result_path(p, *s);
  read_parameters(p, *s);
  read_result_selector(p, *s);
  read_assign(p, *s);
  read_error_handling(p, *s);

  const Json* branches = r.array_field("Branches");
  if (!branches) return s;
  if (branches->empty()) {
    p.ctx.diags.schema("The field 'Branches' must contain at least 1 element", r.at("Branches"));
  }
  for (std::size_t i = 0; i < branches->size(); ++i) {
    const std::string loc = index_location(r.at("Branches"), i);
    const Json& b = (*branches)[i];
    if (!b.is_object()) {
      p.ctx.diags.schema("The value for the field 'Branches' must be a OBJECT", loc);
      continue;
    }
    FieldReader br(b, loc, p.ctx.diags);
    auto graph = parse_graph(br, p.ql, p.ctx, /*top_level=*/false);
    if (graph) s->branches.push_back(std::move(graph));
  }
  return s;
}

}  // namespace sfn::asl::detail
