// API errors (tier two): the AWS error type and message, serialized only here in api/ as
// HTTP 400 {"__type": ..., "message": ...}.
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>

#include "sfn/common/json.h"

namespace sfn::api {

struct ApiError {
  std::string type;
  std::string message;
  int status = 400;
};

template <class T = Json>
using ApiResult = tl::expected<T, ApiError>;

inline tl::unexpected<ApiError> api_error(std::string type, std::string message) {
  return tl::unexpected<ApiError>(ApiError{std::move(type), std::move(message)});
}

// AWS's InternalFailure (HTTP 500, sfn/api/internal_failure.h) for a request that failed inside
// the service. `detail` (what went wrong) is written to the server log, never into the answer.
tl::unexpected<ApiError> internal_failure(std::string_view detail);

// "1 validation error detected: Value 'x' at 'name' failed to satisfy constraint: ..."
tl::unexpected<ApiError> validation_error(const std::string& shown_value, const std::string& field,
                                          const std::string& constraint);

}  // namespace sfn::api
