// Duplicate state names inside one "States" object (lost by the JSON parser, found on the text).
#pragma once

#include <string_view>

#include "asl/parse/diagnostics.h"

namespace sfn::asl::detail {

void find_duplicate_state_names(std::string_view text, Diagnostics& diags);

}  // namespace sfn::asl::detail
