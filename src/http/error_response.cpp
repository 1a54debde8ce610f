#include "sfn/http/error_response.h"

#include "sfn/api/internal_failure.h"

namespace sfn::http {
namespace {

// A JSON string literal of `text`: quotes and backslashes escaped, anything outside printable
// ASCII replaced by '?' (request text may be any bytes; the body stays valid UTF-8).
std::string json_string(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c < 0x20 || c > 0x7e) {
      out += '?';
    } else {
      out += c;
    }
  }
  out += '"';
  return out;
}

}  // namespace

Response error_response(int status, std::string_view type, std::string_view message) {
  Response response;
  response.status = status;
  response.content_type = "application/x-amz-json-1.0";
  response.body =
      R"({"__type":)" + json_string(type) + R"(,"message":)" + json_string(message) + "}";
  return response;
}

Response bad_request(const std::string& reason) {
  return error_response(400, "BadRequestException", "Bad request: " + reason);
}

Response throttled() { return error_response(400, "ThrottlingException", "Rate exceeded"); }

Response payload_too_large(std::size_t body_limit) {
  return error_response(
      413, "RequestEntityTooLargeException",
      "Request body exceeds the limit of " + std::to_string(body_limit) + " bytes");
}

Response header_too_large() {
  return error_response(431, "RequestHeaderFieldsTooLargeException",
                        "Request header fields exceed the limit");
}

Response internal_error() {
  return error_response(api::kInternalFailureStatus, api::kInternalFailureType,
                        api::kInternalFailureMessage);
}

}  // namespace sfn::http
