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

// Marks evaluator shortcuts (Node::needs_frame, Node::lone_field) on a rewritten tree
// (ast_marks.cpp); rewrite_ast calls it last.
void mark_shortcuts(Node* root);

}  // namespace sfn::jsonata
