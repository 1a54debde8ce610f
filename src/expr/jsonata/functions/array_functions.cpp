// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $append, $exists, $reverse, $shuffle, $distinct, $zip.
#include <algorithm>
#include <functional>
#include <random>
#include <unordered_map>

#include "expr/jsonata/builtin_registry.h"

namespace sfn::jsonata {
namespace {

// Equal for deep-equal values (object members in any order), so $distinct compares a value only
// with the few that share its hash instead of with every earlier one.
std::size_t deep_hash(const Value& v, std::size_t depth = 0) {
  switch (v.type()) {
    case ValueType::String:
      return std::hash<std::string_view>{}(v.as_string());
    case ValueType::Number:
      return std::hash<double>{}(v.as_number() + 0.0);  // -0 is 0
    case ValueType::Boolean:
      return v.as_bool() ? 1 : 2;
    case ValueType::Null:
      return 3;
    case ValueType::Undefined:
      return 4;
    case ValueType::Function:
      return std::hash<const void*>{}(v.identity());
    case ValueType::Array: {
      check_depth(depth + 1);
      std::size_t h = 5;
      for (const auto& item : v.as_array().items) h = h * 31 + deep_hash(item, depth + 1);
      return h;
    }
    case ValueType::Object: {
      check_depth(depth + 1);
      std::size_t h = 6;
      for (const auto& [k, m] : v.as_object().entries)
        h += std::hash<std::string_view>{}(k)*31 + deep_hash(m, depth + 1);
      return h;
    }
  }
  return 0;
}

Value append(CallContext&, std::vector<Value>& args) {
  return append_values(arg(args, 0), arg(args, 1));
}

Value exists(CallContext&, std::vector<Value>& args) {
  return Value::boolean(arg(args, 0).is_defined());
}

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

Value distinct(CallContext& ctx, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  if (!a.is_array() || a.size() <= 1) return a;
  Value out = a.is_sequence() ? make_sequence() : Value::new_array();
  auto& items = out.as_array().items;
  std::unordered_map<std::size_t, std::vector<std::size_t>> kept;  // hash -> indexes in items
  for (const auto& v : a.as_array().items) {
    auto& same_hash = kept[deep_hash(v)];
    ctx.ev.count_work(1 + same_hash.size());
    const bool found = std::any_of(same_hash.begin(), same_hash.end(),
                                   [&](std::size_t i) { return deep_equal(v, items[i]); });
    if (found) continue;
    same_hash.push_back(items.size());
    items.push_back(v);
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

void register_array_functions(BuiltinRegistry& r) {
  r.add("append", append, "<xx:a>", 2);
  r.add("exists", exists, "<x:b>", 1);
  r.add("reverse", reverse, "<a:a>", 1);
  r.add("shuffle", shuffle, "<a:a>", 1);
  r.add("distinct", distinct, "<x:x>", 1);
  r.add("zip", zip, "<a+>", 0);
}

}  // namespace sfn::jsonata
