#include "engine/interpreter.h"

#include <spdlog/spdlog.h>

#include "engine/retry_policy.h"
#include "sfn/common/clock.h"
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

std::string event_type(const asl::State& s, const char* suffix) {
  return std::string(asl::state_type_name(s.type)) + suffix;
}

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
                        const std::optional<std::string>& next_override) {
  Json d = Json::object();
  d["name"] = s.name;
  put_payload(d, "output", output);
  f.run.history.add(f.chain, event_type(s, "StateExited"), "stateExitedEventDetails",
                    std::move(d));
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
  if (!f.top_level || !f.run.services.save_checkpoint) return;
  Json cp = Json::object();
  cp["state"] = s.name;
  cp["input"] = raw;
  cp["entered_event_id"] = visit.entered_event_id;
  cp["last_event_id"] = f.run.history.last_id();
  f.run.checkpoint = std::move(cp);
  f.run.services.save_checkpoint(*f.run.record, f.run.checkpoint);
}

Awaitable<Result<Json>> run_work(Frame& f, const asl::State& s, const Json& input,
                                 StateVisit& visit) {
  switch (s.type) {
    case asl::StateType::kTask:
      co_return co_await run_task(f, static_cast<const asl::TaskState&>(s), input, visit);
    case asl::StateType::kParallel:
      co_return co_await run_parallel(f, static_cast<const asl::ParallelState&>(s), input, visit);
    case asl::StateType::kMap:
      co_return co_await run_map(f, static_cast<const asl::MapState&>(s), input, visit);
    default:
      co_return states_error(std::string(errors::kRuntime), "not a task-like state");
  }
}

// Task, Parallel and Map: the work wrapped in Retry and Catch.
Awaitable<StateOutcome> run_with_error_handling(Frame& f, const asl::State& s, const Json& raw,
                                                StateVisit& visit) {
  Json ctx = context_object(f, s, visit);
  auto effective = apply_input_path(s, raw, ctx, f);
  if (!effective) co_return failed(located(effective.error(), s, visit.entered_event_id));
  // Map applies its ItemSelector per item, inside the state's work.
  auto input = s.type == asl::StateType::kMap ? effective : apply_parameters(s, *effective, ctx, f);
  if (!input) co_return failed(located(input.error(), s, visit.entered_event_id));

  std::vector<std::int64_t> attempts(s.retry.size(), 0);
  while (true) {
    auto result = co_await run_work(f, s, *input, visit);
    if (f.scope->cancelled()) co_return cancelled();
    if (result) {
      ctx = context_object(f, s, visit);
      auto selected = apply_result_selector(s, *result, ctx, f);
      Result<Json> out = selected ? apply_result_path(s.result_path, raw, std::move(*selected))
                                  : Result<Json>(tl::unexpected(selected.error()));
      if (out) out = apply_output_path(s, *out, ctx, f);
      if (out) co_return exit_state(f, s, std::move(*out), std::nullopt);
      result = tl::unexpected(out.error());
    }
    StatesError err = result.error();
    if (err.error == kCancelledError) co_return cancelled();

    bool retried = false;
    for (size_t i = 0; i < s.retry.size(); ++i) {
      if (!error_matches(s.retry[i].error_equals, err.error)) continue;
      if (attempts[i] < s.retry[i].max_attempts) {
        double delay = retry_delay_seconds(s.retry[i], attempts[i]);
        ++attempts[i];
        ++visit.retry_count;
        if (!co_await sleep_until(f, std::chrono::steady_clock::now() + scaled(f, delay)))
          co_return cancelled();
        retried = true;
      }
      break;
    }
    if (retried) continue;
    if (s.type == asl::StateType::kParallel || s.type == asl::StateType::kMap)
      f.run.history.add(f.chain, event_type(s, "StateFailed"));

    for (const auto& c : s.catchers) {
      if (!error_matches(c.error_equals, err.error)) continue;
      Json error_output = Json::object();
      error_output["Error"] = err.error;
      error_output["Cause"] = err.cause;
      auto out = apply_result_path(c.result_path, raw, std::move(error_output));
      if (!out) co_return failed(located(out.error(), s, visit.entered_event_id));
      co_return exit_state(f, s, std::move(*out), c.next);
    }
    co_return failed(located(std::move(err), s, visit.entered_event_id));
  }
}

Awaitable<StateOutcome> run_state(Frame& f, const asl::State& s, const Json& raw) {
  StateVisit visit;
  visit.entered_time = now_epoch_seconds();
  const bool resuming = f.top_level && f.run.resume && f.run.resume->state == s.name;
  if (resuming) {
    visit.entered_event_id = f.run.resume->entered_event_id;
  } else {
    Json d = Json::object();
    d["name"] = s.name;
    put_payload(d, "input", raw);
    visit.entered_event_id = f.run.history.add(f.chain, event_type(s, "StateEntered"),
                                               "stateEnteredEventDetails", std::move(d));
    save_checkpoint(f, s, raw, visit);
  }

  Result<StepOutput> step = StepOutput{};
  switch (s.type) {
    case asl::StateType::kTask:
    case asl::StateType::kParallel:
    case asl::StateType::kMap:
      co_return co_await run_with_error_handling(f, s, raw, visit);
    case asl::StateType::kPass:
      step = co_await run_pass(f, static_cast<const asl::PassState&>(s), raw, visit);
      break;
    case asl::StateType::kChoice:
      step = co_await run_choice(f, static_cast<const asl::ChoiceState&>(s), raw, visit);
      break;
    case asl::StateType::kWait:
      step = co_await run_wait(f, static_cast<const asl::WaitState&>(s), raw, visit);
      break;
    case asl::StateType::kSucceed:
      step = co_await run_succeed(f, static_cast<const asl::SucceedState&>(s), raw, visit);
      break;
    case asl::StateType::kFail:
      step = co_await run_fail(f, static_cast<const asl::FailState&>(s), raw, visit);
      break;
  }
  if (f.scope->cancelled()) co_return cancelled();
  if (!step) {
    if (step.error().error == kCancelledError) co_return cancelled();
    co_return failed(located(step.error(), s, visit.entered_event_id));
  }
  if (s.type == asl::StateType::kSucceed) {
    auto o = exit_state(f, s, std::move(step->output), std::nullopt);
    o.kind = StateOutcome::Kind::kEnd;
    co_return o;
  }
  co_return exit_state(f, s, std::move(step->output), step->next);
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
      co_return GraphOutcome{GraphOutcome::Kind::kFailed, nullptr,
                             StatesError{std::string(errors::kRuntime),
                                         "State '" + current + "' does not exist."}};
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
