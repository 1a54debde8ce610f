// Evaluation of filter expressions, following Jayway's evaluators: a path operand that selects
// nothing is "undefined" and makes every comparison but != false; ordering comparisons apply to
// two numbers or two strings only.
#include "filter.h"

#include <algorithm>

#include "selector.h"

namespace sfn::jsonpath::detail {
namespace {

// The value of an operand, or nullopt when a path operand selects nothing.
std::optional<Json> value_of(const Operand& operand, const Json& current, const Json& root) {
  if (!operand.path) return operand.literal;
  const ParsedPath& path = *operand.path;
  const Json& start = path.relative ? current : root;
  if (is_definite(path.steps)) return select_definite(path.steps, start);
  std::vector<Json> nodes;
  select(path.steps, 0, start, root, nodes);
  return Json(std::move(nodes));
}

bool equal(const Json& a, const Json& b) { return a == b; }

bool order(const Json& a, const Json& b, FilterOp op) {
  int cmp = 0;
  if (a.is_number() && b.is_number()) {
    if (a.is_number_float() || b.is_number_float()) {
      double x = a.get<double>(), y = b.get<double>();
      cmp = x < y ? -1 : (x > y ? 1 : 0);
    } else if (a.is_number_unsigned() && b.is_number_unsigned()) {
      auto x = a.get<std::uint64_t>(), y = b.get<std::uint64_t>();
      cmp = x < y ? -1 : (x > y ? 1 : 0);
    } else {
      double x = a.get<double>(), y = b.get<double>();
      cmp = x < y ? -1 : (x > y ? 1 : 0);
    }
  } else if (a.is_string() && b.is_string()) {
    cmp = a.get_ref<const std::string&>().compare(b.get_ref<const std::string&>());
  } else {
    return false;
  }
  switch (op) {
    case FilterOp::kLt: return cmp < 0;
    case FilterOp::kLe: return cmp <= 0;
    case FilterOp::kGt: return cmp > 0;
    case FilterOp::kGe: return cmp >= 0;
    default: return false;
  }
}

bool contains(const Json& haystack, const Json& needle) {
  if (!haystack.is_array()) return false;
  return std::any_of(haystack.begin(), haystack.end(),
                     [&](const Json& v) { return equal(v, needle); });
}

}  // namespace

bool FilterExpr::test(const Json& current, const Json& root) const {
  switch (op) {
    case FilterOp::kAnd: return children[0]->test(current, root) && children[1]->test(current, root);
    case FilterOp::kOr: return children[0]->test(current, root) || children[1]->test(current, root);
    case FilterOp::kNot: return !children[0]->test(current, root);
    case FilterOp::kExists: {
      auto v = value_of(left, current, root);
      if (!v) return false;
      if (!left.path) return !v->is_boolean() || v->get<bool>();
      return !(!is_definite(left.path->steps) && v->empty());
    }
    default: break;
  }
  auto l = value_of(left, current, root);
  if (op == FilterOp::kRegex) {
    return l && l->is_string() && std::regex_match(l->get_ref<const std::string&>(), *right.regex);
  }
  auto r = value_of(right, current, root);
  switch (op) {
    case FilterOp::kEq: return l && r && equal(*l, *r);
    case FilterOp::kNe: return !(l && r && equal(*l, *r));
    case FilterOp::kIn: return l && r && contains(*r, *l);
    case FilterOp::kNin: return !(l && r && contains(*r, *l));
    default: return l && r && order(*l, *r, op);
  }
}

}  // namespace sfn::jsonpath::detail
