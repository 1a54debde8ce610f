// Runs one recorded case against the service and compares the result, as Runner._run in
// run_cases.py: CreateStateMachine → StartExecution (or StartSyncExecution) → poll
// DescribeExecution → compare status/output/error/cause → GetExecutionHistory → compare events →
// DeleteStateMachine.
#pragma once

#include <string>

#include "history_compare.h"
#include "service_harness.h"
#include "sfn/common/json.h"

namespace sfn::conformance {

struct RunOptions {
  HistoryMode history = HistoryMode::kFull;
  double timeout_s = 30.0;  // per case; a case's `timeout_s` wins when larger
};

struct CaseOutcome {
  bool passed = false;
  std::string reason;  // why it failed
  std::string status;  // the execution status seen last
  double duration_s = 0;
};

CaseOutcome run_case(ServiceHarness& service, const Json& test_case, const RunOptions& options);

// Why the case cannot run here ("needs: lambda,test-resources"), or empty. With `with_mocks` (the
// service has the merged mock config) a case needing only `mock_config` runs.
std::string needs_reason(const Json& test_case, bool with_mocks);

}  // namespace sfn::conformance
