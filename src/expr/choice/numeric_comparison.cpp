// NumericEquals, NumericLessThan, NumericGreaterThan, NumericLessThanEquals,
// NumericGreaterThanEquals (and their ...Path forms): numbers compare by value (1 equals 1.0).
#include <cstdint>

#include "expr/choice/rule_impl.h"

namespace sfn::choice::detail {

namespace {

bool numeric_literal_ok(const Json& v) { return v.is_number(); }

std::optional<int> compare_numerics(const Json& a, const Json& b) {
  if (!a.is_number() || !b.is_number()) return std::nullopt;
  if (a.is_number_integer() && b.is_number_integer()) {
    auto x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
    return x < y ? -1 : (x > y ? 1 : 0);
  }
  double x = a.get<double>(), y = b.get<double>();
  return x < y ? -1 : (x > y ? 1 : 0);
}

}  // namespace

const Family& numeric_family() {
  static const Family family{"Numeric", &numeric_literal_ok, "NUMBER", &compare_numerics, true};
  return family;
}

}  // namespace sfn::choice::detail
