// A filter expression "[?( ... )]": comparisons of relative (@) or absolute ($) paths and
// literals, combined with &&, || and !, with Jayway's semantics.
#pragma once

#include <memory>
#include <optional>
#include <regex>
#include <vector>

#include "sfn/common/json.h"
#include "steps.h"

namespace sfn::jsonpath::detail {

enum class FilterOp {
  kExists,  // a lone operand: true when the path selects something
  kEq, kNe, kLt, kLe, kGt, kGe,
  kRegex,   // =~ /pattern/flags
  kIn, kNin,
  kAnd, kOr, kNot,
};

struct Operand {
  std::optional<ParsedPath> path;  // set for @... and $... operands
  Json literal;                    // otherwise
  std::shared_ptr<const std::regex> regex;
};

struct FilterExpr {
  FilterOp op = FilterOp::kExists;
  Operand left, right;                              // comparisons / kExists (left only)
  std::vector<std::shared_ptr<const FilterExpr>> children;  // kAnd, kOr, kNot

  // `current` is the node under test (@); `root` is the document the whole path runs on ($).
  bool test(const Json& current, const Json& root) const;
};

}  // namespace sfn::jsonpath::detail
