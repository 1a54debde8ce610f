// A filter expression "[?( ... )]": comparisons of relative (@) or absolute ($) paths and
// literals, combined with &&, || and !, with Jayway's semantics.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "expr/jsonpath/selector.h"
#include "expr/jsonpath/steps.h"
#include "sfn/common/json.h"
#include "sfn/common/linear_regex.h"

namespace sfn::jsonpath::detail {

enum class FilterOp {
  kExists,  // a lone operand: true when the path selects something
  kEq,
  kNe,
  kLt,
  kLe,
  kGt,
  kGe,
  kRegex,  // =~ /pattern/flags
  kIn,
  kNin,
  kAnd,
  kOr,
  kNot,
};

struct Operand {
  std::optional<ParsedPath> path;  // set for @... and $... operands
  Json literal;                    // otherwise
  // =~ : JavaScript syntax, matched against the whole string
  std::shared_ptr<const LinearRegex> regex;
};

struct FilterExpr {
  FilterOp op = FilterOp::kExists;
  Operand left, right;                                      // comparisons / kExists (left only)
  std::vector<std::shared_ptr<const FilterExpr>> children;  // kAnd, kOr, kNot

  // `current` is the node under test (@); `root` is the document the whole path runs on ($).
  // Path operands spend from the evaluation's `budget`.
  bool test(const Json& current, const Json& root, SelectionBudget& budget) const;
};

}  // namespace sfn::jsonpath::detail
