// Ported from jsonata-js (MIT licence, see THIRD_PARTY_NOTICES.md):
// src/functions.js and src/datetime.js.
// $formatNumber, $formatInteger, $parseInteger.
#include "expr/jsonata/builtin_registry.h"
#include "expr/jsonata/datetime.h"
#include "expr/jsonata/format_number.h"

namespace sfn::jsonata {
namespace {

// The picture argument. The signature lets an undefined argument through (jsonata-js then fails
// with a JavaScript TypeError); here it is T0410.
const std::string& picture(const std::vector<Value>& args) {
  const Value& p = arg(args, 1);
  if (!p.is_string()) throw_arg_error("T0410", p, 2);
  return p.as_string();
}

Value format_number_fn(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  if (v.is_undefined()) return Value{};
  return Value::string(format_number(v.as_number(), picture(args), arg(args, 2)));
}

Value format_integer_fn(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  if (v.is_undefined()) return Value{};
  return Value::string(format_integer(v.as_number(), picture(args)));
}

Value parse_integer_fn(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  if (v.is_undefined()) return Value{};
  auto r = parse_integer(v.as_string(), picture(args));
  return r ? Value::number(*r) : Value{};
}

}  // namespace

void register_format_functions(BuiltinRegistry& r) {
  r.add("formatNumber", format_number_fn, "<n-so?:s>", 3);
  r.add("formatInteger", format_integer_fn, "<n-s:s>", 2);
  r.add("parseInteger", parse_integer_fn, "<s-s:n>", 2);
}

}  // namespace sfn::jsonata
