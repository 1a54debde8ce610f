// $formatNumber: XPath fn:format-number pictures with jsonata-js' decimal format options.
#pragma once

#include <string>

#include "expr/jsonata/value.h"

namespace sfn::jsonata {

std::string format_number(double value, const std::string& picture, const Value& options);

}  // namespace sfn::jsonata
