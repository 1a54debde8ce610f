// "The Parallel State causes parallel execution of branches." Results come back in branch
// order; the first failing branch cancels the others.
#include "engine/children.h"
#include "engine/interpreter.h"

namespace sfn::engine {

Awaitable<WorkResult<Json>> run_parallel(Frame& f, const asl::ParallelState& s, const Json& input,
                                         StateIO&) {
  f.run.history.add(f.chain, EventType::kParallelStateStarted);
  std::vector<ChildRun> children;
  for (const auto& branch : s.branches) {
    ChildRun c;
    c.body = [&branch, &input](Frame& child) { return run_graph(child, *branch, input); };
    children.push_back(std::move(c));
  }
  auto r = co_await run_children(f, std::move(children), 0);
  if (f.scope->cancelled()) co_return cancelled_work();
  if (r.first_error) co_return tl::unexpected(*r.first_error);
  f.run.history.add(f.chain, EventType::kParallelStateSucceeded, nullptr, /*update_source=*/false);
  Json out = Json::array();
  for (auto& o : r.outcomes) out.push_back(std::move(o.output));
  co_return out;
}

}  // namespace sfn::engine
