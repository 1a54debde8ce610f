// ASCII case mapping: only A-Z and a-z change, every other byte (UTF-8 included) is kept, whatever
// the C locale says. For names, keywords and header fields, not for user text.
#pragma once

#include <string>
#include <string_view>

namespace sfn {

std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);

}  // namespace sfn
