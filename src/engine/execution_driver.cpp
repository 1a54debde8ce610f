#include "engine/execution_driver.h"

#include <spdlog/spdlog.h>

#include "engine/interpreter.h"
#include "sfn/common/clock.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {
namespace {

void finish(ExecutionRun& run, ExecutionStatus status, std::optional<std::string> output,
            std::optional<std::string> error, std::optional<std::string> cause) {
  std::vector<std::function<void()>> waiters;
  {
    std::lock_guard lock(run.record->mutex);
    run.record->status = status;
    run.record->output = std::move(output);
    run.record->error = std::move(error);
    run.record->cause = std::move(cause);
    run.record->stop_date = now(run);
    waiters.swap(run.record->on_finish);
  }
  if (run.durable && run.services.save_record) run.services.save_record(*run.record);
  for (auto& w : waiters) w();
}

Json error_details(const std::optional<std::string>& error,
                   const std::optional<std::string>& cause) {
  Json d = Json::object();
  if (cause) d["cause"] = *cause;
  if (error) d["error"] = *error;
  return d;
}

std::optional<std::string> non_empty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

// Execution-level TimeoutSeconds: cancels the whole run when it expires.
Awaitable<void> watch_timeout(std::shared_ptr<ExecutionRun> run, double seconds) {
  Frame f{*run, run->root, {}, Json::object(), {}, std::nullopt, false};
  double elapsed = now(*run) - run->record->start_date;
  double remaining = seconds - (elapsed > 0 ? elapsed : 0);
  asio::steady_timer timer(run->strand, scaled(f, remaining > 0 ? remaining : 0));
  run->timeout_timer = &timer;
  co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
  run->timeout_timer = nullptr;
  if (run->root->cancelled()) co_return;
  run->stop = ExecutionRun::Stop::kTimedOut;
  run->root->cancel();
}

}  // namespace

Awaitable<void> drive_execution(std::shared_ptr<ExecutionRun> run, bool resuming) {
  const auto& machine = *run->record->machine;
  Json input = parse_json_or_discarded(run->record->input);
  if (!resuming) {
    EventChain start_chain;
    Json d = Json::object();
    put_payload(d, "input", input);
    d["roleArn"] = run->record->role_arn;
    run->history.add(start_chain, EventType::kExecutionStarted, std::move(d));
  }
  if (machine.timeout_seconds)
    asio::co_spawn(run->strand, watch_timeout(run, double(*machine.timeout_seconds)),
                   asio::detached);

  Frame frame{*run, run->root, {}, Json::object(), {}, std::nullopt, true};
  if (resuming && run->resume) {
    frame.chain = EventChain{run->resume->entered_event_id, run->resume->entered_event_id};
    frame.variables = run->resume->variables;
    frame.variable_sizes = VariableSizes::measure(frame.variables);
  }
  GraphOutcome outcome;
  try {
    outcome = co_await run_graph(frame, machine.graph, input);
  } catch (const std::exception& e) {
    spdlog::error("execution {} failed unexpectedly: {}", run->record->arn, e.what());
    outcome =
        GraphOutcome{GraphOutcome::Kind::kFailed, nullptr, StatesError{errors::kRuntime, e.what()}};
  }
  if (run->timeout_timer) run->timeout_timer->cancel();
  auto& history = run->history;
  if (history.limit_reached()) {  // its ExecutionFailed event is already the last one
    finish(*run, ExecutionStatus::kFailed, std::nullopt,
           std::string(HistoryRecorder::limit_error()), history.limit_cause());
  } else
    switch (outcome.kind) {
      case GraphOutcome::Kind::kSucceeded: {
        Json d = Json::object();
        put_payload(d, "output", outcome.output);
        history.add(frame.chain, EventType::kExecutionSucceeded, std::move(d));
        finish(*run, ExecutionStatus::kSucceeded, dump_compact(outcome.output), std::nullopt,
               std::nullopt);
        break;
      }
      case GraphOutcome::Kind::kFailed: {
        auto error = non_empty(outcome.error.error), cause = non_empty(outcome.error.cause);
        history.add(frame.chain, EventType::kExecutionFailed, error_details(error, cause));
        finish(*run, ExecutionStatus::kFailed, std::nullopt, error, cause);
        break;
      }
      case GraphOutcome::Kind::kCancelled:
        if (run->stop == ExecutionRun::Stop::kTimedOut) {
          std::optional<std::string> error{errors::kTimeout};
          history.add(frame.chain, EventType::kExecutionTimedOut,
                      error_details(error, std::nullopt));
          finish(*run, ExecutionStatus::kTimedOut, std::nullopt, error, std::nullopt);
        } else if (run->stop == ExecutionRun::Stop::kAborted) {
          history.add(frame.chain, EventType::kExecutionAborted,
                      error_details(run->abort_error, run->abort_cause));
          finish(*run, ExecutionStatus::kAborted, std::nullopt, run->abort_error, run->abort_cause);
        }
        // kShutdown: stays RUNNING in the store and resumes at the next start.
        break;
    }
  if (run->on_aborted) {
    auto done = std::move(run->on_aborted);
    done();
  }
}

}  // namespace sfn::engine
