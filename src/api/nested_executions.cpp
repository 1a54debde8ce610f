// arn:aws:states:::states:startExecution[.sync | .sync:2 | .waitForTaskToken]: a Task state
// starts an execution of another state machine of this server, as Step Functions' own
// StartExecution call would, and with .sync / .sync:2 waits for it to end. The child is an
// ordinary execution (listed, described, persisted, resumed after a restart like any other);
// a parent resumed after a restart finds its child again by the ARN of its TaskSubmitted output.
#include <atomic>
#include <mutex>

#include "api/service.h"
#include "sfn/common/ids.h"
#include "sfn/integrations/sdk_response.h"

namespace sfn::api {
namespace {

using integrations::TaskListener;
using integrations::TaskReport;

// StartExecution's request from the Task's parameters: StateMachineArn, Name and Input (a string
// is the input text as is, null or absent is "{}", any other value is serialized).
Json start_request(const Json& p) {
  Json req = Json::object();
  if (!p.is_object()) return req;  // StartExecution then answers its own validation error
  if (auto it = p.find("StateMachineArn"); it != p.end()) req["stateMachineArn"] = *it;
  if (auto it = p.find("Name"); it != p.end()) req["name"] = *it;
  if (auto it = p.find("TraceHeader"); it != p.end()) req["traceHeader"] = *it;
  const auto input = p.find("Input");
  if (input == p.end() || input->is_null())
    req["input"] = "{}";
  else
    req["input"] = input->is_string() ? *input : Json(dump_compact(*input));
  return req;
}

// An API error as the AWS SDK reports it inside Step Functions.
TaskReport api_failure(const ApiError& e) {
  const bool suffixed =
      e.type.size() >= 9 && e.type.compare(e.type.size() - 9, 9, "Exception") == 0;
  return TaskReport::failed(
      "StepFunctions." + e.type + (suffixed ? "" : "Exception"),
      integrations::sdk_error_cause(e.message, "AWSStepFunctions", e.status, e.type, make_uuid()));
}

// StartExecution's response as the SDK call's output.
Json start_output(const engine::ExecutionRecord& child) {
  const std::string request_id = make_uuid();
  const Json body{{"executionArn", child.arn}, {"startDate", child.start_date}};
  const integrations::HeaderList headers = {
      {"x-amzn-RequestId", request_id},
      {"connection", "keep-alive"},
      {"Content-Length", std::to_string(dump_compact(body).size())},
      {"Date", integrations::http_date()},
      {"Content-Type", "application/x-amz-json-1.0"}};
  return Json{{"ExecutionArn", child.arn},
              {"SdkHttpMetadata", integrations::sdk_http_metadata(headers, 200)},
              {"SdkResponseMetadata", integrations::sdk_response_metadata(request_id)},
              {"StartDate", integrations::epoch_millis(child.start_date)}};
}

// DescribeExecution of the ended child, as .sync (input and output as text) or .sync:2 (as
// JSON) answer it: its result when it succeeded, the cause of States.TaskFailed otherwise.
TaskReport child_report(const engine::ExecutionRecord& child, bool json_payloads) {
  std::lock_guard lock(child.mutex);
  auto payload = [json_payloads](const std::string& text) {
    if (!json_payloads) return Json(text);
    Json parsed = parse_json_or_discarded(text);
    return parsed.is_discarded() ? Json(text) : parsed;
  };
  const bool succeeded = child.status == ExecutionStatus::kSucceeded;
  Json d = Json::object();
  if (!succeeded && child.cause) d["Cause"] = *child.cause;
  if (!succeeded && child.error) d["Error"] = *child.error;
  d["ExecutionArn"] = child.arn;
  d["Input"] = payload(child.input);
  d["InputDetails"] = Json{{"Included", true}};
  d["Name"] = child.name;
  if (succeeded) {
    d["Output"] = payload(child.output.value_or("null"));
    d["OutputDetails"] = Json{{"Included", true}};
  }
  d["RedriveCount"] = 0;
  d["RedriveStatus"] = "NOT_REDRIVABLE";
  if (succeeded) d["RedriveStatusReason"] = "Execution is SUCCEEDED and cannot be redriven";
  d["StartDate"] = integrations::epoch_millis(child.start_date);
  d["StateMachineArn"] = child.state_machine_arn;
  d["Status"] = name_of(child.status);
  if (child.stop_date) d["StopDate"] = integrations::epoch_millis(*child.stop_date);
  if (succeeded) return TaskReport::succeeded(std::move(d));
  return TaskReport::failed("States.TaskFailed", dump_compact(d));
}

// One .sync attempt's wait for its child: the child's end, or the attempt's cancellation
// (whichever comes first) reports or silences it.
struct ChildWatch {
  TaskListener listener;
  bool json_payloads = false;
  std::mutex mutex;
  bool over = false;
  std::shared_ptr<engine::ExecutionRecord> child;

  // A report before the end, unless the attempt was cancelled.
  void report(TaskReport r) {
    {
      std::lock_guard lock(mutex);
      if (over) return;
      over = r.final();
    }
    listener(std::move(r));
  }
  void finish(const engine::ExecutionRecord& ended) { report(child_report(ended, json_payloads)); }
};

// Reports the child's end to `watch`: now if it has ended, else when it does.
void watch_child(const std::shared_ptr<ChildWatch>& watch,
                 const std::shared_ptr<engine::ExecutionRecord>& child) {
  {
    std::lock_guard lock(watch->mutex);
    if (watch->over) return;
    watch->child = child;
  }
  {
    std::lock_guard lock(child->mutex);
    if (child->status == ExecutionStatus::kRunning) {
      child->on_finish.push_back([watch, child] { watch->finish(*child); });
      return;
    }
  }
  watch->finish(*child);
}

class NestedExecutions final : public integrations::Integration {
 public:
  explicit NestedExecutions(Service& svc) : svc_(svc) {}

  integrations::TaskCanceller run(const integrations::TaskRequest& request,
                                  TaskListener listener) override {
    const auto pattern = request.resource->pattern;
    const bool run_job =
        pattern == asl::IntegrationPattern::kSync || pattern == asl::IntegrationPattern::kSync2;
    if (request.resource->action != "startExecution") {
      listener(TaskReport::started());
      listener(
          TaskReport::failed("States.Runtime",
                             "sfn-local runs only the startExecution action of the Step Functions "
                             "integration, not '" +
                                 request.resource->action + "'."));
      return {};
    }
    auto watch = std::make_shared<ChildWatch>();
    watch->listener = listener;
    watch->json_payloads = pattern == asl::IntegrationPattern::kSync2;
    if (!request.submitted.is_null()) {  // resumed: find the child submitted before the restart
      const Json& arn = request.submitted["ExecutionArn"];
      svc_.find_execution(arn.is_string() ? arn.get<std::string>() : std::string(),
                          [watch](ApiResult<FoundExecution> found) {
                            if (!found) return watch->report(api_failure(found.error()));
                            watch_child(watch, found->record);
                          });
      return canceller(watch, run_job);
    }
    svc_.post([this, watch, run_job, req = start_request(request.parameters)] {
      start_nested_execution(svc_, req, [this, watch, run_job](auto started) {
        watch->report(TaskReport::started());
        if (!started) return watch->report(api_failure(started.error()));
        const auto& child = *started;
        Json output = start_output(*child);
        if (!run_job) return watch->report(TaskReport::succeeded(std::move(output)));
        watch->report(TaskReport::submitted(std::move(output)));
        watch_child(watch, child);
        bool cancelled;
        {
          std::lock_guard lock(watch->mutex);
          cancelled = watch->over && !watch->child;
        }
        // Cancelled before the child was known: it is stopped now.
        if (cancelled) stop_child(child);
      });
    });
    return canceller(watch, run_job);
  }

 private:
  // Silences the watch; a cancelled .sync task (TimeoutSeconds, the parent stopped) stops its
  // child, as Step Functions does for the jobs it runs.
  integrations::TaskCanceller canceller(const std::shared_ptr<ChildWatch>& watch, bool run_job) {
    return [this, watch, run_job] {
      std::shared_ptr<engine::ExecutionRecord> child;
      {
        std::lock_guard lock(watch->mutex);
        watch->over = true;
        child = watch->child;
      }
      if (run_job && child) stop_child(child);
    };
  }

  void stop_child(const std::shared_ptr<engine::ExecutionRecord>& child) {
    svc_.runtime->stop(child, std::nullopt, std::nullopt, [] {});
  }

  Service& svc_;
};

}  // namespace

std::shared_ptr<integrations::Integration> make_nested_executions(Service& svc) {
  return std::make_shared<NestedExecutions>(svc);
}

}  // namespace sfn::api
