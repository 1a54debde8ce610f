// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/parser.js, processAST() and its tail-call marking.
// processAST of jsonata-js: binary '.' becomes a path of steps, '[' a predicate or stage, '{' a
// group-by, '^' a sort step, '@'/'#' tuple bindings; '%' parent references are resolved to the
// step whose context they name; function calls in tail position become thunks.
#include "expr/jsonata/error.h"
#include "expr/jsonata/parser.h"

namespace sfn::jsonata {
namespace {

class Rewriter {
 public:
  NodePtr process(const NodePtr& expr);

 private:
  NodePtr tail_call_optimize(const NodePtr& expr);
  SlotPtr seek_parent(Node* node, SlotPtr slot);
  void push_ancestry(Node* result, Node* value);
  void resolve_ancestry(Node* path);
  NodePtr path_of(const NodePtr& step) {
    auto p = std::make_shared<Node>();
    p->type = NodeType::Path;
    p->steps.push_back(step);
    p->position = step->position;
    return p;
  }

  int ancestor_label_ = 0;
  int ancestor_index_ = 0;
  std::vector<Node*> ancestry_;
};

SlotPtr Rewriter::seek_parent(Node* node, SlotPtr slot) {
  switch (node->type) {
    case NodeType::Name:
    case NodeType::Wildcard:
      slot->level--;
      if (slot->level == 0) {
        if (node->ancestor) {
          ancestry_[slot->index]->slot->label = node->ancestor->label;
        }
        node->ancestor = slot;
        node->tuple = true;
      }
      break;
    case NodeType::Parent:
      slot->level++;
      break;
    case NodeType::Block:
      if (!node->expressions.empty()) {
        node->tuple = true;
        slot = seek_parent(node->expressions.back().get(), slot);
      }
      break;
    case NodeType::Path: {
      node->tuple = true;
      int index = static_cast<int>(node->steps.size()) - 1;
      slot = seek_parent(node->steps[index--].get(), slot);
      while (slot->level > 0 && index >= 0) slot = seek_parent(node->steps[index--].get(), slot);
      break;
    }
    default: {
      static const char* kNames[] = {"path",      "binary",   "unary",    "name",       "string",
                                     "number",    "value",    "wildcard", "descendant", "parent",
                                     "condition", "block",    "bind",     "regex",      "function",
                                     "partial",   "variable", "lambda",   "apply",      "transform",
                                     "sort",      "operator", "error",    "operator"};
      throw_error("S0217", node->position, kNames[static_cast<int>(node->type)]);
    }
  }
  return slot;
}

void Rewriter::push_ancestry(Node* result, Node* value) {
  if (value->has_seeking_parent || value->type == NodeType::Parent) {
    std::vector<SlotPtr> slots = value->seeking_parent;
    if (value->type == NodeType::Parent) slots.push_back(value->slot);
    result->seeking_parent.insert(result->seeking_parent.end(), slots.begin(), slots.end());
    result->has_seeking_parent = true;
  }
}

void Rewriter::resolve_ancestry(Node* path) {
  int index = static_cast<int>(path->steps.size()) - 1;
  Node* laststep = path->steps[index].get();
  std::vector<SlotPtr> slots = laststep->seeking_parent;
  if (laststep->type == NodeType::Parent) slots.push_back(laststep->slot);
  for (auto slot : slots) {
    index = static_cast<int>(path->steps.size()) - 2;
    while (slot->level > 0) {
      if (index < 0) {
        path->seeking_parent.push_back(slot);
        path->has_seeking_parent = true;
        break;
      }
      Node* step = path->steps[index--].get();
      while (index >= 0 && step->has_focus && path->steps[index]->has_focus) {
        step = path->steps[index--].get();
      }
      slot = seek_parent(step, slot);
    }
  }
}

NodePtr Rewriter::tail_call_optimize(const NodePtr& expr) {
  if (expr->type == NodeType::Function && !expr->has_predicate) {
    auto thunk = std::make_shared<Node>();
    thunk->type = NodeType::Lambda;
    thunk->thunk = true;
    thunk->position = expr->position;
    thunk->body = expr;
    return thunk;
  }
  if (expr->type == NodeType::Condition) {
    expr->then = tail_call_optimize(expr->then);
    if (expr->otherwise) expr->otherwise = tail_call_optimize(expr->otherwise);
    return expr;
  }
  if (expr->type == NodeType::Block) {
    if (!expr->expressions.empty())
      expr->expressions.back() = tail_call_optimize(expr->expressions.back());
    return expr;
  }
  return expr;
}

NodePtr Rewriter::process(const NodePtr& expr) {
  NodePtr result;
  switch (expr->type) {
    case NodeType::Binary: {
      const std::string& op = expr->value;
      if (op == ".") {
        NodePtr lstep = process(expr->lhs);
        if (lstep->type == NodeType::Path) {
          result = lstep;
        } else {
          result = path_of(lstep);
        }
        if (lstep->type == NodeType::Parent) {
          result->seeking_parent = {lstep->slot};
          result->has_seeking_parent = true;
        }
        NodePtr rest = process(expr->rhs);
        if (rest->type == NodeType::Path) {
          result->steps.insert(result->steps.end(), rest->steps.begin(), rest->steps.end());
        } else {
          if (rest->has_predicate) {
            rest->stages = std::move(rest->predicate);
            rest->predicate.clear();
            rest->has_predicate = false;
            rest->has_stages = true;
          }
          result->steps.push_back(rest);
        }
        for (auto& step : result->steps) {
          if (step->type == NodeType::Number || step->type == NodeType::Value) {
            throw_error("S0213", step->position, {}, step->literal);
          }
          if (step->type == NodeType::String) {
            step->type = NodeType::Name;
          }
        }
        for (auto& step : result->steps) {
          if (step->keep_array) result->keep_singleton_array = true;
        }
        Node* first = result->steps.front().get();
        if (first->type == NodeType::Unary && first->value == "[") first->cons_array = true;
        Node* last = result->steps.back().get();
        if (last->type == NodeType::Unary && last->value == "[") last->cons_array = true;
        resolve_ancestry(result.get());
      } else if (op == "[") {
        result = process(expr->lhs);
        Node* step = result.get();
        bool stages = false;
        if (result->type == NodeType::Path) {
          step = result->steps.back().get();
          stages = true;
        }
        if (step->group) throw_error("S0209", expr->position);
        NodePtr predicate = process(expr->rhs);
        if (predicate->has_seeking_parent) {
          for (auto& slot : predicate->seeking_parent) {
            if (slot->level == 1) {
              seek_parent(step, slot);
            } else {
              slot->level--;
            }
          }
          push_ancestry(step, predicate.get());
        }
        Stage st;
        st.expr = predicate;
        st.position = expr->position;
        if (stages) {
          step->stages.push_back(st);
          step->has_stages = true;
        } else {
          step->predicate.push_back(st);
          step->has_predicate = true;
        }
      } else if (op == "{") {
        result = process(expr->lhs);
        if (result->group) throw_error("S0210", expr->position);
        auto g = std::make_shared<GroupBy>();
        g->position = expr->position;
        for (auto& [k, v] : expr->pairs) g->pairs.emplace_back(process(k), process(v));
        result->group = g;
      } else if (op == "^") {
        result = process(expr->lhs);
        if (result->type != NodeType::Path) result = path_of(result);
        auto sort = std::make_shared<Node>();
        sort->type = NodeType::Sort;
        sort->position = expr->position;
        for (auto& term : expr->terms) {
          NodePtr e = process(term.expression);
          push_ancestry(sort.get(), e.get());
          sort->terms.push_back(SortTerm{term.descending, e});
        }
        result->steps.push_back(sort);
        resolve_ancestry(result.get());
      } else if (op == ":=") {
        result = std::make_shared<Node>();
        result->type = NodeType::Bind;
        result->value = op;
        result->position = expr->position;
        result->lhs = process(expr->lhs);
        result->rhs = process(expr->rhs);
        push_ancestry(result.get(), result->rhs.get());
      } else if (op == "@") {
        result = process(expr->lhs);
        Node* step = result.get();
        if (result->type == NodeType::Path) step = result->steps.back().get();
        if (step->has_stages || step->has_predicate) throw_error("S0215", expr->position);
        if (step->type == NodeType::Sort) throw_error("S0216", expr->position);
        if (expr->keep_array) step->keep_array = true;
        step->focus = expr->rhs->value;
        step->has_focus = true;
        step->tuple = true;
      } else if (op == "#") {
        result = process(expr->lhs);
        Node* step = result.get();
        if (result->type == NodeType::Path) {
          step = result->steps.back().get();
        } else {
          result = path_of(result);
          if (step->has_predicate) {
            step->stages = std::move(step->predicate);
            step->predicate.clear();
            step->has_predicate = false;
            step->has_stages = true;
          }
        }
        if (!step->has_stages) {
          step->index = expr->rhs->value;
          step->has_index = true;
        } else {
          Stage st;
          st.is_index = true;
          st.var = expr->rhs->value;
          st.position = expr->position;
          step->stages.push_back(st);
        }
        step->tuple = true;
      } else if (op == "~>") {
        result = std::make_shared<Node>();
        result->type = NodeType::Apply;
        result->value = op;
        result->position = expr->position;
        result->lhs = process(expr->lhs);
        result->rhs = process(expr->rhs);
        result->keep_array = result->lhs->keep_array || result->rhs->keep_array;
      } else {
        result = std::make_shared<Node>();
        result->type = NodeType::Binary;
        result->value = op;
        result->position = expr->position;
        result->lhs = process(expr->lhs);
        result->rhs = process(expr->rhs);
        push_ancestry(result.get(), result->lhs.get());
        push_ancestry(result.get(), result->rhs.get());
      }
      break;
    }
    case NodeType::Unary: {
      result = std::make_shared<Node>();
      result->type = NodeType::Unary;
      result->value = expr->value;
      result->position = expr->position;
      if (expr->value == "[") {
        for (auto& item : expr->expressions) {
          NodePtr v = process(item);
          push_ancestry(result.get(), v.get());
          result->expressions.push_back(v);
        }
      } else if (expr->value == "{") {
        for (auto& [k, v] : expr->pairs) {
          NodePtr key = process(k);
          push_ancestry(result.get(), key.get());
          NodePtr val = process(v);
          push_ancestry(result.get(), val.get());
          result->pairs.emplace_back(key, val);
        }
        result->object_pairs = std::make_shared<GroupBy>();
        result->object_pairs->pairs = result->pairs;
        result->object_pairs->position = expr->position;
      } else {
        result->expression = process(expr->expression);
        if (expr->value == "-" && result->expression->type == NodeType::Number) {
          result = result->expression;
          result->number = -result->number;
          result->literal = Value::number(result->number);
        } else {
          push_ancestry(result.get(), result->expression.get());
        }
      }
      break;
    }
    case NodeType::Function:
    case NodeType::Partial: {
      result = std::make_shared<Node>();
      result->type = expr->type;
      result->value = expr->value;
      result->position = expr->position;
      for (auto& arg : expr->arguments) {
        NodePtr a = process(arg);
        push_ancestry(result.get(), a.get());
        result->arguments.push_back(a);
      }
      result->procedure = process(expr->procedure);
      break;
    }
    case NodeType::Lambda: {
      result = std::make_shared<Node>();
      result->type = NodeType::Lambda;
      result->params = expr->params;
      result->signature = expr->signature;
      result->position = expr->position;
      result->body = tail_call_optimize(process(expr->body));
      break;
    }
    case NodeType::Condition: {
      result = std::make_shared<Node>();
      result->type = NodeType::Condition;
      result->position = expr->position;
      result->condition = process(expr->condition);
      push_ancestry(result.get(), result->condition.get());
      result->then = process(expr->then);
      push_ancestry(result.get(), result->then.get());
      if (expr->otherwise) {
        result->otherwise = process(expr->otherwise);
        push_ancestry(result.get(), result->otherwise.get());
      }
      break;
    }
    case NodeType::Transform: {
      result = std::make_shared<Node>();
      result->type = NodeType::Transform;
      result->position = expr->position;
      result->pattern = process(expr->pattern);
      result->update = process(expr->update);
      if (expr->del) result->del = process(expr->del);
      break;
    }
    case NodeType::Block: {
      result = std::make_shared<Node>();
      result->type = NodeType::Block;
      result->position = expr->position;
      for (auto& item : expr->expressions) {
        NodePtr part = process(item);
        push_ancestry(result.get(), part.get());
        if (part->cons_array || (part->type == NodeType::Path && part->steps[0]->cons_array)) {
          result->cons_array = true;
        }
        result->expressions.push_back(part);
      }
      break;
    }
    case NodeType::Name: {
      result = path_of(expr);
      if (expr->keep_array) result->keep_singleton_array = true;
      break;
    }
    case NodeType::Parent: {
      result = std::make_shared<Node>();
      result->type = NodeType::Parent;
      result->position = expr->position;
      result->slot = std::make_shared<Slot>();
      result->slot->label = "!" + std::to_string(ancestor_label_++);
      result->slot->level = 1;
      result->slot->index = ancestor_index_++;
      ancestry_.push_back(result.get());
      break;
    }
    case NodeType::String:
    case NodeType::Number:
    case NodeType::Value:
    case NodeType::Wildcard:
    case NodeType::Descendant:
    case NodeType::Variable:
    case NodeType::Regex:
    case NodeType::Placeholder:
      result = expr;
      break;
    case NodeType::Operator: {
      if (expr->value == "and" || expr->value == "or" || expr->value == "in") {
        expr->type = NodeType::Name;
        result = process(expr);
      } else if (expr->value == "(end)") {
        throw_error("S0207", expr->position, expr->value);
      } else {
        throw_error("S0201", expr->position, expr->value);
      }
      break;
    }
    default:
      throw_error("S0206", expr->position, expr->value);
  }
  if (expr->keep_array) result->keep_array = true;
  return result;
}

}  // namespace

NodePtr rewrite_ast(const NodePtr& raw) {
  Rewriter r;
  NodePtr expr = r.process(raw);
  if (expr->type == NodeType::Parent || expr->has_seeking_parent) {
    throw_error("S0217", expr->position, expr->type == NodeType::Parent ? "parent" : "path");
  }
  mark_shortcuts(expr.get());
  return expr;
}

}  // namespace sfn::jsonata
