// UTF-8 <-> code points. JSONata counts characters; we count code points.
#pragma once

#include <string>
#include <string_view>

namespace sfn::jsonata {

std::u32string to_u32(std::string_view s);
std::string to_utf8(std::u32string_view s);
void append_utf8(std::string& out, char32_t cp);
std::size_t utf8_length(std::string_view s);
// The byte offset of character `chars` (s.size() for the end), or npos past the end.
std::size_t utf8_offset(std::string_view s, std::size_t chars);

}  // namespace sfn::jsonata
