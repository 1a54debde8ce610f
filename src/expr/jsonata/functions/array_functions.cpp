// $append, $exists, $reverse, $shuffle, $distinct, $zip.
#include <algorithm>
#include <random>

#include "expr/jsonata/registry.h"

namespace sfn::jsonata {
namespace {

Value append(CallContext&, std::vector<Value>& args) { return append_values(arg(args, 0), arg(args, 1)); }

Value exists(CallContext&, std::vector<Value>& args) { return Value::boolean(arg(args, 0).is_defined()); }

Value reverse(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  if (a.size() <= 1) return a;
  Value out = Value::new_array();
  out.as_array().items.assign(a.as_array().items.rbegin(), a.as_array().items.rend());
  return out;
}

Value shuffle(CallContext& ctx, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  if (a.size() <= 1) return a;
  Value out = Value::new_array();
  out.as_array().items = a.as_array().items;
  std::shuffle(out.as_array().items.begin(), out.as_array().items.end(), ctx.ev.rng());
  return out;
}

Value distinct(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  if (!a.is_array() || a.size() <= 1) return a;
  Value out = a.is_sequence() ? make_sequence() : Value::new_array();
  auto& items = out.as_array().items;
  for (const auto& v : a.as_array().items) {
    bool found = false;
    for (const auto& r : items) {
      if (deep_equal(v, r)) {
        found = true;
        break;
      }
    }
    if (!found) items.push_back(v);
  }
  return out;
}

Value zip(CallContext&, std::vector<Value>& args) {
  Value result = Value::new_array();
  if (args.empty()) return result;
  std::size_t length = SIZE_MAX;
  for (const auto& a : args) length = std::min(length, a.is_array() ? a.size() : 0);
  for (std::size_t i = 0; i < length; ++i) {
    Value tuple = Value::new_array();
    for (const auto& a : args) push(tuple, a[i]);
    push(result, tuple);
  }
  return result;
}

}  // namespace

void register_array_functions(FunctionRegistry& r) {
  r.add("append", append, "<xx:a>", 2);
  r.add("exists", exists, "<x:b>", 1);
  r.add("reverse", reverse, "<a:a>", 1);
  r.add("shuffle", shuffle, "<a:a>", 1);
  r.add("distinct", distinct, "<x:x>", 1);
  r.add("zip", zip, "<a+>", 0);
}

}  // namespace sfn::jsonata
