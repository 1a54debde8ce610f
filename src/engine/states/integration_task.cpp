#include "engine/states/integration_task.h"

#include <deque>

#include "engine/activity_broker.h"
#include "engine/history.h"
#include "engine/interpreter.h"
#include "sfn/common/states_errors.h"

namespace sfn::engine {
namespace {

using integrations::TaskReport;
using Kind = TaskReport::Kind;

constexpr double kDefaultTaskTimeout = 99999999;

// Reports of one attempt, handed from the integration's thread to the execution's strand.
struct Attempt {
  explicit Attempt(Strand s) : strand(std::move(s)) {}
  Strand strand;
  // Strand-confined.
  std::deque<TaskReport> reports;
  asio::steady_timer* waiter = nullptr;
  bool alive = true;
};

// Writes the events of one attempt, in the Task* or the LambdaFunction* family.
class TaskEvents {
 public:
  TaskEvents(Frame& f, const asl::TaskResource& r)
      : f_(f), lambda_(r.kind == asl::ResourceKind::kLambdaFunction) {
    if (!lambda_) {
      resource_type_ = r.event_resource_type();
      resource_ = r.event_resource();
    }
  }

  void scheduled(const asl::TaskResource& r, const std::string& region, const Json& parameters,
                 std::optional<double> timeout, std::optional<double> heartbeat) {
    Json d = base();
    if (lambda_) {
      d["resource"] = r.arn;
      put_payload(d, "input", parameters);
    } else {
      d["region"] = region;
      d["parameters"] = dump_compact(parameters);
    }
    if (timeout) d["timeoutInSeconds"] = static_cast<std::int64_t>(*timeout);
    if (heartbeat && !lambda_) d["heartbeatInSeconds"] = static_cast<std::int64_t>(*heartbeat);
    add(EventType::kTaskScheduled, EventType::kLambdaFunctionScheduled, std::move(d));
  }

  void report(const TaskReport& r) {
    Json d = base();
    switch (r.kind) {
      case Kind::kStarted:
        return add(EventType::kTaskStarted, EventType::kLambdaFunctionStarted, std::move(d));
      case Kind::kSubmitted:
        put_payload(d, "output", r.output);
        // A function ARN has no callback or job pattern: only tasks are submitted.
        return add(EventType::kTaskSubmitted, EventType::kTaskSubmitted, std::move(d));
      case Kind::kSucceeded:
        put_payload(d, "output", r.output);
        return add(EventType::kTaskSucceeded, EventType::kLambdaFunctionSucceeded, std::move(d));
      case Kind::kFailed:
        return add(EventType::kTaskFailed, EventType::kLambdaFunctionFailed,
                   failure(std::move(d), r.error, r.cause));
      case Kind::kStartFailed:
        return add(EventType::kTaskStartFailed, EventType::kLambdaFunctionStartFailed,
                   failure(std::move(d), r.error, r.cause));
      case Kind::kSubmitFailed:
        return add(EventType::kTaskSubmitFailed, EventType::kLambdaFunctionFailed,
                   failure(std::move(d), r.error, r.cause));
      case Kind::kTimedOut:
        return add(EventType::kTaskTimedOut, EventType::kLambdaFunctionTimedOut,
                   failure(std::move(d), r.error, r.cause));
    }
  }

  void timed_out(std::string_view error) {
    add(EventType::kTaskTimedOut, EventType::kLambdaFunctionTimedOut, failure(base(), error, ""));
  }

 private:
  Json base() const {
    Json d = Json::object();
    if (!lambda_) {
      d["resourceType"] = resource_type_;
      d["resource"] = resource_;
    }
    return d;
  }
  static Json failure(Json d, std::string_view error, const std::string& cause) {
    if (!error.empty()) d["error"] = error;
    if (!cause.empty()) d["cause"] = cause;
    return d;
  }
  // One event of the attempt's family: `task` for Task*, `lambda` for LambdaFunction*.
  void add(EventType task, EventType lambda, Json details) {
    f_.run.history.add(f_.chain, lambda_ ? lambda : task, std::move(details));
  }

  Frame& f_;
  bool lambda_;
  std::string resource_type_, resource_;
};

}  // namespace

Clock::SteadyTime task_deadline(const ExecutionRun& run, std::optional<double> timeout) {
  return steady_now(run) +
         std::chrono::duration_cast<std::chrono::steady_clock::duration>(
             std::chrono::duration<double>(timeout.value_or(kDefaultTaskTimeout)));
}

Awaitable<TokenWait> await_task_token(Frame& f, const std::shared_ptr<PendingActivity>& task,
                                      Clock::SteadyTime timeout_at,
                                      std::optional<double> heartbeat) {
  ActivityBroker& broker = *f.run.services.activities;
  TokenWait wait;
  while (true) {
    wait.outcome = broker.outcome(*task);
    if (wait.outcome) break;
    const auto now = steady_now(f.run);
    auto deadline = timeout_at;
    if (heartbeat) {
      const auto beat_at = broker.last_heartbeat(*task) +
                           std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                               std::chrono::duration<double>(*heartbeat));
      if (beat_at <= now) {
        wait.timed_out = errors::kHeartbeatTimeout;
        break;
      }
      deadline = std::min(deadline, beat_at);
    }
    if (timeout_at <= now) {
      wait.timed_out = errors::kTimeout;
      break;
    }
    asio::steady_timer timer(f.run.strand);
    expire_at(timer, f.run, deadline);
    ScopedTimer reg(*f.scope, timer);
    task->waiter = &timer;
    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    task->waiter = nullptr;
    if (f.scope->cancelled()) break;
  }
  task->alive = false;
  broker.withdraw(task);
  co_return wait;
}

namespace {

// One call of the integration, its reports written as events, bounded by `timeout_at`. With
// `callback`, the call's success is the submission (TaskSubmitted) and its output is returned.
// With `run_job`, the submission is checkpointed; a request carrying the earlier submission
// (resumed after a restart) writes no TaskScheduled again.
Awaitable<WorkResult<Json>> call_integration(Frame& f, TaskEvents& events,
                                             const integrations::TaskRequest& request,
                                             bool callback, bool run_job,
                                             Clock::SteadyTime timeout_at) {
  if (request.submitted.is_null()) {
    events.scheduled(*request.resource, request.region, request.parameters, request.timeout_seconds,
                     request.heartbeat_seconds);
  }
  auto attempt = std::make_shared<Attempt>(f.run.strand);
  integrations::TaskListener listener = [attempt](TaskReport report) {
    asio::post(attempt->strand, [attempt, report = std::move(report)]() mutable {
      if (!attempt->alive) return;
      attempt->reports.push_back(std::move(report));
      if (attempt->waiter) attempt->waiter->cancel();
    });
  };
  integrations::TaskCanceller cancel = f.run.integrations->run(request, listener);

  std::optional<TaskReport> final_report;
  bool timed_out = false;
  while (!final_report) {
    while (!attempt->reports.empty()) {
      TaskReport report = std::move(attempt->reports.front());
      attempt->reports.pop_front();
      const bool final = report.final();
      if (callback && report.kind == Kind::kSucceeded) report.kind = Kind::kSubmitted;
      events.report(report);
      if (run_job && report.kind == Kind::kSubmitted)
        update_checkpoint(f, [&report](Checkpoint& cp) { cp.task_submitted = report.output; });
      if (final) {
        final_report = std::move(report);
        break;
      }
    }
    if (final_report) break;
    if (steady_now(f.run) >= timeout_at) {
      timed_out = true;
      break;
    }
    asio::steady_timer timer(f.run.strand);
    expire_at(timer, f.run, timeout_at);
    ScopedTimer reg(*f.scope, timer);
    attempt->waiter = &timer;
    co_await timer.async_wait(asio::as_tuple(asio::use_awaitable));
    attempt->waiter = nullptr;
    if (f.scope->cancelled()) break;
  }
  attempt->alive = false;
  if (run_job)
    clear_parked(f, [](Checkpoint& cp) {
      return std::exchange(cp.task_submitted, std::nullopt).has_value();
    });
  if (!final_report) {
    // A server shutting down leaves the work running (a child execution, a job): the task
    // resumes it at the next start.
    if (cancel && f.run.stop != ExecutionRun::Stop::kShutdown) cancel();
    if (!timed_out) co_return cancelled_work();
    events.timed_out(errors::kTimeout);
    co_return states_error(errors::kTimeout, "");
  }
  if (final_report->kind == Kind::kSucceeded || final_report->kind == Kind::kSubmitted)
    co_return std::move(final_report->output);
  StatesError error{final_report->error, final_report->cause};
  error.reported_by_task = true;
  co_return tl::unexpected(std::move(error));
}

// Waits for SendTaskSuccess/Failure on the task's token, bounded by `timeout_at` and by
// HeartbeatSeconds between SendTaskHeartbeat calls.
Awaitable<WorkResult<Json>> await_callback(Frame& f, TaskEvents& events,
                                           std::shared_ptr<PendingActivity> pending,
                                           Clock::SteadyTime timeout_at,
                                           std::optional<double> heartbeat) {
  auto [outcome, timed_out] = co_await await_task_token(f, pending, timeout_at, heartbeat);
  if (!outcome && timed_out.empty()) co_return cancelled_work();
  if (!outcome) {
    events.timed_out(timed_out);
    co_return states_error(timed_out, "");
  }
  if (outcome->success) {
    Json result = parse_json_or_discarded(outcome->output);
    if (result.is_discarded()) result = outcome->output;
    events.report(TaskReport::succeeded(result));
    co_return result;
  }
  events.report(TaskReport::failed(outcome->error, outcome->cause));
  StatesError error{outcome->error, outcome->cause};
  error.reported_by_task = true;
  co_return tl::unexpected(std::move(error));
}

}  // namespace

Awaitable<WorkResult<Json>> run_integration_task(Frame& f, const asl::TaskState& s,
                                                 const Json& input, std::optional<double> timeout,
                                                 std::optional<double> heartbeat,
                                                 const StateVisit& visit) {
  const asl::TaskResource& resource = s.typed_resource;
  integrations::TaskRequest request;
  request.resource = &resource;
  request.parameters = input;
  request.region = resource.region.empty() ? f.run.services.region : resource.region;
  request.task_token = visit.task_token.value_or("");
  request.timeout_seconds = timeout;
  request.heartbeat_seconds = heartbeat;
  request.execution_arn = f.run.record->arn;
  request.state_name = s.name;

  auto& integrations = *f.run.integrations;
  if (!integrations.can_run(request)) {
    co_return states_error(
        errors::kRuntime,
        "The resource '" + s.resource +
            "' cannot be run: sfn-local has no integration configured for it, and the "
            "execution's mock test case (StartExecution on <stateMachineArn>#<TestCase> with "
            "--mock-config) has no mocked response for state '" +
            s.name + "'.");
  }

  // .waitForTaskToken: the call hands the token out, the task's result comes back through
  // SendTaskSuccess/Failure (the token registered first: a fast worker may answer before the
  // call itself has returned). A mocked answer is the final result.
  const bool callback = resource.pattern == asl::IntegrationPattern::kWaitForTaskToken &&
                        !integrations.mocked(request) && !request.task_token.empty();
  std::shared_ptr<PendingActivity> pending;
  if (callback) {
    pending = std::make_shared<PendingActivity>(f.run.strand);
    pending->token = request.task_token;
    f.run.services.activities->register_callback(pending);
  }
  const bool run_job = (resource.pattern == asl::IntegrationPattern::kSync ||
                        resource.pattern == asl::IntegrationPattern::kSync2) &&
                       !integrations.mocked(request);
  if (run_job) {
    // Resumed after a restart: the integration waits for the job it submitted before.
    if (auto earlier = take_resumed(f, &Checkpoint::task_submitted))
      request.submitted = std::move(*earlier);
  }
  const auto timeout_at = task_deadline(f.run, timeout);
  TaskEvents events(f, resource);
  // Resumed after a restart while waiting for the callback: the call is not made again.
  const bool submitted_before = callback && f.top_level && f.run.resume &&
                                std::exchange(f.run.resume->callback_submitted, false);
  if (!submitted_before) {
    clear_parked(f, [](Checkpoint& cp) { return std::exchange(cp.callback_submitted, false); });
    auto submitted = co_await call_integration(f, events, request, callback, run_job, timeout_at);
    if (!submitted || !callback) {
      if (pending) {
        pending->alive = false;
        f.run.services.activities->withdraw(pending);
      }
      co_return submitted;
    }
    update_checkpoint(f, [](Checkpoint& cp) { cp.callback_submitted = true; });
  }
  co_return co_await await_callback(f, events, pending, timeout_at, heartbeat);
}

}  // namespace sfn::engine
