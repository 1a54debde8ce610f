// Routing of one HTTP request, pure of sockets:
//   POST <any path>           -> the AWS JSON 1.0 dispatcher (X-Amz-Target passed through as is,
//                                even when missing or foreign: the dispatcher answers
//                                UnknownOperationException);
//   GET/HEAD <path>           -> the static-file seam (web console), else a small info page;
//   OPTIONS <path>            -> CORS preflight;
//   anything else             -> 405.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <variant>

#include "sfn/api/dispatcher.h"
#include "sfn/http/message.h"

namespace sfn::http {

// Serves static files (the web console). Returns nullopt when it has nothing for the request,
// so the info page answers instead.
using StaticHandler = std::function<std::optional<Response>(const Request&)>;

struct RouterOptions {
  std::string server_info = "sfn-local";  // first line of the info page, e.g. "sfn-local 0.1.0"
  StaticHandler static_files;              // empty until the console exists
};

// Either a request for the dispatcher or an immediate response.
using Routed = std::variant<api::ApiRequest, Response>;

Routed handle_request(Request request, const RouterOptions& options);

// The HTTP response for a dispatcher answer.
Response to_response(api::ApiResponse response);

// Responses the session produces itself when a request cannot be read or handled.
Response payload_too_large(std::size_t body_limit);
Response header_too_large();
Response bad_request(const std::string& reason);
Response internal_error();

}  // namespace sfn::http
