// application/x-www-form-urlencoded from JSON, as the HTTP Task's "Applying URL-encoding on
// request body" describes it: nested objects as key[sub]=v, arrays by ArrayFormat.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sfn/common/json.h"

namespace sfn::integrations {

enum class ArrayFormat {
  kIndices,   // array[0]=a&array[1]=b (the default)
  kRepeat,    // array=a&array=b
  kCommas,    // array=a,b
  kBrackets,  // array[]=a&array[]=b
};

std::optional<ArrayFormat> parse_array_format(std::string_view text);

// The pairs of `value` (an object; any other value is encoded under its index or as itself),
// percent-encoded (RFC 3986, spaces as %20) and joined with '&'.
std::string form_encode(const Json& value, ArrayFormat format);

}  // namespace sfn::integrations
