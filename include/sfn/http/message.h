// Beast-free request and response values. The session converts the wire message to and from
// these, so routing (handle_request.h) is a pure function tested without a socket.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sfn::http {

struct Request {
  std::string method;      // "GET", "POST", ... as sent
  std::string target;      // request-target, e.g. "/" or "/console/app.js?v=1"
  std::string amz_target;  // X-Amz-Target header value; empty when absent
  std::string body;
  // Headers that decide who may call (access_policy.h); empty when absent.
  std::string host;                  // Host
  std::string origin;                // Origin (browsers only)
  std::string cors_request_headers;  // Access-Control-Request-Headers (preflights)
};

struct Response {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  // Extra headers (Content-Type, Content-Length, x-amzn-RequestId, Connection and the CORS
  // headers of cors_headers() are set by the session).
  std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace sfn::http
