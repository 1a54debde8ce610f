// "A Task State causes the interpreter to execute the work identified by the state's Resource
// field." Activities: the task waits for a worker (GetActivityTask) and its answer, bounded by
// TimeoutSeconds and HeartbeatSeconds. Every other resource goes to the integrations
// (states/integration_task.cpp).
#include <spdlog/spdlog.h>

#include "engine/activity_broker.h"
#include "engine/interpreter.h"
#include "engine/states/integration_task.h"
#include "sfn/common/arn.h"
#include "sfn/common/ids.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {
namespace {

Result<std::optional<double>> seconds_field(const asl::DynamicValue& v, const char* name,
                                            const char* path_name, const Json& input, StateIO& io) {
  if (!v.present()) return std::optional<double>();
  auto r = io.evaluate_dynamic(v, input, name);
  if (!r) return tl::unexpected(r.error());
  const Json& j = **r;
  if (!j.is_number() || j.get<double>() <= 0) {
    std::string shown = v.path ? v.path->text() + " == " + dump_compact(j) : dump_compact(j);
    const std::string field = v.path ? path_name : name;
    return states_error(io.jsonata() ? errors::kQueryEvaluationError : errors::kRuntime,
                        "The " + field + " field must be a positive integer: " + shown, field);
  }
  return std::optional<double>(j.get<double>());
}

Awaitable<WorkResult<Json>> run_activity(Frame& f, const asl::TaskState& s, const Json& input,
                                         std::optional<double> timeout,
                                         std::optional<double> heartbeat) {
  auto& history = f.run.history;
  auto* broker = f.run.services.activities;
  if (!f.run.services.activity_exists || !f.run.services.activity_exists(s.resource)) {
    co_return states_error(errors::kRuntime, "The activity " + s.resource + " does not exist.");
  }
  auto task = std::make_shared<PendingActivity>(f.run.strand);
  task->activity_arn = s.resource;
  task->input = dump_compact(input);
  // Resumed after a restart: the same task, still waiting for its worker (a retry after it is
  // a new task).
  auto resumed_token = take_resumed(f, &Checkpoint::task_token);
  if (resumed_token) {
    task->token = std::move(*resumed_token);
  } else {
    task->token = make_task_token();
    Json d = Json::object();
    d["resource"] = s.resource;
    put_payload(d, "input", input);
    if (timeout) d["timeoutInSeconds"] = static_cast<std::int64_t>(*timeout);
    if (heartbeat) d["heartbeatInSeconds"] = static_cast<std::int64_t>(*heartbeat);
    history.add(f.chain, EventType::kActivityScheduled, std::move(d));
    update_checkpoint(f, [&task](Checkpoint& cp) { cp.task_token = task->token; });
  }
  task->on_started = [&f](const std::string& worker) {
    Json d = Json::object();
    if (!worker.empty()) d["workerName"] = worker;
    f.run.history.add(f.chain, EventType::kActivityStarted, std::move(d));
  };
  const auto timeout_at = task_deadline(f.run, timeout);
  broker->schedule(task);
  auto [outcome, timed_out] = co_await await_task_token(f, task, timeout_at, heartbeat);
  if (f.scope->cancelled() && !outcome) co_return cancelled_work();
  if (!timed_out.empty()) {
    Json d = Json::object();
    d["error"] = timed_out;
    history.add(f.chain, EventType::kActivityTimedOut, std::move(d));
    co_return states_error(timed_out, "");
  }
  if (outcome->success) {
    Json result = parse_json_or_discarded(outcome->output);
    if (result.is_discarded()) result = outcome->output;
    Json d = Json::object();
    put_payload(d, "output", result);
    history.add(f.chain, EventType::kActivitySucceeded, std::move(d));
    co_return result;
  }
  Json d = Json::object();
  if (!outcome->cause.empty()) d["cause"] = outcome->cause;
  if (!outcome->error.empty()) d["error"] = outcome->error;
  history.add(f.chain, EventType::kActivityFailed, std::move(d));
  co_return states_error(outcome->error, outcome->cause);
}

}  // namespace

Awaitable<WorkResult<Json>> run_task(Frame& f, const asl::TaskState& s, const Json& input,
                                     StateIO& io) {
  auto timeout =
      seconds_field(s.timeout_seconds, "TimeoutSeconds", "TimeoutSecondsPath", input, io);
  if (!timeout) co_return tl::unexpected(timeout.error());
  auto heartbeat =
      seconds_field(s.heartbeat_seconds, "HeartbeatSeconds", "HeartbeatSecondsPath", input, io);
  if (!heartbeat) co_return tl::unexpected(heartbeat.error());
  if (s.typed_resource.kind == asl::ResourceKind::kActivity)
    co_return co_await run_activity(f, s, input, *timeout, *heartbeat);
  co_return co_await run_integration_task(f, s, input, *timeout, *heartbeat, io.visit());
}

}  // namespace sfn::engine
