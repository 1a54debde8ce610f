// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/jsonata.js, evaluateFunction(), apply(), partial application, transforms.
// Function calls, the tail-call trampoline, lambdas and closures, partial application, the
// ~> operator (application and chaining), regex matchers and transforms.
#include <algorithm>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/evaluator.h"
#include "expr/jsonata/utf8.h"

namespace sfn::jsonata {

Function::~Function() {
  DeferredRelease release;
  release.add(input);
  release.add(f);
  release.add(g);
  for (auto& b : bound) release.add(b);
}

int function_arity(const Value& v) {
  const Function& f = v.as_function();
  switch (f.kind) {
    case Function::Kind::Lambda:
      return static_cast<int>(f.params.size());
    case Function::Kind::Native:
      return f.builtin->arity;
    case Function::Kind::PartialNative: {
      int n = 0;
      for (bool p : f.placeholder) n += p ? 1 : 0;
      return n;
    }
    case Function::Kind::Chain:
      return 1;
    case Function::Kind::Regex:
      return 1;
    case Function::Kind::RegexNext:
      return 0;
    case Function::Kind::Transform:
      return 1;
  }
  return 0;
}

Value Evaluator::evaluate_function(const Node* expr, const Value& input, Frame* env,
                                   const Value* applyto) {
  Value proc = evaluate(expr->procedure.get(), input, env);
  const Node* procedure = expr->procedure.get();
  if (proc.is_undefined() && procedure->type == NodeType::Path &&
      lookup(env, procedure->steps[0]->value)) {
    throw_error("T1005", expr->position, procedure->steps[0]->value);
  }
  std::vector<Value> args;
  args.reserve(expr->arguments.size() + 1);
  if (applyto) args.push_back(*applyto);
  for (const auto& a : expr->arguments) args.push_back(evaluate(a.get(), input, env));
  const std::string& proc_name =
      procedure->type == NodeType::Path ? procedure->steps[0]->value : procedure->value;
  try {
    return apply(proc, std::move(args), input, env);
  } catch (JsonataException& e) {
    if (!e.position) e.position = expr->position;
    if (!e.token) e.token = proc_name;
    throw;
  }
}

Value Evaluator::apply(const Value& proc, std::vector<Value> args, const Value& input, Frame* env) {
  Value result = apply_inner(proc, std::move(args), input, env);
  while (result.is_function() && result.as_function().kind == Function::Kind::Lambda &&
         result.as_function().thunk) {
    std::shared_ptr<Function> thunk = result.function_ptr();
    const Node* call = thunk->node->body.get();
    Value next = evaluate(call->procedure.get(), thunk->input, thunk->env);
    std::vector<Value> evaluated;
    evaluated.reserve(call->arguments.size());
    for (const auto& a : call->arguments)
      evaluated.push_back(evaluate(a.get(), thunk->input, thunk->env));
    try {
      result = apply_inner(next, std::move(evaluated), input, env);
    } catch (JsonataException& e) {
      if (!e.position) e.position = call->position;
      if (!e.token && call->procedure->type == NodeType::Variable) e.token = call->procedure->value;
      throw;
    }
  }
  return result;
}

Value Evaluator::apply_inner(const Value& proc, std::vector<Value> args, const Value& input,
                             Frame* env) {
  check_stack();  // chains (f ~> g) and partial applications call natively, not via evaluate()
  if (!proc.is_function()) throw_error("T1006", {}, {});
  const Function& fn = proc.as_function();
  switch (fn.kind) {
    case Function::Kind::Lambda: {
      if (fn.signature) args = fn.signature->validate(args, input);
      Frame* frame = new_frame(fn.env);
      for (std::size_t i = 0; i < fn.params.size(); ++i) {
        frame->bind(fn.params[i], i < args.size() ? args[i] : Value{});
      }
      return evaluate(fn.node->body.get(), fn.input, frame);
    }
    case Function::Kind::Native: {
      try {
        if (fn.builtin->signature) args = fn.builtin->signature->validate(args, input);
        CallContext ctx{*this, input, env};
        return fn.builtin->fn(ctx, args);
      } catch (JsonataException& e) {
        if (!e.token) e.token = fn.builtin->name;
        throw;
      }
    }
    case Function::Kind::PartialNative: {
      std::vector<Value> full;
      std::size_t next = 0;
      for (std::size_t i = 0; i < fn.bound.size(); ++i) {
        if (fn.placeholder[i]) {
          full.push_back(next < args.size() ? args[next] : Value{});
          ++next;
        } else {
          full.push_back(fn.bound[i]);
        }
      }
      auto target = std::make_shared<Function>();
      target->kind = Function::Kind::Native;
      target->builtin = fn.builtin;
      return apply_inner(Value::function(std::move(target)), std::move(full), input, env);
    }
    case Function::Kind::Chain: {
      Value r = apply(fn.f, std::move(args), Value{}, env);
      return apply(fn.g, {r}, Value{}, env);
    }
    case Function::Kind::Regex: {
      if (args.empty() || !args[0].is_string()) return Value{};
      // JavaScript's lastIndex: the character to start from (ToLength: negative is 0)
      double from = args.size() > 1 && args[1].is_number() ? args[1].as_number() : 0;
      std::size_t index = from >= 1 ? static_cast<std::size_t>(std::min(from, 9e15)) : 0;
      std::size_t byte = utf8_offset(args[0].as_string(), index);
      if (byte == std::string_view::npos) return Value{};
      return call_regex(fn, args[0], byte, index);
    }
    case Function::Kind::RegexNext: {
      if (fn.next_byte >= fn.subject.as_string().size()) return Value{};
      Value next = call_regex(fn, fn.subject, fn.next_byte, fn.next_index);
      if (next.is_defined()) {
        const Value* m = next.as_object().find("match");
        if (m && m->is_string() && m->as_string().empty()) {
          throw_error("D1004", {}, {}, Value::string(fn.regex->source));
        }
      }
      return next;
    }
    case Function::Kind::Transform: {
      static const std::shared_ptr<Signature> sig = parse_signature("<(oa):o>");
      args = sig->validate(args, input);
      return apply_transform(fn, args.empty() ? Value{} : args[0], env);
    }
  }
  throw_error("T1006");
}

Value Evaluator::call_regex(const Function& fn, const Value& subject, std::size_t from_byte,
                            std::size_t from_index) {
  const std::string& str = subject.as_string();
  const std::string_view text = str;
  LinearRegex::Groups m;
  const bool found = fn.regex->re.search(text, from_byte, m);
  // RE2 reads what it passes over once (linear time): count that as work
  count_work(1 + ((found ? m[0]->end : str.size()) - from_byte) / 64);
  if (!found) return Value{};
  const auto [begin, end] = *m[0];
  // positions count characters, from where this search started
  const std::size_t start = from_index + utf8_length(text.substr(from_byte, begin - from_byte));
  const std::size_t len = utf8_length(text.substr(begin, end - begin));
  Value result = Value::new_object();
  Object& o = result.as_object();
  o.set("match", Value::string(str.substr(begin, end - begin)));
  o.set("start", Value::number(static_cast<double>(start)));
  o.set("end", Value::number(static_cast<double>(start + len)));
  Value groups = Value::new_array();
  for (std::size_t i = 1; i < m.size(); ++i) {
    push(groups, m[i] ? Value::string(str.substr(m[i]->begin, m[i]->end - m[i]->begin))
                      : Value::string(""));
  }
  o.set("groups", groups);
  auto next = std::make_shared<Function>();
  next->kind = Function::Kind::RegexNext;
  next->regex = fn.regex;
  next->subject = subject;
  // JavaScript's lastIndex after exec(): the end of the match (which a zero-length match does
  // not move, so the next search finds it again and $match & co. report D1004)
  next->next_byte = end;
  next->next_index = start + len;
  o.set("next", Value::function(std::move(next)));
  return result;
}

Value Evaluator::evaluate_lambda(const Node* expr, const Value& input, Frame* env) {
  auto f = std::make_shared<Function>();
  f->kind = Function::Kind::Lambda;
  f->node = expr;
  f->input = input;
  f->env = env;
  f->params = expr->params;
  f->signature = expr->signature;
  f->thunk = expr->thunk;
  return Value::function(std::move(f));
}

Value Evaluator::evaluate_partial(const Node* expr, const Value& input, Frame* env) {
  std::vector<Value> args;
  std::vector<bool> holes;
  for (const auto& a : expr->arguments) {
    if (a->type == NodeType::Placeholder) {
      args.emplace_back();
      holes.push_back(true);
    } else {
      args.push_back(evaluate(a.get(), input, env));
      holes.push_back(false);
    }
  }
  Value proc = evaluate(expr->procedure.get(), input, env);
  const Node* procedure = expr->procedure.get();
  if (proc.is_undefined() && procedure->type == NodeType::Path &&
      lookup(env, procedure->steps[0]->value)) {
    throw_error("T1007", expr->position, procedure->steps[0]->value);
  }
  if (proc.is_function()) {
    const Function& fn = proc.as_function();
    if (fn.kind == Function::Kind::Lambda) {
      Frame* frame = new_frame(fn.env);
      auto f = std::make_shared<Function>();
      f->kind = Function::Kind::Lambda;
      f->node = fn.node;
      f->input = fn.input;
      f->env = frame;
      for (std::size_t i = 0; i < fn.params.size(); ++i) {
        if (i < holes.size() && holes[i]) {
          f->params.push_back(fn.params[i]);
        } else {
          frame->bind(fn.params[i], i < args.size() ? args[i] : Value{});
        }
      }
      return Value::function(std::move(f));
    }
    if (fn.kind == Function::Kind::Native) {
      auto f = std::make_shared<Function>();
      f->kind = Function::Kind::PartialNative;
      f->builtin = fn.builtin;
      f->bound = args;
      f->placeholder = holes;
      return Value::function(std::move(f));
    }
    if (fn.kind == Function::Kind::PartialNative) {
      auto f = std::make_shared<Function>(fn);
      std::size_t next = 0;
      for (std::size_t i = 0; i < f->bound.size(); ++i) {
        if (!f->placeholder[i]) continue;
        if (next < holes.size() && !holes[next]) {
          f->bound[i] = args[next];
          f->placeholder[i] = false;
        } else if (next >= holes.size()) {
          f->placeholder[i] = false;
        }
        ++next;
      }
      return Value::function(std::move(f));
    }
  }
  throw_error("T1008", expr->position,
              procedure->type == NodeType::Path ? procedure->steps[0]->value : procedure->value);
}

Value Evaluator::evaluate_apply(const Node* expr, const Value& input, Frame* env) {
  Value lhs = evaluate(expr->lhs.get(), input, env);
  if (expr->rhs->type == NodeType::Function)
    return evaluate_function(expr->rhs.get(), input, env, &lhs);
  Value func = evaluate(expr->rhs.get(), input, env);
  if (!func.is_function()) throw_error("T2006", expr->position, {}, func);
  if (lhs.is_function()) {
    auto chain = std::make_shared<Function>();
    chain->kind = Function::Kind::Chain;
    chain->f = lhs;
    chain->g = func;
    return Value::function(std::move(chain));
  }
  return apply(func, {lhs}, Value{}, env);
}

Value Evaluator::evaluate_transform(const Node* expr, const Value& input, Frame* env) {
  auto f = std::make_shared<Function>();
  f->kind = Function::Kind::Transform;
  f->node = expr;
  f->env = env;
  return Value::function(std::move(f));
}

Value Evaluator::apply_transform(const Function& fn, const Value& obj, Frame* env) {
  if (obj.is_undefined()) return Value{};
  const Node* expr = fn.node;
  const Value* clone = lookup(fn.env, "clone");
  if (!clone || !clone->is_function()) throw_error("T2013", expr->position);
  Value result = apply(*clone, {obj}, Value{}, fn.env);
  Value matches = evaluate(expr->pattern.get(), result, fn.env);
  if (matches.is_undefined()) return result;
  Items list;
  if (matches.is_array()) {
    list = matches.as_array().items;
  } else {
    list.push_back(matches);
  }
  for (const auto& match : list) {
    Value update = evaluate(expr->update.get(), match, fn.env);
    if (update.is_defined()) {
      if (!update.is_object()) throw_error("T2011", expr->update->position, {}, update);
      if (match.is_object()) {
        for (const auto& [k, v] : update.as_object().entries) match.as_object().set(k, v);
      }
    }
    if (expr->del) {
      Value deletions = evaluate(expr->del.get(), match, fn.env);
      if (deletions.is_defined()) {
        Value val = deletions;
        if (!deletions.is_array()) deletions = make_sequence(deletions);
        if (!is_array_of_strings(deletions)) throw_error("T2012", expr->del->position, {}, val);
        if (match.is_object()) {
          for (const auto& d : deletions.as_array().items) match.as_object().erase(d.as_string());
        }
      }
    }
  }
  return result;
}

}  // namespace sfn::jsonata
