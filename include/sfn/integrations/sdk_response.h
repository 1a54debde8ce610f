// What Step Functions adds to an optimized integration's output about the HTTP response its AWS
// SDK call received (SdkHttpMetadata, SdkResponseMetadata), shared by every integration that
// answers in that shape (Lambda's Invoke, StartExecution, the AWS services).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sfn/common/json.h"

namespace sfn::integrations {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// {"AllHttpHeaders": {name: [every value]}, "HttpHeaders": {name: last value},
// "HttpStatusCode": status}, headers in the given order.
Json sdk_http_metadata(const HeaderList& headers, int status);

// {"RequestId": request_id}
Json sdk_response_metadata(const std::string& request_id);

// The cause the AWS SDK gives a service's error inside Step Functions: "MESSAGE (Service:
// SERVICE; Status Code: STATUS; Error Code: CODE; Request ID: ID; Proxy: null)".
std::string sdk_error_cause(std::string_view message, std::string_view service, int status,
                            std::string_view code, std::string_view request_id);

// The current time as an HTTP Date header value (RFC 7231 IMF-fixdate).
std::string http_date();

// An epoch time in seconds as the milliseconds the SDK's dates are reported in.
std::int64_t epoch_millis(double epoch_seconds);

}  // namespace sfn::integrations
