// JavaScript regular expression syntax (ECMAScript 2020 with Annex B, no u flag) rewritten in
// RE2's syntax with JavaScript's meaning: "." and \s as JavaScript defines them, \uXXXX and
// surrogate pairs, legacy octal and identity escapes, literal braces, [] and [^].
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "sfn/common/linear_regex.h"

namespace sfn::detail {

tl::expected<std::string, RegexError> js_regex_to_re2(std::string_view pattern);

}  // namespace sfn::detail
