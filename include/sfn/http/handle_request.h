// Routing of one HTTP request, pure of sockets. First who may call (access_policy.h):
//   a Host that is not one of the server's names       -> 403 AccessDeniedException;
//   an Origin of a foreign web page (not GET/HEAD)      -> 403 AccessDeniedException.
// Then by method:
//   POST <any path>           -> the AWS JSON 1.0 dispatcher (X-Amz-Target passed through as is,
//                                even when missing or foreign: the dispatcher answers
//                                UnknownOperationException);
//   GET/HEAD <path>           -> the static-file seam (web console), else a small info page on
//                                "/" and 404 elsewhere;
//   OPTIONS <path>            -> CORS preflight;
//   anything else             -> 405.
// Every error is in AWS's JSON shape (error_response.h).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "sfn/api/dispatcher.h"
#include "sfn/http/access_policy.h"
#include "sfn/http/error_response.h"
#include "sfn/http/message.h"

namespace sfn::http {

// Serves static files (the web console). Returns nullopt when it has nothing for the request,
// so the info page (on "/") or a 404 answers instead.
using StaticHandler = std::function<std::optional<Response>(const Request&)>;

struct RouterOptions {
  std::string server_info = "sfn-local";  // first line of the info page, e.g. "sfn-local 0.1.0"
  StaticHandler static_files;             // empty until the console exists
  AccessPolicy access;                    // loopback names only, no foreign origins
};

// Either a request for the dispatcher or an immediate response.
using Routed = std::variant<api::ApiRequest, Response>;

Routed handle_request(Request request, const RouterOptions& options);

// The CORS headers every response to `request` carries: for an origin listed in
// options.access.origins, Access-Control-Allow-Origin (that origin, or "*" when "*" is listed),
// Access-Control-Expose-Headers and Vary; none for other requests (same-origin and non-browser
// requests need none, foreign origins get none).
std::vector<std::pair<std::string, std::string>> cors_headers(const Request& request,
                                                              const RouterOptions& options);

// The HTTP response for a dispatcher answer.
Response to_response(api::ApiResponse response);

}  // namespace sfn::http
