// Static checks over one parsed StateGraph (the top level, a branch or a Map processor): every
// transition target exists, every state is reachable from StartAt, and there is a terminal state.
#pragma once

#include <set>
#include <string>

#include "asl/parse/diagnostics.h"
#include "sfn/asl/model/state_machine.h"

namespace sfn::asl::detail {

// `declared` = every state name in the graph's States object (also those that failed to parse);
// `complete` = every declared state parsed, so reachability and end-state checks are reliable.
void check_graph(const StateGraph& graph, const std::string& location,
                 const std::set<std::string, std::less<>>& declared, bool complete,
                 Diagnostics& diags);

}  // namespace sfn::asl::detail
