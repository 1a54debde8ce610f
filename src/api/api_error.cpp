#include "api/api_error.h"

#include <spdlog/spdlog.h>

#include "sfn/api/internal_failure.h"

namespace sfn::api {

tl::unexpected<ApiError> internal_failure(std::string_view detail) {
  spdlog::error("answering InternalFailure: {}", detail);
  return tl::unexpected<ApiError>(ApiError{std::string(kInternalFailureType),
                                           std::string(kInternalFailureMessage),
                                           kInternalFailureStatus});
}

}  // namespace sfn::api
