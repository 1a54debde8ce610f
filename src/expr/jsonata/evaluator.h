// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/jsonata.js, evaluate() and its helpers.
// The per-evaluation state (frames, limits, clock) and the const-AST evaluator of jsonata-js'
// jsonata.js evaluate(). One Evaluator serves exactly one Program::evaluate call.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "expr/jsonata/ast.h"
#include "expr/jsonata/error.h"
#include "expr/jsonata/signature.h"
#include "expr/jsonata/value.h"
#include "sfn/expr/jsonata/program.h"

namespace sfn::jsonata {

// A scope of variable bindings. Frames live in the evaluation's arena, so closures may point at
// them freely (and cycles between a closure and its own frame cost nothing).
struct Frame {
  Frame* parent = nullptr;
  std::vector<std::pair<std::string, Value>, BudgetAllocator<std::pair<std::string, Value>>> vars;

  const Value* lookup(std::string_view name) const;
  void bind(std::string_view name, Value v);
};

class Evaluator;
class BuiltinRegistry;

struct CallContext {
  Evaluator& ev;
  const Value& input;
  Frame* env;
};

using NativeFn = Value (*)(CallContext& ctx, std::vector<Value>& args);

struct Builtin {
  std::string name;
  NativeFn fn = nullptr;
  std::shared_ptr<Signature> signature;
  int arity = 0;  // what jsonata-js' implementation.length reports (used by $map & co.)
};

struct Function {
  Function() = default;
  Function(const Function&) = default;
  Function& operator=(const Function&) = default;
  ~Function();  // frees the values it holds without recursion (see DeferredRelease)

  enum class Kind { Lambda, Native, PartialNative, Chain, Regex, RegexNext, Transform };
  Kind kind = Kind::Lambda;
  // Lambda / Transform
  const Node* node = nullptr;
  Value input;
  Frame* env = nullptr;
  std::vector<std::string> params;
  std::shared_ptr<Signature> signature;
  bool thunk = false;
  // Native / PartialNative
  const Builtin* builtin = nullptr;
  std::vector<Value> bound;
  std::vector<bool> placeholder;
  // Chain: g(f(x))
  Value f, g;
  // Regex / RegexNext
  std::shared_ptr<CompiledRegex> regex;
  Value subject;               // RegexNext: the string searched (shared, not copied)
  std::size_t next_byte = 0;   // where the next search starts, in bytes of `subject`
  std::size_t next_index = 0;  // the same position in characters

 private:
  BudgetCharge header_{sizeof(Function) + 16 + kAllocationOverhead};
};

int function_arity(const Value& f);

class Evaluator {
 public:
  Evaluator(const BuiltinRegistry& registry, const Limits& limits);

  Value evaluate(const Node* expr, const Value& input, Frame* env);
  Value apply(const Value& proc, std::vector<Value> args, const Value& input, Frame* env);
  Frame* new_frame(Frame* parent);
  const Value* lookup(Frame* env, std::string_view name) const;

  double now_ms() const { return now_ms_; }
  void keep_alive(NodePtr ast) { asts_.push_back(std::move(ast)); }
  std::mt19937_64& rng() {
    if (!rng_seeded_) {
      rng_.seed(std::random_device{}());
      rng_seeded_ = true;
    }
    return rng_;
  }
  const BuiltinRegistry& registry() const { return registry_; }

  // Evaluation of paths, filters, sorting and grouping (evaluate_path.cpp).
  Value evaluate_path(const Node* expr, const Value& input, Frame* env);
  Value evaluate_tuple_path(const Node* expr, const Value& input, Frame* env);
  // One step over `count` input items; `may_unwrap`: a lone non-array result (or none) may come
  // back as itself (or undefined) instead of as a sequence.
  Value evaluate_step(const Node* expr, const Value* items, std::size_t count, Frame* env,
                      bool last_step, bool may_unwrap);
  Value evaluate_tuple_step(const Node* expr, const Value& input, Value tuple_bindings, Frame* env);
  Value evaluate_stages(const std::vector<Stage>& stages, Value input, Frame* env);
  Value evaluate_filter(const Node* predicate, const Value& input, Frame* env);
  Value evaluate_sort(const Node* expr, const Value& input, Frame* env);
  Value evaluate_group(const GroupBy& group, const Value& input, Frame* env);
  Value evaluate_object_constructor(const Node* expr, const Value& input, Frame* env);
  Frame* frame_from_tuple(Frame* env, const Value& tuple);

  // Operators (evaluate_operators.cpp).
  Value evaluate_binary(const Node* expr, const Value& input, Frame* env);
  Value evaluate_unary(const Node* expr, const Value& input, Frame* env);

  // Calls, lambdas, partial application, ~>, transforms (evaluate_calls.cpp).
  Value evaluate_function(const Node* expr, const Value& input, Frame* env, const Value* applyto);
  Value evaluate_partial(const Node* expr, const Value& input, Frame* env);
  Value evaluate_lambda(const Node* expr, const Value& input, Frame* env);
  Value evaluate_apply(const Node* expr, const Value& input, Frame* env);
  Value evaluate_transform(const Node* expr, const Value& input, Frame* env);
  Value apply_inner(const Value& proc, std::vector<Value> args, const Value& input, Frame* env);
  Value apply_transform(const Function& fn, const Value& obj, Frame* env);
  // The match of a regex in `subject` (a string) from byte `from_byte`, which is character
  // `from_index`: jsonata-js' match object {match, start, end, groups, next}, or undefined.
  Value call_regex(const Function& fn, const Value& subject, std::size_t from_byte,
                   std::size_t from_index);

  // Work done outside evaluate() (a regex scan, a walk over a large value): counted as steps
  // toward Limits::max_steps, with the deadline checked, so no native loop escapes the limits.
  void count_work(std::size_t units);
  // Throws U1001 when the native stack is nearly exhausted (recursion outside evaluate()).
  void check_stack() const;

 private:
  void check_limits();

  const BuiltinRegistry& registry_;
  Limits limits_;
  std::deque<Frame> frames_;
  std::vector<NodePtr> asts_;
  std::size_t depth_ = 0;
  std::size_t steps_ = 0;
  std::chrono::steady_clock::time_point deadline_;
  std::uintptr_t stack_limit_ = 0;
  double now_ms_ = 0;
  std::mt19937_64 rng_;
  bool rng_seeded_ = false;
};

// A field of an object, or of each object in an array (flattened into a sequence).
Value lookup_field(const Value& input, std::string_view key);
// The last rule of evaluate(): a sequence (not a tuple stream) of one item becomes the item unless
// kept as an array, an empty one becomes undefined.
void collapse_sequence(Value& result, bool keep_array);

// jsonata-js fn.boolean: effective boolean value (undefined stays undefined).
Value to_boolean(const Value& v);
bool truthy(const Value& v);
// fn.append
Value append_values(const Value& a, const Value& b);
// fn.string: string conversion (undefined in, undefined out).
Value to_string_value(const Value& v, bool pretty = false);
// Deep copy (used by $clone and transforms).
Value deep_clone(const Value& v, std::size_t depth = 0);
// The binding `key` of a tuple (a stream item of a path with %, @ or # steps); undefined if none.
inline Value tuple_get(const Value& tuple, std::string_view key) {
  if (!tuple.is_object()) return Value{};
  const Value* v = tuple.as_object().find(key);
  return v ? *v : Value{};
}

}  // namespace sfn::jsonata
