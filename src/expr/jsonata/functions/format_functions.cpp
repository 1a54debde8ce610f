// $formatNumber, $formatInteger, $parseInteger.
#include "expr/jsonata/datetime.h"
#include "expr/jsonata/format_number.h"
#include "expr/jsonata/registry.h"

namespace sfn::jsonata {
namespace {

Value format_number_fn(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  if (v.is_undefined()) return Value{};
  return Value::string(format_number(v.as_number(), arg(args, 1).as_string(), arg(args, 2)));
}

Value format_integer_fn(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  if (v.is_undefined()) return Value{};
  return Value::string(format_integer(v.as_number(), arg(args, 1).as_string()));
}

Value parse_integer_fn(CallContext&, std::vector<Value>& args) {
  const Value& v = arg(args, 0);
  if (v.is_undefined()) return Value{};
  auto r = parse_integer(v.as_string(), arg(args, 1).as_string());
  return r ? Value::number(*r) : Value{};
}

}  // namespace

void register_format_functions(FunctionRegistry& r) {
  r.add("formatNumber", format_number_fn, "<n-so?:s>", 3);
  r.add("formatInteger", format_integer_fn, "<n-s:s>", 2);
  r.add("parseInteger", parse_integer_fn, "<s-s:n>", 2);
}

}  // namespace sfn::jsonata
