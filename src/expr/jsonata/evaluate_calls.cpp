// Function calls, the tail-call trampoline, lambdas and closures, partial application, the
// ~> operator (application and chaining), regex matchers and transforms.
#include "expr/jsonata/evaluator.h"
#include "expr/jsonata/registry.h"
#include "expr/jsonata/utf8.h"

namespace sfn::jsonata {

int function_arity(const Value& v) {
  const Function& f = v.as_function();
  switch (f.kind) {
    case Function::Kind::Lambda: return static_cast<int>(f.params.size());
    case Function::Kind::Native: return f.builtin->arity;
    case Function::Kind::PartialNative: {
      int n = 0;
      for (bool p : f.placeholder) n += p ? 1 : 0;
      return n;
    }
    case Function::Kind::Chain: return 1;
    case Function::Kind::Regex: return 1;
    case Function::Kind::RegexNext: return 0;
    case Function::Kind::Transform: return 1;
  }
  return 0;
}

Value Evaluator::evaluate_function(const Node* expr, const Value& input, Frame* env, const Value* applyto) {
  Value proc = evaluate(expr->procedure.get(), input, env);
  const Node* procedure = expr->procedure.get();
  if (proc.is_undefined() && procedure->type == NodeType::Path && lookup(env, procedure->steps[0]->value)) {
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
    for (const auto& a : call->arguments) evaluated.push_back(evaluate(a.get(), thunk->input, thunk->env));
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

Value Evaluator::apply_inner(const Value& proc, std::vector<Value> args, const Value& input, Frame* env) {
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
      std::size_t from = args.size() > 1 && args[1].is_number() ? static_cast<std::size_t>(args[1].as_number()) : 0;
      return call_regex(fn, args[0].as_string(), from);
    }
    case Function::Kind::RegexNext: {
      std::wstring subject = to_wide(fn.subject);
      if (fn.last_index >= subject.size()) return Value{};
      Value next = call_regex(fn, fn.subject, fn.last_index);
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

Value Evaluator::call_regex(const Function& fn, const std::string& str, std::size_t from) {
  std::wstring subject = to_wide(str);
  if (from > subject.size()) return Value{};
  std::wsmatch m;
  auto begin = subject.cbegin() + static_cast<std::ptrdiff_t>(from);
  auto flags = from > 0 ? std::regex_constants::match_prev_avail : std::regex_constants::match_default;
  if (!std::regex_search(begin, subject.cend(), m, fn.regex->re, flags)) return Value{};
  std::size_t start = static_cast<std::size_t>(m[0].first - subject.cbegin());
  std::size_t len = static_cast<std::size_t>(m[0].length());
  Value result = Value::new_object();
  Object& o = result.as_object();
  o.set("match", Value::string(from_wide(m[0].str())));
  o.set("start", Value::number(static_cast<double>(start)));
  o.set("end", Value::number(static_cast<double>(start + len)));
  Value groups = Value::new_array();
  for (std::size_t i = 1; i < m.size(); ++i) {
    push(groups, m[i].matched ? Value::string(from_wide(m[i].str())) : Value::string(""));
  }
  o.set("groups", groups);
  auto next = std::make_shared<Function>();
  next->kind = Function::Kind::RegexNext;
  next->regex = fn.regex;
  next->subject = str;
  next->last_index = len == 0 ? start : start + len;
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
  if (proc.is_undefined() && procedure->type == NodeType::Path && lookup(env, procedure->steps[0]->value)) {
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
  if (expr->rhs->type == NodeType::Function) return evaluate_function(expr->rhs.get(), input, env, &lhs);
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
  std::vector<Value> list;
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
