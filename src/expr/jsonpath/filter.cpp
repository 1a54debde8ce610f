// Evaluation of filter expressions, following Jayway's evaluators: a path operand that selects
// nothing is "undefined" and makes every comparison but != false; ordering comparisons apply to
// two numbers or two strings only.
#include "expr/jsonpath/filter.h"

#include <algorithm>

#include "expr/jsonpath/selector.h"

namespace sfn::jsonpath::detail {
namespace {

// The value of an operand (a node of the document, or one built in `storage`), or nullptr when a
// path operand selects nothing. A filter runs once per node it tests: only what it must build
// (the matches of an indefinite path) is copied, and counted against the budget.
const Json* value_of(const Operand& operand, const Json& current, const Json& root,
                     SelectionBudget& budget, Json& storage) {
  if (!operand.path) return &operand.literal;
  const ParsedPath& path = *operand.path;
  const Json& start = path.relative ? current : root;
  if (is_definite(path.steps)) return find_definite(path.steps, start, storage, budget);
  Selection nodes;
  select(path.steps, 0, start, root, nodes, budget);
  storage = nodes.take(budget);
  return &storage;
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
    case FilterOp::kLt:
      return cmp < 0;
    case FilterOp::kLe:
      return cmp <= 0;
    case FilterOp::kGt:
      return cmp > 0;
    case FilterOp::kGe:
      return cmp >= 0;
    default:
      return false;
  }
}

bool contains(const Json& haystack, const Json& needle) {
  if (!haystack.is_array()) return false;
  return std::any_of(haystack.begin(), haystack.end(),
                     [&](const Json& v) { return equal(v, needle); });
}

}  // namespace

bool FilterExpr::test(const Json& current, const Json& root, SelectionBudget& budget) const {
  switch (op) {
    case FilterOp::kAnd:
      return children[0]->test(current, root, budget) && children[1]->test(current, root, budget);
    case FilterOp::kOr:
      return children[0]->test(current, root, budget) || children[1]->test(current, root, budget);
    case FilterOp::kNot:
      return !children[0]->test(current, root, budget);
    case FilterOp::kExists: {
      Json storage;
      const Json* v = value_of(left, current, root, budget, storage);
      if (!v) return false;
      if (!left.path) return !v->is_boolean() || v->get<bool>();
      return !(!is_definite(left.path->steps) && v->empty());
    }
    default:
      break;
  }
  Json left_storage, right_storage;
  const Json* l = value_of(left, current, root, budget, left_storage);
  if (op == FilterOp::kRegex) {
    return l && l->is_string() && right.regex->full_match(l->get_ref<const std::string&>());
  }
  const Json* r = value_of(right, current, root, budget, right_storage);
  switch (op) {
    case FilterOp::kEq:
      return l && r && equal(*l, *r);
    case FilterOp::kNe:
      return !(l && r && equal(*l, *r));
    case FilterOp::kIn:
      return l && r && contains(*r, *l);
    case FilterOp::kNin:
      return !(l && r && contains(*r, *l));
    default:
      return l && r && order(*l, *r, op);
  }
}

}  // namespace sfn::jsonpath::detail
