// Built-in functions by family. Each family file exposes register_<family>_functions(registry).
#pragma once

#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>

#include "expr/jsonata/evaluator.h"

namespace sfn::jsonata {

// The built-in functions of JSONata ($string, $map, ...) by name, as function values.
class BuiltinRegistry {
 public:
  // `signature` as jsonata-js writes it ("<s-nn?:s>"); `arity` as its implementation.length.
  void add(std::string name, NativeFn fn, const std::string& signature, int arity);
  void remove(std::string_view name);
  const Value* find(std::string_view name) const;

 private:
  std::deque<Builtin> builtins_;
  std::unordered_map<std::string, Value> functions_;
};

void register_aggregate_functions(BuiltinRegistry& r);
void register_string_functions(BuiltinRegistry& r);
void register_regex_functions(BuiltinRegistry& r);
void register_numeric_functions(BuiltinRegistry& r);
void register_array_functions(BuiltinRegistry& r);
void register_object_functions(BuiltinRegistry& r);
void register_hof_functions(BuiltinRegistry& r);
void register_encoding_functions(BuiltinRegistry& r);
void register_datetime_functions(BuiltinRegistry& r);
void register_format_functions(BuiltinRegistry& r);
void register_misc_functions(BuiltinRegistry& r);
void register_step_functions_functions(BuiltinRegistry& r);

// The JSONata 2.0.6 library, optionally with the AWS Step Functions additions (and no $eval).
const BuiltinRegistry& standard_registry(bool step_functions);

// Helpers for function implementations.
inline const Value& arg(const std::vector<Value>& args, std::size_t i) {
  static const Value kUndefined;
  return i < args.size() ? args[i] : kUndefined;
}
[[noreturn]] void throw_arg_error(std::string code, Value value, int index);

}  // namespace sfn::jsonata
