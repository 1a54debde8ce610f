#include "engine/frame.h"

#include <cmath>

namespace sfn::engine {

ExecutionRun::ExecutionRun(std::shared_ptr<ExecutionRecord> rec, Strand s, RunServices& svc)
    : record(rec),
      durable(rec->state_machine_type == StateMachineType::kStandard),
      strand(std::move(s)),
      services(svc),
      history(rec, *svc.clock, [this](std::int64_t id, const Json& e) {
        if (durable && services.save_event) services.save_event(record->arn, id, e);
      }) {
  history.set_limit(services.max_history_events, [this] {
    if (stop == Stop::kNone) stop = Stop::kHistoryLimit;
    root->cancel();
  });
}

void VariableSizes::set(const std::string& name, std::size_t size) {
  auto [it, inserted] = bytes.try_emplace(name, size);
  if (!inserted) {
    total -= it->second;
    it->second = size;
  }
  total += size;
}

std::size_t VariableSizes::of(const std::string& name) const {
  auto it = bytes.find(name);
  return it == bytes.end() ? 0 : it->second;
}

VariableSizes VariableSizes::measure(const Json& variables) {
  VariableSizes sizes;
  for (const auto& [name, value] : variables.items()) sizes.set(name, dump_compact(value).size());
  return sizes;
}

void expire_at(asio::steady_timer& timer, const ExecutionRun& run, Clock::SteadyTime deadline) {
  timer.expires_after(deadline - steady_now(run));
}

Awaitable<bool> sleep_until(Frame& frame, Clock::SteadyTime deadline) {
  if (frame.scope->cancelled()) co_return false;
  asio::steady_timer timer(frame.run.strand);
  expire_at(timer, frame.run, deadline);
  ScopedTimer reg(*frame.scope, timer);
  co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
  co_return !frame.scope->cancelled();
}

void update_checkpoint(Frame& frame, const std::function<void(Checkpoint&)>& change) {
  if (!frame.top_level || !frame.run.durable || !frame.run.services.save_checkpoint) return;
  change(frame.run.checkpoint);
  frame.run.checkpoint.last_event_id = frame.run.history.last_id();
  frame.run.services.save_checkpoint(*frame.run.record, frame.run.checkpoint);
}

void clear_parked(Frame& frame, const std::function<bool(Checkpoint&)>& clear) {
  if (!frame.top_level || !clear(frame.run.checkpoint)) return;
  if (frame.run.durable && frame.run.services.save_checkpoint)
    frame.run.services.save_checkpoint(*frame.run.record, frame.run.checkpoint);
}

std::chrono::steady_clock::duration scaled(const Frame& frame, double seconds) {
  double s = seconds * frame.run.services.wait_time_scale;
  if (!(s > 0)) return std::chrono::steady_clock::duration::zero();
  if (s > 1e9) s = 1e9;
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(s));
}

}  // namespace sfn::engine
