// Run-time state of one execution (ExecutionRun, strand-confined) and of one path through a
// state graph (Frame: the top level, a Parallel branch or a Map iteration).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "engine/cancel_scope.h"
#include "engine/history.h"
#include "engine/net.h"
#include "sfn/common/clock.h"
#include "sfn/common/result.h"
#include "sfn/engine/checkpoint.h"
#include "sfn/engine/execution_record.h"
#include "sfn/integrations/execution_integrations.h"

namespace sfn::engine {

class ActivityBroker;

// Services an execution uses from the runtime.
struct RunServices {
  double wait_time_scale = 1.0;
  ActivityBroker* activities = nullptr;
  std::function<bool(const std::string&)> activity_exists;
  std::function<void(const ExecutionRecord&, const Checkpoint&)> save_checkpoint;
  std::function<void(const ExecutionRecord&)> save_record;
  std::function<void(const std::string& arn, std::int64_t id, const Json& event)> save_event;
  std::int64_t max_history_events = kMaxHistoryEvents;  // AWS's quota (lower only in tests)
  VariableQuotas variable_quotas;
  std::string region = "us-east-1";  // TaskScheduled's region
  std::shared_ptr<const Clock> clock = system_clock();
  std::shared_ptr<const integrations::Registry> integrations;
};

struct ExecutionRun {
  ExecutionRun(std::shared_ptr<ExecutionRecord> rec, Strand s, RunServices& svc);

  std::shared_ptr<ExecutionRecord> record;
  // Only STANDARD executions are persisted (record, checkpoints, events); an EXPRESS execution
  // lives in memory for as long as the server runs, so nothing is built for the store.
  const bool durable;
  Strand strand;
  RunServices& services;
  std::shared_ptr<CancelScope> root = CancelScope::root();
  HistoryRecorder history;
  Json execution_context;      // $$.Execution
  Json state_machine_context;  // $$.StateMachine
  Checkpoint checkpoint;       // the last saved resume point (top level)
  // Task integrations as this execution sees them (its test case's mocks in front).
  std::unique_ptr<integrations::ExecutionIntegrations> integrations;

  // Why the root scope was cancelled.
  enum class Stop { kNone, kAborted, kTimedOut, kShutdown, kHistoryLimit };
  Stop stop = Stop::kNone;
  std::optional<std::string> abort_error, abort_cause;
  std::function<void()> on_aborted;             // StopExecution's completion
  asio::steady_timer* timeout_timer = nullptr;  // execution TimeoutSeconds watch

  // The checkpoint a restarted execution resumes from (top level only), consumed by the first
  // state run.
  std::optional<Checkpoint> resume;
};

// The size of each stored variable's JSON text, kept beside the variables so that AWS's quotas
// are checked in O(assigned) per Assign instead of re-measuring every stored variable.
struct VariableSizes {
  std::unordered_map<std::string, std::size_t> bytes;
  std::size_t total = 0;

  void set(const std::string& name, std::size_t size);
  std::size_t of(const std::string& name) const;
  static VariableSizes measure(const Json& variables);
};

struct Frame {
  ExecutionRun& run;
  std::shared_ptr<CancelScope> scope;
  EventChain chain;
  Json variables = Json::object();
  VariableSizes variable_sizes;  // of `variables`
  std::optional<Json> map_item;  // {"Index": n, "Value": v}
  bool top_level = false;
};

// The run's clock: `now` for timestamps, `steady_now` for timer deadlines.
inline double now(const ExecutionRun& run) { return run.services.clock->epoch_seconds(); }
inline Clock::SteadyTime steady_now(const ExecutionRun& run) {
  return run.services.clock->steady();
}
// Arms `timer` for `deadline` by the run's clock: for the time left until it.
void expire_at(asio::steady_timer& timer, const ExecutionRun& run, Clock::SteadyTime deadline);

// Sleeps until `deadline` (by the run's clock) unless the frame's scope is cancelled first.
// Returns false when cancelled.
Awaitable<bool> sleep_until(Frame& frame, Clock::SteadyTime deadline);

// Saves the top-level checkpoint after `change` (a Wait deadline, a task token), as of the last
// event recorded. Nothing for a nested frame or an EXPRESS execution.
void update_checkpoint(Frame& frame, const std::function<void(Checkpoint&)>& change);

// Takes a parked value (`field` of Checkpoint) out of the resume point of a restarted top-level
// frame: one attempt of the state resumes from it, a retry after that attempt starts afresh.
// nullopt when absent.
template <class T>
std::optional<T> take_resumed(Frame& frame, std::optional<T> Checkpoint::*field) {
  if (!frame.top_level || !frame.run.resume) return std::nullopt;
  return std::exchange((*frame.run.resume).*field, std::nullopt);
}

// Clears what the saved checkpoint says the state waits for when `clear` changed it (an attempt
// ended): its resume point is the state's entry again, so the events since are not kept.
void clear_parked(Frame& frame, const std::function<bool(Checkpoint&)>& clear);

// Scales a duration in seconds by --wait-time-scale.
std::chrono::steady_clock::duration scaled(const Frame& frame, double seconds);

}  // namespace sfn::engine
