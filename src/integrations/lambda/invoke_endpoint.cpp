// Lambda's Invoke over HTTP: POST /2015-03-31/functions/{FunctionName}/invocations
// [?Qualifier=Q] with X-Amz-Invocation-Type, X-Amz-Log-Type and X-Amz-Client-Context, signed
// with SigV4 for "lambda"; the answer mapped as Step Functions maps the AWS SDK's: a function
// error (X-Amz-Function-Error) by its errorType, a service error as Lambda.<ErrorCode> with
// the SDK's cause, a transport failure as Lambda.SdkClientException.
#include "integrations/lambda/invoke_endpoint.h"

#include <cctype>

#include "sfn/common/ids.h"
#include "sfn/integrations/sdk_response.h"
#include "sfn/integrations/url.h"

namespace sfn::integrations::lambda {
namespace {

std::string string_parameter(const Json& parameters, const char* name) {
  const auto it = parameters.is_object() ? parameters.find(name) : parameters.end();
  if (it == parameters.end()) return {};
  return it->is_string() ? it->get<std::string>() : dump_compact(*it);
}

// "ResourceNotFoundException" from "ResourceNotFoundException:http://internal.amazon.com/..."
// (X-Amzn-ErrorType) or "com.amazonaws.lambda#ResourceNotFoundException" (__type).
std::string error_code(std::string text) {
  if (const auto colon = text.find(':'); colon != std::string::npos) text.resize(colon);
  if (const auto hash = text.rfind('#'); hash != std::string::npos) text.erase(0, hash + 1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

std::string body_field(const Json& body, std::initializer_list<const char*> names) {
  if (!body.is_object()) return {};
  for (const char* name : names) {
    const auto it = body.find(name);
    if (it != body.end() && it->is_string() && !it->get_ref<const std::string&>().empty()) {
      return it->get<std::string>();
    }
  }
  return {};
}

// A service error answer (4xx/5xx), as the AWS SDK for Java names it and words its message.
TaskReport service_error(const HttpResponse& r, const std::string& request_id) {
  const Json body = parse_json_or_discarded(r.body);
  std::string code = error_code(r.header("X-Amzn-ErrorType"));
  if (code.empty()) code = error_code(body_field(body, {"__type", "code", "Code"}));
  if (code.empty()) {
    const std::string type = body_field(body, {"Type"});  // Lambda's "User" / "Service"
    if (type != "User" && type != "Service") code = type;
  }
  const bool known = !code.empty();
  if (!known && r.status == 429) code = "TooManyRequestsException";
  std::string message = body_field(body, {"Message", "message", "errorMessage"});
  if (message.empty() && body.is_discarded()) message = r.body.substr(0, 1000);
  if (message.empty()) message = r.reason;
  const std::string name = code.empty() ? "AWSLambdaException" : code;
  return TaskReport::failed(
      "Lambda." + name,
      sdk_error_cause(message, "AWSLambda", r.status, code.empty() ? "null" : code, request_id));
}

}  // namespace

TaskReport endpoint_report(const HttpResult& result, const Invocation& invocation) {
  if (!result) {
    return TaskReport::failed("Lambda.SdkClientException",
                              "Unable to execute HTTP request: " + result.error().message);
  }
  const HttpResponse& r = *result;
  std::string request_id = r.header("x-amzn-RequestId");
  if (request_id.empty()) request_id = invocation.request_id;
  if (r.status < 200 || r.status >= 300) return service_error(r, request_id);
  if (!r.header("X-Amz-Function-Error").empty()) {
    return function_error(parse_json_or_discarded(r.body), r.body, invocation.invoke_form);
  }
  // An asynchronous (202) or dry-run (204) invocation answers no payload.
  Json payload = r.body.empty() && r.status != 200 ? Json("") : payload_of(r.body);
  if (!invocation.invoke_form) return TaskReport::succeeded(std::move(payload));
  InvokeHttp http;
  http.status = r.status;
  http.headers = r.headers;
  if (std::string v = r.header("X-Amz-Executed-Version"); !v.empty()) http.executed_version = v;
  return TaskReport::succeeded(invoke_response(std::move(payload), request_id, http));
}

TaskCanceller invoke_endpoint(const LocalLambdaOptions::Endpoint& endpoint, EndpointCall call,
                              const TaskListener& listener) {
  std::string base = endpoint.url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  HttpRequest request;
  request.method = "POST";
  const std::string qualifier = string_parameter(call.parameters, "Qualifier");
  request.url = base + "/2015-03-31/functions/" + percent_encode(call.function) + "/invocations" +
                (qualifier.empty() ? "" : "?Qualifier=" + percent_encode(qualifier));
  request.body = dump_compact(call.event);
  request.total_timeout = endpoint.timeout;
  const std::string type = string_parameter(call.parameters, "InvocationType");
  request.headers = {{"X-Amz-Invocation-Type", type.empty() ? "RequestResponse" : type}};
  if (auto log = string_parameter(call.parameters, "LogType"); !log.empty()) {
    request.headers.emplace_back("X-Amz-Log-Type", log);
  }
  if (auto context = string_parameter(call.parameters, "ClientContext"); !context.empty()) {
    request.headers.emplace_back("X-Amz-Client-Context", context);
  }
  request.headers.emplace_back("Content-Type", "application/json");
  if (auto url = parse_url(request.url)) {
    SigV4Request s;
    s.method = request.method;
    s.path = url->path;
    s.query = url->query;
    s.headers = request.headers;
    s.headers.emplace_back("Host", url->host_header());
    s.body = request.body;
    s.region = call.region;
    s.service = "lambda";
    s.amz_date = amz_date(std::chrono::system_clock::now());
    for (auto& header : sign_v4(s, endpoint.credentials).headers) {
      request.headers.push_back(std::move(header));
    }
  }
  listener(TaskReport::started());
  return endpoint.client->send(std::move(request),
                               [listener, invocation = call.invocation](HttpResult result) {
                                 listener(endpoint_report(result, invocation));
                               });
}

}  // namespace sfn::integrations::lambda
