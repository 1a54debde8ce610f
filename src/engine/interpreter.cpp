#include "engine/interpreter.h"

#include <spdlog/spdlog.h>

#include "engine/retry_policy.h"
#include "sfn/common/clock.h"
#include "sfn/common/ids.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {
namespace {

struct StateOutcome {
  enum class Kind { kNext, kEnd, kFailed, kCancelled };
  Kind kind = Kind::kEnd;
  Json output;
  std::string next;
  StatesError error;
};

// AWS's payload limit: 256 KiB of UTF-8 per state input/output.
constexpr std::size_t kMaxPayloadBytes = 256 * 1024;

// Run-time errors carry the state they happened in, as AWS words them.
StatesError located(StatesError e, const asl::State& s, std::int64_t entered_id) {
  static constexpr std::string_view kPrefix = "An error occurred while executing the state";
  if ((e.error == errors::kRuntime || e.error == errors::kQueryEvaluationError) &&
      e.cause.rfind(kPrefix, 0) != 0) {
    e.cause = std::string(kPrefix) + " '" + s.name + "' (entered at the event id #" +
              std::to_string(entered_id) + "). " + e.cause;
  }
  return e;
}

StateOutcome failed(StatesError e) {
  StateOutcome o;
  o.kind = StateOutcome::Kind::kFailed;
  o.error = std::move(e);
  return o;
}

StateOutcome cancelled() {
  StateOutcome o;
  o.kind = StateOutcome::Kind::kCancelled;
  return o;
}

// Emits the "exited" event and picks the transition.
StateOutcome exit_state(Frame& f, const asl::State& s, Json output,
                        const std::optional<std::string>& next_override,
                        const std::optional<Json>& assigned) {
  std::string text = dump_compact(output);
  if (text.size() > kMaxPayloadBytes) {
    return failed(StatesError{errors::kDataLimitExceeded,
                              "The state/task '" + s.name +
                                  "' returned a result with a size exceeding the maximum number "
                                  "of bytes service limit."});
  }
  Json d = Json::object();
  if (assigned && !assigned->empty()) {
    Json shown = Json::object();
    for (const auto& [name, value] : assigned->items()) {
      std::string text = dump_compact(value);
      f.variable_sizes.set(name, text.size());
      shown[name] = std::move(text);
      f.variables[name] = value;
    }
    d["assignedVariables"] = std::move(shown);
    d["assignedVariablesDetails"] = Json{{"truncated", false}};
  }
  d["name"] = s.name;
  d["output"] = std::move(text);
  d["outputDetails"] = Json{{"truncated", false}};
  f.run.history.add(f.chain, state_exited(s.type), std::move(d));
  StateOutcome o;
  o.output = std::move(output);
  if (next_override) {
    o.kind = StateOutcome::Kind::kNext;
    o.next = *next_override;
  } else if (s.end || !s.next) {
    o.kind = StateOutcome::Kind::kEnd;
  } else {
    o.kind = StateOutcome::Kind::kNext;
    o.next = *s.next;
  }
  return o;
}

void save_checkpoint(Frame& f, const asl::State& s, const Json& raw, const StateVisit& visit) {
  if (!f.top_level || !f.run.durable || !f.run.services.save_checkpoint) return;
  Checkpoint cp;
  cp.state = s.name;
  cp.input = raw;
  cp.entered_event_id = visit.entered_event_id;
  cp.entered_previous_id = visit.entered_previous_id;
  cp.last_event_id = f.run.history.last_id();
  cp.variables = f.variables;
  if (f.run.integrations) cp.mock_calls = f.run.integrations->counters();
  f.run.checkpoint = std::move(cp);
  f.run.services.save_checkpoint(*f.run.record, f.run.checkpoint);
}

Awaitable<WorkResult<Json>> run_work(Frame& f, const asl::State& s, const Json& input,
                                     StateIO& io) {
  switch (s.type) {
    case asl::StateType::kTask:
      co_return co_await run_task(f, static_cast<const asl::TaskState&>(s), input, io);
    case asl::StateType::kParallel:
      co_return co_await run_parallel(f, static_cast<const asl::ParallelState&>(s), input, io);
    case asl::StateType::kMap:
      co_return co_await run_map(f, static_cast<const asl::MapState&>(s), input, io);
    default:
      co_return states_error(errors::kRuntime, "not a task-like state");
  }
}

// JSONata evaluation errors are recorded as an EvaluationFailed event (previousEventId: the
// event before the state was entered), and the chain continues from it.
void record_evaluation_failure(Frame& f, const asl::State& s, const StateVisit& visit,
                               StatesError& err) {
  if (err.error != errors::kQueryEvaluationError || err.evaluation_recorded) return;
  err.evaluation_recorded = true;
  Json d = Json::object();
  d["cause"] = err.cause;
  d["error"] = err.error;
  if (!err.location.empty()) d["location"] = err.location;
  d["state"] = s.name;
  // A Wait fails inside its own work (after entry); other states while processing their
  // input/output, which AWS links to the event before the state was entered.
  std::int64_t previous =
      s.type == asl::StateType::kWait ? visit.entered_event_id : visit.entered_previous_id;
  EventChain chain{previous, previous};
  f.run.history.add(chain, EventType::kEvaluationFailed, std::move(d));
  f.chain.source = chain.source;
}

// The state's input for its work: JSONPath InputPath + Parameters, or JSONata Arguments. Map
// applies its ItemSelector per item, inside its work.
Result<Json> work_input(Frame& f, const asl::State& s, StateIO& io) {
  if (io.jsonata()) {
    if (s.arguments) return io.evaluate(*s.arguments, io.raw(), "Arguments");
    return io.raw();
  }
  auto effective = apply_input_path(s, io.raw(), io.context(), f);
  if (!effective || s.type == asl::StateType::kMap || !s.parameters) return effective;
  return io.evaluate(*s.parameters, *effective, "Parameters");
}

// Output processing of a successful result, with its Assign.
Result<StateOutcome> finish_result(Frame& f, const asl::State& s, StateIO& io, Json result) {
  io.refresh_context();
  if (io.jsonata()) {
    auto assigned = io.evaluate_assign(s.assign, result, &result);
    if (!assigned) return tl::unexpected(assigned.error());
    auto out = io.jsonata_output(s.output, result, &result);
    if (!out) return tl::unexpected(out.error());
    return exit_state(f, s, std::move(*out), std::nullopt, *assigned);
  }
  auto selected = apply_result_selector(s, result, io.context(), f);
  if (!selected) return tl::unexpected(selected.error());
  auto assigned = io.evaluate_assign(s.assign, *selected);
  if (!assigned) return tl::unexpected(assigned.error());
  auto out = apply_result_path(s.result_path, io.raw(), std::move(*selected));
  if (out) out = apply_output_path(s, *out, io.context(), f);
  if (!out) return tl::unexpected(out.error());
  return exit_state(f, s, std::move(*out), std::nullopt, *assigned);
}

// A Catcher's output: the error output through ResultPath (JSONPath) or Output (JSONata).
Result<StateOutcome> finish_caught(Frame& f, const asl::State& s, StateIO& io,
                                   const asl::Catcher& c, const StatesError& err) {
  Json error_output = Json::object();
  error_output["Error"] = err.error;
  error_output["Cause"] = err.cause;
  auto assigned = io.evaluate_assign(c.assign, error_output, nullptr, &error_output);
  if (!assigned) return tl::unexpected(assigned.error());
  Result<Json> out = io.jsonata()
                         ? io.jsonata_output(c.output, error_output, nullptr, &error_output)
                         : apply_result_path(c.result_path, io.raw(), error_output);
  if (!out) return tl::unexpected(out.error());
  return exit_state(f, s, std::move(*out), c.next, *assigned);
}

// Task, Parallel and Map: the work wrapped in Retry and Catch.
Awaitable<StateOutcome> run_with_error_handling(Frame& f, const asl::State& s, StateIO& io) {
  StateVisit& visit = io.visit();
  auto input = work_input(f, s, io);
  if (!input) {
    auto err = located(input.error(), s, visit.entered_event_id);
    record_evaluation_failure(f, s, visit, err);
    co_return failed(std::move(err));
  }

  std::vector<std::int64_t> attempts(s.retry.size(), 0);
  while (true) {
    auto result = co_await run_work(f, s, *input, io);
    if (f.scope->cancelled()) co_return cancelled();
    // Output processing that fails with States.Runtime (a path selecting nothing) ends the
    // state: AWS neither retries nor catches it, even for a Catcher naming States.Runtime.
    bool handled = true;
    if (result) {
      auto done = finish_result(f, s, io, std::move(*result));
      if (done) co_return std::move(*done);
      handled = done.error().error != errors::kRuntime;
      result = tl::unexpected(WorkStop(done.error()));
    }
    if (result.error().cancelled()) co_return cancelled();
    StatesError err = result.error().error();

    bool retried = false;
    for (size_t i = 0; handled && i < s.retry.size(); ++i) {
      if (!error_matches(s.retry[i].error_equals, err)) continue;
      if (attempts[i] < s.retry[i].max_attempts) {
        double delay = retry_delay_seconds(s.retry[i], attempts[i]);
        ++attempts[i];
        ++visit.retry_count;
        if (!co_await sleep_until(f, steady_now(f.run) + scaled(f, delay))) co_return cancelled();
        retried = true;
      }
      break;
    }
    if (retried) continue;
    err = located(std::move(err), s, visit.entered_event_id);
    if (s.type == asl::StateType::kParallel || s.type == asl::StateType::kMap)
      record_evaluation_failure(f, s, visit, err);
    // A Map's own run-time validation failure (States.Runtime, marked by the Map) ends the
    // execution without a MapStateFailed event.
    const bool own_runtime_failure = err.error == errors::kRuntime && err.evaluation_recorded;
    if ((s.type == asl::StateType::kParallel || s.type == asl::StateType::kMap) &&
        !own_runtime_failure)
      f.run.history.add(f.chain, s.type == asl::StateType::kParallel
                                     ? EventType::kParallelStateFailed
                                     : EventType::kMapStateFailed);
    for (const auto& c : s.catchers) {
      if (!handled || !error_matches(c.error_equals, err)) continue;
      auto done = finish_caught(f, s, io, c, err);
      if (!done) co_return failed(located(done.error(), s, visit.entered_event_id));
      co_return std::move(*done);
    }
    if (s.type == asl::StateType::kTask) record_evaluation_failure(f, s, visit, err);
    co_return failed(std::move(err));
  }
}

Awaitable<StateOutcome> run_state(Frame& f, const asl::State& s, const Json& raw) {
  StateVisit visit;
  visit.entered_time = now(f.run);
  const bool resuming = f.top_level && f.run.resume && f.run.resume->state == s.name;
  if (resuming) {
    visit.entered_event_id = f.run.resume->entered_event_id;
    visit.entered_previous_id = f.run.resume->entered_previous_id;
  } else {
    Json d = Json::object();
    d["name"] = s.name;
    put_payload(d, "input", raw);
    visit.entered_previous_id = f.chain.source;
    visit.entered_event_id = f.run.history.add(f.chain, state_entered(s.type), std::move(d));
    save_checkpoint(f, s, raw, visit);
  }
  if (s.type == asl::StateType::kTask &&
      static_cast<const asl::TaskState&>(s).typed_resource.pattern ==
          asl::IntegrationPattern::kWaitForTaskToken) {
    // $$.Task.Token: the callback token the Parameters / Arguments hand out.
    if (resuming && f.run.resume->task_token) {
      visit.task_token = *f.run.resume->task_token;
    } else {
      visit.task_token = make_task_token();
      update_checkpoint(f, [&visit](Checkpoint& cp) { cp.task_token = visit.task_token; });
    }
  }
  StateIO io(f, s, visit, raw);

  WorkResult<StepOutput> step = StepOutput{};
  switch (s.type) {
    case asl::StateType::kTask:
    case asl::StateType::kParallel:
    case asl::StateType::kMap:
      co_return co_await run_with_error_handling(f, s, io);
    case asl::StateType::kPass:
      step = co_await run_pass(f, static_cast<const asl::PassState&>(s), io);
      break;
    case asl::StateType::kChoice:
      step = co_await run_choice(f, static_cast<const asl::ChoiceState&>(s), io);
      break;
    case asl::StateType::kWait:
      step = co_await run_wait(f, static_cast<const asl::WaitState&>(s), io);
      break;
    case asl::StateType::kSucceed:
      step = co_await run_succeed(f, static_cast<const asl::SucceedState&>(s), io);
      break;
    case asl::StateType::kFail:
      step = co_await run_fail(f, static_cast<const asl::FailState&>(s), io);
      break;
  }
  if (f.scope->cancelled()) co_return cancelled();
  if (!step) {
    if (step.error().cancelled()) co_return cancelled();
    auto err = located(step.error().error(), s, visit.entered_event_id);
    record_evaluation_failure(f, s, visit, err);
    co_return failed(std::move(err));
  }
  if (s.type == asl::StateType::kSucceed) {
    auto o = exit_state(f, s, std::move(step->output), std::nullopt, std::nullopt);
    o.kind = StateOutcome::Kind::kEnd;
    co_return o;
  }
  co_return exit_state(f, s, std::move(step->output), step->next, step->assigned);
}

}  // namespace

Awaitable<GraphOutcome> run_graph(Frame& f, const asl::StateGraph& graph, Json input) {
  std::string current = graph.start_at;
  if (f.top_level && f.run.resume) {
    current = f.run.resume->state;
    input = f.run.resume->input;
  }
  while (true) {
    const asl::State* s = graph.find(current);
    if (!s) {
      co_return GraphOutcome{
          GraphOutcome::Kind::kFailed, nullptr,
          StatesError{errors::kRuntime, "State '" + current + "' does not exist."}};
    }
    StateOutcome o = co_await run_state(f, *s, input);
    if (f.top_level) f.run.resume.reset();
    switch (o.kind) {
      case StateOutcome::Kind::kNext:
        current = o.next;
        input = std::move(o.output);
        continue;
      case StateOutcome::Kind::kEnd:
        co_return GraphOutcome{GraphOutcome::Kind::kSucceeded, std::move(o.output), {}};
      case StateOutcome::Kind::kFailed:
        co_return GraphOutcome{GraphOutcome::Kind::kFailed, nullptr, std::move(o.error)};
      case StateOutcome::Kind::kCancelled:
        co_return GraphOutcome{GraphOutcome::Kind::kCancelled, nullptr, {}};
    }
  }
}

}  // namespace sfn::engine
