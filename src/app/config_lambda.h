// The --lambda / SFN_LAMBDA setting of the configuration (config.cpp).
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <utility>
#include <vector>

namespace sfn::app {

// Appends the NAME=COMMAND entries of one value: the flag's value is one entry, SFN_LAMBDA's
// are separated by ';'. NAME follows Lambda's function-name rule ([A-Za-z0-9-_]{1,64}), COMMAND
// is non-empty, and no NAME is given twice. `source` ("--lambda" or "SFN_LAMBDA") is for the
// message.
tl::expected<void, std::string> append_lambda_handlers(
    std::vector<std::pair<std::string, std::string>>& handlers, const std::string& value,
    const std::string& source);

}  // namespace sfn::app
