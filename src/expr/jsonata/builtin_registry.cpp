#include "expr/jsonata/builtin_registry.h"

namespace sfn::jsonata {

void BuiltinRegistry::add(std::string name, NativeFn fn, const std::string& signature, int arity) {
  Builtin& b = builtins_.emplace_back();
  b.name = name;
  b.fn = fn;
  if (!signature.empty()) b.signature = parse_signature(signature);
  b.arity = arity;
  auto f = std::make_shared<Function>();
  f->kind = Function::Kind::Native;
  f->builtin = &b;
  functions_[std::move(name)] = Value::function(std::move(f));
}

void BuiltinRegistry::remove(std::string_view name) { functions_.erase(std::string(name)); }

const Value* BuiltinRegistry::find(std::string_view name) const {
  auto it = functions_.find(std::string(name));
  return it == functions_.end() ? nullptr : &it->second;
}

void throw_arg_error(std::string code, Value value, int index) {
  JsonataException e;
  e.code = std::move(code);
  e.value = std::move(value);
  e.index = index;
  throw e;
}

namespace {
BuiltinRegistry build(bool step_functions) {
  BuiltinRegistry r;
  register_aggregate_functions(r);
  register_string_functions(r);
  register_regex_functions(r);
  register_numeric_functions(r);
  register_array_functions(r);
  register_object_functions(r);
  register_hof_functions(r);
  register_encoding_functions(r);
  register_datetime_functions(r);
  register_format_functions(r);
  register_misc_functions(r);
  if (step_functions) {
    register_step_functions_functions(r);
    r.remove("eval");
  }
  return r;
}
}  // namespace

const BuiltinRegistry& standard_registry(bool step_functions) {
  static const BuiltinRegistry plain = build(false);
  static const BuiltinRegistry aws = build(true);
  return step_functions ? aws : plain;
}

}  // namespace sfn::jsonata
