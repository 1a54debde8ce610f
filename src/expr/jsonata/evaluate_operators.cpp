// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/jsonata.js, the operator evaluators.
// Binary and unary operators: arithmetic, comparison, equality, string concatenation, range,
// inclusion, boolean and/or; unary minus, array and object constructors.
#include <cmath>

#include "expr/jsonata/evaluator.h"

namespace sfn::jsonata {
namespace {

Value numeric(const Value& lhs, const Value& rhs, const std::string& op) {
  if (lhs.is_defined() && !is_numeric(lhs)) throw_error("T2001", {}, {}, lhs);
  if (rhs.is_defined() && !is_numeric(rhs)) throw_error("T2002", {}, {}, rhs);
  if (lhs.is_undefined() || rhs.is_undefined()) return Value{};
  double a = lhs.as_number(), b = rhs.as_number();
  switch (op[0]) {
    case '+':
      return Value::number(a + b);
    case '-':
      return Value::number(a - b);
    case '*':
      return Value::number(a * b);
    case '/':
      return Value::number(a / b);
    default:
      return Value::number(std::fmod(a, b));
  }
}

Value comparison(const Value& lhs, const Value& rhs, const std::string& op) {
  bool lcomp = lhs.is_undefined() || lhs.is_string() || lhs.is_number();
  bool rcomp = rhs.is_undefined() || rhs.is_string() || rhs.is_number();
  if (!lcomp || !rcomp) {
    throw_error("T2010", {}, {}, !(lhs.is_string() || lhs.is_number()) ? lhs : rhs);
  }
  if (lhs.is_undefined() || rhs.is_undefined()) return Value{};
  if (lhs.type() != rhs.type()) {
    JsonataException e;
    e.code = "T2009";
    e.value = lhs;
    e.value2 = rhs;
    throw e;
  }
  int c;
  if (lhs.is_number()) {
    double a = lhs.as_number(), b = rhs.as_number();
    c = a < b ? -1 : (a > b ? 1 : 0);
  } else {
    int r = lhs.as_string().compare(rhs.as_string());
    c = r < 0 ? -1 : (r > 0 ? 1 : 0);
  }
  if (op == "<") return Value::boolean(c < 0);
  if (op == "<=") return Value::boolean(c <= 0);
  if (op == ">") return Value::boolean(c > 0);
  return Value::boolean(c >= 0);
}

Value range(const Value& lhs, const Value& rhs) {
  if (lhs.is_defined() && !(lhs.is_number() && is_integer(lhs.as_number())))
    throw_error("T2003", {}, {}, lhs);
  if (rhs.is_defined() && !(rhs.is_number() && is_integer(rhs.as_number())))
    throw_error("T2004", {}, {}, rhs);
  if (lhs.is_undefined() || rhs.is_undefined()) return Value{};
  double a = lhs.as_number(), b = rhs.as_number();
  if (a > b) return Value{};
  double size = b - a + 1;
  if (size > 1e7) throw_error("D2014", {}, {}, Value::number(size));
  Value result = make_sequence();
  auto& items = result.as_array().items;
  items.reserve(static_cast<std::size_t>(size));
  for (double x = a; x <= b; x += 1) items.push_back(Value::number(x));
  return result;
}

bool strict_equal(const Value& a, const Value& b) {
  if (a.type() != b.type()) return false;
  switch (a.type()) {
    case ValueType::Array:
    case ValueType::Object:
    case ValueType::Function:
      return a.identity() == b.identity();
    default:
      return deep_equal(a, b);
  }
}

}  // namespace

Value Evaluator::evaluate_binary(const Node* expr, const Value& input, Frame* env) {
  Value lhs = evaluate(expr->lhs.get(), input, env);
  const std::string& op = expr->value;
  try {
    if (op == "and" || op == "or") {
      bool l = truthy(lhs);
      if (op == "and") {
        if (!l) return Value::boolean(false);
        return Value::boolean(truthy(evaluate(expr->rhs.get(), input, env)));
      }
      if (l) return Value::boolean(true);
      return Value::boolean(truthy(evaluate(expr->rhs.get(), input, env)));
    }
  } catch (JsonataException& e) {
    throw;
  }
  Value rhs = evaluate(expr->rhs.get(), input, env);
  try {
    switch (op[0]) {
      case '+':
      case '-':
      case '*':
      case '/':
      case '%':
        return numeric(lhs, rhs, op);
      case '=':
        if (lhs.is_undefined() || rhs.is_undefined()) return Value::boolean(false);
        return Value::boolean(deep_equal(lhs, rhs));
      case '!':
        if (lhs.is_undefined() || rhs.is_undefined()) return Value::boolean(false);
        return Value::boolean(!deep_equal(lhs, rhs));
      case '<':
      case '>':
        return comparison(lhs, rhs, op);
      case '&': {
        const Value l = lhs.is_defined() ? to_string_value(lhs) : Value::string("");
        const Value r = rhs.is_defined() ? to_string_value(rhs) : Value::string("");
        MemoryBudget::require(l.as_string().size() + r.as_string().size());
        return Value::string(l.as_string() + r.as_string());
      }
      case '.':
        return range(lhs, rhs);
      case 'i': {
        if (lhs.is_undefined() || rhs.is_undefined()) return Value::boolean(false);
        if (rhs.is_array()) {
          for (const auto& v : rhs.as_array().items) {
            if (strict_equal(v, lhs)) return Value::boolean(true);
          }
          return Value::boolean(false);
        }
        return Value::boolean(strict_equal(rhs, lhs));
      }
      default:
        break;
    }
  } catch (JsonataException& e) {
    e.position = expr->position;
    e.token = op;
    throw;
  }
  return Value{};
}

Value Evaluator::evaluate_unary(const Node* expr, const Value& input, Frame* env) {
  if (expr->value == "-") {
    Value r = evaluate(expr->expression.get(), input, env);
    if (r.is_undefined()) return r;
    if (is_numeric(r)) return Value::number(-r.as_number());
    throw_error("D1002", expr->position, expr->value, r);
  }
  if (expr->value == "[") {
    Value result = Value::new_array();
    for (const auto& item : expr->expressions) {
      Value value = evaluate(item.get(), input, env);
      if (value.is_undefined()) continue;
      if (item->value == "[" && item->type == NodeType::Unary) {
        push(result, value);
      } else if (value.is_array()) {
        auto& items = result.as_array().items;
        auto& from = value.as_array().items;
        if (items.empty() && value.is_unique()) {
          items.swap(from);  // [1..10000000]: the range's items, not a second copy of them
        } else {
          items.insert(items.end(), from.begin(), from.end());
        }
      } else {
        push(result, value);
      }
    }
    if (!result.is_array()) {
      Value wrapped = Value::new_array();
      push(wrapped, result);
      result = wrapped;
    }
    if (expr->cons_array) {
      if (result.is_sequence()) {
        Value copy = Value::new_array();
        copy.as_array().items = result.as_array().items;
        result = copy;
      }
      result.as_array().cons = true;
    }
    return result;
  }
  if (expr->value == "{") return evaluate_object_constructor(expr, input, env);
  return Value{};
}

}  // namespace sfn::jsonata
