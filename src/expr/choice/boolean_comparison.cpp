// BooleanEquals and BooleanEqualsPath: true only when both sides are the same boolean.
#include "expr/choice/rule_impl.h"

namespace sfn::choice::detail {

namespace {

bool boolean_literal_ok(const Json& v) { return v.is_boolean(); }

std::optional<int> compare_booleans(const Json& a, const Json& b) {
  if (!a.is_boolean() || !b.is_boolean()) return std::nullopt;
  return a.get<bool>() == b.get<bool>() ? 0 : 1;
}

}  // namespace

const Family& boolean_family() {
  static const Family family{"Boolean", &boolean_literal_ok, "BOOLEAN", &compare_booleans, false};
  return family;
}

}  // namespace sfn::choice::detail
