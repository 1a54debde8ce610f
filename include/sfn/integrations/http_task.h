// The HTTP Task (arn:aws:states:::http:invoke, registry key "http"), as "Call HTTPS APIs in
// Step Functions workflows" describes it: ApiEndpoint, Method, Headers, QueryParameters,
// RequestBody and Transform (URL-encoded bodies) make one request through the shared client;
// the answer is {Headers, ResponseBody, StatusCode, StatusText}, and a status outside 2xx is
// the error States.Http.StatusCode.<code>. Authentication / InvocationConfig.ConnectionArn is
// required as on AWS but no EventBridge connection is looked up: requests go out as written.
#pragma once

#include <memory>
#include <string>

#include "sfn/common/result.h"
#include "sfn/integrations/http_client.h"
#include "sfn/integrations/integration.h"

namespace sfn::integrations {

// The request a task's resolved Parameters (or Arguments) describe, or States.Runtime with the
// reason (a missing or invalid field, a header the HTTP Task does not allow).
Result<HttpRequest> http_task_request(const Json& parameters, const std::string& region);

// The task's end for an answer: TaskSucceeded with the output object, or TaskFailed with
// States.Http.StatusCode.<code> (the output object as the cause), or States.Runtime for an
// answer Step Functions does not accept (binary content types, text that is not UTF-8).
TaskReport http_task_report(const HttpResponse& response);

// The task's end when no answer came: States.Http.Socket (connection or TLS failure, timeout).
TaskReport http_task_failure(const HttpError& error);

struct HttpTaskOptions {
  std::shared_ptr<HttpClient> client;
  std::chrono::milliseconds timeout{60'000};  // "HTTP task requests will timeout after 60 seconds"
};

std::shared_ptr<Integration> make_http_task(HttpTaskOptions options);

}  // namespace sfn::integrations
