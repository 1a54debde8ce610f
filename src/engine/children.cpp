#include "engine/children.h"

#include <spdlog/spdlog.h>

#include "sfn/common/states_errors.h"

namespace sfn::engine {

Awaitable<ChildrenResult> run_children(Frame& parent, std::vector<ChildRun> children, size_t limit,
                                       bool muted, size_t tolerated) {
  ChildrenResult result;
  const size_t n = children.size();
  result.outcomes.resize(n);
  result.chains.resize(n);
  if (n == 0) co_return result;
  if (limit == 0 || limit > n) limit = n;

  auto scope = parent.scope->child();
  size_t next = 0, running = 0, finished = 0;
  asio::steady_timer wakeup(parent.run.strand, std::chrono::steady_clock::time_point::max());
  EventChain shared_chain = parent.chain;

  std::function<void()> launch = [&]() {
    while (running < limit && next < n && !scope->cancelled()) {
      const size_t i = next++;
      ++running;
      asio::co_spawn(
          parent.run.strand,
          [&, i]() -> Awaitable<void> {
            Frame child{
                parent.run,
                scope->child(),
                EventChain{shared_chain.source, shared_chain.source, parent.chain.muted || muted},
                parent.variables,
                parent.variable_sizes,
                children[i].map_item,
                false};
            try {
              if (children[i].on_start) children[i].on_start(child);
              result.outcomes[i] = co_await children[i].body(child);
            } catch (const std::exception& e) {
              spdlog::error("child run failed: {}", e.what());
              result.outcomes[i] = GraphOutcome{GraphOutcome::Kind::kFailed, nullptr,
                                                StatesError{errors::kRuntime, e.what()}};
            }
            const auto& o = result.outcomes[i];
            if (o.kind != GraphOutcome::Kind::kCancelled && children[i].on_finish)
              children[i].on_finish(child, o);
            result.chains[i] = child.chain;
            if (limit == 1) shared_chain.integrate(child.chain);
            if (o.kind == GraphOutcome::Kind::kFailed && ++result.failed > tolerated &&
                !result.first_error) {
              result.first_error = o.error;
              result.first_failed = i;
              scope->cancel();
            }
            co_return;
          },
          [&](std::exception_ptr) {
            --running;
            ++finished;
            launch();
            wakeup.cancel();
          });
    }
  };
  launch();
  while (running > 0) {
    co_await wakeup.async_wait(asio::as_tuple(asio::use_awaitable));
    wakeup.expires_at(std::chrono::steady_clock::time_point::max());
  }
  if (!muted)
    for (const auto& c : result.chains) parent.chain.integrate(c);
  co_return result;
}

}  // namespace sfn::engine
