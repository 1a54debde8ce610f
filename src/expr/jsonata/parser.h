// Pratt parser (jsonata-js parser.js): tokens -> raw AST, then ast_rewrite -> evaluated AST.
#pragma once

#include <string_view>

#include "expr/jsonata/ast.h"

namespace sfn::jsonata {

// Guards the parser's recursion against deeply nested input such as "((((((...": each nested
// sub-expression costs one level.
constexpr int kMaxParseDepth = 400;

// Parses and rewrites; throws JsonataException (S0xxx) on syntax errors.
NodePtr parse(std::string_view text);

// The rewrite step (ast_rewrite.cpp).
NodePtr rewrite_ast(const NodePtr& raw);

}  // namespace sfn::jsonata
