// The character-level pieces of the JavaScript-to-RE2 rewrite (js_regex_syntax.cpp): UTF-8
// decoding, JavaScript's character sets, and RE2 text for code points and character classes.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sfn::detail {

using Range = std::pair<char32_t, char32_t>;

inline constexpr char32_t kMaxCodePoint = 0x10FFFF;
inline constexpr char32_t kFirstSurrogate = 0xD800;
inline constexpr char32_t kLastSurrogate = 0xDFFF;

// What [] and [^] mean in JavaScript; RE2 has no empty class.
inline constexpr std::string_view kNothing = "[^\\x{0}-\\x{10ffff}]";
inline constexpr std::string_view kAnything = "[\\x{0}-\\x{10ffff}]";
// "." : any character but a LineTerminator.
inline constexpr std::string_view kDot = "[^\\x{a}\\x{d}\\x{2028}\\x{2029}]";

// \s: WhiteSpace and LineTerminator (ECMAScript 11.2, 11.3), sorted; \S is the rest.
const std::vector<Range>& whitespace();
const std::vector<Range>& non_whitespace();

// Adds [first, last] without the surrogates (UTF-8 text cannot hold them).
void add_range(std::vector<Range>& ranges, char32_t first, char32_t last);

// Code points of UTF-8 text; an invalid byte is U+FFFD.
std::u32string decode_utf8(std::string_view s);

// A code point as RE2 reads it literally: ASCII letters, digits and _ as themselves, anything
// else as \x{...}, so no character can take on an RE2 meaning JavaScript does not give it.
void append_code_point(std::string& out, char32_t c);
void append_ranges(std::string& out, const std::vector<Range>& ranges);
std::string character_class(const std::vector<Range>& ranges, bool negated);

inline bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool is_octal(char32_t c) { return c >= '0' && c <= '7'; }
inline bool is_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
// -1 for a character that is no hex digit
int hex_value(char32_t c);

}  // namespace sfn::detail
