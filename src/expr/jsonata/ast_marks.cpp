// Marks on a rewritten tree what the evaluator may take shortcuts on (Node::needs_frame,
// Node::lone_field). A separate pass after rewrite_ast (ast_rewrite.cpp mirrors jsonata-js).
#include "expr/jsonata/parser.h"

namespace sfn::jsonata {
namespace {

// Marks what the evaluator may take shortcuts on (needs_frame, lone_field), and returns true when
// evaluating `node` can never bind a variable in the frame it is evaluated in: only
// node kinds known not to bind qualify (a call might be $eval, which binds in its caller's
// frame), and only if their children qualify too. A block binds in its own frame, so its
// expressions decide whether it needs one. One pass over the whole tree.
bool binds_nothing(Node* node) {
  if (!node) return true;
  bool ok = true;
  auto visit = [&](const NodePtr& child) { ok = binds_nothing(child.get()) && ok; };
  for (const NodePtr* child :
       {&node->lhs, &node->rhs, &node->expression, &node->condition, &node->then, &node->otherwise,
        &node->pattern, &node->update, &node->del, &node->procedure, &node->body}) {
    visit(*child);
  }
  for (const auto* list : {&node->expressions, &node->arguments, &node->steps}) {
    for (const auto& child : *list) visit(child);
  }
  for (const auto& [k, v] : node->pairs) {
    visit(k);
    visit(v);
  }
  for (const auto& term : node->terms) visit(term.expression);
  for (const auto& stage : node->predicate) visit(stage.expr);
  for (const auto& stage : node->stages) visit(stage.expr);
  for (const auto* group : {node->group.get(), node->object_pairs.get()}) {
    if (!group) continue;
    for (const auto& [k, v] : group->pairs) {
      visit(k);
      visit(v);
    }
  }
  if (node->type == NodeType::Path && node->steps.size() == 1) {
    const Node* step = node->steps[0].get();
    node->lone_field = step->type == NodeType::Name && !step->has_predicate && !step->group &&
                       !step->keep_array && !step->has_stages && !step->tuple &&
                       !node->keep_singleton_array && !node->keep_array && !node->has_predicate &&
                       !node->group;
  }
  switch (node->type) {
    case NodeType::Block:
      node->needs_frame = !ok;
      return true;
    case NodeType::Path:
    case NodeType::Binary:
    case NodeType::Unary:
    case NodeType::Name:
    case NodeType::String:
    case NodeType::Number:
    case NodeType::Value:
    case NodeType::Wildcard:
    case NodeType::Descendant:
    case NodeType::Parent:
    case NodeType::Condition:
    case NodeType::Variable:
    case NodeType::Sort:
      return ok;
    default:
      return false;
  }
}

}  // namespace

void mark_shortcuts(Node* root) { binds_nothing(root); }

}  // namespace sfn::jsonata
