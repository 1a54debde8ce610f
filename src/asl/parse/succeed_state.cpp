// "The Succeed State (identified by "Type":"Succeed") either terminates a state machine
// successfully, ends a branch of a Parallel State, or ends an iteration of a Map State."
// (States Language, "Succeed State") — no Next, no End.
#include "asl/parse/state_parser.h"

namespace sfn::asl::detail {

std::unique_ptr<State> parse_succeed(StateParse& p) {
  auto s = std::make_unique<SucceedState>();
  read_input_output(p, *s);
  return s;
}

}  // namespace sfn::asl::detail
