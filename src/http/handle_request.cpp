#include "sfn/http/handle_request.h"

#include <algorithm>
#include <string_view>
#include <utility>

namespace sfn::http {
namespace {

constexpr const char* kAllowedMethods = "GET, HEAD, POST, OPTIONS";
// What browser builds of the AWS SDKs send, for preflights that do not list their headers.
constexpr const char* kAllowedHeaders =
    "authorization, content-type, x-amz-target, x-amz-date, x-amz-security-token, "
    "x-amz-user-agent, x-amz-content-sha256, amz-sdk-invocation-id, amz-sdk-request";
// Echoed header lists and names in messages are cut to this length.
constexpr std::size_t kMaxEcho = 1024;
constexpr std::size_t kMaxNameInMessage = 200;

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

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find_first_of("?#"));
}

std::string_view shorten(std::string_view text) { return text.substr(0, kMaxNameInMessage); }

// The host name of a Host header value, for the --allow-host hint.
std::string_view name_of(std::string_view host) {
  if (!host.empty() && host.front() == '[') return host.substr(0, host.find(']') + 1);
  return host.substr(0, host.find(':'));
}

Response foreign_host(std::string_view host) {
  return error_response(
      403, "AccessDeniedException",
      "Host '" + std::string(shorten(host)) +
          "' is not a name of this server (DNS rebinding protection). If you reach sfn-local "
          "under this name, start it with --allow-host " +
          std::string(shorten(name_of(host))) + " (or SFN_ALLOW_HOST).");
}

Response foreign_origin(std::string_view origin) {
  return error_response(
      403, "AccessDeniedException",
      "Web pages from origin '" + std::string(shorten(origin)) +
          "' may not call this API. To allow them, start sfn-local with --allow-origin " +
          std::string(shorten(origin)) + " (or SFN_ALLOW_ORIGIN).");
}

// A comma-separated list of header names ("x-amz-target, content-type"), safe to echo.
bool is_header_list(std::string_view text) {
  return !text.empty() && text.size() <= kMaxEcho &&
         std::all_of(text.begin(), text.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == ',' || c == ' ';
         });
}

Response preflight(const Request& request, OriginVerdict verdict) {
  Response response;
  response.status = 204;
  response.content_type.clear();
  if (verdict != OriginVerdict::kAllowed) {
    // Not a cross-origin preflight (none is needed for the console's own origin).
    response.headers = {{"Allow", kAllowedMethods}};
    return response;
  }
  response.headers = {
      {"Access-Control-Allow-Methods", kAllowedMethods},
      {"Access-Control-Allow-Headers", is_header_list(request.cors_request_headers)
                                           ? request.cors_request_headers
                                           : std::string(kAllowedHeaders)},
      {"Access-Control-Max-Age", "600"},
  };
  return response;
}

}  // namespace

Routed handle_request(Request request, const RouterOptions& options) {
  const std::string& method = request.method;
  if (!host_allowed(options.access, request.host)) return foreign_host(request.host);
  const OriginVerdict verdict = check_origin(options.access, request.origin, request.host);
  const bool read_only = method == "GET" || method == "HEAD";
  // A foreign page may still load what GET serves (the console's files, the info page): without
  // CORS headers its script cannot read the answer, and GET changes nothing.
  if (verdict == OriginVerdict::kForeign && !read_only) return foreign_origin(request.origin);

  if (method == "POST") {
    // Any path: the AWS CLI posts to "/", some SDKs to "" or a stage-like prefix.
    return api::ApiRequest{std::move(request.amz_target), std::move(request.body)};
  }
  if (read_only) {
    if (options.static_files) {
      if (std::optional<Response> file = options.static_files(request)) return std::move(*file);
    }
    const std::string_view path = path_of(request.target);
    if (path == "/" || path.empty()) return info_page(options);
    return error_response(404, "NotFoundException",
                          "Nothing is served at " + std::string(shorten(path)) +
                              "; the API is POST / with an X-Amz-Target header.");
  }
  if (method == "OPTIONS") return preflight(request, verdict);
  Response response = error_response(
      405, "MethodNotAllowedException",
      "Method " + std::string(shorten(method)) + " is not allowed; use one of " + kAllowedMethods);
  response.headers = {{"Allow", kAllowedMethods}};
  return response;
}

std::vector<std::pair<std::string, std::string>> cors_headers(const Request& request,
                                                              const RouterOptions& options) {
  if (request.origin.empty() || !host_allowed(options.access, request.host) ||
      check_origin(options.access, request.origin, request.host) != OriginVerdict::kAllowed) {
    return {};
  }
  const bool any = std::find(options.access.origins.begin(), options.access.origins.end(), "*") !=
                   options.access.origins.end();
  std::vector<std::pair<std::string, std::string>> headers{
      {"Access-Control-Allow-Origin", any ? "*" : request.origin},
      {"Access-Control-Expose-Headers", "x-amzn-RequestId"},
  };
  if (!any) headers.emplace_back("Vary", "Origin");
  return headers;
}

Response to_response(api::ApiResponse response) {
  Response out;
  out.status = response.status;
  out.content_type = std::move(response.content_type);
  out.body = std::move(response.body);
  return out;
}

}  // namespace sfn::http
