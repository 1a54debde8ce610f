// The compiled form of an intrinsic call: a tree of function calls whose leaves are literals
// and paths. Immutable after parsing.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "expr/intrinsics/intrinsic_registry.h"
#include "sfn/expr/jsonpath/path.h"

namespace sfn::intrinsics {

struct CallNode {
  enum class Kind { kLiteral, kPath, kCall };
  Kind kind = Kind::kLiteral;
  Json literal;     // kLiteral (string literals unescaped)
  std::string raw;  // kLiteral strings: the text between the quotes, escapes kept
  std::optional<jsonpath::Path> path;      // kPath
  const FunctionSpec* function = nullptr;  // kCall
  std::vector<CallNode> args;              // kCall
};

// Parses "States.Name(args...)". Returns the error message on failure.
tl::expected<CallNode, std::string> parse_call(std::string_view text,
                                               const IntrinsicRegistry& registry);

}  // namespace sfn::intrinsics
