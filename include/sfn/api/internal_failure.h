// AWS's answer to a request that failed inside the service (a broken invariant, a store that
// cannot read or write): HTTP 500, type InternalFailure, with the wording of the Step Functions
// API reference ("Common Errors"). The answer is the same whatever went wrong; what went wrong is
// written to the server log. api/ (`internal_failure` in api_error.h) and http/
// (`internal_error()`) build it from these constants only.
#pragma once

#include <string_view>

namespace sfn::api {

inline constexpr int kInternalFailureStatus = 500;
inline constexpr std::string_view kInternalFailureType = "InternalFailure";
inline constexpr std::string_view kInternalFailureMessage =
    "The request processing has failed because of an unknown error, exception or failure.";

}  // namespace sfn::api
