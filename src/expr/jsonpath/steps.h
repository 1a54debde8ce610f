// The compiled form of a JSONPath: a root and a list of steps. Shared by the parser, the
// selector and the filter evaluator; not part of the public interface.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sfn/expr/jsonpath/path.h"

namespace sfn::jsonpath::detail {

struct FilterExpr;

enum class StepKind {
  kProperty,  // .name, ['name'], ['a','b'] (union of names)
  kIndex,     // [n], [-n], [0,1] (union of indices)
  kWildcard,  // .*, [*]
  kSlice,     // [start:end:step]
  kFilter,    // [?(expr)]
};

struct Step {
  StepKind kind = StepKind::kProperty;
  bool deep = false;  // preceded by ".." (deep scan: applies to the node and all descendants)
  std::vector<std::string> names;
  std::vector<long long> indices;
  std::optional<long long> slice_start;
  std::optional<long long> slice_end;
  long long slice_step = 1;
  std::shared_ptr<const FilterExpr> filter;

  bool is_single() const {
    return !deep && ((kind == StepKind::kProperty && names.size() == 1) ||
                     (kind == StepKind::kIndex && indices.size() == 1));
  }
};

// '$' (input), '$$' (context), '$name' (variable) or '@' (current node, inside filters only).
struct ParsedPath {
  Root root = Root::kInput;
  bool relative = false;  // '@'
  std::string variable;
  std::vector<Step> steps;
};

}  // namespace sfn::jsonpath::detail
