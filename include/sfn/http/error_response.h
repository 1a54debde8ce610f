// HTTP-level errors in AWS's JSON 1.0 error shape, like the dispatcher's:
// `{"__type":"<Type>","message":"..."}` with Content-Type application/x-amz-json-1.0, so the
// AWS CLI and SDKs show the error type and message instead of a parse failure.
//
//   400 BadRequestException                   the request is not HTTP we can read
//   400 ThrottlingException "Rate exceeded"    the connection cap is reached
//   403 AccessDeniedException                  foreign Host (DNS rebinding) or web page Origin
//   404 NotFoundException                      GET of a path nothing serves
//   405 MethodNotAllowedException              a method other than GET, HEAD, POST, OPTIONS
//   413 RequestEntityTooLargeException         body over the limit
//   431 RequestHeaderFieldsTooLargeException   headers over the limit
//   500 InternalFailure                        a handler failed unexpectedly (AWS's wording,
//                                              sfn/api/internal_failure.h)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "sfn/http/message.h"

namespace sfn::http {

// Any error response; `message` may hold request text (it is escaped, non-ASCII becomes '?').
Response error_response(int status, std::string_view type, std::string_view message);

Response bad_request(const std::string& reason);
Response throttled();
Response payload_too_large(std::size_t body_limit);
Response header_too_large();
Response internal_error();

}  // namespace sfn::http
