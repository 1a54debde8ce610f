// Runs child state graphs (Parallel branches, Map iterations) as coroutines on the execution's
// strand, at most `limit` at a time, and waits for all of them. The first failure cancels the
// siblings that are still running.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "engine/interpreter.h"

namespace sfn::engine {

struct ChildRun {
  std::function<Awaitable<GraphOutcome>(Frame&)> body;
  std::optional<Json> map_item;
  std::function<void(Frame&)> on_start;                        // before body (iteration events)
  std::function<void(Frame&, const GraphOutcome&)> on_finish;  // after body, not when cancelled
};

struct ChildrenResult {
  std::vector<GraphOutcome> outcomes;      // in input order
  std::optional<StatesError> first_error;  // the failure that exceeded the tolerance
  std::optional<size_t> first_failed;
  size_t failed = 0;  // children that failed (tolerated or not)
  std::vector<EventChain> chains;
};

// With limit 1 each child starts its event chain where the previous child left it (as AWS
// records MaxConcurrency 1 histories); otherwise every child starts at the parent's source.
// `muted`: the children's events are not recorded (distributed Map child executions).
// `tolerated`: how many children may fail before the run fails and the others are cancelled
// (a distributed Map's ToleratedFailureCount/Percentage; 0 for Parallel and inline Map).
Awaitable<ChildrenResult> run_children(Frame& parent, std::vector<ChildRun> children, size_t limit,
                                       bool muted = false, size_t tolerated = 0);

}  // namespace sfn::engine
