// The seam every Task resource other than an activity goes through. The engine resolves a Task
// state's parameters, timeouts and token, hands them to the integration that serves the
// resource, and turns what the integration reports into AWS's history events (TaskStarted,
// TaskSubmitted, TaskSucceeded, TaskFailed, ... or the LambdaFunction* family); the engine never
// names a concrete integration, the app fills the registry. No Asio here: an integration may
// answer on any thread, the engine moves the answer onto the execution's strand.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "sfn/asl/model/task_resource.h"
#include "sfn/common/json.h"

namespace sfn::integrations {

// What the engine hands an integration for one attempt of a Task state.
struct TaskRequest {
  const asl::TaskResource* resource = nullptr;
  Json parameters;         // Parameters / Arguments, resolved (the task's input)
  std::string region;      // the execution's region (or the ARN's)
  std::string task_token;  // set for .waitForTaskToken
  std::optional<double> timeout_seconds;
  std::optional<double> heartbeat_seconds;
  std::string execution_arn;
  std::string state_name;
  // Set when a run-a-job task (.sync, .sync:2) resumes after a restart: the output of its
  // submission (TaskSubmitted) in the earlier run. The integration then reports neither started
  // nor submitted again: it waits for the job that output names and reports its end.
  Json submitted;
};

// One step of a task's progress, reported in order. The last report of an attempt is kSucceeded
// or one of the failures; nothing may follow it.
struct TaskReport {
  enum class Kind {
    kStarted,       // TaskStarted / LambdaFunctionStarted
    kSubmitted,     // TaskSubmitted (.sync and .waitForTaskToken: the submit call's answer)
    kSucceeded,     // TaskSucceeded / LambdaFunctionSucceeded, with the result
    kFailed,        // TaskFailed / LambdaFunctionFailed, with error and cause
    kStartFailed,   // TaskStartFailed / LambdaFunctionStartFailed
    kSubmitFailed,  // TaskSubmitFailed
    kTimedOut,  // TaskTimedOut / LambdaFunctionTimedOut (States.Timeout, States.HeartbeatTimeout)
  };
  Kind kind = Kind::kStarted;
  Json output;        // kSubmitted, kSucceeded
  std::string error;  // failures
  std::string cause;

  static TaskReport started() { return TaskReport{Kind::kStarted, nullptr, {}, {}}; }
  static TaskReport submitted(Json out) {
    return TaskReport{Kind::kSubmitted, std::move(out), {}, {}};
  }
  static TaskReport succeeded(Json out) {
    return TaskReport{Kind::kSucceeded, std::move(out), {}, {}};
  }
  static TaskReport failed(std::string_view error, std::string cause, Kind kind = Kind::kFailed) {
    return TaskReport{kind, nullptr, std::string(error), std::move(cause)};
  }
  bool final() const { return kind != Kind::kStarted && kind != Kind::kSubmitted; }
};

// Called with each report, in order, from any thread.
using TaskListener = std::function<void(TaskReport)>;
// Stops an attempt that is still running (the execution was stopped or the task timed out).
// May be empty; after it returns, the integration reports nothing more.
using TaskCanceller = std::function<void()>;

class Integration {
 public:
  virtual ~Integration() = default;
  // Starts one attempt. Reports through `listener` until a final report.
  virtual TaskCanceller run(const TaskRequest& request, TaskListener listener) = 0;
};

// The integrations the app configured, by the resource they serve: the optimized service name
// ("lambda", "sqs", "states", "http"), "aws-sdk:<service>" for SDK integrations, or "lambda-arn"
// for the legacy Lambda function ARN form.
class Registry {
 public:
  void add(std::string key, std::shared_ptr<Integration> integration);
  // The integration serving `resource`, or nullptr when none is configured.
  Integration* find(const asl::TaskResource& resource) const;
  static std::string key_of(const asl::TaskResource& resource);

 private:
  std::map<std::string, std::shared_ptr<Integration>, std::less<>> by_key_;
};

}  // namespace sfn::integrations
