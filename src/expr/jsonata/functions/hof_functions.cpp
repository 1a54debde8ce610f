// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/functions.js.
// Higher-order functions: $map, $filter, $single, $reduce, $sift, $each, $sort.
#include <functional>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/merge_sort.h"

namespace sfn::jsonata {
namespace {

std::vector<Value> hof_args(const Value& func, const Value& a1, const Value& a2, const Value& a3) {
  std::vector<Value> out{a1};
  int arity = function_arity(func);
  if (arity >= 2) out.push_back(a2);
  if (arity >= 3) out.push_back(a3);
  return out;
}

Value map(CallContext& ctx, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  const Value& f = arg(args, 1);
  if (a.is_undefined()) return Value{};
  Value result = make_sequence();
  const auto items = a.as_array().items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value r = ctx.ev.apply(f, hof_args(f, items[i], Value::number(static_cast<double>(i)), a),
                           Value{}, ctx.env);
    if (r.is_defined()) push(result, r);
  }
  return result;
}

Value filter(CallContext& ctx, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  const Value& f = arg(args, 1);
  if (a.is_undefined()) return Value{};
  Value result = make_sequence();
  const auto items = a.as_array().items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    Value r = ctx.ev.apply(f, hof_args(f, items[i], Value::number(static_cast<double>(i)), a),
                           Value{}, ctx.env);
    if (truthy(r)) push(result, items[i]);
  }
  return result;
}

Value single(CallContext& ctx, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  const Value& f = arg(args, 1);
  if (a.is_undefined()) return Value{};
  bool found = false;
  Value result;
  const auto items = a.as_array().items;
  for (std::size_t i = 0; i < items.size(); ++i) {
    bool positive = true;
    if (f.is_defined()) {
      Value r = ctx.ev.apply(f, hof_args(f, items[i], Value::number(static_cast<double>(i)), a),
                             Value{}, ctx.env);
      positive = truthy(r);
    }
    if (positive) {
      if (found) throw_arg_error("D3138", Value{}, static_cast<int>(i));
      result = items[i];
      found = true;
    }
  }
  if (!found) throw_error("D3139");
  return result;
}

Value reduce(CallContext& ctx, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  const Value& f = arg(args, 1);
  const Value& init = arg(args, 2);
  if (a.is_undefined()) return Value{};
  int arity = function_arity(f);
  if (arity < 2) throw_arg_error("D3050", Value{}, 1);
  const auto items = a.as_array().items;
  Value result;
  std::size_t index;
  if (init.is_undefined() && !items.empty()) {
    result = items[0];
    index = 1;
  } else {
    result = init;
    index = 0;
  }
  for (; index < items.size(); ++index) {
    std::vector<Value> fa{result, items[index]};
    if (arity >= 3) fa.push_back(Value::number(static_cast<double>(index)));
    if (arity >= 4) fa.push_back(a);
    result = ctx.ev.apply(f, std::move(fa), Value{}, ctx.env);
  }
  return result;
}

Value sift(CallContext& ctx, std::vector<Value>& args) {
  const Value& o = arg(args, 0);
  const Value& f = arg(args, 1);
  if (!o.is_object()) return Value{};
  // The function is optional in the signature but needed (jsonata-js fails with a TypeError).
  if (!f.is_function() && o.as_object().size() > 0) throw_arg_error("T0410", f, 2);
  Value result = Value::new_object();
  const auto entries = o.as_object().entries;
  for (const auto& [k, v] : entries) {
    Value r = ctx.ev.apply(f, hof_args(f, v, Value::string(k), o), Value{}, ctx.env);
    if (truthy(r)) result.as_object().set(k, v);
  }
  if (result.as_object().size() == 0) return Value{};
  return result;
}

Value each(CallContext& ctx, std::vector<Value>& args) {
  const Value& o = arg(args, 0);
  const Value& f = arg(args, 1);
  Value result = make_sequence();
  if (!o.is_object()) return result;
  const auto entries = o.as_object().entries;
  for (const auto& [k, v] : entries) {
    Value r = ctx.ev.apply(f, hof_args(f, v, Value::string(k), o), Value{}, ctx.env);
    if (r.is_defined()) push(result, r);
  }
  return result;
}

bool js_truthy(const Value& v) {
  switch (v.type()) {
    case ValueType::Undefined:
    case ValueType::Null:
      return false;
    case ValueType::Boolean:
      return v.as_bool();
    case ValueType::Number:
      return v.as_number() != 0 && v.as_number() == v.as_number();
    case ValueType::String:
      return !v.as_string().empty();
    default:
      return true;
  }
}

Value sort(CallContext& ctx, std::vector<Value>& args) {
  const Value& a = arg(args, 0);
  const Value& f = arg(args, 1);
  if (a.is_undefined()) return Value{};
  if (a.size() <= 1) return a;
  std::function<bool(const Value&, const Value&)> after;
  if (f.is_undefined()) {
    if (!is_array_of_numbers(a) && !is_array_of_strings(a)) throw_arg_error("D3070", Value{}, 1);
    after = [](const Value& x, const Value& y) {
      if (x.is_number()) return x.as_number() > y.as_number();
      return x.as_string() > y.as_string();
    };
  } else {
    after = [&](const Value& x, const Value& y) {
      return js_truthy(ctx.ev.apply(f, {x, y}, Value{}, ctx.env));
    };
  }
  Items items = a.as_array().items;
  merge_sort(items, after);
  Value out = Value::new_array();
  out.as_array().items = std::move(items);
  return out;
}

}  // namespace

void register_hof_functions(BuiltinRegistry& r) {
  r.add("map", map, "<af>", 2);
  r.add("filter", filter, "<af>", 2);
  r.add("single", single, "<af?>", 2);
  r.add("reduce", reduce, "<afj?:j>", 3);
  r.add("sift", sift, "<o-f?:o>", 2);
  r.add("each", each, "<o-f:a>", 2);
  r.add("sort", sort, "<af?:a>", 2);
}

}  // namespace sfn::jsonata
