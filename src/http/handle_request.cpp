#include "sfn/http/handle_request.h"

#include <utility>

namespace sfn::http {
namespace {

constexpr const char* kAllowedMethods = "GET, HEAD, POST, OPTIONS";

Response info_page(const RouterOptions& options) {
  Response response;
  response.body = options.server_info +
                  "\n"
                  "AWS Step Functions local emulator (AWS JSON 1.0 protocol).\n"
                  "Send API requests as POST / with an X-Amz-Target: AWSStepFunctions.<Operation> "
                  "header,\n"
                  "e.g. aws stepfunctions list-state-machines --endpoint-url http://<this host>\n";
  return response;
}

Response json_error(int status, const std::string& type, const std::string& message) {
  Response response;
  response.status = status;
  response.content_type = "application/x-amz-json-1.0";
  // `type` and `message` are fixed texts of this file (no escaping needed).
  response.body = R"({"__type":")" + type + R"(","message":")" + message + R"("})";
  return response;
}

}  // namespace

Routed handle_request(Request request, const RouterOptions& options) {
  const std::string& method = request.method;
  if (method == "POST") {
    // Any path: the AWS CLI posts to "/", some SDKs to "" or a stage-like prefix.
    return api::ApiRequest{std::move(request.amz_target), std::move(request.body)};
  }
  if (method == "GET" || method == "HEAD") {
    if (options.static_files) {
      if (std::optional<Response> file = options.static_files(request)) return std::move(*file);
    }
    return info_page(options);
  }
  if (method == "OPTIONS") {
    // CORS preflight, so browser-based SDKs can call the endpoint too.
    Response response;
    response.status = 204;
    response.content_type.clear();
    response.headers = {
        {"Access-Control-Allow-Methods", kAllowedMethods},
        {"Access-Control-Allow-Headers", "*"},
        {"Access-Control-Max-Age", "86400"},
    };
    return response;
  }
  Response response;
  response.status = 405;
  response.body = "Method Not Allowed\n";
  response.headers = {{"Allow", kAllowedMethods}};
  return response;
}

Response to_response(api::ApiResponse response) {
  Response out;
  out.status = response.status;
  out.content_type = std::move(response.content_type);
  out.body = std::move(response.body);
  return out;
}

Response payload_too_large(std::size_t body_limit) {
  return json_error(413, "RequestEntityTooLargeException",
                    "Request body exceeds the limit of " + std::to_string(body_limit) + " bytes");
}

Response header_too_large() {
  Response response;
  response.status = 431;
  response.body = "Request Header Fields Too Large\n";
  return response;
}

Response bad_request(const std::string& reason) {
  Response response;
  response.status = 400;
  response.body = "Bad Request: " + reason + "\n";
  return response;
}

Response internal_error() {
  return json_error(500, "InternalFailure", "The request processing has failed because of an unknown error.");
}

}  // namespace sfn::http
