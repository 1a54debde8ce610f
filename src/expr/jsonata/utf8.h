// UTF-8 <-> code points. JSONata counts characters; we count code points.
#pragma once

#include <string>
#include <string_view>

namespace sfn::jsonata {

std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);
void append_utf8(std::string& out, char32_t cp);
std::size_t utf8_length(std::string_view s);
// std::wstring is UTF-32 on our platforms; used with std::wregex.
std::wstring to_wide(std::string_view s);
std::string from_wide(std::wstring_view s);

}  // namespace sfn::jsonata
