// What Lambda answers for one local handler run, as Step Functions reports it: Invoke's
// response object (lambda:invoke) or the payload itself (function ARN), a function error with
// its errorType, Runtime.ExitError for a handler that exits without one, and the messages of
// a missing function.
#pragma once

#include <string>
#include <utility>
#include <vector>

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
// StatusCode, with plausible headers for a local run. `length` is the payload's size in bytes
// (Content-Length).
Json invoke_output(Json payload, const std::string& request_id, std::size_t length);

// The HTTP answer behind an Invoke response (an endpoint's, or the one a local run stands for).
struct InvokeHttp {
  int status = 200;
  std::string executed_version = "$LATEST";
  std::vector<std::pair<std::string, std::string>> headers;  // in order, as received
};
// Invoke's response object from a real answer: SdkHttpMetadata lists its headers (HttpHeaders
// the last value of each, AllHttpHeaders every value).
Json invoke_response(Json payload, const std::string& request_id, const InvokeHttp& http);

// A function error (the payload carried X-Amz-Function-Error, or a handler printed an error
// object): error = its errorType (Lambda.Unknown without one); the cause is the object, compact
// for lambda:invoke, the function's response `text` for a function ARN.
TaskReport function_error(const Json& object, const std::string& text, bool invoke_form);

// The handler's stdout as a payload: JSON, or the text (less one trailing newline) as a string;
// empty stdout is null.
Json payload_of(const std::string& out);

// Lambda.ResourceNotFoundException's cause, as Step Functions reports it.
std::string not_found_cause(const std::string& function_arn, const std::string& request_id);

}  // namespace sfn::integrations::lambda
