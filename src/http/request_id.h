// x-amzn-RequestId values: random (version 4) UUIDs, as AWS sends them.
#pragma once

#include <string>

namespace sfn::http {

std::string make_request_id();

}  // namespace sfn::http
