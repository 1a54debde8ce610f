// StringEquals, StringLessThan, StringGreaterThan, StringLessThanEquals,
// StringGreaterThanEquals (and their ...Path forms): "Strings are compared lexically".
#include "expr/choice/rule_impl.h"

namespace sfn::choice::detail {

namespace {

bool string_literal_ok(const Json& v) { return v.is_string(); }

std::optional<int> compare_strings(const Json& a, const Json& b) {
  if (!a.is_string() || !b.is_string()) return std::nullopt;
  int c = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

const Family& string_family() {
  static const Family family{"String", &string_literal_ok, "STRING", &compare_strings, true};
  return family;
}

}  // namespace sfn::choice::detail
