// The integrations one execution sees: the registry, with the mocked responses of the test case
// the execution was started with (`<stateMachineArn>#<TestCase>`) in front of it. A state the
// test case names answers from its mocked response, counting its invocations across retries,
// Map iterations and Parallel branches; every other state reaches the registry. One per
// execution, used on the execution's strand only.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>

#include "sfn/integrations/integration.h"
#include "sfn/integrations/mock_config.h"

namespace sfn::integrations {

class ExecutionIntegrations {
 public:
  // `test_case` may be null (no mocks); it must belong to `mocks`, which keeps it alive.
  ExecutionIntegrations(std::shared_ptr<const Registry> registry,
                        std::shared_ptr<const MockConfig> mocks, const MockTestCase* test_case);

  // Whether an attempt of `request` can run: a mocked state, or a configured integration.
  bool can_run(const TaskRequest& request) const;
  // Whether the execution's test case answers `request`'s state (its answer is the task's final
  // result, whatever the pattern: no callback is awaited).
  bool mocked(const TaskRequest& request) const;
  // Runs one attempt (can_run must hold). A mocked answer is reported before this returns.
  TaskCanceller run(const TaskRequest& request, const TaskListener& listener);

  // Invocation counters, saved with the execution's checkpoint and restored on resume.
  Json counters() const;
  void restore_counters(const Json& saved);

 private:
  std::shared_ptr<const Registry> registry_;
  std::shared_ptr<const MockConfig> mocks_;
  const MockTestCase* test_case_;
  std::unordered_map<std::string, std::uint64_t> calls_;
};

// The reports a mocked answer stands for, as the real integration would make them: started,
// submitted for the run-a-job patterns (the mocked answer is the job's final result), then
// succeeded or failed. For the legacy Lambda function ARN, whose result is the function's
// payload, a Return shaped as Lambda's Invoke response ({"StatusCode": 200, "Payload": ...})
// yields its Payload, as Step Functions Local does.
std::vector<TaskReport> mocked_reports(const MockAnswer& answer, const asl::TaskResource& resource);

}  // namespace sfn::integrations
