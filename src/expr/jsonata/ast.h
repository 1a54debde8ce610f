// AST of a JSONata expression. The parser builds the raw tree; ast_rewrite turns it into the
// evaluated form (paths of steps, stages, tuple bindings, parent slots, tail calls), as
// jsonata-js' processAST does. After compilation nodes are never modified.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "expr/jsonata/tokenizer.h"
#include "expr/jsonata/value.h"
#include "sfn/common/linear_regex.h"

namespace sfn::jsonata {

struct Signature;

enum class NodeType {
  Path,
  Binary,
  Unary,
  Name,
  String,
  Number,
  Value,
  Wildcard,
  Descendant,
  Parent,
  Condition,
  Block,
  Bind,
  Regex,
  Function,
  Partial,
  Variable,
  Lambda,
  Apply,
  Transform,
  Sort,
  Operator,
  Error,
  Placeholder
};

struct Node;
using NodePtr = std::shared_ptr<Node>;

struct Slot {
  std::string label;
  int level = 1;
  int index = 0;
};
using SlotPtr = std::shared_ptr<Slot>;

struct Stage {
  bool is_index = false;  // else: filter
  NodePtr expr;
  std::string var;
  std::size_t position = 0;
};

struct SortTerm {
  bool descending = false;
  NodePtr expression;
};

struct GroupBy {
  std::vector<std::pair<NodePtr, NodePtr>> pairs;
  std::size_t position = 0;
};

// A regex literal, compiled when the expression is (JavaScript syntax, run in linear time).
struct CompiledRegex {
  LinearRegex re;
  std::string source;
};

struct Node {
  NodeType type = NodeType::Error;
  std::string value;  // operator, name, variable, string literal, "true"/"false"/"null"
  double number = 0;
  std::size_t position = 0;
  Value literal;  // String, Number and Value nodes

  NodePtr lhs, rhs, expression, condition, then, otherwise, pattern, update, del, procedure, body;
  std::vector<NodePtr> expressions;                // array constructor, block
  std::vector<NodePtr> arguments;                  // function call / lambda params (raw)
  std::vector<NodePtr> steps;                      // path
  std::vector<std::pair<NodePtr, NodePtr>> pairs;  // object constructor / group (raw '{')
  std::vector<SortTerm> terms;                     // order-by
  std::vector<Stage> predicate;                    // predicates on a non-path node
  std::vector<Stage> stages;                       // stages on a path step
  bool has_stages = false;
  bool has_predicate = false;
  std::shared_ptr<GroupBy> group;
  std::shared_ptr<GroupBy> object_pairs;  // object constructor '{...}'

  std::vector<std::string> params;  // lambda parameter names
  std::shared_ptr<Signature> signature;
  bool thunk = false;

  bool keep_array = false;
  bool keep_singleton_array = false;
  bool cons_array = false;
  bool tuple = false;
  bool has_focus = false;
  std::string focus;
  bool has_index = false;
  std::string index;
  SlotPtr slot;      // parent operator
  SlotPtr ancestor;  // name/wildcard step that binds an ancestor
  std::vector<SlotPtr> seeking_parent;
  bool has_seeking_parent = false;
  std::shared_ptr<CompiledRegex> regex;

  // Set after the rewrite (mark_shortcuts in ast_marks.cpp). A block whose expressions can never
  // bind a variable in its scope evaluates in its parent's frame, which it could not change anyway.
  bool needs_frame = true;
  // A path that is one name step with nothing attached to it or to the path: on a non-array input
  // its value is the field's value, collapsed like a sequence.
  bool lone_field = false;
};

}  // namespace sfn::jsonata
