// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// $keys, $lookup, $spread, $merge, $type, $clone.
#include <string_view>
#include <unordered_set>

#include "expr/jsonata/builtin_registry.h"

namespace sfn::jsonata {
namespace {

// The keys in first-seen order; `seen` makes each lookup constant time.
void collect_keys(const Value& a, std::vector<std::string_view>& out,
                  std::unordered_set<std::string_view>& seen, std::size_t depth = 0) {
  if (a.is_array()) {
    check_depth(depth + 1);
    for (const auto& item : a.as_array().items) collect_keys(item, out, seen, depth + 1);
  } else if (a.is_object()) {
    for (const auto& [k, v] : a.as_object().entries) {
      if (seen.insert(k).second) out.push_back(k);
    }
  }
}

Value keys(CallContext&, std::vector<Value>& args) {
  std::vector<std::string_view> ks;
  std::unordered_set<std::string_view> seen;
  collect_keys(arg(args, 0), ks, seen);
  Value result = make_sequence();
  for (auto k : ks) push(result, Value::string(std::string(k)));
  return result;
}

Value lookup_value(const Value& input, const std::string& key, std::size_t depth = 0) {
  if (input.is_array()) {
    check_depth(depth + 1);
    Value result = make_sequence();
    for (const auto& item : input.as_array().items) {
      Value r = lookup_value(item, key, depth + 1);
      if (r.is_defined()) {
        if (r.is_array()) {
          for (const auto& v : r.as_array().items) push(result, v);
        } else {
          push(result, r);
        }
      }
    }
    return result;
  }
  if (input.is_object()) {
    const Value* v = input.as_object().find(key);
    return v ? *v : Value{};
  }
  return Value{};
}

Value lookup(CallContext&, std::vector<Value>& args) {
  if (!arg(args, 1).is_string()) return Value{};
  return lookup_value(arg(args, 0), arg(args, 1).as_string());
}

Value spread_value(const Value& a, std::size_t depth = 0) {
  if (a.is_array()) {
    check_depth(depth + 1);
    Value result = make_sequence();
    bool appended = false;
    for (const auto& item : a.as_array().items) {
      Value part = spread_value(item, depth + 1);
      if (part.is_undefined()) continue;
      if (appended) {
        // what append_values(result, part) gives, without copying result again
        auto& items = result.as_array().items;
        if (part.is_array()) {
          items.insert(items.end(), part.as_array().items.begin(), part.as_array().items.end());
        } else {
          items.push_back(std::move(part));
        }
      } else {
        result = append_values(result, part);
        appended = true;
      }
    }
    return result;
  }
  if (a.is_object()) {
    Value result = make_sequence();
    for (const auto& [k, v] : a.as_object().entries) {
      Value o = Value::new_object();
      o.as_object().set(k, v);
      push(result, o);
    }
    return result;
  }
  return a;
}

Value spread(CallContext&, std::vector<Value>& args) { return spread_value(arg(args, 0)); }

Value merge(CallContext&, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  if (a.is_undefined()) return Value{};
  Value result = Value::new_object();
  for (const auto& obj : a.as_array().items) {
    if (!obj.is_object()) continue;
    for (const auto& [k, v] : obj.as_object().entries) result.as_object().set(k, v);
  }
  return result;
}

Value type(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  switch (v.type()) {
    case ValueType::Undefined:
      return Value{};
    case ValueType::Null:
      return Value::string("null");
    case ValueType::Number:
      return Value::string("number");
    case ValueType::String:
      return Value::string("string");
    case ValueType::Boolean:
      return Value::string("boolean");
    case ValueType::Array:
      return Value::string("array");
    case ValueType::Function:
      return Value::string("function");
    case ValueType::Object:
      return Value::string("object");
  }
  return Value{};
}

Value strip_functions(const Value& v, std::size_t depth = 0) {
  if (v.is_array()) {
    check_depth(depth + 1);
    Value out = Value::new_array();
    for (const auto& i : v.as_array().items)
      push(out, i.is_function() ? Value::null() : strip_functions(i, depth + 1));
    return out;
  }
  if (v.is_object()) {
    check_depth(depth + 1);
    Value out = Value::new_object();
    for (const auto& [k, m] : v.as_object().entries) {
      if (m.is_function() || m.is_undefined()) continue;
      out.as_object().set(k, strip_functions(m, depth + 1));
    }
    return out;
  }
  return v;
}

Value clone(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  if (v.is_undefined()) return Value{};
  return strip_functions(v);
}

}  // namespace

void register_object_functions(BuiltinRegistry& r) {
  r.add("keys", keys, "<x-:a<s>>", 1);
  r.add("lookup", lookup, "<x-s:x>", 2);
  r.add("spread", spread, "<x-:a<o>>", 1);
  r.add("merge", merge, "<a<o>:o>", 1);
  r.add("type", type, "<x:s>", 1);
  r.add("clone", clone, "<(oa)-:o>", 1);
}

}  // namespace sfn::jsonata
