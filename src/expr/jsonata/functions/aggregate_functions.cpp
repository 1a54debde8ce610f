// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $sum, $count, $max, $min, $average.
#include <algorithm>

#include "expr/jsonata/builtin_registry.h"

namespace sfn::jsonata {
namespace {

Value sum(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  double total = 0;
  for (const auto& v : a.as_array().items) total += v.as_number();
  return Value::number(total);
}

Value count(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value::number(0);
  return Value::number(static_cast<double>(a.size()));
}

template <bool kMax>
Value extreme(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined() || a.size() == 0) return Value{};
  double best = a[0].as_number();
  for (const auto& v : a.as_array().items)
    best = kMax ? std::max(best, v.as_number()) : std::min(best, v.as_number());
  return Value::number(best);
}

Value average(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined() || a.size() == 0) return Value{};
  double total = 0;
  for (const auto& v : a.as_array().items) total += v.as_number();
  return Value::number(total / static_cast<double>(a.size()));
}

}  // namespace

void register_aggregate_functions(BuiltinRegistry& r) {
  r.add("sum", sum, "<a<n>:n>", 1);
  r.add("count", count, "<a:n>", 1);
  r.add("max", extreme<true>, "<a<n>:n>", 1);
  r.add("min", extreme<false>, "<a<n>:n>", 1);
  r.add("average", average, "<a<n>:n>", 1);
}

}  // namespace sfn::jsonata
