// What Lambda answers for one local handler run, as Step Functions reports it: Invoke's
// response object (lambda:invoke) or the payload itself (function ARN), a function error with
// its errorType, Runtime.ExitError for a handler that exits without one, and the messages of
// a missing function.
#pragma once

#include <string>

#include "integrations/lambda/process_runner.h"
#include "sfn/common/json.h"
#include "sfn/integrations/integration.h"

namespace sfn::integrations::lambda {

struct Invocation {
  bool invoke_form = true;  // lambda:invoke (else the legacy function ARN)
  std::string request_id;   // a UUID
};

// The final report for a finished process.
TaskReport process_report(const ProcessResult& result, const Invocation& invocation);

// Invoke's response: ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata,
// StatusCode. `length` is the payload's size in bytes (Content-Length).
Json invoke_output(Json payload, const std::string& request_id, std::size_t length);

// The handler's stdout as a payload: JSON, or the text (less one trailing newline) as a string;
// empty stdout is null.
Json payload_of(const std::string& out);

// Lambda.ResourceNotFoundException's cause, as Step Functions reports it.
std::string not_found_cause(const std::string& function_arn, const std::string& request_id);

}  // namespace sfn::integrations::lambda
