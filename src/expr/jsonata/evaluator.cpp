// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md): src/jsonata.js, evaluate().
// evaluate(): one case per AST node type, then predicates, grouping and sequence collapsing.
#include "expr/jsonata/evaluator.h"

#include <pthread.h>

#include <cmath>

#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/stringify.h"

namespace sfn::jsonata {
namespace {

// Stack kept free below the deepest evaluation; the rest of the thread's stack is usable.
#if defined(__SANITIZE_ADDRESS__)
constexpr std::uintptr_t kStackReserve = 2 * 1024 * 1024;
#else
constexpr std::uintptr_t kStackReserve = 512 * 1024;
#endif

std::uintptr_t compute_stack_limit() {
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* addr = nullptr;
  std::size_t size = 0;
  pthread_attr_getstack(&attr, &addr, &size);
  pthread_attr_destroy(&attr);
  auto low = reinterpret_cast<std::uintptr_t>(addr);
  if (size <= kStackReserve * 2) return low + size / 2;
  return low + kStackReserve;
}

}  // namespace

namespace {

Value lookup_field_at(const Value& input, std::string_view key, std::size_t depth) {
  if (input.is_array()) {
    check_depth(depth + 1);
    Value result = make_sequence();
    auto& out = result.as_array().items;
    for (const auto& item : input.as_array().items) {
      Value res = lookup_field_at(item, key, depth + 1);
      if (res.is_defined()) {
        if (res.is_array()) {
          for (const auto& v : res.as_array().items) out.push_back(v);
        } else {
          out.push_back(std::move(res));
        }
      }
    }
    return result;
  }
  if (input.is_object()) return input.member(key);
  return Value{};
}

}  // namespace

Value lookup_field(const Value& input, std::string_view key) {
  return lookup_field_at(input, key, 0);
}

namespace {

void flatten_into(const Value& v, Items& out, std::size_t depth = 0) {
  if (v.is_array()) {
    check_depth(depth + 1);
    for (const auto& i : v.as_array().items) flatten_into(i, out, depth + 1);
  } else {
    out.push_back(v);
  }
}

Value evaluate_wildcard(const Value& input_in) {
  Value results = make_sequence();
  Value input = input_in;
  if (input.is_array() && input.as_array().outer_wrapper && input.size() > 0) input = input[0];
  // jsonata-js appends a flattened array with fn.append, which makes a new plain array: the first
  // time here too, then into that array in place (not a copy per member)
  bool appended = false;
  auto add = [&](const Value& v) {
    if (v.is_array()) {
      if (!appended) results = append_values(results, Value::new_array());
      appended = true;
      flatten_into(v, results.as_array().items);
    } else {
      push(results, v);
    }
  };
  if (input.is_array()) {
    for (const auto& v : input.as_array().items) add(v);
  }
  if (input.is_object()) {
    for (const auto& [k, v] : input.as_object().entries) add(v);
  }
  return results;
}

void recurse_descendants(const Value& input, Items& results, std::size_t depth) {
  if (!input.is_array()) results.push_back(input);
  if (input.is_array()) {
    check_depth(depth + 1);
    for (const auto& m : input.as_array().items) recurse_descendants(m, results, depth + 1);
  } else if (input.is_object()) {
    check_depth(depth + 1);
    for (const auto& [k, v] : input.as_object().entries) recurse_descendants(v, results, depth + 1);
  }
}

Value evaluate_descendants(Evaluator& ev, const Value& input) {
  if (input.is_undefined()) return Value{};
  Value seq = make_sequence();
  recurse_descendants(input, seq.as_array().items, 0);
  ev.count_work(seq.size());
  if (seq.size() == 1) return seq[0];
  return seq;
}

}  // namespace

const Value* Frame::lookup(std::string_view name) const {
  for (const Frame* f = this; f; f = f->parent) {
    for (const auto& [k, v] : f->vars) {
      if (k == name) return &v;
    }
  }
  return nullptr;
}

void Frame::bind(std::string_view name, Value v) {
  for (auto& [k, val] : vars) {
    if (k == name) {
      val = std::move(v);
      return;
    }
  }
  vars.emplace_back(std::string(name), std::move(v));
}

Evaluator::Evaluator(const BuiltinRegistry& registry, const Limits& limits)
    : registry_(registry), limits_(limits) {
  deadline_ = std::chrono::steady_clock::now() + limits.timeout;
  // pthread_getattr_np reads /proc/self/maps on the main thread: once per thread is enough
  thread_local const std::uintptr_t limit = compute_stack_limit();
  stack_limit_ = limit;
  now_ms_ = static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count());
}

Frame* Evaluator::new_frame(Frame* parent) {
  // frames live until the evaluation ends (closures may point at them); the deque adds a block
  // of pointers and slack to each
  MemoryBudget::charge(sizeof(Frame) + kAllocationOverhead);
  frames_.emplace_back();
  frames_.back().parent = parent;
  return &frames_.back();
}

const Value* Evaluator::lookup(Frame* env, std::string_view name) const {
  if (env) {
    if (const Value* v = env->lookup(name)) return v;
  }
  return registry_.find(name);
}

void Evaluator::check_stack() const {
  char probe;
  if (stack_limit_ && reinterpret_cast<std::uintptr_t>(&probe) < stack_limit_) throw_error("U1001");
}

void Evaluator::check_limits() {
  if (depth_ > limits_.max_depth) throw_error("U1001");
  check_stack();
  if ((++steps_ & 1023) == 0) {
    if (steps_ > limits_.max_steps || std::chrono::steady_clock::now() > deadline_)
      throw_error("U1002");
  }
}

void Evaluator::count_work(std::size_t units) {
  const std::size_t before = steps_;
  steps_ += units;
  // the same checks check_limits() makes once every 1024 steps
  if ((before >> 10) != (steps_ >> 10)) {
    if (steps_ > limits_.max_steps || std::chrono::steady_clock::now() > deadline_)
      throw_error("U1002");
  }
}

Value Evaluator::evaluate(const Node* expr, const Value& input, Frame* env) {
  ++depth_;
  struct DepthGuard {
    std::size_t& d;
    ~DepthGuard() { --d; }
  } guard{depth_};
  check_limits();

  Value result;
  switch (expr->type) {
    case NodeType::Path:
      if (expr->lone_field && !input.is_array()) {
        // what evaluate_path does for it, without the path machinery
        result = lookup_field(input, expr->steps[0]->value);
        collapse_sequence(result, false);
        if (!result.is_sequence()) break;
      }
      result = evaluate_path(expr, input, env);
      break;
    case NodeType::Binary:
      result = evaluate_binary(expr, input, env);
      break;
    case NodeType::Unary:
      result = evaluate_unary(expr, input, env);
      break;
    case NodeType::Name:
      result = lookup_field(input, expr->value);
      break;
    case NodeType::String:
    case NodeType::Number:
    case NodeType::Value:
      result = expr->literal;
      break;
    case NodeType::Wildcard:
      result = evaluate_wildcard(input);
      break;
    case NodeType::Descendant:
      result = evaluate_descendants(*this, input);
      break;
    case NodeType::Parent: {
      const Value* v = env ? env->lookup(expr->slot->label) : nullptr;
      if (v) result = *v;
      break;
    }
    case NodeType::Condition: {
      Value cond = evaluate(expr->condition.get(), input, env);
      if (truthy(cond)) {
        result = evaluate(expr->then.get(), input, env);
      } else if (expr->otherwise) {
        result = evaluate(expr->otherwise.get(), input, env);
      }
      break;
    }
    case NodeType::Block: {
      Frame* frame = expr->needs_frame ? new_frame(env) : env;
      for (const auto& e : expr->expressions) result = evaluate(e.get(), input, frame);
      break;
    }
    case NodeType::Bind: {
      result = evaluate(expr->rhs.get(), input, env);
      env->bind(expr->lhs->value, result);
      break;
    }
    case NodeType::Regex: {
      auto f = std::make_shared<Function>();
      f->kind = Function::Kind::Regex;
      f->regex = expr->regex;
      result = Value::function(std::move(f));
      break;
    }
    case NodeType::Function:
      result = evaluate_function(expr, input, env, nullptr);
      break;
    case NodeType::Variable: {
      if (expr->value.empty()) {
        result = input.is_array() && input.as_array().outer_wrapper ? input[0] : input;
      } else if (const Value* v = lookup(env, expr->value)) {
        result = *v;
      }
      break;
    }
    case NodeType::Lambda:
      result = evaluate_lambda(expr, input, env);
      break;
    case NodeType::Partial:
      result = evaluate_partial(expr, input, env);
      break;
    case NodeType::Apply:
      result = evaluate_apply(expr, input, env);
      break;
    case NodeType::Transform:
      result = evaluate_transform(expr, input, env);
      break;
    default:
      break;
  }

  if (expr->has_predicate) {
    for (const auto& p : expr->predicate) result = evaluate_filter(p.expr.get(), result, env);
  }
  if (expr->type != NodeType::Path && expr->group)
    result = evaluate_group(*expr->group, result, env);

  collapse_sequence(result, expr->keep_array);
  return result;
}

void collapse_sequence(Value& result, bool keep_array) {
  if (result.is_sequence() && !result.as_array().tuple_stream) {
    Array& arr = result.as_array();
    if (keep_array) arr.keep_singleton = true;
    if (arr.items.empty()) {
      result = Value{};
    } else if (arr.items.size() == 1 && !arr.keep_singleton) {
      Value single = arr.items[0];
      result = std::move(single);
    }
  }
}

// ---- helpers shared with the function library ----

Value to_boolean(const Value& arg) {
  if (arg.is_undefined()) return Value{};
  return Value::boolean(truthy(arg));
}

namespace {

bool truthy_at(const Value& arg, std::size_t depth) {
  switch (arg.type()) {
    case ValueType::Undefined:
    case ValueType::Null:
    case ValueType::Function:
      return false;
    case ValueType::Boolean:
      return arg.as_bool();
    case ValueType::String:
      return !arg.as_string().empty();
    case ValueType::Number:
      return is_numeric(arg) && arg.as_number() != 0;
    case ValueType::Object:
      return arg.as_object().size() > 0;
    case ValueType::Array: {
      check_depth(depth + 1);
      const auto& items = arg.as_array().items;
      if (items.size() == 1) return truthy_at(items[0], depth + 1);
      for (const auto& v : items) {
        if (truthy_at(v, depth + 1)) return true;
      }
      return false;
    }
  }
  return false;
}

}  // namespace

bool truthy(const Value& arg) { return truthy_at(arg, 0); }

Value append_values(const Value& a, const Value& b) {
  if (a.is_undefined()) return b;
  if (b.is_undefined()) return a;
  Value out = Value::new_array();
  auto& items = out.as_array().items;
  if (a.is_array()) {
    items = a.as_array().items;
  } else {
    items.push_back(a);
  }
  if (b.is_array()) {
    items.insert(items.end(), b.as_array().items.begin(), b.as_array().items.end());
  } else {
    items.push_back(b);
  }
  return out;
}

Value to_string_value(const Value& arg, bool pretty) {
  if (arg.is_undefined()) return Value{};
  if (arg.is_string()) return arg;
  if (arg.is_function()) return Value::string("");
  if (arg.is_number() && !std::isfinite(arg.as_number())) throw_error("D3001", {}, {}, arg);
  Value v = arg;
  if (v.is_array() && v.as_array().outer_wrapper && v.size() > 0) v = v[0];
  return Value::string(stringify(v, pretty));
}

Value deep_clone(const Value& v, std::size_t depth) {
  if (v.is_array()) {
    check_depth(depth + 1);
    auto a = std::make_shared<Array>(*v.array_ptr());
    for (auto& item : a->items) item = deep_clone(item, depth + 1);
    return Value::array(std::move(a));
  }
  if (v.is_object()) {
    check_depth(depth + 1);
    Value o = Value::new_object();
    for (const auto& [k, m] : v.as_object().entries) o.as_object().set(k, deep_clone(m, depth + 1));
    return o;
  }
  return v;
}

}  // namespace sfn::jsonata
