#include "sfn/integrations/execution_integrations.h"

#include <array>
#include <string_view>

namespace sfn::integrations {
namespace {

// Lambda's Invoke response (as Step Functions renders it): StatusCode and Payload, and only its
// other members besides.
bool is_invoke_response(const Json& value) {
  static constexpr std::array<std::string_view, 7> kMembers = {
      "StatusCode", "Payload",         "ExecutedVersion",    "FunctionError",
      "LogResult",  "SdkHttpMetadata", "SdkResponseMetadata"};
  if (!value.is_object() || !value.contains("Payload") || !value.contains("StatusCode"))
    return false;
  for (const auto& [key, unused] : value.items()) {
    bool known = false;
    for (auto member : kMembers) known = known || key == member;
    if (!known) return false;
  }
  return true;
}

}  // namespace

std::vector<TaskReport> mocked_reports(const MockAnswer& answer,
                                       const asl::TaskResource& resource) {
  std::vector<TaskReport> reports;
  reports.push_back(TaskReport::started());
  if (answer.throws) {
    // A mocked timeout stands for the task timing out, as its event shows.
    const bool timeout =
        answer.error == "States.Timeout" || answer.error == "States.HeartbeatTimeout";
    reports.push_back(
        TaskReport::failed(answer.error, answer.cause,
                           timeout ? TaskReport::Kind::kTimedOut : TaskReport::Kind::kFailed));
    return reports;
  }
  Json result = answer.result;
  if (resource.kind == asl::ResourceKind::kLambdaFunction) {
    if (is_invoke_response(result)) result = Json(result["Payload"]);
    // A function's response is bytes that Step Functions reads as JSON: a string Return is that
    // text when it is JSON ("\"HelloWorld\"", "0", "true").
    if (result.is_string()) {
      Json parsed = parse_json_or_discarded(result.get<std::string>());
      if (!parsed.is_discarded()) result = std::move(parsed);
    }
  }
  if (resource.pattern == asl::IntegrationPattern::kSync ||
      resource.pattern == asl::IntegrationPattern::kSync2)
    reports.push_back(TaskReport::submitted(result));
  reports.push_back(TaskReport::succeeded(std::move(result)));
  return reports;
}

ExecutionIntegrations::ExecutionIntegrations(std::shared_ptr<const Registry> registry,
                                             std::shared_ptr<const MockConfig> mocks,
                                             const MockTestCase* test_case)
    : registry_(std::move(registry)), mocks_(std::move(mocks)), test_case_(test_case) {}

bool ExecutionIntegrations::mocked(const TaskRequest& request) const {
  return test_case_ && test_case_->find(request.state_name);
}

bool ExecutionIntegrations::can_run(const TaskRequest& request) const {
  if (test_case_ && test_case_->find(request.state_name)) return true;
  return registry_ && request.resource && registry_->find(*request.resource);
}

TaskCanceller ExecutionIntegrations::run(const TaskRequest& request, const TaskListener& listener) {
  if (test_case_) {
    if (const MockedResponse* mocked = test_case_->find(request.state_name)) {
      const std::uint64_t invocation = calls_[request.state_name]++;
      for (auto& report : mocked_reports(mocked->answer(invocation), *request.resource))
        listener(std::move(report));
      return {};
    }
  }
  Integration* integration = registry_ ? registry_->find(*request.resource) : nullptr;
  if (!integration) {
    listener(TaskReport::failed(
        "States.Runtime",
        "No integration is configured for the resource '" + request.resource->arn + "'."));
    return {};
  }
  return integration->run(request, listener);
}

Json ExecutionIntegrations::counters() const {
  Json saved = Json::object();
  for (const auto& [state, calls] : calls_) saved[state] = calls;
  return saved;
}

void ExecutionIntegrations::restore_counters(const Json& saved) {
  calls_.clear();
  if (!saved.is_object()) return;
  for (const auto& [state, calls] : saved.items())
    if (calls.is_number_unsigned()) calls_[state] = calls.get<std::uint64_t>();
}

}  // namespace sfn::integrations
